import { ANONYMISED_NAME } from './anonymise.ts'
import type { ConsentText } from './guest.ts'
import type { Label, Locale } from './labels.ts'
import {
  PersonalRecord,
  PRIVACY_PROMISE,
  PURPOSES,
  VISITOR_RECORDS,
  type Erasure,
  type PromisedField,
} from './privacy-promise.ts'

const phrases = {
  id: {
    opening: 'Helpdesk pencalonan KPU mencatat data pribadi berikut (UU Nomor 27 Tahun 2022).',
    record: (record: string, purpose: string, fields: string) => `${record}, untuk ${purpose}: ${fields}.`,
    where:
      'Data disimpan di basis data Meja Bantu kantor KPU yang melayani Anda, lampiran di penyimpanan berkas ' +
      'kantor itu, dan tidak dibagikan kepada pihak lain. Halaman publik, kiriman media sosial dan laporan ' +
      'hanya memuat angka, tanpa data pribadi Anda.',
    period: (days: number, clauses: string) =>
      `Data disimpan paling lama ${days} hari setelah tahapan pencalonan berakhir; setelah itu ${clauses}.`,
    archive: (fields: string) => `${fields} disimpan sebagai arsip pencalonan.`,
    rights: 'Anda berhak meminta akses, perbaikan atau penghapusan data Anda kepada petugas.',
    and: 'dan',
    erasure: {
      anonim: (fields: string) => `${fields} diganti “${ANONYMISED_NAME}”`,
      null: (fields: string) => `${fields} dihapus`,
      delete: (fields: string) => `${fields} dihapus beserta berkasnya`,
      scrub: (fields: string) => `nama, kontak dan alamat di dalam ${fields} dihapus`,
      keep: (fields: string) => `${fields} tetap disimpan tanpa identitas`,
    },
  },
  en: {
    opening: 'The KPU nomination help desk records the following personal data (Law 27 of 2022).',
    record: (record: string, purpose: string, fields: string) => `${record}, to ${purpose}: ${fields}.`,
    where:
      'It is kept in the Meja Bantu database of the KPU office serving you, attachments in that office’s ' +
      'file storage, and is not shared with anyone else. Public pages, social media posts and reports ' +
      'carry figures only, without your personal data.',
    period: (days: number, clauses: string) =>
      `It is kept for at most ${days} days after the nomination stage ends; then ${clauses}.`,
    archive: (fields: string) => `${fields} are kept as the nomination archive.`,
    rights: 'You may ask the staff to see, correct or delete your data.',
    and: 'and',
    erasure: {
      anonim: (fields: string) => `${fields} are replaced by “${ANONYMISED_NAME}”`,
      null: (fields: string) => `${fields} are removed`,
      delete: (fields: string) => `${fields} are deleted with their files`,
      scrub: (fields: string) => `names, contacts and addresses within ${fields} are removed`,
      keep: (fields: string) => `${fields} are kept without identity`,
    },
  },
} as const

// "a, b dan c"
const list = (items: readonly string[], and: string) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

// What happens at the end of the period, in the order a reader cares about: the name first.
const ERASURE_ORDER: readonly Erasure[] = ['anonim', 'null', 'delete', 'scrub', 'keep']

/** The fields a visitor, asker, LO or attendee is told about, in the promise's order. */
export const CONSENT_FIELDS: readonly PromisedField[] = PRIVACY_PROMISE.filter((field) =>
  VISITOR_RECORDS.includes(field.record),
)

function body(retentionDays: number, locale: Locale): string {
  const say = phrases[locale]
  const labels = (fields: readonly PromisedField[]) =>
    list(
      fields.map((f) => f.label[locale]),
      say.and,
    )
  const records = VISITOR_RECORDS.map((record) => {
    const fields = CONSENT_FIELDS.filter((field) => field.record === record)
    return say.record(PersonalRecord.label(record, locale), PURPOSES[record][locale], labels(fields))
  })
  const periodic = CONSENT_FIELDS.filter((field) => field.retention === 'tahapan')
  const clauses = ERASURE_ORDER.flatMap((erasure) => {
    const fields = periodic.filter((field) => field.erasure === erasure)
    return fields.length ? [say.erasure[erasure](labels(fields))] : []
  })
  const archived = CONSENT_FIELDS.filter((field) => field.retention === 'arsip')
  return [
    say.opening,
    ...records,
    say.where,
    say.period(retentionDays, clauses.join('; ')),
    ...(archived.length ? [capitalised(say.archive(labels(archived)))] : []),
    say.rights,
  ].join(' ')
}

/**
 * The consent text for a retention period, in both languages, written from {@link PRIVACY_PROMISE}: every
 * field a visitor, asker, LO or attendee gives, by record and purpose, where it is kept, the number of
 * days, and what becomes of each field when they are over.
 */
export function consentBody(retentionDays: number): Label {
  return { id: body(retentionDays, 'id'), en: body(retentionDays, 'en') }
}

/** A whole consent text version written from the promise; see {@link consentBody}. */
export function consentTextFor(
  version: Pick<ConsentText, 'version' | 'effectiveFrom' | 'retentionDays'>,
): ConsentText {
  return { ...version, body: consentBody(version.retentionDays) }
}
