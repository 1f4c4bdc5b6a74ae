import { createRequire } from 'node:module'
import path from 'node:path'

// Resolved through the package name so the bundled server finds the same files as the sources do.
const packageRoot = path.dirname(createRequire(import.meta.url).resolve('@mejabantu/db/package.json'))

export const schemaPath = path.join(packageRoot, 'prisma', 'schema.prisma')
export const migrationsDir = path.join(packageRoot, 'prisma', 'migrations')
