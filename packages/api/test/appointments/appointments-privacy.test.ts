import { testTargets } from '@mejabantu/db/testing'
import { ANONYMISED_NAME } from '@mejabantu/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PersonExport } from '../../src/privacy/schemas.ts'
import { runRetentionEverywhere } from '../../src/privacy/retention.ts'
import { startApi, type ApiFixture } from '../support/api-server.ts'
import { dataOf as data } from '../support/browser.ts'
import { seedOffices, signInStaff, type Staff } from '../support/consultation-fixtures.ts'
import { guestVisiting, RINA_PII } from '../support/privacy-fixtures.ts'

// Pilkada 2024's nomination stage ends when the ballot-number draw of 23 September 2024 (WIB) is over.
const stageEnd = new Date('2024-09-23T17:00:00Z')
const daysAfterEnd = (days: number) => new Date(stageEnd.getTime() + days * 24 * 60 * 60_000)

describe.each(testTargets())('appointments under UU PDP on $kind', (target) => {
  let api: ApiFixture
  let officeId: string
  let admin: Staff

  /** Rina's booking as the public page stores it (phone normalised), at `startsAt`. */
  let booking = 0
  const rinaBooks = (phone: string, startsAt: Date, email: string | null = 'rina@contoh.id') =>
    api.db.prisma.appointment.create({
      data: {
        officeId,
        code: `RINA${String((booking += 1)).padStart(4, '2')}`,
        startsAt,
        purpose: 'konsultasi',
        topic: 'silon',
        guestName: 'Rina Marlina',
        guestPhone: phone,
        guestEmail: email,
        institution: 'Partai Cahaya',
        category: 'lo',
      },
    })

  beforeAll(async () => {
    api = await startApi(target)
    officeId = (await seedOffices(api.db))['34.02']!
    admin = await signInStaff(api.db, api.url, '34.02', 'admin')
    data(
      await admin.mutation('elections.create', {
        name: 'Pilkada 2024 Bantul',
        kind: 'bupati',
        regionCode: '34.02',
        year: 2024,
      }),
    )
  })
  afterAll(() => api.close())

  it("exports a guest's bookings and erases them with the guest, keeping slot, topic and status", async () => {
    const phone = '+6281355550001'
    const guestId = await guestVisiting(api.db, officeId, new Date('2024-09-06T03:00:00Z'), phone)
    const booked = await rinaBooks(phone, new Date('2024-09-10T03:00:00Z'))
    // A namesake with a number of her own is someone else.
    const namesake = await rinaBooks('+6281355559999', new Date('2024-09-10T03:30:00Z'), null)

    const exported = data<PersonExport>(await admin.mutation('privacy.export', { guestId }))
    expect(exported.elsewhere.appointments).toEqual([
      expect.objectContaining({ code: booked.code, guestName: 'Rina Marlina', guestPhone: phone }),
    ])

    const erased = data<{ anonymised: { appointments: number } }>(
      await admin.mutation('privacy.erase', { guestId }),
    )
    expect(erased.anonymised.appointments).toBe(1)
    const after = await api.db.prisma.appointment.findUniqueOrThrow({ where: { id: booked.id } })
    expect(after).toMatchObject({
      guestName: ANONYMISED_NAME,
      guestPhone: ANONYMISED_NAME,
      guestEmail: null,
      institution: null,
      topic: 'silon',
      category: 'lo',
      status: 'dipesan',
      startsAt: booked.startsAt,
    })
    expect(JSON.stringify(after)).not.toMatch(RINA_PII)
    const other = await api.db.prisma.appointment.findUniqueOrThrow({ where: { id: namesake.id } })
    expect(other.guestName).toBe('Rina Marlina')
  })

  it('anonymises bookings of slots before the retention cutoff, and none after it', async () => {
    const old = await rinaBooks('+6281355550002', new Date('2024-09-12T03:00:00Z'))
    const later = await rinaBooks('+6281355550003', daysAfterEnd(100))
    const run = (await runRetentionEverywhere(api.db, daysAfterEnd(91))).find((r) => r.officeId === officeId)!
    expect(run.anonymised.appointments).toBeGreaterThanOrEqual(1)
    expect(await api.db.prisma.appointment.findUniqueOrThrow({ where: { id: old.id } })).toMatchObject({
      guestName: ANONYMISED_NAME,
      guestPhone: ANONYMISED_NAME,
      guestEmail: null,
    })
    expect((await api.db.prisma.appointment.findUniqueOrThrow({ where: { id: later.id } })).guestName).toBe(
      'Rina Marlina',
    )
    const audit = await api.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'privacy.retention', targetId: officeId },
      orderBy: { id: 'desc' },
    })
    expect(audit.after).toMatchObject({ appointments: run.anonymised.appointments })
  })
})
