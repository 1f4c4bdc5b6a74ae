import type { ConsultationFact } from './report.ts'

/** A consultation fact for report tests: a closed SILON question of an LO at Bantul, with the overrides. */
export const fact = (overrides: Partial<ConsultationFact> = {}): ConsultationFact => ({
  officeId: 'bantul',
  day: '2024-09-06',
  channel: 'tatap_muka',
  topic: 'silon',
  stakeholderCategory: 'lo',
  status: 'selesai',
  staffId: 'petugas-1',
  referred: false,
  firstResponseMinutes: 5,
  resolutionMinutes: 30,
  ...overrides,
})
