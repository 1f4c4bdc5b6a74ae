import { z } from 'zod'

/** What the server says about itself; the apps render it. */
export const HealthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  database: z.object({
    kind: z.enum(['pglite', 'postgresql']),
    reachable: z.boolean(),
    migration: z.string().nullable(),
    pendingMigrations: z.number().int().nonnegative(),
  }),
  time: z.iso.datetime(),
})
/** The server's health report. */
export type Health = z.infer<typeof HealthSchema>
