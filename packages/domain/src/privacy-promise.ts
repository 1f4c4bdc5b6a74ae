import { ANONYMISED_NAME } from './anonymise.ts'
import { labelledEnum, type Label } from './labels.ts'
import { APPOINTMENT_PROMISE } from './privacy-promise-appointments.ts'

/**
 * What the help desk promises about each personal field it keeps (UU PDP 27/2022): where it is kept, why,
 * for how long, and what erasure does to it. The kiosk's consent text is written from this list, and the
 * schema test fails for a personal column that is not on it, so the text, the schema and the erasure code
 * can be checked against one table.
 */

/** Which record a field belongs to, as a visitor would name it. */
export const PersonalRecord = labelledEnum({
  buku_tamu: { id: 'Buku tamu', en: 'Guest book' },
  lembar_konsultasi: { id: 'Lembar konsultasi', en: 'Consultation sheet' },
  lampiran: { id: 'Lampiran konsultasi', en: 'Consultation attachments' },
  pasangan_calon: { id: 'Data pasangan calon', en: 'Candidate pair record' },
  penelitian: { id: 'Penelitian persyaratan', en: 'Requirement research' },
  serah_terima: { id: 'Berita acara serah terima', en: 'Handover record' },
  janji_temu: { id: 'Janji temu', en: 'Appointments' },
  akun_petugas: { id: 'Akun petugas', en: 'Staff accounts' },
})
/** A record holding personal data. */
export type PersonalRecord = (typeof PersonalRecord.values)[number]

/** How long a field is kept. */
export const Retention = labelledEnum({
  tahapan: {
    id: 'sampai masa simpan kantor setelah tahapan pencalonan berakhir (atau lebih singkat bila persetujuan menyebutnya)',
    en: 'until the office’s retention period after the nomination stage ends (or less if the consent says so)',
  },
  arsip: { id: 'sebagai arsip pencalonan dan jejak audit', en: 'as the nomination archive and audit trail' },
  akun: { id: 'selama akun petugas ada', en: 'as long as the staff account exists' },
  sesi: { id: 'sampai sesi masuk berakhir', en: 'until the sign-in session ends' },
  jendela: { id: 'selama jendela pembatasan percobaan', en: 'for the rate-limit window' },
})
/** How long a field is kept. */
export type Retention = (typeof Retention.values)[number]

/**
 * What erasure (a request, or the retention run once the period is over) does to a field:
 * - `null`: the column is emptied (set to NULL);
 * - `anonim`: text becomes 'Anonim'; in a JSON list of people each `name` becomes 'Anonim' and the other
 *   keys named in `jsonKeys` are removed;
 * - `scrub`: the text stays, passed through `scrubPersonalData` with the record's names;
 * - `delete`: the row goes (with its stored file, for an attachment);
 * - `keep`: nothing; the value no longer points at anyone once the fields beside it are erased.
 */
export const Erasure = labelledEnum({
  null: { id: 'dihapus', en: 'removed' },
  anonim: { id: `diganti “${ANONYMISED_NAME}”`, en: `replaced by “${ANONYMISED_NAME}”` },
  scrub: {
    id: 'nama, kontak dan alamat di dalamnya dihapus',
    en: 'names, contacts and addresses in it removed',
  },
  delete: { id: 'dihapus beserta berkasnya', en: 'deleted with its file' },
  keep: { id: 'tetap, tanpa identitas', en: 'kept, without identity' },
})
/** What erasure does to a field. */
export type Erasure = (typeof Erasure.values)[number]

/** One promised field. `table` and `column` are the Prisma model and field names. */
export interface PromisedField {
  table: string
  column: string
  /** For JSON lists of people: the keys that are personal. */
  jsonKeys?: readonly string[]
  record: PersonalRecord
  /** As the consent text names it. */
  label: Label
  retention: Retention
  erasure: Erasure
}

const field = (
  table: string,
  column: string,
  record: PersonalRecord,
  label: Label,
  retention: Retention,
  erasure: Erasure,
  jsonKeys?: readonly string[],
): PromisedField => ({ table, column, record, label, retention, erasure, ...(jsonKeys && { jsonKeys }) })

/** Why each record is kept; the consent text gives these reasons. */
export const PURPOSES: Record<PersonalRecord, Label> = {
  buku_tamu: { id: 'melayani Anda dan memanggil antrean', en: 'serve you and call the queue' },
  lembar_konsultasi: {
    id: 'menjawab, merujuk dan melaporkan pertanyaan',
    en: 'answer, refer and report on questions',
  },
  lampiran: { id: 'menjawab pertanyaan yang disertai dokumen', en: 'answer questions sent with documents' },
  pasangan_calon: {
    id: 'menghubungi LO dan meneliti syarat pasangan calon',
    en: 'reach the LO and check the pair’s requirements',
  },
  penelitian: { id: 'mencatat hasil penelitian dokumen', en: 'record the research of documents' },
  serah_terima: { id: 'mencatat siapa hadir pada serah terima', en: 'record who attended the handover' },
  janji_temu: { id: 'mengatur jadwal kedatangan Anda', en: 'schedule your visit' },
  akun_petugas: { id: 'masuk, keamanan dan jejak audit', en: 'sign-in, security and the audit trail' },
}

