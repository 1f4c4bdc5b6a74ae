import { testTargets } from '@mejabantu/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { extractText, getDocumentProxy } from 'unpdf'
import { closeLapsedFixes } from '../../src/candidates/lapse.ts'
import { startApi, type ApiFixture } from '../support/api-server.ts'
import type { Browser } from '../support/browser.ts'
import { bantulWithPair, data, pairInput, ruleOf, signInAt, testClock } from '../support/nomination.ts'

interface Check {
  id: string
  requirementCode: string
  subject: string
  status: string
  history: { kind: string; receivedAt: Date | null; byUserId: string | null; correction: unknown }[]
}
interface DossierView {
  status: string
  groups: { syarat_calon: Check[]; syarat_pencalonan: Check[] }
  submissions: { id: string; number: string; kind: string; documents: number }[]
  handovers: { id: string; number: string | null; signedAt: Date | null }[]
  supersededChecks: Check[]
  replacedCandidates: { fullName: string }[]
  pair: { candidates: { fullName: string }[] }
  threshold: { check: { requiredPercent: number; meets: boolean; votesShort: number } } | null
}

const pdfText = async (file: { contentBase64: string }) =>
  (
    await extractText(await getDocumentProxy(new Uint8Array(Buffer.from(file.contentBase64, 'base64'))), {
      mergePages: true,
    })
  ).text.replace(/\s+/g, ' ')

