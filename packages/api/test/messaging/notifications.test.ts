import { createHmac, randomBytes } from 'node:crypto'
import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { testTargets } from '@mejabantu/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queueDueReminders } from '../../src/messaging/reminders.ts'
import { deliverDueMessages } from '../../src/messaging/outbox.ts'
import { webhookNotifier } from '../../src/messaging/webhook-notifier.ts'
import { secretBox } from '../../src/messaging/secret-box.ts'
import { startApi, type ApiFixture } from '../support/api-server.ts'
import type { Browser } from '../support/browser.ts'
import { checkInInput, pairKiosk } from '../support/kiosk.ts'
import { bantulWithPair, data, testClock } from '../support/nomination.ts'

interface Check {
  id: string
  requirementCode: string
  subject: string
  status: string
}

const LO_EMAIL = 'andi@example.org'
const GATEWAY_SECRET = 'rahasia-gateway-0123456789'

describe.each(testTargets())('messages to the people concerned on $kind', (target) => {
  let api: ApiFixture
  let admin: Browser
  let petugas: Browser
  let pairId: string
  let gateway: Server
  let gatewayUrl: string
  const calls: { body: string; signature: string | undefined }[] = []
  let gatewayStatus = 200
  const clock = testClock()
  const secrets = secretBox(randomBytes(32))

  const outbox = (kind: string) =>
    api.db.prisma.outboxMessage.findMany({ where: { kind }, orderBy: { createdAt: 'asc' } })
  const checks = async () => {
    const dossier = data<{ groups: { syarat_calon: Check[]; syarat_pencalonan: Check[] } }>(
      await petugas.query('candidates.dossier', { pairId }),
    )
    return [...dossier.groups.syarat_calon, ...dossier.groups.syarat_pencalonan]
  }
  const idOf = async (code: string, subject: string) =>
    (await checks()).find((c) => c.requirementCode === code && c.subject === subject)!.id
  const submit = (checkIds: string[], receivedAt: string) =>
    petugas.mutation('requirements.submit', {
      pairId,
      checkIds,
      receivedAt: new Date(receivedAt),
      channel: 'silon',
    })
  const settings = (overrides: Record<string, unknown> = {}) =>
    admin.mutation('messaging.updateSettings', {
      kindsOff: [],
      leadershipEmails: ['ketua@kpu-bantul.test'],
      webhookUrl: null,
      ...overrides,
    })

  beforeAll(async () => {
    gateway = createServer((req, res) => {
      let body = ''
      req.on('data', (chunk: Buffer) => (body += chunk.toString()))
      req.on('end', () => {
        calls.push({ body, signature: req.headers['x-mejabantu-signature'] as string | undefined })
        res.writeHead(gatewayStatus).end()
      })
    }).listen(0, '127.0.0.1')
    await once(gateway, 'listening')
    gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/kirim`
    api = await startApi(target, undefined, { clock: clock.now, secrets })
    ;({ admin, petugas, pairId } = await bantulWithPair(api, clock))
    data(await settings())
  })
  afterAll(async () => {
    await api?.close()
    gateway?.close()
  })

  it('sends the LO the tanda terima of a hand-in', async () => {
    data(await submit([await idOf('C5', 'kepala'), await idOf('C3', 'kepala')], '2024-08-28T09:30:00+07:00'))
    const [receipt] = await outbox('submission_receipt')
    expect(receipt).toMatchObject({ recipient: LO_EMAIL, channel: 'email', pairId, status: 'pending' })
    expect(receipt!.text).toContain('001/PL.02.2-TT/3402/2024')
    expect(receipt!.text).toContain('WIB')
  })

  it('tells the LO which documents are BMS and until when they may be fixed, in the office zone', async () => {
    clock.set('2024-09-02T10:00', 'WIB')
    data(
      await petugas.mutation('requirements.record', {
        checkId: await idOf('C5', 'kepala'),
        to: 'BMS',
        reason: 'SKCK kedaluwarsa',
        evidence: null,
      }),
    )
    data(
      await petugas.mutation('requirements.record', {
        checkId: await idOf('C3', 'kepala'),
        to: 'MS',
        reason: null,
        evidence: null,
      }),
    )
    const results = await outbox('research_result')
    expect(results).toHaveLength(2)
    expect(results[0]!.text).toContain('C5')
    expect(results[0]!.text).toContain('8 September 2024 pukul 23.59 WIB')
    expect(results[0]!.text).not.toContain('9 September')
  })

  it('lets an admin turn a kind off; the same event never queues twice', async () => {
    data(await settings({ kindsOff: ['submission_receipt'] }))
    data(await submit([await idOf('C9', 'kepala')], '2024-08-29T09:30:00+07:00'))
    expect(await outbox('submission_receipt')).toHaveLength(1)
    data(await settings())
  })

  it('reminds the LO 24 h and 3 h before the window closes, and alerts leadership of an idle BMS once', async () => {
    clock.set('2024-09-07T10:00', 'WIB')
    expect(await queueDueReminders(api.db, clock.now())).toBe(0)
    clock.set('2024-09-08T00:30', 'WIB')
    expect(await queueDueReminders(api.db, clock.now())).toBe(2)
    expect((await outbox('fix_reminder_24h')).map((m) => m.recipient)).toEqual([LO_EMAIL])
    expect((await outbox('leadership_alert')).map((m) => m.recipient)).toEqual(['ketua@kpu-bantul.test'])
    expect(await queueDueReminders(api.db, clock.now())).toBe(0)
    clock.set('2024-09-08T21:30', 'WIB')
    expect(await queueDueReminders(api.db, clock.now())).toBe(1)
    expect((await outbox('fix_reminder_3h'))[0]!.text).toContain('C5')
    clock.set('2024-09-09T01:00', 'WIB')
    expect(await queueDueReminders(api.db, clock.now())).toBe(0)
  })

  it('posts messages to a phone through the office gateway, signed, retrying what failed', async () => {
    data(await settings({ webhookUrl: gatewayUrl, webhookSecret: GATEWAY_SECRET }))
    const kiosk = await pairKiosk(admin, api.url)
    clock.set('2024-09-10T09:00', 'WIB')
    const input = checkInInput({ notifyOnCall: true })
    data(await kiosk.mutation('kiosk.checkIn', input))
    const called = data<{ queueNumber: string }>(await petugas.mutation('queue.callNext'))
    const notices = await outbox('queue_called')
    expect(notices.map((n) => [n.channel, n.recipient])).toEqual([['webhook', input.guest.phone]])
    expect(notices[0]!.text).toContain(called.queueNumber)

    const deps = { db: api.db, secrets, notifiers: [webhookNotifier(api.db)] }
    gatewayStatus = 503
    const now = new Date()
    expect((await deliverDueMessages(deps, now)).failed).toBeGreaterThanOrEqual(1)
    expect(
      (await api.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: notices[0]!.id } })).status,
    ).toBe('pending')
    gatewayStatus = 200
    await api.db.prisma.outboxMessage.update({ where: { id: notices[0]!.id }, data: { nextAttemptAt: now } })
    await deliverDueMessages(deps, now)
    const last = calls.at(-1)!
    expect(JSON.parse(last.body)).toMatchObject({ kind: 'queue_called', to: input.guest.phone })
    expect(last.signature).toBe(
      `sha256=${createHmac('sha256', GATEWAY_SECRET).update(last.body).digest('hex')}`,
    )
    expect(
      (await api.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: notices[0]!.id } })).status,
    ).toBe('sent')

    gatewayStatus = 400
    data(await kiosk.mutation('kiosk.checkIn', checkInInput({ notifyOnCall: true })))
    data(await petugas.mutation('queue.callNext'))
    await deliverDueMessages(deps, new Date())
    const [, refused] = await outbox('queue_called')
    expect(refused).toMatchObject({ status: 'dead', attempts: 1 })
  })

  it('shows every message in the dossier history', async () => {
    const history = data<{ kind: string; direction: string }[]>(
      await petugas.query('messaging.pairMessages', { pairId }),
    )
    expect(new Set(history.map((h) => h.kind))).toEqual(
      new Set([
        'submission_receipt',
        'research_result',
        'fix_reminder_24h',
        'leadership_alert',
        'fix_reminder_3h',
      ]),
    )
    expect(history.every((h) => h.direction === 'keluar')).toBe(true)
  })
})
