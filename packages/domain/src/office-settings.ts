import { z } from 'zod'
import { OfficeInputSchema, OfficeSchema } from './office.ts'
import { hasControlCharacter, isPrototypeKey } from './safe-text.ts'
import { TimeZone } from './time.ts'
import { MAX_DESKS } from './desks.ts'

/** At most this many help-desk contact entries per office: a public page, not an address book. */
export const MAX_HELPDESK_CONTACTS = 12

// A channel name is an object key on the public page: one that reaches a prototype is never one.
const contactChannel = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .refine((channel) => !isPrototypeKey(channel), { message: 'office.contacts.reservedName' })
const contactAddress = z.string().trim().min(1).max(500)

/**
 * How the public reaches an office's help desk, channel name → address, e.g.
 * `{ telepon: "(0274) 367xxx", email: "helpdesk@…" }`; the shape the public office page publishes.
 */
export const HelpdeskContactsSchema = z
  .record(contactChannel, contactAddress)
  .refine((contacts) => Object.keys(contacts).length <= MAX_HELPDESK_CONTACTS, {
    message: 'office.contacts.tooMany',
  })
/** Help-desk contacts by channel. */
export type HelpdeskContacts = z.infer<typeof HelpdeskContactsSchema>

/**
 * Contacts as stored (JSON an admin wrote, or a row changed by hand), read so that reading never fails:
 * entries whose name and address fit {@link HelpdeskContactsSchema} are kept, the first
 * {@link MAX_HELPDESK_CONTACTS} of them; anything else, prototype keys included, is left out.
 */
export function readHelpdeskContacts(stored: unknown): HelpdeskContacts {
  if (stored === null || typeof stored !== 'object' || Array.isArray(stored)) return {}
  const kept: [string, string][] = []
  for (const [key, value] of Object.entries(stored)) {
    if (isPrototypeKey(key) || typeof value !== 'string') continue
    if (hasControlCharacter(key) || hasControlCharacter(value)) continue
    const name = contactChannel.safeParse(key)
    const address = contactAddress.safeParse(value)
    if (name.success && address.success && !isPrototypeKey(name.data)) kept.push([name.data, address.data])
  }
  return Object.fromEntries(kept.slice(0, MAX_HELPDESK_CONTACTS))
}

/** What an admin may change about an office once it exists; its level, code and parent stay. */
export const OfficeSettingsSchema = z.object({
  name: OfficeInputSchema.shape.name,
  timeZone: TimeZone.schema,
  /** Opening hours as the public page shows them, e.g. "Senin–Jumat 08.00–16.00 WIB". */
  helpdeskHours: z.string().trim().min(1).max(500).nullable(),
  helpdeskContacts: HelpdeskContactsSchema,
  /** Days after the nomination stage before guest-book personal data is anonymised (UU PDP). */
  retentionDays: z.number().int().min(1).max(3650),
  /** Desks that call guests ("Meja 1" … "Meja n"); staff pick theirs in the queue screen. */
  deskCount: z.number().int().min(1).max(MAX_DESKS),
  /** Appointment slots: minutes each, guests per slot, the first and last slot (office time), the days. */
  slotMinutes: z.number().int().min(5).max(240),
  slotCapacity: z.number().int().min(1).max(50),
  slotsFrom: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  slotsTo: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  workingDays: z
    .array(z.number().int().min(0).max(6))
    .max(7)
    .refine((days) => new Set(days).size === days.length),
})
/** An office's editable settings. */
export type OfficeSettings = z.infer<typeof OfficeSettingsSchema>

/** A change to some of an office's settings; at least one must be given. */
export const OfficeSettingsUpdateSchema = OfficeSettingsSchema.partial()
  .extend({ id: z.uuid() })
  .refine((update) => Object.keys(update).some((key) => key !== 'id'), {
    message: 'office.update.empty',
  })
/** A change to an office's settings. */
export type OfficeSettingsUpdate = z.infer<typeof OfficeSettingsUpdateSchema>

/** A stored office with its help-desk settings, as the admin pages show it. */
export const OfficeRecordSchema = OfficeSchema.extend(OfficeSettingsSchema.omit({ name: true }).shape)
/** A stored office with its settings. */
export type OfficeRecord = z.infer<typeof OfficeRecordSchema>
