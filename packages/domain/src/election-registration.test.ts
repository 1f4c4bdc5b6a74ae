import { describe, expect, it } from 'vitest'
import { pkpu8of2024 } from './catalog/index.ts'
import {
  checkElectionOffice,
  chooseCatalog,
  ElectionRegistrationSchema,
  penetapanDate,
} from './election-registration.ts'
import { pilkada2024Calendar, type StageCalendar } from './election.ts'
import type { RequirementCatalog } from './requirement.ts'

const rule = (result: { ok: boolean; violation?: { rule: string } }) =>
  result.ok ? 'ok' : result.violation!.rule

describe('which office runs an election', () => {
  const bantul = { level: 'KABKOTA' as const, regionCode: '34.02' }
  const diy = { level: 'PROVINSI' as const, regionCode: '34' }

  it('a Kab/Kota runs the regent’s or mayor’s election, a Provinsi the governor’s', () => {
    expect(rule(checkElectionOffice({ kind: 'bupati', regionCode: '34.02' }, bantul))).toBe('ok')
    expect(rule(checkElectionOffice({ kind: 'walikota', regionCode: '34.02' }, bantul))).toBe('ok')
    expect(rule(checkElectionOffice({ kind: 'gubernur', regionCode: '34' }, diy))).toBe('ok')
    expect(rule(checkElectionOffice({ kind: 'gubernur', regionCode: '34.02' }, bantul))).toBe(
      'election.kind.level',
    )
    expect(rule(checkElectionOffice({ kind: 'bupati', regionCode: '34' }, diy))).toBe('election.kind.level')
  })

  it('only for its own region', () => {
    const result = checkElectionOffice({ kind: 'bupati', regionCode: '34.04' }, bantul)
    expect(result).toMatchObject({ ok: false, violation: { rule: 'election.region' } })
  })

  it('registers with no overrides by default', () => {
    const input = { name: 'Pilkada Bantul 2024', kind: 'bupati', regionCode: '34.02', year: 2024 }
    expect(ElectionRegistrationSchema.parse(input).overrides).toEqual([])
  })
})

describe('calendar facts', () => {
  it('reads the penetapan date, or null without one', () => {
    expect(penetapanDate(pilkada2024Calendar)).toBe('2024-09-22')
    expect(penetapanDate({ name: 'x', windows: [] })).toBeNull()
  })
})

describe('choosing the catalog', () => {
  const later: RequirementCatalog = { ...pkpu8of2024, version: 'PKPU-X-2029', effectiveFrom: '2029-08-01' }
  const catalogs = [pkpu8of2024, later]
  const calendar2029: StageCalendar = {
    name: '2029',
    windows: [
      { stage: 'pendaftaran', startsAt: '2029-08-27T00:00', endsAt: '2029-08-29T23:59', toConfirm: false },
    ],
  }

  it('takes the catalog in effect on the first day of registration', () => {
    expect(chooseCatalog(catalogs, pilkada2024Calendar)).toMatchObject({
      ok: true,
      value: { version: 'PKPU-8-2024' },
    })
    expect(chooseCatalog(catalogs, calendar2029)).toMatchObject({
      ok: true,
      value: { version: 'PKPU-X-2029' },
    })
  })

  it('takes a named catalog, and refuses an unknown one or a date before every catalog', () => {
    expect(chooseCatalog(catalogs, calendar2029, 'PKPU-8-2024')).toMatchObject({ ok: true })
    expect(rule(chooseCatalog(catalogs, pilkada2024Calendar, 'PKPU-0-1999'))).toBe('catalog.unknown')
    expect(rule(chooseCatalog([later], pilkada2024Calendar))).toBe('catalog.unknown')
    expect(rule(chooseCatalog(catalogs, { name: 'empty', windows: [] }))).toBe('catalog.unknown')
  })
})
