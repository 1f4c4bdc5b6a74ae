import { REDACTED } from '@mejabantu/domain'
import { testTargets } from '@mejabantu/db/testing'
import type { TimeZone } from '@mejabantu/domain'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startApi, type ApiFixture } from '../support/api-server.ts'
import type { Browser } from '../support/browser.ts'
import { data, ensureOffice, pairInput, ruleOf, signInAt, testClock } from '../support/nomination.ts'

interface CheckView {
  id: string
  status: string
  reason: string | null
  evidence: string | null
  researcherId: string | null
  history: { from: string; to: string; reason: string | null; at: Date; byUserId: string }[]
}
interface Desk {
  zone: TimeZone
  petugas: Browser & { userId: string }
  pairId: string
  /** Check ids by `code|subject`. */
  checks: Map<string, string>
}

const step = (checkId: string, to: string, reason: string | null = null, evidence: string | null = null) => ({
  checkId,
  to,
  reason,
  evidence,
})

describe.each(testTargets())('requirements on $kind', (target) => {
  let api: ApiFixture
  const clock = testClock()
  const desks = {} as Record<TimeZone, Desk>

  // One Kab/Kota desk in each zone: Bantul (WIB), Kota Denpasar (WITA), Kota Jayapura (WIT).
  async function openDesk(
    zone: TimeZone,
    province: [string, string],
    office: [string, string],
    kind: string,
  ) {
    await ensureOffice(api.db, {
      regionCode: province[0],
      name: province[1],
      level: 'PROVINSI',
      timeZone: zone,
      parentRegionCode: '00',
    })
    await ensureOffice(api.db, {
      regionCode: office[0],
      name: office[1],
      level: 'KABKOTA',
      timeZone: zone,
      parentRegionCode: province[0],
    })
    const admin = await signInAt(api, office[0], 'admin')
    const petugas = await signInAt(api, office[0], 'petugas')
    const election = data<{ id: string }>(
      await admin.mutation('elections.create', {
        name: `Pilkada 2024 ${office[1]}`,
        kind,
        regionCode: office[0],
        year: 2024,
      }),
    )
    const pair = data<{ id: string }>(await petugas.mutation('candidates.create', pairInput(election.id)))
    const rows = await api.db.prisma.requirementCheck.findMany({ where: { pairId: pair.id } })
    desks[zone] = {
      zone,
      petugas,
      pairId: pair.id,
      checks: new Map(rows.map((r) => [`${r.requirementCode}|${r.subject}`, r.id])),
    }
  }

  beforeAll(async () => {
    api = await startApi(target, undefined, { clock: clock.now })
    await openDesk('WIB', ['34', 'KPU DIY'], ['34.02', 'KPU Kabupaten Bantul'], 'bupati')
    await openDesk('WITA', ['51', 'KPU Provinsi Bali'], ['51.71', 'KPU Kota Denpasar'], 'walikota')
    await openDesk('WIT', ['91', 'KPU Provinsi Papua'], ['91.71', 'KPU Kota Jayapura'], 'walikota')
  })
  afterAll(() => api.close())
  beforeEach(() => api.db.prisma.rateLimit.deleteMany())

  const checkState = async (checkId: string) => ({
    check: await api.db.prisma.requirementCheck.findUniqueOrThrow({ where: { id: checkId } }),
    events: await api.db.prisma.checkEvent.count({ where: { checkId } }),
    audits: await api.db.prisma.auditEvent.count({ where: { targetId: checkId } }),
  })
  const record = (
    desk: Desk,
    checkId: string,
    to: string,
    reason: string | null = null,
    evidence: string | null = null,
  ) => desk.petugas.mutation('requirements.record', step(checkId, to, reason, evidence))

  describe.each(['WIB', 'WITA', 'WIT'] as const)('in a %s office', (zone) => {
    it('takes a BMS document with its reason through perbaikan to MS inside the window', async () => {
      const desk = desks[zone]
      const checkId = desk.checks.get('C13|kepala')!
      const at = (local: string) => clock.set(local, zone)

      at('2024-08-28T14:00')
      data(await record(desk, checkId, 'diserahkan', null, 'SILON unggahan #4411'))
      at('2024-09-05T16:00')
      const bms = data<CheckView>(await record(desk, checkId, 'BMS', 'Pas foto tidak berlatar putih'))
      expect(bms).toMatchObject({
        status: 'BMS',
        reason: 'Pas foto tidak berlatar putih',
        evidence: 'SILON unggahan #4411',
      })
      at('2024-09-06T09:30')
      const fixing = data<CheckView>(await record(desk, checkId, 'perbaikan'))
      expect(fixing).toMatchObject({ status: 'perbaikan', reason: 'Pas foto tidak berlatar putih' })
      // The last minute of the window, written as the office writes it: 8 September 2024 pukul 23.59.
      at('2024-09-08T23:59')
      data(await record(desk, checkId, 'diserahkan_perbaikan', null, 'SILON unggahan #5120'))
      at('2024-09-10T11:00')
      const met = data<CheckView>(await record(desk, checkId, 'MS'))

      expect(met).toMatchObject({
        status: 'MS',
        reason: null,
        evidence: 'SILON unggahan #5120',
        researcherId: desk.petugas.userId,
      })
      expect(met.history.map((e) => [e.from, e.to])).toEqual([
        ['belum_diserahkan', 'diserahkan'],
        ['diserahkan', 'BMS'],
        ['BMS', 'perbaikan'],
        ['perbaikan', 'diserahkan_perbaikan'],
        ['diserahkan_perbaikan', 'MS'],
      ])
      expect(met.history[3]!.at).toEqual(
        new Date(`2024-09-08T${String(23 - { WIB: 7, WITA: 8, WIT: 9 }[zone]).padStart(2, '0')}:59:00Z`),
      )
      expect(met.history.every((e) => e.byUserId === desk.petugas.userId)).toBe(true)
      const audits = await api.db.prisma.auditEvent.findMany({
        where: { action: 'check.record', targetId: checkId },
        orderBy: { id: 'asc' },
      })
      expect(audits.map((a) => (a.after as { status: string }).status)).toEqual([
        'diserahkan',
        'BMS',
        'perbaikan',
        'diserahkan_perbaikan',
        'MS',
      ])
      expect(audits[1]).toMatchObject({
        before: { status: 'diserahkan' },
        after: { reason: 'Pas foto tidak berlatar putih' },
      })
    })

    it('refuses a fix once the window has closed, and changes nothing', async () => {
      const desk = desks[zone]
      const checkId = desk.checks.get('C5|wakil')!
      clock.set('2024-08-28T14:00', zone)
      data(await record(desk, checkId, 'diserahkan'))
      clock.set('2024-09-05T16:00', zone)
      data(await record(desk, checkId, 'BMS', 'SKCK diterbitkan Polda; untuk bupati/wali kota dari Polres'))

      clock.set('2024-09-09T00:00', zone)
      const before = await checkState(checkId)
      const late = await record(desk, checkId, 'perbaikan')
      expect(late.status).toBe(400)
      expect(late.body.error?.data).toMatchObject({
        rule: 'deadline.perbaikan.closed',
        message: { id: `Masa perbaikan telah berakhir 8 September 2024 pukul 23.59 ${zone}.` },
      })
      expect(await checkState(checkId)).toEqual(before)
    })
  })

  it('judges the window in each office’s own zone: 23.30 WIB is already past midnight WIT', async () => {
    const prepare = async (desk: Desk) => {
      const checkId = desk.checks.get('C2|kepala')!
      clock.set('2024-08-28T14:00', desk.zone)
      data(await record(desk, checkId, 'diserahkan'))
      clock.set('2024-09-05T16:00', desk.zone)
      data(await record(desk, checkId, 'BMS', 'Surat keterangan kesehatan belum dari tim yang ditetapkan'))
      return checkId
    }
    const [wib, wit] = [await prepare(desks.WIB), await prepare(desks.WIT)]
    clock.set('2024-09-08T23:30', 'WIB')
    expect(data<CheckView>(await record(desks.WIB, wib, 'perbaikan')).status).toBe('perbaikan')
    expect(ruleOf(await record(desks.WIT, wit, 'perbaikan'))).toBe('deadline.perbaikan.closed')
  })

  it('refuses a fix before the window opens, a BMS without reason and a move the rules forbid', async () => {
    const desk = desks.WITA
    const checkId = desk.checks.get('C3|kepala')!
    clock.set('2024-08-28T14:00', 'WITA')
    data(await record(desk, checkId, 'diserahkan'))
    data(await record(desk, checkId, 'BMS', 'Surat keterangan PN belum dilegalisasi'))
    const before = await checkState(checkId)
    const early = await record(desk, checkId, 'perbaikan')
    expect(early.body.error?.data).toMatchObject({
      rule: 'deadline.perbaikan.notOpen',
      message: { id: 'Masa perbaikan belum dibuka; dibuka 6 September 2024 pukul 00.00 WITA.' },
    })
    expect(await checkState(checkId)).toEqual(before)

    const other = desk.checks.get('C4|kepala')!
    data(await record(desk, other, 'diserahkan'))
    const otherBefore = await checkState(other)
    const noReason = await record(desk, other, 'BMS')
    expect([noReason.status, ruleOf(noReason)]).toEqual([400, 'check.reason.required'])
    const skipped = await record(desk, other, 'diserahkan_perbaikan')
    expect([skipped.status, ruleOf(skipped)]).toEqual([400, 'check.transition'])
    expect(skipped.body.error?.data.params).toEqual({
      from: 'diserahkan',
      to: 'diserahkan_perbaikan',
      checkId: other,
    })
    expect(await checkState(other)).toEqual(otherBefore)
  })

  it('refuses a step judged on a status someone else has since changed', async () => {
    const desk = desks.WIB
    const checkId = desk.checks.get('C6|kepala')!
    clock.set('2024-08-28T14:00', 'WIB')
    const before = await checkState(checkId)
    const stale = await desk.petugas.mutation('requirements.record', {
      ...step(checkId, 'MS'),
      from: 'diserahkan',
    })
    expect(stale.status).toBe(409)
    expect(stale.body.error?.data).toMatchObject({
      rule: 'check.stale',
      params: { seen: 'diserahkan', current: 'belum_diserahkan' },
    })
    expect(await checkState(checkId)).toEqual(before)
  })

  it('applies only one of two concurrent steps on the same document', async () => {
    const desk = desks.WIB
    const checkId = desk.checks.get('C7|kepala')!
    const second = await signInAt(api, '34.02', 'petugas')
    clock.set('2024-08-28T14:00', 'WIB')
    data(await record(desk, checkId, 'diserahkan'))
    const replies = await Promise.all([
      desk.petugas.mutation('requirements.record', step(checkId, 'MS')),
      second.mutation('requirements.record', step(checkId, 'BMS', 'Surat keterangan tidak lengkap')),
    ])
    expect(replies.filter((r) => r.status === 200)).toHaveLength(1)
    const refused = replies.find((r) => r.status !== 200)!
    expect(['check.concurrent', 'check.transition']).toContain(ruleOf(refused))
    const { check, events } = await checkState(checkId)
    expect(events).toBe(2)
    expect(check.status).toBe(replies[0]!.status === 200 ? 'MS' : 'BMS')
  })

  it('records several documents at once, or none when one step is refused', async () => {
    const desk = desks.WIT
    const ids = ['C8|kepala', 'C8|wakil', 'C9|kepala'].map((key) => desk.checks.get(key)!)
    clock.set('2024-08-28T14:00', 'WIT')
    const submitted = data<CheckView[]>(
      await desk.petugas.mutation('requirements.recordMany', {
        steps: ids.map((id) => step(id, 'diserahkan')),
      }),
    )
    expect(submitted.map((c) => [c.id, c.status])).toEqual(ids.map((id) => [id, 'diserahkan']))

    const before = await Promise.all(ids.map(checkState))
    const oneBad = await desk.petugas.mutation('requirements.recordMany', {
      steps: [step(ids[0]!, 'MS'), step(ids[1]!, 'MS'), step(ids[2]!, 'TMS')],
    })
    expect(oneBad.status).toBe(400)
    expect(oneBad.body.error?.data).toMatchObject({
      rule: 'check.reason.required',
      params: { checkId: ids[2] },
    })
    const repeated = await desk.petugas.mutation('requirements.recordMany', {
      steps: [step(ids[0]!, 'MS'), step(ids[0]!, 'MS')],
    })
    expect([repeated.status, ruleOf(repeated)]).toEqual([400, 'check.repeated'])
    const foreign = await desks.WIB.petugas.mutation('requirements.recordMany', {
      steps: [step(desks.WIB.checks.get('C10|kepala')!, 'diserahkan'), step(ids[0]!, 'MS')],
    })
    expect(foreign.status).toBe(403)
    expect(foreign.body.error?.data).toMatchObject({ rule: 'tenancy.office', params: { checkId: ids[0] } })
    expect(await Promise.all(ids.map(checkState))).toEqual(before)
    expect((await checkState(desks.WIB.checks.get('C10|kepala')!)).check.status).toBe('belum_diserahkan')
  })

  it('refuses another office’s document, an unknown one, and roles that only read', async () => {
    const checkId = desks.WIB.checks.get('C11|kepala')!
    const before = await checkState(checkId)
    const sibling = await desks.WITA.petugas.mutation('requirements.record', step(checkId, 'diserahkan'))
    expect([sibling.status, ruleOf(sibling)]).toEqual([403, 'tenancy.office'])
    const unknown = await desks.WIB.petugas.mutation(
      'requirements.record',
      step('00000000-0000-4000-8000-000000000000', 'diserahkan'),
    )
    expect([unknown.status, ruleOf(unknown)]).toEqual([404, 'check.notFound'])
    const pimpinan = await signInAt(api, '34.02', 'pimpinan')
    const readOnly = await pimpinan.mutation('requirements.record', step(checkId, 'diserahkan'))
    expect([readOnly.status, ruleOf(readOnly)]).toEqual([403, 'auth.forbidden'])
    expect(await checkState(checkId)).toEqual(before)
  })

  it('records the handover of results to the LO with Bawaslu, Pemda and Kesbangpol, shown in the dossier', async () => {
    const desk = desks.WIB
    const handover = {
      pairId: desk.pairId,
      heldAt: new Date('2024-09-06T02:00:00Z'),
      place: 'Ruang rapat KPU Kabupaten Bantul',
      attendees: [
        { name: 'Andi Wijaya', institution: 'pasangan_calon', position: 'LO' },
        { name: 'Dewi Lestari', institution: 'bawaslu', institutionName: 'Bawaslu Kabupaten Bantul' },
        {
          name: 'Eko Prasetyo',
          institution: 'pemda',
          institutionName: 'Bagian Tata Pemerintahan Setda Bantul',
        },
        { name: 'Fajar Nugroho', institution: 'kesbangpol', institutionName: 'Kesbangpol Kabupaten Bantul' },
      ],
      documentRef: '123/PL.02.2-BA/3402/2024',
    }
    const recorded = data<{ id: string; recordedById: string }>(
      await desk.petugas.mutation('requirements.handover', handover),
    )
    expect(recorded).toMatchObject({ ...handover, recordedById: desk.petugas.userId })
    const dossier = data<{ handovers: unknown[] }>(
      await desk.petugas.query('candidates.dossier', { pairId: desk.pairId }),
    )
    expect(dossier.handovers).toEqual([recorded])
    const audit = await api.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'pair.handover', targetId: desk.pairId },
    })
    expect(audit.after).toMatchObject({
      handoverId: recorded.id,
      heldAt: '2024-09-06T02:00:00.000Z',
      attendees: REDACTED,
    })

    const count = () => api.db.prisma.handover.count()
    const before = await count()
    const withoutLo = await desk.petugas.mutation('requirements.handover', {
      ...handover,
      attendees: handover.attendees.slice(1),
    })
    expect([withoutLo.status, ruleOf(withoutLo)]).toEqual([400, 'input.invalid'])
    const sibling = await desks.WITA.petugas.mutation('requirements.handover', handover)
    expect([sibling.status, ruleOf(sibling)]).toEqual([403, 'tenancy.office'])
    const unknown = await desk.petugas.mutation('requirements.handover', {
      ...handover,
      pairId: '00000000-0000-4000-8000-000000000000',
    })
    expect([unknown.status, ruleOf(unknown)]).toEqual([404, 'pair.notFound'])
    expect(await count()).toBe(before)
  })
})
