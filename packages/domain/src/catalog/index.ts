import type { RequirementCatalog } from '../requirement.ts'
import { pkpu8of2024 } from './pkpu-8-2024.ts'

export { pkpu8of2024 }

/** Every catalog version that ships, oldest first; `catalogInEffect` picks the one for a date. */
export const requirementCatalogs: readonly RequirementCatalog[] = [pkpu8of2024]