const t = (id: string, en: string): Label => ({ id, en })

/** Every personal field the help desk keeps, in the order the consent text lists them. */
export const PRIVACY_PROMISE: readonly PromisedField[] = [
  field('Guest', 'name', 'buku_tamu', t('nama', 'name'), 'tahapan', 'anonim'),
  field('Guest', 'institution', 'buku_tamu', t('instansi', 'institution'), 'tahapan', 'null'),
  field('Guest', 'phone', 'buku_tamu', t('nomor telepon', 'phone number'), 'tahapan', 'null'),
  field('Guest', 'email', 'buku_tamu', t('e-mail', 'e-mail'), 'tahapan', 'null'),
  field('Guest', 'category', 'buku_tamu', t('kategori', 'category'), 'tahapan', 'keep'),
  field('Visit', 'topic', 'buku_tamu', t('topik', 'topic'), 'tahapan', 'keep'),
  field('Visit', 'purpose', 'buku_tamu', t('keperluan kunjungan', 'purpose of the visit'), 'tahapan', 'null'),
  field(
    'Visit',
    'priority',
    'buku_tamu',
    t('alasan antrean prioritas', 'priority-lane reason'),
    'tahapan',
    'null',
  ),
  ...APPOINTMENT_PROMISE,
  field(
    'Consultation',
    'askerName',
    'lembar_konsultasi',
    t('nama penanya', 'asker’s name'),
    'tahapan',
    'anonim',
  ),
  field(
    'Consultation',
    'askerInstitution',
    'lembar_konsultasi',
    t('instansi penanya', 'asker’s institution'),
    'tahapan',
    'null',
  ),
  field(
    'Consultation',
    'askerContact',
    'lembar_konsultasi',
    t('kontak penanya', 'asker’s contact'),
    'tahapan',
    'null',
  ),
  field(
    'Consultation',
    'stakeholderCategory',
    'lembar_konsultasi',
    t('kategori penanya', 'asker’s category'),
    'tahapan',
    'keep',
  ),
  field(
    'Consultation',
    'participants',
    'lembar_konsultasi',
    t('nama dan instansi peserta', 'participants’ names and institutions'),
    'tahapan',
    'anonim',
    ['name', 'institution'],
  ),
  field('Consultation', 'question', 'lembar_konsultasi', t('pertanyaan', 'question'), 'tahapan', 'scrub'),
  field('Consultation', 'minutes', 'lembar_konsultasi', t('notulen', 'minutes'), 'tahapan', 'scrub'),
  field('Consultation', 'answer', 'lembar_konsultasi', t('jawaban', 'answer'), 'tahapan', 'scrub'),
  field(
    'Consultation',
    'referralNote',
    'lembar_konsultasi',
    t('catatan rujukan', 'referral note'),
    'tahapan',
    'scrub',
  ),
  field(
    'InboundMail',
    'fromAddress',
    'lembar_konsultasi',
    t('alamat e-mail pengirim', 'sender’s address'),
    'tahapan',
    'null',
  ),
  field(
    'InboundMail',
    'fromName',
    'lembar_konsultasi',
    t('nama pengirim e-mail', 'sender’s name'),
    'tahapan',
    'null',
  ),
  field(
    'InboundMail',
    'subject',
    'lembar_konsultasi',
    t('subjek e-mail', 'e-mail subject'),
    'tahapan',
    'scrub',
  ),
  field('InboundMail', 'text', 'lembar_konsultasi', t('isi e-mail', 'e-mail text'), 'tahapan', 'null'),
  field(
    'InboundMail',
    'rawStorageKey',
    'lembar_konsultasi',
    t('e-mail asli beserta lampirannya', 'the original mail with its attachments'),
    'tahapan',
    'null',
  ),
  field(
    'OutboxMessage',
    'recipient',
    'lembar_konsultasi',
    t('alamat e-mail atau nomor tujuan pesan', 'address or number a message went to'),
    'tahapan',
    'anonim',
  ),
  field(
    'OutboxMessage',
    'subject',
    'lembar_konsultasi',
    t('subjek pesan', 'message subject'),
    'tahapan',
    'scrub',
  ),
  field('OutboxMessage', 'text', 'lembar_konsultasi', t('isi pesan', 'message text'), 'tahapan', 'anonim'),
  field(
    'ConsultationRating',
    'comment',
    'lembar_konsultasi',
    t('komentar penilaian layanan', 'comment on the rating of the service'),
    'tahapan',
    'scrub',
  ),
  field('Attachment', 'fileName', 'lampiran', t('nama berkas', 'file name'), 'tahapan', 'scrub'),
  field(
    'Attachment',
    'storageKey',
    'lampiran',
    t('isi berkas (pindaian dokumen)', 'file contents (scanned documents)'),
    'tahapan',
    'delete',
  ),
  field('CandidatePair', 'loName', 'pasangan_calon', t('nama LO', 'LO’s name'), 'tahapan', 'anonim'),
  field(
    'CandidatePair',
    'loPhone',
    'pasangan_calon',
    t('nomor telepon LO', 'LO’s phone number'),
    'tahapan',
    'null',
  ),
  field('CandidatePair', 'loEmail', 'pasangan_calon', t('e-mail LO', 'LO’s e-mail'), 'tahapan', 'null'),
  field(
    'CandidatePair',
    'contacts',
    'pasangan_calon',
    t(
      'nama, telepon dan e-mail admin SILON dan kontak lain',
      'names, phones and e-mails of SILON admins and other contacts',
    ),
    'tahapan',
    'anonim',
    ['name', 'phone', 'email'],
  ),
  field('Candidate', 'fullName', 'pasangan_calon', t('nama calon', 'candidates’ names'), 'arsip', 'keep'),
  field(
    'Candidate',
    'birthDate',
    'pasangan_calon',
    t('tanggal lahir calon', 'candidates’ dates of birth'),
    'arsip',
    'keep',
  ),
  field(
    'RequirementCheck',
    'reason',
    'penelitian',
    t('alasan hasil penelitian', 'reason for a research result'),
    'tahapan',
    'scrub',
  ),
  field(
    'RequirementCheck',
    'evidence',
    'penelitian',
    t('keterangan bukti', 'evidence note'),
    'tahapan',
    'scrub',
  ),
  field(
    'CheckEvent',
    'reason',
    'penelitian',
    t('riwayat alasan penelitian', 'history of research reasons'),
    'tahapan',
    'scrub',
  ),
  field(
    'CheckEvent',
    'evidence',
    'penelitian',
    t('riwayat keterangan bukti', 'history of evidence notes'),
    'tahapan',
    'scrub',
  ),
  field(
    'PairEvent',
    'reason',
    'penelitian',
    t('alasan keputusan atas pasangan', 'reasons of decisions on a pair'),
    'tahapan',
    'scrub',
  ),
  field(
    'Candidate',
    'replacementReason',
    'penelitian',
    t('alasan penggantian calon', 'reason a candidate was replaced'),
    'tahapan',
    'scrub',
  ),
  field(
    'Handover',
    'content',
    'penelitian',
    t('berita acara hasil penelitian yang telah diterbitkan', 'issued berita acara of research results'),
    'arsip',
    'keep',
  ),
  field(
    'Submission',
    'content',
    'penelitian',
    t('tanda terima dokumen yang telah diterbitkan', 'issued receipts of documents'),
    'arsip',
    'keep',
  ),
  field(
    'Handover',
    'attendees',
    'serah_terima',
    t(
      'nama, instansi dan jabatan peserta serah terima',
      'handover attendees’ names, institutions and positions',
    ),
    'tahapan',
    'anonim',
    ['name', 'institutionName', 'position'],
  ),
  field('User', 'displayName', 'akun_petugas', t('nama petugas', 'staff name'), 'akun', 'keep'),
  field('User', 'username', 'akun_petugas', t('nama pengguna', 'username'), 'akun', 'keep'),
  field(
    'Report',
    'content',
    'akun_petugas',
    t('nama petugas dalam laporan final', 'staff names in finalised reports'),
    'arsip',
    'keep',
  ),
  field('Session', 'ip', 'akun_petugas', t('alamat IP sesi', 'session IP address'), 'sesi', 'delete'),
  field('Session', 'userAgent', 'akun_petugas', t('peramban sesi', 'session browser'), 'sesi', 'delete'),
  field(
    'AuditEvent',
    'ip',
    'akun_petugas',
    t('alamat IP pada jejak audit', 'IP address in the audit trail'),
    'arsip',
    'keep',
  ),
  field(
    'RateLimit',
    'key',
    'akun_petugas',
    t('nama pengguna atau alamat IP yang dibatasi', 'rate-limited username or IP address'),
    'jendela',
    'delete',
  ),
]

/**
 * The machine-readable promise, for erasure and retention code and their tests: each personal column,
 * what erasure must leave in it, and how long it is kept. `jsonKeys` lists the personal keys of a JSON
 * list of people.
 */
export const PERSONAL_FIELDS: readonly Pick<
  PromisedField,
  'table' | 'column' | 'erasure' | 'retention' | 'jsonKeys'
>[] = PRIVACY_PROMISE.map(({ table, column, erasure, retention, jsonKeys }) => ({
  table,
  column,
  erasure,
  retention,
  ...(jsonKeys && { jsonKeys }),
}))

/** The records a visitor, asker, LO or attendee is told about: all but the staff's own accounts. */
export const VISITOR_RECORDS: readonly PersonalRecord[] = PersonalRecord.values.filter(
  (record) => record !== 'akun_petugas',
)
