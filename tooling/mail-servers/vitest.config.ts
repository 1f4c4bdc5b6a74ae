import { integrationConfig } from '@mejabantu/vitest-config'

export default integrationConfig
