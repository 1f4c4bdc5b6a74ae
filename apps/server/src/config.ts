import { defaultDataDir } from '@mejabantu/db'
import { z } from 'zod'

const EnvSchema = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATA_DIR: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  // Calls one kiosk may make per minute (packages/api kiosk-throttle); unset keeps the defaults.
  KIOSK_CHECK_INS_PER_MINUTE: z.coerce.number().int().positive().optional(),
  KIOSK_LOOKUPS_PER_MINUTE: z.coerce.number().int().positive().optional(),
  // How often guest-book personal data past its retention period is anonymised (UU PDP); 0 turns it off.
  RETENTION_INTERVAL_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .default(360),
  // Attachments: a folder on disk, or an S3-compatible bucket when S3_BUCKET is set (packages/api storage).
  ATTACHMENTS_DIR: z.string().min(1).optional(),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_REGION: z.string().min(1).optional(),
  S3_ENDPOINT: z.url().optional(),
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).optional(),
  S3_PREFIX: z.string().optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
})

export type Config = {
  host: string
  port: number
  database: { url: string } | { dataDir: string }
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL']
  shutdownTimeoutMs: number
  kioskLimits: { checkIn?: number; lookup?: number }
  retentionIntervalMinutes: number
}

/** Reads the environment once at start; a bad value stops the server with a message naming it. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')))
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new Error(`Invalid environment: ${problems}`)
  }
  const e = parsed.data
  return {
    host: e.HOST,
    port: e.PORT,
    database: e.DATABASE_URL ? { url: e.DATABASE_URL } : { dataDir: e.DATA_DIR ?? defaultDataDir() },
    logLevel: e.LOG_LEVEL,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    kioskLimits: {
      ...(e.KIOSK_CHECK_INS_PER_MINUTE && { checkIn: e.KIOSK_CHECK_INS_PER_MINUTE }),
      ...(e.KIOSK_LOOKUPS_PER_MINUTE && { lookup: e.KIOSK_LOOKUPS_PER_MINUTE }),
    },
    retentionIntervalMinutes: e.RETENTION_INTERVAL_MINUTES,
  }
}
