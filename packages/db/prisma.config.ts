import { defineConfig } from 'prisma/config'

// Read by `prisma generate` (and by `prisma migrate deploy` where the native engine is available, with
// DATABASE_URL set). Everyday migration commands use src/cli.ts, which needs no native engine.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  ...(process.env.DATABASE_URL ? { datasource: { url: process.env.DATABASE_URL } } : {}),
})
