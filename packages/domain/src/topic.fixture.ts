import type { CatalogTopic } from './topic.ts'

const national = (
  code: string,
  labelId: string,
  labelEn: string,
  referralTeam: CatalogTopic['referralTeam'],
  parentCode: string | null = null,
): CatalogTopic => ({ code, parentCode, labelId, labelEn, referralTeam, officeId: null, archived: false })

/** The national topics the first topic migration seeds, for tests of the pure rules. */
export const seededTopics: CatalogTopic[] = [
  national('syarat_calon', 'Syarat calon', 'Candidate requirements', 'kebijakan'),
  national('syarat_pencalonan', 'Syarat pencalonan', 'Nomination requirements', 'kebijakan'),
  national('silon', 'SILON', 'SILON application', 'silon'),
  national('visi_misi', 'Visi, misi dan program', 'Vision, mission and programme', 'kebijakan'),
  national('foto', 'Foto calon', 'Candidate photos', 'kebijakan'),
  national('jadwal', 'Jadwal tahapan', 'Stage schedule', 'kebijakan'),
  national('lainnya', 'Lainnya', 'Other', 'kebijakan'),
  national('silon_akun', 'Akun SILON', 'SILON account', null, 'silon'),
  national('silon_unggah_dokumen', 'Unggah dokumen', 'Uploading documents', null, 'silon'),
]
