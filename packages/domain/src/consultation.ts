import { z } from 'zod'
import { labelledEnum } from './labels.ts'
import { ReferralTeam, TopicCodeSchema } from './topic.ts'

/** The five channels of Keputusan KPU 1229/2024. */
export const Channel = labelledEnum({
  tatap_muka: { id: 'Tatap muka', en: 'Face to face' },
  telepon: { id: 'Telepon', en: 'Telephone' },
  email: { id: 'E-mail', en: 'E-mail' },
  grup_pesan: { id: 'Grup pesan', en: 'Messaging group' },
  pertemuan_daring: { id: 'Pertemuan daring', en: 'Online meeting' },
})
/** A consultation channel. */
export type Channel = z.infer<typeof Channel.schema>

/** Who comes to the desk (the brief's stakeholder categories). */
export const StakeholderCategory = labelledEnum({
  lo: { id: 'LO (petugas penghubung) / admin SILON', en: 'Liaison officer / SILON admin' },
  pengurus_partai: { id: 'Pengurus partai politik', en: 'Party official' },
  bakal_calon: { id: 'Bakal calon atau tim', en: 'Prospective candidate or team' },
  tim_perseorangan: { id: 'Tim pasangan perseorangan', en: 'Independent pair team' },
  pemilih: { id: 'Pemilih / masyarakat', en: 'Voter / public' },
  pemantau: { id: 'Pemantau pemilihan', en: 'Election monitor' },
  lsm: { id: 'LSM', en: 'NGO' },
  media: { id: 'Media', en: 'Journalist' },
  bawaslu: { id: 'Bawaslu', en: 'Election supervisory body (Bawaslu)' },
  instansi: { id: 'Instansi pemerintah', en: 'Government agency' },
  lainnya: { id: 'Lainnya', en: 'Other' },
})
/** A stakeholder category. */
export type StakeholderCategory = z.infer<typeof StakeholderCategory.schema>

/** Where a consultation stands; see `applyConsultationAction` for the moves. */
export const ConsultationStatus = labelledEnum({
  baru: { id: 'Baru', en: 'New' },
  dijawab: { id: 'Dijawab', en: 'Answered' },
  dirujuk: { id: 'Dirujuk', en: 'Referred' },
  selesai: { id: 'Selesai', en: 'Closed' },
})
/** A consultation status. */
export type ConsultationStatus = z.infer<typeof ConsultationStatus.schema>

const text = (max: number) => z.string().trim().min(1).max(max)

/** Someone taking part in a group-chat or online-meeting consultation. */
export const ParticipantSchema = z.object({
  name: text(120),
  institution: text(160).optional(),
  category: StakeholderCategory.schema.optional(),
})
/** A participant. */
export type Participant = z.infer<typeof ParticipantSchema>

/** A consultation as staff record it on the lembar konsultasi, from any of the five channels. */
export const ConsultationInputSchema = z.object({
  channel: Channel.schema,
  askerName: text(120),
  askerInstitution: text(160).optional(),
  /** Phone, e-mail or group handle the answer goes back to. */
  askerContact: text(160).optional(),
  stakeholderCategory: StakeholderCategory.schema,
  /** A topic of the office's catalogue (see topic.ts), and optionally one of its sub-topics. */
  topic: TopicCodeSchema,
  subTopic: TopicCodeSchema.optional(),
  question: text(10_000),
  /** When it happened, if logged later (a phone call written up after hanging up). */
  occurredAt: z.coerce.date().optional(),
  /** Group chats and online meetings: who took part, and the minutes (notulen). */
  participants: z.array(ParticipantSchema).max(500).default([]),
  minutes: text(20_000).optional(),
  visitId: z.uuid().optional(),
  candidatePairId: z.uuid().optional(),
})
/** A consultation as entered. */
export type ConsultationInput = z.input<typeof ConsultationInputSchema>

/** An answer, from the desk or from the office a consultation was referred to. */
export const AnswerInputSchema = z.object({
  answer: text(10_000),
  /** The article cited, e.g. "PKPU 8/2024 Pasal 14 ayat (2) huruf e". */
  legalBasis: text(500).optional(),
})
/** An answer as entered. */
export type AnswerInput = z.infer<typeof AnswerInputSchema>

/** A referral to the parent office (KPU Provinsi, then KPU RI) for what the desk cannot answer. */
export const ReferralInputSchema = z.object({
  note: text(2_000),
  /** The SILON team or the policy line; the topic's default when not chosen. */
  team: ReferralTeam.schema.optional(),
})
/** A referral as entered. */
export type ReferralInput = z.infer<typeof ReferralInputSchema>

/** A stored consultation sheet. */
export const ConsultationSchema = ConsultationInputSchema.extend({
  id: z.uuid(),
  officeId: z.uuid(),
  number: z.string().min(1),
  status: ConsultationStatus.schema,
  answer: text(10_000).nullable(),
  legalBasis: text(500).nullable(),
  staffId: z.uuid().nullable(),
  referredToOfficeId: z.uuid().nullable(),
  referralNote: text(2_000).nullable(),
  referralTeam: ReferralTeam.schema.nullable(),
  subTopic: TopicCodeSchema.nullable(),
  occurredAt: z.date(),
  firstResponseAt: z.date().nullable(),
  answeredAt: z.date().nullable(),
  referredAt: z.date().nullable(),
  closedAt: z.date().nullable(),
})
/** A stored consultation sheet. */
export type Consultation = z.infer<typeof ConsultationSchema>

/** The sheet number: "LK-34.02-2024-00012", per office and year. */
export function consultationNumber(regionCode: string, year: number, sequence: number): string {
  return `LK-${regionCode}-${year}-${String(sequence).padStart(5, '0')}`
}
