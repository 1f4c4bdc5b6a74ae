import { testTargets } from '@mejabantu/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RelatedSheet } from '../../src/consultations/relations-schemas.ts'
import type { ConsultationDetail } from '../../src/consultations/schemas.ts'
import type { ApiFixture } from '../support/api-server.ts'
import { dataOf as data, type TrpcReply } from '../support/browser.ts'
import {
  createSheet as create,
  openConsultationDesk,
  sheetAudits,
  signInStaff,
  type Staff,
} from '../support/consultation-fixtures.ts'

const refusal = (reply: TrpcReply) => ({ status: reply.status, ...reply.body.error?.data })

describe.each(testTargets())('related sheets on $kind', (target) => {
  let api: ApiFixture
  let bantul: Staff
  let bantul2: Staff
  let sleman: Staff
  let pengawas: Staff
  let diyAdmin: Staff

  beforeAll(async () => {
    ;({ api, bantul, bantul2, sleman, pengawas } = await openConsultationDesk(target))
    diyAdmin = await signInStaff(api.db, api.url, '34', 'admin')
  })
  afterAll(() => api.close())

  const link = (staff: Staff, consultationId: string, otherId: string) =>
    staff.mutation('consultations.link', { consultationId, otherId })
  const unlink = (staff: Staff, consultationId: string, otherId: string) =>
    staff.mutation('consultations.unlink', { consultationId, otherId })
  const related = async (staff: Staff, id: string) =>
    data<ConsultationDetail>(await staff.query('consultations.get', { id })).related
  const links = () =>
    api.db.prisma.consultationLink.findMany({ orderBy: [{ fromId: 'asc' }, { toId: 'asc' }] })

  it('links two sheets once, whichever is opened; both views list the other; audited on both', async () => {
    const a = await create(bantul, {
      topic: 'silon',
      question: 'Akun SILON terkunci setelah tiga kali salah.',
    })
    const b = await create(bantul2, { topic: 'jadwal', question: 'Kapan batas unggah dokumen perbaikan?' })
    const reply = data<RelatedSheet[]>(await link(bantul, b.id, a.id))
    expect(reply).toEqual([
      {
        id: a.id,
        number: a.number,
        topic: 'silon',
        status: 'baru',
        questionExcerpt: 'Akun SILON terkunci setelah tiga kali salah.',
      },
    ])
    const [lower, higher] = [a.id, b.id].sort()
    expect(await links()).toEqual([
      expect.objectContaining({ fromId: lower, toId: higher, createdById: bantul.userId }),
    ])
    expect((await related(bantul, a.id)).map((s) => s.number)).toEqual([b.number])
    expect((await related(bantul2, b.id)).map((s) => s.number)).toEqual([a.number])
    for (const [sheet, other] of [
      [a, b],
      [b, a],
    ] as const) {
      expect((await sheetAudits(api.db, sheet.id)).at(-1)).toMatchObject({
        action: 'consultation.link',
        actorId: bantul.userId,
        after: { linkedId: other.id, linked: other.number },
      })
    }

    // Linking again, from either side, is refused and writes nothing.
    const audits = await api.db.prisma.auditEvent.count()
    expect(refusal(await link(bantul, a.id, b.id))).toMatchObject({
      status: 409,
      rule: 'consultation.link.exists',
      message: { id: `Lembar ${a.number} dan ${b.number} sudah ditautkan.` },
    })
    expect(await api.db.prisma.auditEvent.count()).toBe(audits)

    data(await unlink(bantul2, a.id, b.id))
    expect(await links()).toEqual([])
    expect(await related(bantul, a.id)).toEqual([])
    expect((await sheetAudits(api.db, b.id)).at(-1)).toMatchObject({
      action: 'consultation.unlink',
      actorId: bantul2.userId,
      after: { linkedId: a.id },
    })
    expect(refusal(await unlink(bantul, a.id, b.id))).toMatchObject({
      status: 404,
      rule: 'consultation.link.notFound',
      message: { id: expect.any(String), en: expect.any(String) },
    })
  })

  it('lists every related sheet by number, and a closed one keeps its links', async () => {
    const hub = await create(bantul)
    const one = await create(bantul)
    const two = await create(bantul)
    data(await link(bantul, hub.id, two.id))
    data(await link(bantul, one.id, hub.id))
    data(await bantul.mutation('consultations.answer', { id: two.id, answer: 'Dijawab.' }))
    data(await bantul.mutation('consultations.close', { id: two.id }))
    const listed = await related(bantul, hub.id)
    expect(listed.map((s) => [s.number, s.status])).toEqual(
      [
        [one.number, 'baru'],
        [two.number, 'selesai'],
      ].sort(([x], [y]) => x!.localeCompare(y!)),
    )
  })

  it('refuses a sheet itself, other offices, merged sheets, observers and bad input, changing nothing', async () => {
    const a = await create(bantul)
    const b = await create(bantul)
    const slemanSheet = await create(sleman)
    const kept = await create(bantul)
    const duplicate = await create(bantul)
    data(await bantul.mutation('consultations.merge', { duplicateId: duplicate.id, keptId: kept.id }))
    const unknown = '00000000-0000-4000-8000-000000000000'
    const before = { links: await links(), audits: await api.db.prisma.auditEvent.count() }

    const cases: [Staff, unknown, number, string][] = [
      [bantul, { consultationId: a.id, otherId: a.id }, 400, 'consultation.link.self'],
      [bantul, { consultationId: a.id, otherId: slemanSheet.id }, 403, 'tenancy.office'],
      [sleman, { consultationId: a.id, otherId: b.id }, 403, 'tenancy.office'],
      [diyAdmin, { consultationId: a.id, otherId: slemanSheet.id }, 400, 'consultation.link.otherOffice'],
      [diyAdmin, { consultationId: a.id, otherId: b.id }, 403, 'tenancy.office'],
      [bantul, { consultationId: a.id, otherId: duplicate.id }, 409, 'consultation.link.merged'],
      [bantul, { consultationId: a.id, otherId: unknown }, 404, 'consultation.notFound'],
      [pengawas, { consultationId: a.id, otherId: b.id }, 403, 'auth.forbidden'],
      [bantul, { consultationId: a.id }, 400, 'input.invalid'],
      [bantul, { consultationId: a.id, otherId: 'LK-34.02' }, 400, 'input.invalid'],
    ]
    for (const [staff, input, status, rule] of cases) {
      expect(refusal(await staff.mutation('consultations.link', input)), JSON.stringify(input)).toMatchObject(
        {
          status,
          rule,
          message: { id: expect.any(String), en: expect.any(String) },
        },
      )
    }
    expect(refusal(await unlink(bantul, a.id, a.id))).toMatchObject({
      status: 400,
      rule: 'consultation.link.self',
    })
    expect(refusal(await unlink(sleman, a.id, b.id))).toMatchObject({ status: 403, rule: 'tenancy.office' })
    expect({ links: await links(), audits: await api.db.prisma.auditEvent.count() }).toEqual(before)
  })
})
