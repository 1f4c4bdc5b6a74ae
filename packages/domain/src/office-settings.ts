import { z } from 'zod'
import { OfficeInputSchema, OfficeSchema } from './office.ts'
import { TimeZone } from './time.ts'

/** At most this many help-desk contact entries per office: a public page, not an address book. */
export const MAX_HELPDESK_CONTACTS = 12

/**
 * How the public reaches an office's help desk, channel name → address, e.g.
 * `{ telepon: "(0274) 367xxx", email: "helpdesk@…" }`; the shape the public office page publishes.
 */
export const HelpdeskContactsSchema = z
  .record(z.string().trim().min(1).max(60), z.string().trim().min(1).max(500))
  .refine((contacts) => Object.keys(contacts).length <= MAX_HELPDESK_CONTACTS, {
    message: 'office.contacts.tooMany',
  })
/** Help-desk contacts by channel. */
export type HelpdeskContacts = z.infer<typeof HelpdeskContactsSchema>

/** What an admin may change about an office once it exists; its level, code and parent stay. */
export const OfficeSettingsSchema = z.object({
  name: OfficeInputSchema.shape.name,
  timeZone: TimeZone.schema,
  /** Opening hours as the public page shows them, e.g. "Senin–Jumat 08.00–16.00 WIB". */
  helpdeskHours: z.string().trim().min(1).max(500).nullable(),
  helpdeskContacts: HelpdeskContactsSchema,
  /** Days after the nomination stage before guest-book personal data is anonymised (UU PDP). */
  retentionDays: z.number().int().min(1).max(3650),
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
