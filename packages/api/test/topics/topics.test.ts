import { testTargets } from '@mejabantu/db/testing'
import type { ReportContent } from '@mejabantu/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ConsultationPage, ConsultationRecord } from '../../src/consultations/schemas.ts'
import type { TopicRecord } from '../../src/topics/schemas.ts'
import type { ApiFixture } from '../support/api-server.ts'
import { dataOf as data } from '../support/browser.ts'
import {
  createSheet,
  openConsultationDesk,
  sheetCounts,
  signInStaff,
  type Staff,
} from '../support/consultation-fixtures.ts'
import { refusal, translated } from '../knowledge/knowledge-desk.ts'

describe.each(testTargets())('topics kept by admins on $kind', (target) => {
  let api: ApiFixture
  let bantul: Staff
  let sleman: Staff
  let diy: Staff
  let bantulAdmin: Staff
  let slemanAdmin: Staff
  let riAdmin: Staff

  const topics = async (staff: Staff, includeArchived = false) =>
    data<TopicRecord[]>(await staff.query('topics.list', { includeArchived }))
  const topicCounts = async () => ({
    topics: await api.db.prisma.topic.findMany({ orderBy: { code: 'asc' } }),
    audits: await api.db.prisma.auditEvent.count(),
  })

  beforeAll(async () => {
    ;({ api, bantul, sleman, diy } = await openConsultationDesk(target))
    const admins = await Promise.all(
      ['34.02', '34.04', '00'].map(async (code) => (await signInStaff(api.db, api.url, code, 'admin'))!),
    )
    ;[bantulAdmin, slemanAdmin, riAdmin] = admins as [Staff, Staff, Staff]
  })
  afterAll(() => api.close())

  it('lists the seven national topics with their sub-topics to every office, read-only below KPU RI', async () => {
    const list = await topics(bantul)
    expect(list.filter((t) => t.parentCode === null).map((t) => t.code)).toEqual([
      'syarat_calon',
      'syarat_pencalonan',
      'silon',
      'visi_misi',
      'foto',
      'jadwal',
      'lainnya',
    ])
    expect(list.find((t) => t.code === 'silon')).toMatchObject({
      labelId: 'SILON',
      referralTeam: 'silon',
      officeId: null,
      editable: false,
    })
    expect(list.filter((t) => t.parentCode === 'silon').map((t) => t.labelId)).toEqual([
      'Akun SILON',
      'Unggah dokumen',
      'Format berkas',
      'Status verifikasi',
    ])
    expect((await topics(riAdmin)).find((t) => t.code === 'silon')?.editable).toBe(true)
  })

  it('adds an office topic and a sub-topic under a national one, audited, read by that office only', async () => {
    const logistik = data<TopicRecord>(
      await bantulAdmin.mutation('topics.create', {
        labelId: 'Logistik pemilihan',
        labelEn: 'Election logistics',
      }),
    )
    expect(logistik).toMatchObject({
      code: 'logistik_pemilihan',
      parentCode: null,
      referralTeam: 'kebijakan',
      ownerName: 'KPU Kabupaten Bantul',
      editable: true,
    })
    const sub = data<TopicRecord>(
      await bantulAdmin.mutation('topics.create', { labelId: 'Lupa kata sandi', parentCode: 'silon' }),
    )
    expect(sub).toMatchObject({ code: 'silon_lupa_kata_sandi', parentCode: 'silon', referralTeam: null })
    const audit = await api.db.prisma.auditEvent.findFirst({
      where: { action: 'topic.create', targetType: 'Topic' },
      orderBy: { id: 'asc' },
    })
    expect(audit).toMatchObject({ actorId: bantulAdmin.userId, after: { code: 'logistik_pemilihan' } })

    expect((await topics(bantul)).map((t) => t.code)).toContain('logistik_pemilihan')
    for (const other of [sleman, diy]) {
      expect((await topics(other)).map((t) => t.code)).not.toContain('logistik_pemilihan')
    }
    // The same name again gets a code of its own.
    const again = data<TopicRecord>(
      await bantulAdmin.mutation('topics.create', { labelId: 'Logistik pemilihan' }),
    )
    expect(again.code).toBe('logistik_pemilihan_2')
  })

  it('takes a sheet on the office topic and sub-topic, and refuses a topic the office does not read', async () => {
    const sheet = await createSheet(bantul, { topic: 'silon', subTopic: 'silon_lupa_kata_sandi' })
    expect(sheet).toMatchObject({ topic: 'silon', subTopic: 'silon_lupa_kata_sandi' })
    const before = await sheetCounts(api.db)
    const refusals = [
      await sleman.mutation('consultations.create', { ...sheetOf(sheet), topic: 'logistik_pemilihan' }),
      await bantul.mutation('consultations.create', {
        ...sheetOf(sheet),
        topic: 'foto',
        subTopic: 'silon_akun',
      }),
      await bantul.mutation('consultations.create', { ...sheetOf(sheet), topic: 'tidak_ada' }),
    ]
    expect(refusals.map(refusal)).toMatchObject([
      { status: 400, rule: 'topic.unknown', params: { topic: 'logistik_pemilihan' }, message: translated },
      {
        status: 400,
        rule: 'topic.subTopic',
        params: { topic: 'foto', subTopic: 'silon_akun' },
        message: translated,
      },
      { status: 400, rule: 'topic.unknown', params: { topic: 'tidak_ada' }, message: translated },
    ])
    expect(await sheetCounts(api.db)).toEqual(before)
  })

  it('lets staff correct a sheet’s topic, dropping the old sub-topic, audited and recounted', async () => {
    const sheet = await createSheet(bantul, { topic: 'silon', subTopic: 'silon_akun' })
    const fixed = data<ConsultationRecord>(
      await bantul.mutation('consultations.update', { id: sheet.id, topic: 'logistik_pemilihan' }),
    )
    expect(fixed).toMatchObject({ topic: 'logistik_pemilihan', subTopic: null })
    const audit = await api.db.prisma.auditEvent.findFirst({
      where: { targetId: sheet.id, action: 'consultation.update' },
    })
    expect(audit).toMatchObject({
      before: { topic: 'silon', subTopic: 'silon_akun' },
      after: { topic: 'logistik_pemilihan', subTopic: null },
    })
    const listed = data<ConsultationPage>(
      await bantul.query('consultations.list', { topic: 'logistik_pemilihan', pageSize: 100 }),
    )
    expect(listed.items.map((i) => i.id)).toContain(sheet.id)
  })

  it('sends a referral to the SILON team or to policy by topic, unless staff choose', async () => {
    const silon = await createSheet(bantul, { topic: 'silon', subTopic: 'silon_akun' })
    const skck = await createSheet(bantul, { topic: 'syarat_calon' })
    const chosen = await createSheet(bantul, { topic: 'lainnya' })
    const refer = async (sheet: ConsultationRecord, team?: string) =>
      data<ConsultationRecord>(
        await bantul.mutation('consultations.refer', {
          id: sheet.id,
          note: 'Mohon arahan.',
          ...(team && { team }),
        }),
      )
    expect((await refer(silon)).referralTeam).toBe('silon')
    expect((await refer(skck)).referralTeam).toBe('kebijakan')
    expect((await refer(chosen, 'silon')).referralTeam).toBe('silon')
    const inbox = data<ConsultationPage>(await diy.query('consultations.inbox', {}))
    expect(inbox.items.find((i) => i.id === silon.id)).toMatchObject({ referralTeam: 'silon' })
    const forSilon = data<ConsultationPage>(await diy.query('consultations.inbox', { team: 'silon' }))
    expect(forSilon.items.map((i) => i.id).sort()).toEqual([silon.id, chosen.id].sort())
    const forPolicy = data<ConsultationPage>(await diy.query('consultations.inbox', { team: 'kebijakan' }))
    expect(forPolicy.items.map((i) => i.id)).toEqual([skck.id])
  })

  it('refuses edits to topics an office only reads, translated, changing nothing', async () => {
    const before = await topicCounts()
    const replies = [
      await bantulAdmin.mutation('topics.update', { code: 'foto', labelId: 'Pas foto' }),
      await slemanAdmin.mutation('topics.update', { code: 'logistik_pemilihan', labelId: 'Gudang' }),
      await slemanAdmin.mutation('topics.archive', { code: 'logistik_pemilihan' }),
      await bantulAdmin.mutation('topics.update', { code: 'tidak_ada', labelId: 'Baru' }),
      await bantulAdmin.mutation('topics.create', { labelId: 'Di bawah sub', parentCode: 'silon_akun' }),
      await bantul.mutation('topics.create', { labelId: 'Petugas bukan admin' }),
    ]
    expect(replies.map(refusal)).toMatchObject([
      { status: 403, rule: 'topic.inherited', message: translated },
      { status: 403, rule: 'tenancy.office', message: translated },
      { status: 403, rule: 'tenancy.office', message: translated },
      { status: 404, rule: 'topic.notFound', message: translated },
      { status: 400, rule: 'topic.parent', message: translated },
      { status: 403 },
    ])
    expect(await topicCounts()).toEqual(before)
  })

  it('lets KPU RI rename a national topic, and an office archive its own while its sheets stay', async () => {
    const renamed = data<TopicRecord>(
      await riAdmin.mutation('topics.update', { code: 'foto', labelId: 'Pas foto calon', sortOrder: 45 }),
    )
    expect(renamed).toMatchObject({ code: 'foto', labelId: 'Pas foto calon', sortOrder: 45 })
    expect((await topics(bantul)).find((t) => t.code === 'foto')?.labelId).toBe('Pas foto calon')

    data(await bantulAdmin.mutation('topics.archive', { code: 'logistik_pemilihan_2' }))
    expect((await topics(bantul)).map((t) => t.code)).not.toContain('logistik_pemilihan_2')
    expect((await topics(bantulAdmin, true)).find((t) => t.code === 'logistik_pemilihan_2')).toMatchObject({
      archived: true,
    })
    const audits = await api.db.prisma.auditEvent.findMany({
      where: { targetType: 'Topic', action: { in: ['topic.update', 'topic.archive'] } },
      orderBy: { id: 'asc' },
    })
    expect(audits.map((a) => [a.action, a.actorId])).toEqual([
      ['topic.update', riAdmin.userId],
      ['topic.archive', bantulAdmin.userId],
    ])
    data(await bantulAdmin.mutation('topics.restore', { code: 'logistik_pemilihan_2' }))
    expect((await topics(bantul)).map((t) => t.code)).toContain('logistik_pemilihan_2')
  })

  it('prints the office’s own topic by its label in the report, frozen with it', async () => {
    await createSheet(bantul, { topic: 'logistik_pemilihan', occurredAt: new Date() })
    const day = new Date().toISOString().slice(0, 10)
    const report = data<ReportContent>(await bantul.query('reports.draft', { from: day, to: day }))
    expect(report.total.byTopic.logistik_pemilihan).toBeGreaterThan(0)
    expect(report.topicLabels?.logistik_pemilihan).toEqual({
      id: 'Logistik pemilihan',
      en: 'Election logistics',
    })
  })
})

/** The fields of a stored sheet a new one may repeat. */
function sheetOf(sheet: ConsultationRecord) {
  return {
    channel: sheet.channel,
    askerName: sheet.askerName,
    stakeholderCategory: sheet.stakeholderCategory,
    topic: sheet.topic,
    question: sheet.question,
  }
}
