import { z } from 'zod'
import { labelledEnum } from './labels.ts'

/** The five channels of Keputusan KPU 1229/2024. */
export const Channel = labelledEnum({
  tatap_muka: { id: 'Tatap muka', en: 'Face to face' },
  telepon: { id: 'Telepon', en: 'Telephone' },
  email: { id: 'E-mail', en: 'E-mail' },
  grup_pesan: { id: 'Grup pesan', en: 'Messaging group' },
  pertemuan_daring: { id: 'Pertemuan daring', en: 'Online meeting' },
})
export type Channel = z.infer<typeof Channel.schema>

export const StakeholderCategory = labelledEnum({
  lo: { id: 'LO / admin SILON', en: 'Liaison officer / SILON admin' },
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
export type StakeholderCategory = z.infer<typeof StakeholderCategory.schema>

export const Topic = labelledEnum({
  syarat_calon: { id: 'Syarat calon', en: 'Candidate requirements' },
  syarat_pencalonan: { id: 'Syarat pencalonan', en: 'Nomination requirements' },
  silon: { id: 'SILON', en: 'SILON application' },
  visi_misi: { id: 'Visi, misi dan program', en: 'Vision, mission and programme' },
  foto: { id: 'Foto calon', en: 'Candidate photos' },
  jadwal: { id: 'Jadwal tahapan', en: 'Stage schedule' },
  lainnya: { id: 'Lainnya', en: 'Other' },
})
export type Topic = z.infer<typeof Topic.schema>

export const ConsultationStatus = labelledEnum({
  baru: { id: 'Baru', en: 'New' },
  dijawab: { id: 'Dijawab', en: 'Answered' },
  dirujuk: { id: 'Dirujuk', en: 'Referred' },
  selesai: { id: 'Selesai', en: 'Closed' },
})
export type ConsultationStatus = z.infer<typeof ConsultationStatus.schema>

const text = (max: number) => z.string().trim().min(1).max(max)

/** A consultation as staff record it on the lembar konsultasi. */
export const ConsultationInputSchema = z.object({
  channel: Channel.schema,
  askerName: text(120),
  askerInstitution: text(160).optional(),
  askerContact: text(160).optional(),
  stakeholderCategory: StakeholderCategory.schema,
  topic: Topic.schema,
  question: text(10_000),
})
export type ConsultationInput = z.infer<typeof ConsultationInputSchema>

export const ConsultationSchema = ConsultationInputSchema.extend({
  id: z.uuid(),
  officeId: z.uuid(),
  number: z.string().min(1),
  status: ConsultationStatus.schema,
  answer: text(10_000).nullable(),
  legalBasis: text(500).nullable(),
  createdAt: z.date(),
  answeredAt: z.date().nullable(),
  closedAt: z.date().nullable(),
})
export type Consultation = z.infer<typeof ConsultationSchema>
