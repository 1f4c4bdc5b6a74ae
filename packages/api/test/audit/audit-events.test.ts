import { randomBytes } from 'node:crypto'
import { testTargets } from '@mejabantu/db/testing'
import { REDACTED } from '@mejabantu/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuditPage } from '../../src/audit/trail.ts'
import { hashPassword } from '../../src/auth/passwords.ts'
import type { MatrixWorld } from '../matrix/types.ts'
import { startApi, type ApiFixture } from '../support/api-server.ts'
import { Browser, dataOf } from '../support/browser.ts'
import { sheetInput } from '../support/consultation-fixtures.ts'
import { checkInInput } from '../support/kiosk.ts'
import { seedWorld } from '../support/world.ts'

describe.each(testTargets())('what the audit trail finds and holds on $kind', (target) => {
  let api: ApiFixture
  let world: MatrixWorld
  beforeAll(async () => {
    api = await startApi(target)
    world = await seedWorld(api.db, api.url)
  })
  afterAll(() => api.close())

  const trail = async (filters: Record<string, unknown>) =>
    dataOf<AuditPage>(await (await world.as('own', 'pimpinan')).query('audit.list', filters))

  it('finds events no user did by their target and action: a kiosk pairing and check-in', async () => {
    const kiosk = await world.kiosk('own')
    const ticket = dataOf<{ visitId: string }>(await kiosk.mutation('kiosk.checkIn', checkInInput()))

    const checkIn = await trail({ action: 'visit.check_in', targetType: 'Visit', targetId: ticket.visitId })
    expect(checkIn.items).toHaveLength(1)
    expect(checkIn.items[0]!.actor).toBeNull()
    const pairings = await trail({ action: 'device.pair', targetType: 'KioskDevice' })
    expect(pairings.items.length).toBeGreaterThan(0)

    const theirs = dataOf<AuditPage>(
      await (await world.as('other', 'pimpinan')).query('audit.list', { targetId: ticket.visitId }),
    )
    expect(theirs.items).toEqual([])
  })

  it('finds failed and locked sign-ins against an account of the office', async () => {
    const username = `sasaran-${randomBytes(3).toString('hex')}`
    const user = await api.db.prisma.user.create({
      data: {
        officeId: world.officeId.own,
        username,
        displayName: 'Sasaran',
        role: 'petugas',
        passwordHash: await hashPassword('benar-sekali-123'),
        mustChangePassword: false,
      },
    })
    const guesser = new Browser(api.url)
    const statuses: number[] = []
    for (let attempt = 0; attempt < 6; attempt++)
      statuses.push((await guesser.mutation('auth.login', { username, password: `salah-${attempt}` })).status)
    expect(statuses.at(-1)).toBe(429)

    const events = await trail({ targetType: 'User', targetId: user.id })
    const actions = events.items.map((e) => e.action)
    expect(actions).toContain('auth.login.failed')
    expect(actions).toContain('auth.login.refused')
  })

  it('takes % and _ in an action literally', async () => {
    expect((await trail({})).total).toBeGreaterThan(0)
    for (const action of ['%', '_', 'visit_check%', '\\'])
      expect((await trail({ action })).total, action).toBe(0)
  })

  it('never holds an asker’s name, contact or words: the sheet’s history says which fields changed', async () => {
    const petugas = await world.as('own', 'petugas')
    const sheet = dataOf<{ id: string }>(
      await petugas.mutation(
        'consultations.create',
        sheetInput({
          askerName: 'Kartika Sari Dewi',
          askerContact: 'kartika@contoh.id',
          question: 'Rahasia Kartika?',
        }),
      ),
    )
    const events = await trail({ targetType: 'Consultation', targetId: sheet.id })
    expect(events.items.map((e) => e.action)).toEqual(['consultation.create'])
    expect(events.items[0]!.after).toMatchObject({
      askerName: REDACTED,
      askerContact: REDACTED,
      question: REDACTED,
    })
    expect(JSON.stringify(events)).not.toMatch(/Kartika|kartika@contoh/)
    const stored = await api.db.prisma.auditEvent.findMany({ where: { targetId: sheet.id } })
    expect(JSON.stringify(stored.map((e) => [e.before, e.after]))).not.toMatch(/Kartika/)
  })

  it('names the record an observer read, and records a polled board once, not every few seconds', async () => {
    const pengawas = await world.as('own', 'pengawas')
    const petugas = await world.as('own', 'petugas')
    const sheet = dataOf<{ id: string }>(await petugas.mutation('consultations.create', sheetInput()))
    for (let poll = 0; poll < 2; poll++) dataOf(await pengawas.query('consultations.get', { id: sheet.id }))
    for (let poll = 0; poll < 5; poll++) dataOf(await pengawas.query('queue.board', {}))

    const reads = await trail({ action: 'read', actorId: (await whoIs(pengawas)).id })
    const targets = reads.items.map((e) => [e.targetType, e.targetId])
    expect(targets.filter(([type, id]) => type === 'Consultation' && id === sheet.id)).toHaveLength(1)
    expect(targets.filter(([, id]) => id === 'queue.board')).toHaveLength(1)
    const read = reads.items.find((e) => e.targetId === sheet.id)!
    expect(read.after).toEqual({ procedure: 'consultations.get' })
  })

  const whoIs = async (browser: Browser) =>
    dataOf<{ user: { id: string } }>(await browser.query('auth.me')).user
})
