import { parseSecretKey } from '@mejabantu/api'
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
  // How often documents left BMS after their perbaikan window are made TMS; 0 leaves it to staff.
  FIX_WINDOW_INTERVAL_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(1),
  // How often mailboxes are read, due messages sent and perbaikan reminders queued; 0 turns it off.
  MESSAGING_INTERVAL_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(1),
  // How often visitors of earlier days still in the guest book are checked out automatically; 0 turns it off.
  AUTO_CHECKOUT_INTERVAL_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(10),
  // 32 bytes (base64 or hex) sealing mailbox and gateway secrets at rest; without it none can be stored.
  MAIL_SECRET_KEY: z
    .string()
    .refine((v) => parseSecretKey(v) !== null, '32 bytes as base64 or 64 hex digits')
    .optional(),
  // Attachments: a folder on disk, or an S3-compatible bucket when S3_BUCKET is set (packages/api storage).
  ATTACHMENTS_DIR: z.string().min(1).optional(),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_REGION: z.string().min(1).optional(),
  S3_ENDPOINT: z.url().optional(),
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).optional(),
  S3_PREFIX: z.string().optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  // The top office of the tree this install serves, set up with its admin at first run (packages/api
  // first-run): "00" national, "34" a province, "34.02" a Kab/Kota (which needs its name).
  TOP_OFFICE_CODE: z
    .string()
    .regex(/^(00|\d{2}(\.\d{2})?)$/, 'a Kemendagri code: 00, 34 or 34.02')
    .optional(),
  TOP_OFFICE_NAME: z.string().trim().min(3).max(160).optional(),
  // The address askers reach this server at (behind its reverse proxy): closing messages then carry a
  // full rating link, not only its path. No query or fragment, which the link would then break on.
  PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .refine((v) => !URL.parse(v)?.search && !URL.parse(v)?.hash, 'an http(s) address without ? or #')
    .optional(),
})

/** Every environment variable the server reads: `npm start` (turbo) must pass each one through. */
export const CONFIG_VARIABLES = Object.keys(EnvSchema.shape)

export type Config = {
  host: string
  port: number
  database: { url: string } | { dataDir: string }
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL']
  shutdownTimeoutMs: number
  kioskLimits: { checkIn?: number; lookup?: number }
  retentionIntervalMinutes: number
  fixWindowIntervalMinutes: number
  messagingIntervalMinutes: number
  autoCheckOutIntervalMinutes: number
  /** The key sealing integration secrets; null when MAIL_SECRET_KEY is not set. */
  mailSecretKey: Buffer | null
  /** Where askers reach the server, without a trailing slash; null when PUBLIC_URL is not set. */
  publicUrl: string | null
  /** Unset: a fresh install serves the demo Kab/Kota (Bantul); one in use is left as it is. */
  topOffice?: { regionCode: string; name?: string }
}

/** Reads the environment once at start; a bad value stops the server with a message naming it. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')))
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new Error(`Invalid environment: ${problems}`)
  }
  const e = parsed.data
  if (e.TOP_OFFICE_NAME && !e.TOP_OFFICE_CODE) {
    throw new Error('Invalid environment: TOP_OFFICE_NAME: needs TOP_OFFICE_CODE')
  }
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
    fixWindowIntervalMinutes: e.FIX_WINDOW_INTERVAL_MINUTES,
    messagingIntervalMinutes: e.MESSAGING_INTERVAL_MINUTES,
    autoCheckOutIntervalMinutes: e.AUTO_CHECKOUT_INTERVAL_MINUTES,
    mailSecretKey: e.MAIL_SECRET_KEY ? parseSecretKey(e.MAIL_SECRET_KEY) : null,
    publicUrl: e.PUBLIC_URL ? e.PUBLIC_URL.replace(/\/+$/, '') : null,
    ...(e.TOP_OFFICE_CODE && {
      topOffice: { regionCode: e.TOP_OFFICE_CODE, ...(e.TOP_OFFICE_NAME && { name: e.TOP_OFFICE_NAME }) },
    }),
  }
}
