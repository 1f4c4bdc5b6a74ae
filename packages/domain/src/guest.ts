import { z } from 'zod'
import { StakeholderCategory } from './consultation.ts'
import { TopicCodeSchema } from './topic.ts'
import { labelledEnum } from './labels.ts'
import { allow, deny, type RuleResult } from './rules.ts'

/**
 * An Indonesian phone number in E.164 (`+628123456789`), or null when the input cannot be one. Visitors
 * type "0812-3456-789", "62812…" or "+62 812…"; all mean the same number.
 */
export function normalisePhone(raw: string): string | null {
  const compact = raw.replace(/[\s\-.()]/g, '')
  const international = compact.startsWith('+')
    ? compact
    : compact.startsWith('0')
      ? `+62${compact.slice(1)}`
      : compact.startsWith('62')
        ? `+${compact}`
        : null
  return international && /^\+[1-9][0-9]{7,14}$/.test(international) ? international : null
}

/** A phone number as typed, normalised to E.164; other input is refused with `phone.invalid`. */
export const PhoneSchema = z.string().transform((raw, ctx) => {
  const phone = normalisePhone(raw)
  if (!phone) ctx.issues.push({ code: 'custom', input: raw, message: 'phone.invalid' })
  return phone ?? z.NEVER
})

/** Who signs the guest book. */
export const GuestInputSchema = z.object({
  name: z.string().trim().min(2).max(120),
  institution: z.string().trim().min(1).max(160).optional(),
  phone: PhoneSchema,
  email: z.email().max(160).optional(),
  category: StakeholderCategory.schema,
})
/** A guest as entered at the kiosk or by staff. */
export type GuestInput = z.infer<typeof GuestInputSchema>

/** Why a visitor is served first: the priority lane. */
export const PriorityReason = labelledEnum({
  lansia: { id: 'Lanjut usia', en: 'Elderly' },
  disabilitas: { id: 'Penyandang disabilitas', en: 'Person with a disability' },
  hamil: { id: 'Ibu hamil', en: 'Pregnant' },
})
/** A reason for the priority lane. */
export type PriorityReason = z.infer<typeof PriorityReason.schema>

/** A kiosk's offline ticket number: its prefix ("L1"…"L99") and the tablet's count of the day. */
export const ProvisionalNumberSchema = z.string().regex(/^L\d{1,2}-\d{3}$/)

/**
 * A walk-in's check-in. `clientId` is made on the device before sending, so a retry (or an offline outbox
 * replaying) names the same visit and never creates a second one.
 */
export const CheckInSchema = z.object({
  clientId: z.uuid(),
  guest: GuestInputSchema,
  topic: TopicCodeSchema,
  purpose: z.string().trim().max(280).optional(),
  priority: PriorityReason.schema.nullable().default(null),
  /** The visitor wants a message (to the e-mail or phone they left) when their number is called. */
  notifyOnCall: z.boolean().default(false),
  /** The consent text version the visitor accepted (UU PDP). */
  consentVersion: z.string().min(1).max(40),
  /** When the visitor checked in on the device; offline check-ins arrive later than they happened. */
  checkedInAt: z.coerce.date().optional(),
  /** The number an offline tablet showed ("L2-003", its prefix and count), kept beside the real one. */
  provisionalNumber: ProvisionalNumberSchema.optional(),
})
/** A check-in as sent by the kiosk. */
export type CheckIn = z.input<typeof CheckInSchema>

/** A visit's place in the day: waiting, called to the desk, being served, done, or did not come. */
export const VisitStatus = labelledEnum({
  menunggu: { id: 'Menunggu', en: 'Waiting' },
  dipanggil: { id: 'Dipanggil', en: 'Called' },
  dilayani: { id: 'Dilayani', en: 'Being served' },
  selesai: { id: 'Selesai', en: 'Done' },
  tidak_hadir: { id: 'Tidak hadir', en: 'No-show' },
})
/** A visit's status. */
export type VisitStatus = z.infer<typeof VisitStatus.schema>

const visitMoves: Record<VisitStatus, readonly VisitStatus[]> = {
  menunggu: ['dipanggil'],
  // Calling again (recall) keeps the visit called.
  dipanggil: ['dipanggil', 'dilayani', 'tidak_hadir'],
  dilayani: ['selesai'],
  selesai: [],
  // A visitor who missed the call and comes back rejoins the queue with the same number.
  tidak_hadir: ['menunggu'],
}

/** The next status of a visit, or `visit.transition` naming both ends. */
export function moveVisit(from: VisitStatus, to: VisitStatus): RuleResult<VisitStatus> {
  if (visitMoves[from].includes(to)) return allow(to)
  return deny({
    rule: 'visit.transition',
    params: { from, to },
    message: {
      id: `Kunjungan berstatus ${VisitStatus.label(from)} tidak dapat menjadi ${VisitStatus.label(to)}.`,
      en: `A visit that is ${VisitStatus.label(from, 'en')} cannot become ${VisitStatus.label(to, 'en')}.`,
    },
  })
}

/** A guest-book entry (buku kehadiran tamu). Channel is always tatap muka. */
export const VisitSchema = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  officeId: z.uuid(),
  guest: GuestInputSchema.extend({ phone: z.string() }),
  topic: TopicCodeSchema,
  purpose: z.string().nullable(),
  priority: PriorityReason.schema.nullable(),
  consentVersion: z.string(),
  queueNumber: z.string(),
  serviceDay: z.iso.date(),
  status: VisitStatus.schema,
  checkedInAt: z.date(),
  calledAt: z.date().nullable(),
  servedAt: z.date().nullable(),
  checkedOutAt: z.date().nullable(),
})
/** A stored visit. */
export type Visit = z.infer<typeof VisitSchema>

/**
 * A name masked for a returning visitor's confirmation: "Budi Santoso" → "Bud* S*****". Fixed-length masks
 * so the screen never reveals how long a name is.
 */
export function maskName(name: string): string {
  const [first = '', ...rest] = name.trim().split(/\s+/)
  const head = [...first]
  const masked = [`${head.slice(0, Math.min(3, head.length - 1)).join('') || head[0] || ''}*`]
  for (const word of rest) masked.push(`${[...word][0]}*****`)
  return masked.join(' ')
}

/** A phone masked for confirmation: "+6281234567789" → "0812****789". */
export function maskPhone(phone: string): string {
  const local = phone.startsWith('+62') ? `0${phone.slice(3)}` : phone
  return `${local.slice(0, 4)}****${local.slice(-3)}`
}

/** A consent text (UU PDP): what is kept, for how long and why. Versions are added, never edited. */
export const ConsentTextSchema = z.object({
  version: z.string().min(1).max(40),
  effectiveFrom: z.iso.date(),
  retentionDays: z.number().int().min(1).max(3650),
  body: z.object({ id: z.string().min(20), en: z.string().min(20) }),
})
/** A consent text version. */
export type ConsentText = z.infer<typeof ConsentTextSchema>
