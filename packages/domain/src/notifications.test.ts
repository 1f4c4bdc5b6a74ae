import { describe, expect, it } from 'vitest'
import {
  answerMessage,
  dueReminders,
  fixReminderMessage,
  leadershipAlertDue,
  leadershipAlertMessage,
  MAX_DELIVERY_ATTEMPTS,
  nextAttemptAt,
  notificationKey,
  NotificationKind,
  queueCalledMessage,
  receiptMessage,
  researchResultMessage,
} from './notifications.ts'
import { instantAt } from './time.ts'

const C5 = { code: 'C5', title: 'SKCK', subject: 'kepala' }
const window = (zone: 'WIB' | 'WITA' | 'WIT') => ({
  opensAt: instantAt('2024-09-06T00:00', zone),
  lastMinute: instantAt('2024-09-08T23:59', zone),
})
const base = { officeName: 'KPU Kabupaten Bantul', pairLabel: 'Paslon nomor urut 1 (Budi – Siti)' }

describe('messages to the LO', () => {
  it.each(['WIB', 'WITA', 'WIT'] as const)(
    'names the perbaikan deadline as the office writes it in %s',
    (zone) => {
      const message = researchResultMessage({
        ...base,
        items: [
          { ...C5, status: 'BMS' },
          { code: 'C3', title: 'Ijazah', subject: 'kepala', status: 'MS' },
          { code: 'C9', title: 'Surat', subject: 'wakil', status: 'TMS' },
        ],
        fixWindow: window(zone),
        zone,
      })
      expect(message.subject).toContain('1 dokumen BMS')
      expect(message.text).toContain(`sampai 8 September 2024 pukul 23.59 ${zone}`)
      expect(message.text).not.toContain('9 September')
      expect(message.text.indexOf('C5')).toBeLessThan(message.text.indexOf('C3'))
      expect(message.text).toContain('Tidak memenuhi syarat (TMS):\n- C9 Surat (wakil)')
    },
  )

  it('says when nothing needs fixing, or when the window is not set yet', () => {
    const none = researchResultMessage({
      ...base,
      items: [{ ...C5, status: 'MS' }],
      fixWindow: null,
      zone: 'WIB',
    })
    expect(none.text).toContain('Tidak ada dokumen yang perlu diperbaiki.')
    const unset = researchResultMessage({
      ...base,
      items: [{ ...C5, status: 'BMS' }],
      fixWindow: null,
      zone: 'WIB',
    })
    expect(unset.text).toContain('Jadwal perbaikan akan diberitahukan.')
  })

  it('words reminders, receipts and leadership alerts with their instants', () => {
    const lastMinute = instantAt('2024-09-08T23:59', 'WITA')
    expect(
      fixReminderMessage({ ...base, hoursLeft: 3, bmsItems: [C5], lastMinute, zone: 'WITA' }).text,
    ).toContain('berakhir dalam 3 jam, pada 8 September 2024 pukul 23.59 WITA')
    const receipt = receiptMessage({
      ...base,
      number: '001/PL.02.2-TT/3402/2024',
      receivedAt: instantAt('2024-08-28T09:30', 'WIB'),
      items: [C5],
      zone: 'WIB',
    })
    expect(receipt.text).toContain('28 Agustus 2024 pukul 09.30 WIB (tanda terima 001/PL.02.2-TT/3402/2024)')
    const alert = leadershipAlertMessage({
      ...base,
      idleItems: [{ ...C5, since: instantAt('2024-09-02T10:00', 'WIB') }],
      lastMinute,
      zone: 'WITA',
    })
    expect(alert.subject).toContain('1 dokumen BMS')
    expect(alert.text).toContain('sejak 2 September 2024 pukul 11.00 WITA')
  })

  it('fits a queue call in one SMS and names the desk when known', () => {
    expect(
      queueCalledMessage({ officeName: 'KPU Kabupaten Bantul', queueNumber: 'A-007', desk: 'Meja 2' }).text,
    ).toContain('ke Meja 2')
    expect(
      queueCalledMessage({ officeName: 'x'.repeat(300), queueNumber: 'A-007' }).text.length,
    ).toBeLessThanOrEqual(160)
  })

  it('signs an answer and names its legal basis and sheet', () => {
    const answer = answerMessage({
      number: 'LK-34.02-2024-00001',
      subject: 's',
      answer: 'Boleh.',
      legalBasis: 'PKPU 8/2024 Pasal 14',
      signature: 'Helpdesk',
    })
    expect(answer.text).toBe(
      'Boleh.\n\nDasar hukum: PKPU 8/2024 Pasal 14\n\nNomor lembar konsultasi: LK-34.02-2024-00001\n\n-- \nHelpdesk',
    )
    expect(answerMessage({ number: 'n', subject: 's', answer: 'Boleh.', signature: ' ' }).text).toBe(
      'Boleh.\n\nNomor lembar konsultasi: n',
    )
  })

  it('labels every kind in both languages', () => {
    for (const kind of NotificationKind.values) expect(NotificationKind.label(kind, 'en')).not.toBe(kind)
  })
})

