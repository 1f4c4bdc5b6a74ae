import { testTargets } from '@mejabantu/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiFixture } from '../support/api-server.ts'
import { dataOf as data } from '../support/browser.ts'
import {
  createSheet as create,
  openConsultationDesk,
  signInStaff,
  type Staff,
} from '../support/consultation-fixtures.ts'
import { bupatiElection, pairInput } from '../support/nomination.ts'

// A pair's file lists each question once: a duplicate merged into another sheet is read on that sheet.
describe.each(testTargets())('the pair dossier’s consultations on $kind', (target) => {
  let api: ApiFixture
  let bantul: Staff
  let pairA: string
  let pairB: string

  beforeAll(async () => {
    ;({ api, bantul } = await openConsultationDesk(target))
    const admin = await signInStaff(api.db, api.url, '34.02', 'admin')
    const election = data<{ id: string }>(await admin.mutation('elections.create', bupatiElection('34.02')))
    const register = async (kepala: string, wakil: string) =>
      data<{ id: string }>(
        await admin.mutation(
          'candidates.create',
          pairInput(election.id, {
            candidates: [
              { role: 'kepala', fullName: kepala, birthDate: '1975-03-01' },
              { role: 'wakil', fullName: wakil, birthDate: '1980-07-12' },
            ],
          }),
        ),
      ).id
    pairA = await register('Budi Santoso', 'Siti Aminah')
    pairB = await register('Agus Salim', 'Dewi Lestari')
  })
  afterAll(() => api.close())

  const merge = async (duplicateId: string, keptId: string) =>
    data(await bantul.mutation('consultations.merge', { duplicateId, keptId }))
  const consultationIds = async (pairId: string) =>
    data<{ consultationIds: string[] }>(await bantul.query('candidates.dossier', { pairId })).consultationIds

  it('lists the kept sheet, not the duplicate merged into it', async () => {
    const kept = await create(bantul, { candidatePairId: pairA, occurredAt: new Date('2024-09-02T03:00Z') })
    const other = await create(bantul, { candidatePairId: pairA, occurredAt: new Date('2024-09-03T03:00Z') })
    const duplicate = await create(bantul, {
      candidatePairId: pairA,
      occurredAt: new Date('2024-09-01T03:00Z'),
    })
    expect(await consultationIds(pairA)).toEqual([duplicate.id, kept.id, other.id])
    await merge(duplicate.id, kept.id)
    expect(await consultationIds(pairA)).toEqual([kept.id, other.id])
  })

  it('stands the kept sheet in for a duplicate about another pair, and follows a later merge', async () => {
    const kept = await create(bantul, { candidatePairId: pairA, occurredAt: new Date('2024-09-05T03:00Z') })
    // The kept sheet has a pair of its own, so the duplicate keeps pair B's.
    const duplicate = await create(bantul, { candidatePairId: pairB })
    await merge(duplicate.id, kept.id)
    expect(await consultationIds(pairB)).toEqual([kept.id])
    expect((await consultationIds(pairA)).filter((id) => id === kept.id)).toHaveLength(1)

    // The kept sheet, still unanswered, turns out to duplicate a third: that one now stands for both.
    const last = await create(bantul, { occurredAt: new Date('2024-09-06T03:00Z') })
    await merge(kept.id, last.id)
    expect(await consultationIds(pairB)).toEqual([last.id])
    expect(await consultationIds(pairA)).toContain(last.id)
    expect(await consultationIds(pairA)).not.toContain(kept.id)
  })
})
