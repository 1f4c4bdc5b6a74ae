import { testTargets } from '@mejabantu/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MergeResult } from '../../src/consultations/merge.ts'
import type { TagCount } from '../../src/consultations/relations-schemas.ts'
import type { ConsultationDetail, ConsultationPage } from '../../src/consultations/schemas.ts'
import type { ApiFixture } from '../support/api-server.ts'
import { dataOf as data, type TrpcReply } from '../support/browser.ts'
import {
  addCandidatePair,
  addVisit,
  createSheet as create,
  openConsultationDesk,
  sheetAudits,
  signInStaff,
  type Staff,
} from '../support/consultation-fixtures.ts'

const refusal = (reply: TrpcReply) => ({ status: reply.status, ...reply.body.error?.data })

describe.each(testTargets())('merging duplicate sheets on $kind', (target) => {
  let api: ApiFixture
  let office: Record<string, string>
  let bantul: Staff
  let bantul2: Staff
  let sleman: Staff
  let diyAdmin: Staff

  beforeAll(async () => {
    ;({ api, office, bantul, bantul2, sleman } = await openConsultationDesk(target))
    diyAdmin = await signInStaff(api.db, api.url, '34', 'admin')
  })
  afterAll(() => api.close())

  const stored = (id: string) => api.db.prisma.consultation.findUniqueOrThrow({ where: { id } })
  const merge = (staff: Staff, input: Record<string, unknown>) => staff.mutation('consultations.merge', input)
  const view = async (staff: Staff, id: string) =>
    data<ConsultationDetail>(await staff.query('consultations.get', { id }))
  const list = async (staff: Staff, input: Record<string, unknown> = {}) =>
    data<ConsultationPage>(await staff.query('consultations.list', { pageSize: 100, ...input }))

  it('merges a duplicate: read on the kept sheet, its visit moved there, audited on both', async () => {
    const visitId = await addVisit(api.db, office['34.02']!)
    const pairOfKept = await addCandidatePair(api.db, office['34.02']!)
    const pairOfDuplicate = await addCandidatePair(api.db, office['34.02']!)
    const kept = await create(bantul, { candidatePairId: pairOfKept })
    const duplicate = await create(bantul2, {
      channel: 'tatap_muka',
      askerName: 'Rudi Hartono',
      question: 'Cara unggah C2 di SILON (ditanya lagi di meja)?',
      visitId,
      candidatePairId: pairOfDuplicate,
      minutes: 'Datang langsung.',
    })
    const merged = data<MergeResult>(
      await merge(bantul, { duplicateId: duplicate.id, keptId: kept.id, note: 'Pertanyaan yang sama.' }),
    )
    expect(merged.duplicate).toMatchObject({ mergedIntoId: kept.id, status: 'baru' })
    expect(merged.duplicate.mergedAt).toBeInstanceOf(Date)
    // The kept sheet had no visit: it takes the duplicate's. It had a pair of its own: that stays.
    expect(merged.kept).toMatchObject({ visitId, candidatePairId: pairOfKept, mergedIntoId: null })
    const row = await stored(duplicate.id)
    expect(row).toMatchObject({
      visitId: null,
      candidatePairId: pairOfDuplicate,
      askerName: 'Rudi Hartono',
      minutes: `Datang langsung.\n\nDigabung ke ${kept.number}: Pertanyaan yang sama.`,
    })

    const [dupAudit] = (await sheetAudits(api.db, duplicate.id)).slice(-1)
    expect(dupAudit).toMatchObject({
      action: 'consultation.merge',
      actorId: bantul.userId,
      before: { mergedIntoId: null, visitId },
      after: { mergedIntoId: kept.id, mergedInto: kept.number, visitId: null, minutes: '[redacted]' },
    })
    const [keptAudit] = (await sheetAudits(api.db, kept.id)).slice(-1)
    expect(keptAudit).toMatchObject({
      action: 'consultation.merge.kept',
      before: { visitId: null },
      after: { visitId, merged: duplicate.number, mergedId: duplicate.id },
    })

    // The duplicate's view says where it went; the kept one lists what came in, nothing lost.
    const dupView = await view(bantul, duplicate.id)
    expect(dupView.mergedInto).toEqual({ id: kept.id, number: kept.number })
    const keptView = await view(bantul, kept.id)
    expect(keptView.mergedInto).toBeNull()
    expect(keptView.merged).toEqual([
      {
        id: duplicate.id,
        number: duplicate.number,
        askerName: 'Rudi Hartono',
        question: 'Cara unggah C2 di SILON (ditanya lagi di meja)?',
        occurredAt: duplicate.occurredAt,
        mergedAt: merged.duplicate.mergedAt,
      },
    ])
    expect(keptView.history.map((h) => h.action)).toContain('consultation.merge.kept')
  })

  it('hides merged sheets from the list unless asked, and from the tag suggestions', async () => {
    const kept = await create(bantul)
    const duplicate = await create(bantul)
    data(await bantul.mutation('consultations.setTags', { consultationId: kept.id, tags: ['duplikat-uji'] }))
    data(
      await bantul.mutation('consultations.setTags', {
        consultationId: duplicate.id,
        tags: ['duplikat-uji', 'hanya-duplikat'],
      }),
    )
    data(await merge(bantul, { duplicateId: duplicate.id, keptId: kept.id }))
    const ids = (page: ConsultationPage) => page.items.map((item) => item.id)

    expect(ids(await list(bantul))).not.toContain(duplicate.id)
    expect(ids(await list(bantul))).toContain(kept.id)
    expect(ids(await list(bantul, { merged: 'include' }))).toEqual(
      expect.arrayContaining([kept.id, duplicate.id]),
    )
    const only = await list(bantul, { merged: 'only' })
    expect(ids(only)).toContain(duplicate.id)
    expect(only.items.every((item) => item.mergedIntoId !== null)).toBe(true)
    expect((await list(bantul, { tag: 'duplikat-uji' })).total).toBe(1)

    const tags = data<TagCount[]>(await bantul.query('consultations.tags', { prefix: 'duplikat' }))
    expect(tags).toEqual([{ tag: 'duplikat-uji', count: 1 }])
    expect(data<TagCount[]>(await bantul.query('consultations.tags', { prefix: 'hanya' }))).toEqual([])
  })

  it('refuses to answer, refer or close a merged sheet, in both languages, changing nothing', async () => {
    const kept = await create(bantul)
    const duplicate = await create(bantul)
    data(await merge(bantul, { duplicateId: duplicate.id, keptId: kept.id }))
    const before = await stored(duplicate.id)
    const audits = (await sheetAudits(api.db, duplicate.id)).length
    for (const [path, extra] of [
      ['consultations.answer', { answer: 'Jawaban' }],
      ['consultations.refer', { note: 'Rujuk' }],
      ['consultations.close', {}],
    ] as const) {
      expect(refusal(await bantul.mutation(path, { id: duplicate.id, ...extra }))).toMatchObject({
        status: 409,
        rule: 'consultation.merged',
        params: { number: duplicate.number, kept: kept.number },
        message: {
          id: `Lembar ${duplicate.number} sudah digabung ke ${kept.number}; tangani pertanyaannya di lembar ${kept.number}.`,
          en: expect.stringContaining(kept.number),
        },
      })
    }
    expect(await stored(duplicate.id)).toEqual(before)
    expect(await sheetAudits(api.db, duplicate.id)).toHaveLength(audits)
    // The kept sheet is answered as usual.
    expect((await bantul.mutation('consultations.answer', { id: kept.id, answer: 'Ya.' })).status).toBe(200)
  })

  it('refuses what checkMerge refuses, another office and bad input, changing nothing', async () => {
    const kept = await create(bantul)
    const duplicate = await create(bantul)
    const answered = await create(bantul)
    data(await bantul.mutation('consultations.answer', { id: answered.id, answer: 'Sudah.' }))
    const slemanSheet = await create(sleman)
    const unknown = '00000000-0000-4000-8000-000000000000'
    const snapshot = async () => ({
      rows: await api.db.prisma.consultation.findMany({ orderBy: { id: 'asc' } }),
      audits: await api.db.prisma.auditEvent.count(),
    })
    const before = await snapshot()

    const cases: [Staff, Record<string, unknown>, number, string][] = [
      [bantul, { duplicateId: kept.id, keptId: kept.id }, 400, 'consultation.merge.self'],
      [bantul, { duplicateId: answered.id, keptId: kept.id }, 409, 'consultation.merge.answered'],
      [bantul, { duplicateId: duplicate.id, keptId: slemanSheet.id }, 403, 'tenancy.office'],
      [sleman, { duplicateId: duplicate.id, keptId: kept.id }, 403, 'tenancy.office'],
      // The province's admin reads both offices, but two offices' sheets are never one question,
      [
        diyAdmin,
        { duplicateId: duplicate.id, keptId: slemanSheet.id },
        400,
        'consultation.merge.otherOffice',
      ],
      // and it writes only in its own office.
      [diyAdmin, { duplicateId: duplicate.id, keptId: kept.id }, 403, 'tenancy.office'],
      [bantul, { duplicateId: unknown, keptId: kept.id }, 404, 'consultation.notFound'],
      [bantul, { duplicateId: duplicate.id, keptId: unknown }, 404, 'consultation.notFound'],
      [bantul, { duplicateId: duplicate.id, keptId: kept.id, note: 'x'.repeat(501) }, 400, 'input.invalid'],
      [bantul, { duplicateId: duplicate.id, keptId: 'LK-1' }, 400, 'input.invalid'],
      [bantul, { duplicateId: duplicate.id, keptId: kept.id, extra: 1 }, 400, 'input.invalid'],
    ]
    for (const [staff, input, status, rule] of cases) {
      const reply = await merge(staff, input)
      expect(refusal(reply), JSON.stringify(input)).toMatchObject({
        status,
        rule,
        message: { id: expect.any(String), en: expect.any(String) },
      })
    }
    expect(await snapshot()).toEqual(before)

    // Once merged, neither can be merged again: not the duplicate, nor into it.
    data(await merge(bantul, { duplicateId: duplicate.id, keptId: kept.id }))
    const other = await create(bantul)
    for (const input of [
      { duplicateId: duplicate.id, keptId: other.id },
      { duplicateId: other.id, keptId: duplicate.id },
    ]) {
      expect(refusal(await merge(bantul, input))).toMatchObject({
        status: 409,
        rule: 'consultation.merge.alreadyMerged',
        message: { id: `Lembar ${duplicate.number} sudah digabung ke lembar lain.` },
      })
    }
  })
})