describe('when reminders are due', () => {
  const closesAt = instantAt('2024-09-09T00:00', 'WIB')
  const hoursBefore = (h: number) => new Date(closesAt.getTime() - h * 3_600_000)

  it('sends the 24 h reminder from a day before, the 3 h one from three hours before, each once', () => {
    expect(dueReminders(closesAt, hoursBefore(25), [])).toEqual([])
    expect(dueReminders(closesAt, hoursBefore(24), [])).toEqual(['fix_reminder_24h'])
    expect(dueReminders(closesAt, hoursBefore(10), ['fix_reminder_24h'])).toEqual([])
    expect(dueReminders(closesAt, hoursBefore(3), ['fix_reminder_24h'])).toEqual(['fix_reminder_3h'])
    expect(dueReminders(closesAt, hoursBefore(1), ['fix_reminder_24h', 'fix_reminder_3h'])).toEqual([])
  })

  it('skips a missed 24 h reminder once the 3 h one is due, and sends nothing after the close', () => {
    expect(dueReminders(closesAt, hoursBefore(2), [])).toEqual(['fix_reminder_3h'])
    expect(dueReminders(closesAt, hoursBefore(20), ['fix_reminder_3h'])).toEqual([])
    expect(dueReminders(closesAt, closesAt, [])).toEqual([])
  })

  it('alerts leadership once, a day before the close, of documents idle since before then', () => {
    const idle = { closesAt, now: hoursBefore(23), lastStepAt: hoursBefore(100), alreadySent: false }
    expect(leadershipAlertDue(idle)).toBe(true)
    expect(leadershipAlertDue({ ...idle, alreadySent: true })).toBe(false)
    expect(leadershipAlertDue({ ...idle, now: hoursBefore(30) })).toBe(false)
    expect(leadershipAlertDue({ ...idle, lastStepAt: hoursBefore(23.5) })).toBe(false)
    expect(leadershipAlertDue({ ...idle, now: closesAt })).toBe(false)
  })
})

describe('the outbox retry schedule', () => {
  const now = new Date('2024-09-06T00:00:00Z')
  const minutesAfter = (attempts: number) =>
    (nextAttemptAt(attempts, now, 'temporary')!.getTime() - now.getTime()) / 60_000

  it('backs off 1, 5, 30, 120, 360 minutes, then gives up', () => {
    expect([1, 2, 3, 4, 5].map(minutesAfter)).toEqual([1, 5, 30, 120, 360])
    expect(nextAttemptAt(MAX_DELIVERY_ATTEMPTS, now, 'temporary')).toBeNull()
    expect(nextAttemptAt(1, now, 'permanent')).toBeNull()
  })

  it('keys one event and recipient once', () => {
    expect(notificationKey('queue_called', 'v1', '+62812')).toBe('queue_called:v1:+62812')
    expect(notificationKey('research_result', 'x'.repeat(600))).toHaveLength(500)
  })
})
