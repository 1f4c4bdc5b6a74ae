import { applyMigrations } from '@mejabantu/db'
import { openTestDatabase, testTargets } from '@mejabantu/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readHealth } from '../../src/health/health.ts'

describe.each(testTargets())('health on $kind', (target) => {
  let db: Awaited<ReturnType<typeof openTestDatabase>>
  beforeAll(async () => {
    db = await openTestDatabase(target)
  })
  afterAll(() => db.dispose())

  it('is degraded while migrations are pending, and names how many', async () => {
    const health = await readHealth(db, '1.2.3', new Date('2024-09-06T02:00:00Z'))
    expect(health.status).toBe('degraded')
    expect(health.database).toMatchObject({ kind: target.kind, reachable: true, migration: null })
    expect(health.database.pendingMigrations).toBeGreaterThan(0)
    expect(health.time).toBe('2024-09-06T02:00:00.000Z')
  })

  it('is ok once every migration is applied, with the newest as the level', async () => {
    const applied = await applyMigrations(db)
    const health = await readHealth(db, '1.2.3')
    expect(health).toMatchObject({
      status: 'ok',
      version: '1.2.3',
      database: { reachable: true, pendingMigrations: 0, migration: applied.at(-1) },
    })
  })
})

it('is degraded and unreachable when the database is gone', async () => {
  const db = await openTestDatabase(testTargets()[0]!)
  await db.dispose()
  const health = await readHealth(db, '1.2.3')
  expect(health.status).toBe('degraded')
  expect(health.database.reachable).toBe(false)
})