describe.each(testTargets())('the research lifecycle of a pair on $kind', (target) => {
  let api: ApiFixture
  let petugas: Browser
  let pimpinan: Browser
  let electionId: string
  let pairId: string
  const clock = testClock()

  const file = async () => data<DossierView>(await petugas.query('candidates.dossier', { pairId }))
  const checks = async () => {
    const { groups } = await file()
    return new Map(
      [...groups.syarat_calon, ...groups.syarat_pencalonan].map((c) => [
        `${c.requirementCode}|${c.subject}`,
        c,
      ]),
    )
  }
  const idOf = async (key: string) => (await checks()).get(key)!.id
  const record = (checkId: string, to: string, more: Record<string, unknown> = {}) =>
    petugas.mutation('requirements.record', { checkId, to, reason: null, evidence: null, ...more })
  const submit = (checkIds: string[], receivedAt: string, channel = 'silon') => {
    const [day, time] = receivedAt.split('T')
    return petugas.mutation('requirements.submit', {
      pairId,
      checkIds,
      receivedAt: new Date(`${day}T${time}:00+07:00`),
      channel,
    })
  }

  beforeAll(async () => {
    api = await startApi(target, undefined, { clock: clock.now })
    ;({ petugas, electionId, pairId } = await bantulWithPair(api, clock))
    pimpinan = await signInAt(api, '34.02', 'pimpinan')
  })
  afterAll(() => api?.close())

  it('takes the registration documents with a receipt and accepts the registration once they are MS', async () => {
    const all = [...(await checks()).values()].filter((c) => c.requirementCode !== 'C14')
    const submitted = data<Check[]>(
      await submit(
        all.map((c) => c.id),
        '2024-08-28T09:30',
      ),
    )
    expect(new Set(submitted.map((c) => c.status))).toEqual(new Set(['diserahkan']))
    const { submissions } = await file()
    expect(submissions).toMatchObject([
      { number: '001/PL.02.2-TT/3402/2024', kind: 'awal', documents: all.length },
    ])

    const early = await petugas.mutation('candidates.decide', { pairId, to: 'pendaftaran_diterima' })
    expect(ruleOf(early)).toBe('pair.registration.incomplete')
    const p1 = await idOf('P1|pasangan')
    expect(ruleOf(await record(p1, 'BMS', { reason: 'Belum ditandatangani' }))).toBe('check.transition')
    const nomination = all.filter((c) => /^P/.test(c.requirementCode))
    data(
      await petugas.mutation('requirements.recordMany', {
        steps: nomination.map((c) => ({ checkId: c.id, to: 'MS', reason: null, evidence: null })),
      }),
    )
    data(await petugas.mutation('candidates.decide', { pairId, to: 'pendaftaran_diterima' }))
    expect((await file()).status).toBe('pendaftaran_diterima')
  })

  it('marks C14 not applicable with a reason, instead of a false MS', async () => {
    const c14 = await idOf('C14|kepala')
    expect(ruleOf(await record(c14, 'tidak_berlaku'))).toBe('check.reason.required')
    data(await record(c14, 'tidak_berlaku', { reason: 'Tidak sedang menjabat' }))
    data(await record(await idOf('C14|wakil'), 'tidak_berlaku', { reason: 'Tidak sedang menjabat' }))
    expect((await checks()).get('C14|kepala')!.history.at(-1)).toMatchObject({ kind: 'tidak_berlaku' })
  })

  it('counts a fix handed in at 23.50 and typed after midnight, and makes an unfixed BMS TMS at window end', async () => {
    clock.set('2024-09-02T10:00', 'WIB')
    const [c5, c3] = [await idOf('C5|kepala'), await idOf('C3|kepala')]
    data(await record(c5, 'BMS', { reason: 'SKCK kedaluwarsa' }))
    data(await record(c3, 'BMS', { reason: 'Belum dilegalisasi' }))
    clock.set('2024-09-07T10:00', 'WIB')
    expect(ruleOf(await petugas.mutation('requirements.closeFixWindow', { pairId }))).toBe(
      'check.fix.stillOpen',
    )

    clock.set('2024-09-09T00:10', 'WIB')
    const late = await submit([c3], '2024-09-09T00:05')
    expect(ruleOf(late)).toBe('deadline.perbaikan.closed')
    const [fixed] = data<Check[]>(await submit([c5], '2024-09-08T23:50', 'langsung'))
    expect(fixed!.status).toBe('diserahkan_perbaikan')
    expect((await file()).submissions.at(-1)).toMatchObject({
      number: '002/PL.02.2-TT/3402/2024',
      kind: 'perbaikan',
    })

    await expect(closeLapsedFixes(api.db, clock.now())).resolves.toBe(1)
    await expect(closeLapsedFixes(api.db, clock.now())).resolves.toBe(0)
    const lapsed = (await checks()).get('C3|kepala')!
    expect(lapsed.status).toBe('TMS')
    expect(lapsed.history.at(-1)).toMatchObject({ kind: 'penelitian_perbaikan', byUserId: null })
    const audit = await api.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'check.record', targetId: c3 },
      orderBy: { id: 'desc' },
    })
    expect(audit.actorId).toBeNull()
    data(await record(c5, 'MS'))
  })

  it('changes a TMS only by a correction naming its reason, and a ruling its number and date', async () => {
    const c3 = await idOf('C3|kepala')
    expect(ruleOf(await record(c3, 'MS', { reason: 'Salah catat' }))).toBe('correction.required')
    const undated = { cause: 'putusan_sengketa', rulingNumber: '001/PS.REG/34.02/IX/2024', rulingDate: null }
    expect(ruleOf(await record(c3, 'MS', { reason: 'Putusan Bawaslu', correction: undated }))).toBe(
      'correction.ruling.required',
    )
    const ruling = { ...undated, rulingDate: '2024-09-12' }
    data(await record(c3, 'MS', { reason: 'Putusan Bawaslu Kabupaten Bantul', correction: ruling }))
    expect((await checks()).get('C3|kepala')!.history.at(-1)).toMatchObject({
      kind: 'koreksi',
      correction: ruling,
    })
  })

  it('replaces a TMS candidate inside the replacement window with a checklist of their own', async () => {
    clock.set('2024-09-10T10:00', 'WIB')
    data(await record(await idOf('C2|wakil'), 'TMS', { reason: 'Tidak memenuhi syarat kesehatan' }))
    const replacement = {
      pairId,
      candidate: { role: 'wakil', fullName: 'Dewi Lestari', birthDate: '1982-04-04' },
      cause: 'tms',
      reason: 'C2 wakil TMS',
    }
    data(await petugas.mutation('candidates.replaceCandidate', replacement))
    const after = await file()
    expect(after.pair.candidates.map((c) => c.fullName)).toEqual(['Budi Santoso', 'Dewi Lestari'])
    expect(after.replacedCandidates).toMatchObject([{ fullName: 'Siti Aminah' }])
    expect(after.supersededChecks.every((c) => c.subject === 'wakil')).toBe(true)
    const fresh = after.groups.syarat_calon.filter((c) => c.subject === 'wakil')
    expect(fresh.length).toBe(14)
    expect(new Set(fresh.map((c) => c.status))).toEqual(new Set(['belum_diserahkan']))
    expect(ruleOf(await record(after.supersededChecks[0]!.id, 'MS'))).toBe('check.superseded')
    data(
      await submit(
        fresh.map((c) => c.id),
        '2024-09-10T09:00',
      ),
    )
    expect((await file()).submissions.at(-1)).toMatchObject({ kind: 'pengganti', documents: 14 })
    clock.set('2024-09-12T10:00', 'WIB')
    const unable = { ...replacement, cause: 'berhalangan_tetap', reason: 'Berhalangan tetap' }
    expect(ruleOf(await petugas.mutation('candidates.replaceCandidate', unable))).toBe(
      'deadline.pengganti.closed',
    )
  })

  it('issues a numbered berita acara frozen at the handover, which leadership signs off once', async () => {
    const handover = data<{ id: string; number: string }>(
      await petugas.mutation('requirements.handover', {
        pairId,
        heldAt: new Date('2024-09-12T02:00:00Z'),
        place: 'Aula KPU Kabupaten Bantul',
        attendees: [
          { name: 'Andi Wijaya', institution: 'pasangan_calon' },
          { name: 'Sri Wahyuni', institution: 'bawaslu', institutionName: 'Bawaslu Kabupaten Bantul' },
        ],
      }),
    )
    expect(handover.number).toBe('001/PL.02.2-BA/3402/2024')
    expect((await file()).status).toBe('hasil_penelitian')
    const print = async (locale: string) =>
      pdfText(
        data(await petugas.query('candidates.document', { kind: 'beritaAcara', id: handover.id, locale })),
      )
    const before = await print('id')
    expect(before).toContain('001/PL.02.2-BA/3402/2024')
    expect(before).toContain('Ketua Divisi Teknis Penyelenggaraan')
    expect(before).toContain('Bawaslu Kabupaten Bantul')
    expect(before).toContain('Belum disahkan pimpinan')
    expect(before).toMatch(/C3 .*Kepala.*MS/i)
    expect(await print('en')).toContain('OFFICIAL RECORD OF ADMINISTRATIVE RESEARCH RESULTS')

    data(await record(await idOf('C1|wakil'), 'MS'))
    expect(await print('id')).toBe(before)

    expect(ruleOf(await petugas.mutation('requirements.signHandover', { handoverId: handover.id }))).toBe(
      'auth.forbidden',
    )
    data(await pimpinan.mutation('requirements.signHandover', { handoverId: handover.id }))
    expect(ruleOf(await pimpinan.mutation('requirements.signHandover', { handoverId: handover.id }))).toBe(
      'handover.signed',
    )
    expect(await print('id')).toContain('Disahkan oleh pimpinan KPU Kabupaten Bantul')
    await expect(
      api.db.prisma.$executeRawUnsafe(`UPDATE "Handover" SET "content" = '{}' WHERE "id" = '${handover.id}'`),
    ).rejects.toThrow(/never changes/)
  })

  it('prints the tanda terima of each submission', async () => {
    const [first] = (await file()).submissions
    const text = await pdfText(
      data(await petugas.query('candidates.document', { kind: 'tandaTerima', id: first!.id })),
    )
    expect(text).toContain('Tanda Terima Dokumen Persyaratan'.toUpperCase())
    expect(text).toContain('001/PL.02.2-TT/3402/2024')
    expect(text).toContain('28 Agustus 2024 pukul 09.30 WIB')
    expect(text).toContain('Unggah SILON')
  })

  it('shows the coalition’s votes against the threshold the voter list sets (P5)', async () => {
    data(
      await petugas.mutation('elections.thresholdBasis', {
        electionId,
        basis: { voterCount: 800_000, validVotes: 600_000, dprdSeats: 45 },
      }),
    )
    data(await petugas.mutation('candidates.update', { pairId, support: { votes: 40_000, seats: 5 } }))
    expect((await file()).threshold?.check).toEqual(
      expect.objectContaining({ requiredPercent: 7.5, meets: false, votesShort: 5_000 }),
    )
  })

  it('determines a pair only when every document is MS, and finds it TMS with a decree', async () => {
    clock.set('2024-09-22T10:00', 'WIB')
    const decree = '120/PL.02.3-Kpt/3402/KPU-Kab/IX/2024'
    expect(
      ruleOf(await petugas.mutation('candidates.decide', { pairId, to: 'ditetapkan', decreeNumber: decree })),
    ).toBe('pair.penetapan.unmet')
    const wakilC3 = await idOf('C3|wakil')
    data(await record(wakilC3, 'TMS', { reason: 'Pernah dipidana' }))
    data(
      await petugas.mutation('candidates.decide', {
        pairId,
        to: 'tidak_memenuhi_syarat',
        reason: 'C3 wakil TMS',
        decreeNumber: decree,
      }),
    )
    expect((await file()).status).toBe('tidak_memenuhi_syarat')
    const events = await api.db.prisma.pairEvent.findMany({ where: { pairId }, orderBy: { id: 'asc' } })
    expect(events.map((e) => e.to)).toEqual([
      'pendaftaran_diterima',
      'hasil_penelitian',
      'tidak_memenuhi_syarat',
    ])
  })

  it('holds a registration typed with the time the pair came to the registration hours', async () => {
    const at = (local: string) => new Date(`${local}:00+07:00`)
    const afterHours = await petugas.mutation('candidates.create', {
      ...pairInput(electionId),
      registeredAt: at('2024-08-27T16:30'),
    })
    expect(ruleOf(afterHours)).toBe('registration.outsideHours')
    data(
      await petugas.mutation('candidates.create', {
        ...pairInput(electionId),
        ballotNumber: 2,
        registeredAt: at('2024-08-29T23:50'),
      }),
    )
  })
})
