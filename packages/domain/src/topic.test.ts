import { describe, expect, it } from 'vitest'
import { seededTopics } from './topic.fixture.ts'
import {
  checkSheetTopic,
  checkTopicEditable,
  checkTopicParent,
  defaultReferralTeam,
  topicCodeFor,
  topicLabel,
  topicLabels,
  topicOptions,
  type CatalogTopic,
} from './topic.ts'

const own: CatalogTopic = {
  code: 'logistik',
  parentCode: null,
  labelId: 'Logistik',
  labelEn: null,
  referralTeam: 'kebijakan',
  officeId: 'bantul',
  archived: false,
}
const catalog = [...seededTopics, own, { ...own, code: 'lama', labelId: 'Lama', archived: true }]

describe('topics', () => {
  it('makes a code from the label, under its parent, never one already taken', () => {
    expect(topicCodeFor('Format berkas (PDF)', 'silon', new Set())).toBe('silon_format_berkas_pdf')
    expect(topicCodeFor('Logistik', undefined, new Set(['logistik', 'logistik_2']))).toBe('logistik_3')
    expect(topicCodeFor('Pendaftaran ulang', undefined, new Set())).toBe('pendaftaran_ulang')
    expect(topicCodeFor('Ijazah – SMA', undefined, new Set())).toBe('ijazah_sma')
    expect(topicCodeFor('2024', undefined, new Set())).toBe('t_2024')
    expect(topicCodeFor('???', undefined, new Set())).toBe('t_topik')
  })

  it('labels a code in either language, English falling back to Indonesian, an unknown code as stored', () => {
    expect(topicLabel(catalog, 'silon', 'en')).toBe('SILON application')
    expect(topicLabel(catalog, 'logistik', 'en')).toBe('Logistik')
    expect(topicLabel(catalog, 'hapus', 'id')).toBe('hapus')
    expect(topicLabels(catalog).logistik).toEqual({ id: 'Logistik', en: 'Logistik' })
  })

  it('sends a referral to the SILON team when the topic or its sub-topic says so', () => {
    expect(defaultReferralTeam(catalog, 'silon', 'silon_akun')).toBe('silon')
    expect(defaultReferralTeam(catalog, 'syarat_calon')).toBe('kebijakan')
    const policySub = { ...own, code: 'silon_hukum', parentCode: 'silon', referralTeam: 'kebijakan' as const }
    expect(defaultReferralTeam([...catalog, policySub], 'silon', 'silon_hukum')).toBe('kebijakan')
    expect(defaultReferralTeam([], 'apa')).toBe('kebijakan')
  })

  it('lets an office edit its own topics and KPU RI the national ones, and no one those from above', () => {
    expect(checkTopicEditable(own, { id: 'bantul', level: 'KABKOTA' }).ok).toBe(true)
    expect(checkTopicEditable(own, { id: 'diy', level: 'PROVINSI' }).ok).toBe(false)
    expect(checkTopicEditable(seededTopics[0]!, { id: 'ri', level: 'RI' }).ok).toBe(true)
    const refused = checkTopicEditable(seededTopics[0]!, { id: 'bantul', level: 'KABKOTA' })
    expect(refused).toMatchObject({ ok: false, violation: { rule: 'topic.inherited' } })
  })

  it('puts a sub-topic under an active topic only, one level deep', () => {
    expect(checkTopicParent(catalog, undefined)).toEqual({ ok: true, value: null })
    expect(checkTopicParent(catalog, 'silon')).toMatchObject({ ok: true, value: { code: 'silon' } })
    for (const parent of ['silon_akun', 'lama', 'tidak_ada']) {
      expect(checkTopicParent(catalog, parent)).toMatchObject({
        ok: false,
        violation: { rule: 'topic.parent' },
      })
    }
  })

  it('accepts a sheet naming a topic of the catalogue, archived ones too, and a sub-topic of that topic', () => {
    expect(checkSheetTopic(catalog, 'silon', 'silon_akun').ok).toBe(true)
    expect(checkSheetTopic(catalog, 'lama').ok).toBe(true)
    expect(checkSheetTopic(catalog, 'silon_akun')).toMatchObject({
      ok: false,
      violation: { rule: 'topic.unknown' },
    })
    expect(checkSheetTopic(catalog, 'foto', 'silon_akun')).toMatchObject({
      ok: false,
      violation: { rule: 'topic.subTopic', params: { topic: 'foto', subTopic: 'silon_akun' } },
    })
  })

  it('offers only active topics, each with its sub-topics', () => {
    const options = topicOptions(catalog, 'en')
    expect(options.map((o) => o.value)).not.toContain('lama')
    expect(options.find((o) => o.value === 'silon')?.subTopics).toEqual([
      { value: 'silon_akun', label: 'SILON account' },
      { value: 'silon_unggah_dokumen', label: 'Uploading documents' },
    ])
    expect(options.find((o) => o.value === 'foto')?.subTopics).toEqual([])
  })
})
