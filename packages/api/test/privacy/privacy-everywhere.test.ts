import { randomUUID } from 'node:crypto'
import { testTargets } from '@mejabantu/db/testing'
import { ANONYMISED_NAME } from '@mejabantu/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PersonExport, PersonMatch } from '../../src/privacy/schemas.ts'
import { runRetentionEverywhere } from '../../src/privacy/retention.ts'
import { attachmentStorage } from '../../src/shared/storage/configured.ts'
import { startApi, type ApiFixture } from '../support/api-server.ts'
import { dataOf as data } from '../support/browser.ts'
import { seedOffices, signInStaff, type Staff } from '../support/consultation-fixtures.ts'
import { guestVisiting } from '../support/privacy-fixtures.ts'

// Rina as the other channels wrote her down: other spellings of her phone, her e-mail, her name.
const RINA_ANYWHERE = /Rina|Marlina|rina@contoh|8137777\D?1234|813[\s.-]?7777[\s.-]?1234/i
const PHONE = '+6281377771234'

describe.each(testTargets())('erasure reaching every copy on $kind', (target) => {
  let api: ApiFixture
  let officeId: string
  let admin: Staff
  let electionId: string
  let sheetNo = 0

  beforeAll(async () => {
    api = await startApi(target)
    officeId = (await seedOffices(api.db))['34.02']!
    admin = await signInStaff(api.db, api.url, '34.02', 'admin')
    electionId = data<{ id: string }>(
      await admin.mutation('elections.create', {
        name: 'Pilkada Uji',
        kind: 'bupati',
        regionCode: '34.02',
        year: 2024,
      }),
    ).id
  })
  afterAll(() => api.close())

  const sheet = (fields: Record<string, unknown>) =>
    api.db.prisma.consultation.create({
      data: {
        officeId,
        number: `LK-ERASE-${++sheetNo}-${randomUUID().slice(0, 6)}`,
        channel: 'telepon',
        askerName: 'Budi Santoso',
        stakeholderCategory: 'lo',
        topic: 'silon',
        question: 'Cara unggah dokumen?',
        occurredAt: new Date(),
        ...fields,
      },
    })

  /** Every row of the tables that may hold a person, as text. */
  const everything = async () =>
    JSON.stringify(
      await Promise.all([
        api.db.prisma.guest.findMany(),
        api.db.prisma.visit.findMany(),
        api.db.prisma.consultation.findMany(),
        api.db.prisma.attachment.findMany(),
        api.db.prisma.candidatePair.findMany(),
        api.db.prisma.handover.findMany(),
        api.db.prisma.requirementCheck.findMany(),
        api.db.prisma.checkEvent.findMany().then((rows) => rows.map((r) => [r.reason, r.evidence])),
        api.db.prisma.auditEvent.findMany().then((rows) => rows.map((r) => [r.action, r.before, r.after])),
      ]),
    )

  it('erases a guest from sheets of every channel, attachments, LO contacts, handovers and search', async () => {
    const guestId = await guestVisiting(api.db, officeId, new Date(), PHONE)
    const byPhone = await sheet({ askerName: 'rina marlina', askerContact: '0813 7777 1234' })
    const byMail = await sheet({ channel: 'email', askerName: 'Bu Rina', askerContact: 'RINA@contoh.id' })
    const group = await sheet({
      channel: 'grup_pesan',
      participants: [{ name: 'Rina Marlina', institution: 'Partai Cahaya' }, { name: 'Andi' }],
      minutes: 'Rina Marlina (0813-7777-1234) menanyakan unggah ulang.',
    })
    await api.db.prisma.attachment.create({
      data: {
        consultationId: group.id,
        fileName: 'KTP Rina Marlina.pdf',
        contentType: 'application/pdf',
        size: 10,
        sha256: '0'.repeat(64),
        storageKey: `uji/${randomUUID()}`,
        uploadedById: admin.userId,
      },
    })
    // A scan Rina sent with her own sheet: it goes with her, bytes and all.
    const storage = attachmentStorage()
    const scanKey = `uji-hapus/${randomUUID()}`
    await storage.put(scanKey, new TextEncoder().encode('%PDF-1.4 KTP'), 'application/pdf')
    const scan = await api.db.prisma.attachment.create({
      data: {
        consultationId: byPhone.id,
        fileName: 'scan.pdf',
        contentType: 'application/pdf',
        size: 12,
        sha256: '1'.repeat(64),
        storageKey: scanKey,
        uploadedById: admin.userId,
      },
    })
    const untouched = await sheet({ askerName: 'Budi Santoso', askerContact: '0811 2222 3333' })
    const pair = await api.db.prisma.candidatePair.create({
      data: {
        candidates: {
          create: [
            { role: 'kepala', fullName: 'Calon Kepala', birthDate: new Date('1970-01-01') },
            { role: 'wakil', fullName: 'Calon Wakil', birthDate: new Date('1975-01-01') },
          ],
        },
        electionId,
        officeId,
        pathway: 'partai',
        parties: ['Partai Cahaya'],
        loName: 'Rina Marlina',
        loPhone: '081377771234',
      },
    })
    // Another pair names her as its SILON admin beside its own LO.
    const silonPair = await api.db.prisma.candidatePair.create({
      data: {
        candidates: {
          create: [
            { role: 'kepala', fullName: 'Calon Mandiri', birthDate: new Date('1970-01-01') },
            { role: 'wakil', fullName: 'Wakil Mandiri', birthDate: new Date('1975-01-01') },
          ],
        },
        electionId,
        officeId,
        pathway: 'perseorangan',
        parties: [],
        loName: 'Dodi Prakoso',
        loPhone: '081299990000',
        contacts: [
          { role: 'admin_silon', name: 'Rina Marlina', phone: '+62 813-7777-1234' },
          { role: 'lainnya', name: 'Sari Dewi', phone: '081200001111' },
        ],
      },
    })
    await api.db.prisma.handover.create({
      data: {
        pairId: pair.id,
        heldAt: new Date(),
        place: 'Aula KPU',
        attendees: [
          { name: 'Rina Marlina', institution: 'pasangan_calon' },
          { name: 'Dewi Lestari', institution: 'bawaslu' },
        ],
        recordedById: admin.userId,
      },
    })
    await api.db.prisma.requirementCheck.create({
      data: {
        pairId: pair.id,
        requirementCode: 'B.1',
        subject: 'kepala',
        status: 'bms',
        reason: 'Surat pernyataan ditandatangani Rina Marlina, bukan calon.',
        events: {
          create: {
            from: 'belum_diserahkan',
            kind: 'penyerahan',
            to: 'bms',
            reason: 'Diserahkan oleh LO Rina Marlina.',
            at: new Date(),
            byUserId: admin.userId,
          },
        },
      },
    })
    expect(await everything()).toMatch(RINA_ANYWHERE)

    const exported = data<PersonExport>(await admin.mutation('privacy.export', { guestId }))
    expect(exported.elsewhere.sheets.map((s) => s.number).sort()).toEqual(
      [byPhone.number, byMail.number, group.number].sort(),
    )
    expect(exported.elsewhere.attachments).toEqual([
      { sheetNumber: byPhone.number, fileName: 'scan.pdf' },
      { sheetNumber: group.number, fileName: 'KTP Rina Marlina.pdf' },
    ])
    expect(exported.elsewhere.research).toHaveLength(2)
    expect(exported.elsewhere.liaisonOfficers).toEqual([
      { pairId: pair.id, role: 'lo', name: 'Rina Marlina', phone: '081377771234', email: null },
      {
        pairId: silonPair.id,
        role: 'admin_silon',
        name: 'Rina Marlina',
        phone: '+62 813-7777-1234',
        email: null,
      },
    ])
    expect(exported.elsewhere.handovers).toEqual([expect.objectContaining({ pairId: pair.id })])

    const erased = data<{ anonymised: Record<string, number> }>(
      await admin.mutation('privacy.erase', { guestId }),
    )
    expect(erased.anonymised).toMatchObject({
      guests: 1,
      visits: 1,
      consultations: 4,
      attachments: 2,
      liaisonOfficers: 2,
      handovers: 1,
      research: 2,
    })

    expect(await everything()).not.toMatch(RINA_ANYWHERE)
    const kept = await api.db.prisma.candidatePair.findUniqueOrThrow({ where: { id: silonPair.id } })
    expect([kept.loName, kept.contacts]).toEqual([
      'Dodi Prakoso',
      [
        { role: 'admin_silon', name: 'Anonim', phone: null },
        { role: 'lainnya', name: 'Sari Dewi', phone: '081200001111' },
      ],
    ])
    expect(await api.db.prisma.attachment.findUnique({ where: { id: scan.id } })).toBeNull()
    expect(await storage.get(scanKey)).toBeNull()
    const after = await api.db.prisma.consultation.findUniqueOrThrow({ where: { id: group.id } })
    // Her entry keeps no name or institution; Andi's stays as it was.
    expect(after.participants).toEqual([{ name: ANONYMISED_NAME }, { name: 'Andi' }])
    expect(after.minutes).toBe('[dihapus] ([dihapus]) menanyakan unggah ulang.')
    expect(await api.db.prisma.consultation.findUniqueOrThrow({ where: { id: untouched.id } })).toEqual(
      untouched,
    )
    const found = await api.db.prisma.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "Consultation" WHERE "search" @@ websearch_to_tsquery('simple', 'marlina')`
    expect(Number(found[0]!.n)).toBe(0)
    const dossier = await admin.query('candidates.dossier', { pairId: pair.id })
    expect(dossier.status).toBeLessThan(500)
  })

  it('finds, exports and erases an asker known only from sheets, audited without the query', async () => {
    const first = await sheet({ askerName: 'Joko Prasetyo', askerContact: '+62 811-5555-0001' })
    const second = await sheet({
      channel: 'pertemuan_daring',
      askerName: 'Joko Prasetyo',
      askerContact: '081155550001',
      question: 'Joko Prasetyo menanyakan jadwal perbaikan.',
    })
    const matches = data<PersonMatch[]>(await admin.mutation('privacy.find', { query: '0811-5555-0001' }))
    expect(matches).toEqual([
      expect.objectContaining({ kind: 'asker', guestId: null, maskedName: 'Jok* P*****', sheets: 2 }),
    ])
    expect(JSON.stringify(matches)).not.toMatch(/Joko|Prasetyo|5555/)
    const findAudit = await api.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'privacy.find', actorId: admin.userId },
      orderBy: { id: 'desc' },
    })
    expect(JSON.stringify([findAudit.before, findAudit.after])).not.toMatch(/0811|5555/)

    const ref = { consultationId: matches[0]!.consultationId! }
    const exported = data<PersonExport>(await admin.mutation('privacy.export', ref))
    expect(exported.guest).toBeNull()
    expect(exported.elsewhere.sheets.map((s) => s.number).sort()).toEqual(
      [first.number, second.number].sort(),
    )

    data(await admin.mutation('privacy.erase', ref))
    const rows = await api.db.prisma.consultation.findMany({ where: { id: { in: [first.id, second.id] } } })
    expect(JSON.stringify(rows)).not.toMatch(/Joko|Prasetyo|5555/)
    expect(data(await admin.mutation('privacy.find', { query: 'Prasetyo' }))).toEqual([])
    const again = await admin.mutation('privacy.erase', ref)
    expect([again.status, again.body.error?.data.rule]).toEqual([409, 'privacy.guest.anonymised'])
  })

  it('takes % and _ in a name search literally', async () => {
    await sheet({ askerName: 'Sri_Wahyuni' })
    expect(data(await admin.mutation('privacy.find', { query: '%%%' }))).toEqual([])
    expect(data(await admin.mutation('privacy.find', { query: '___' }))).toEqual([])
  })

  it('lets retention reach sheets of every channel, not only those opened from a visit', async () => {
    const old = await sheet({
      channel: 'email',
      askerName: 'Wati Susanti',
      askerContact: 'wati@contoh.id',
      question: 'Wati bertanya; balas ke wati@contoh.id',
      participants: [{ name: 'Rudi Hartono' }],
      occurredAt: new Date('2024-09-10T03:00:00Z'),
    })
    // Pilkada 2024's nomination stage ended on 23 September 2024; 90 days later its period is over.
    await runRetentionEverywhere(api.db, new Date('2025-03-01T00:00:00Z'))
    const after = await api.db.prisma.consultation.findUniqueOrThrow({ where: { id: old.id } })
    expect(after).toMatchObject({
      askerName: ANONYMISED_NAME,
      askerContact: null,
      participants: [{ name: ANONYMISED_NAME }],
    })
    expect(JSON.stringify(after)).not.toMatch(/Wati|wati@|Rudi/)
  })
})
