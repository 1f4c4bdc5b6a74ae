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
  SMS_CHARS,
} from './notifications.ts'
import { instantAt, type TimeZone } from './time.ts'

const C5 = { code: 'C5', title: 'SKCK', subject: 'Calon Bupati' }
const C3 = { code: 'C3', title: 'Ijazah', subject: 'Calon Wakil Bupati' }
const window = (zone: TimeZone) => ({
  opensAt: instantAt('2024-09-06T00:00', zone),
  lastMinute: instantAt('2024-09-08T23:59', zone),
})
const base = { officeName: 'KPU Kabupaten Bantul', pairLabel: 'Paslon nomor urut 1 (Budi – Siti)' }

describe('deadlines in the office’s zone', () => {
  it('reads 23.59 WITA on 8 September 2024, which is 15:59 UTC, as that day and never the next', () => {
    const lastMinute = new Date('2024-09-08T15:59:00Z')
    expect(instantAt('2024-09-08T23:59', 'WITA')).toEqual(lastMinute)
    const text = fixReminderMessage({ ...base, hoursLeft: 24, bmsItems: [C5], lastMinute, zone: 'WITA' }).text
    expect(text).toContain('pada 8 September 2024 pukul 23.59 WITA.')
    expect(text).not.toContain('9 September')
    // The same instant is another wall-clock time elsewhere: the zone is the office's, not the reader's.
    const inWib = fixReminderMessage({ ...base, hoursLeft: 24, bmsItems: [C5], lastMinute, zone: 'WIB' })
    expect(inWib.text).toContain('8 September 2024 pukul 22.59 WIB')
  })

  it.each(['WIB', 'WITA', 'WIT'] as const)(
    'names the perbaikan window as the office writes it in %s',
    (zone) => {
      const message = researchResultMessage({
        ...base,
        items: [
          { ...C3, status: 'MS' },
          { ...C5, status: 'BMS' },
          { code: 'C9', title: 'Surat pernyataan', subject: 'Calon Bupati', status: 'TMS' },
        ],
        fixWindow: window(zone),
        zone,
      })
      expect(message.subject).toBe('Hasil penelitian Paslon nomor urut 1 (Budi – Siti) — 1 dokumen BMS')
      expect(message.text).toContain(
        `mulai 6 September 2024 pukul 00.00 ${zone} sampai 8 September 2024 pukul 23.59 ${zone}.`,
      )
      expect(message.text).not.toContain('9 September')
    },
  )
})

describe('messages to the LO', () => {
  it('lists the BMS documents first, then MS and TMS, and says what becomes of unfixed ones', () => {
    const message = researchResultMessage({
      ...base,
      items: [
        { ...C3, status: 'MS' },
        { ...C5, status: 'BMS' },
        { code: 'C9', title: 'Surat pernyataan', subject: 'Calon Bupati', status: 'TMS' },
      ],
      fixWindow: window('WIB'),
      zone: 'WIB',
    })
    const { text } = message
    expect(text.startsWith('Yth. LO Paslon nomor urut 1 (Budi – Siti),\n')).toBe(true)
    expect(text).toContain('Belum memenuhi syarat (BMS), wajib diperbaiki:\n- C5 SKCK (Calon Bupati)')
    expect(text.indexOf('C5')).toBeLessThan(text.indexOf('C3'))
    expect(text).toContain('dinyatakan TMS')
    expect(text).toContain('Memenuhi syarat (MS):\n- C3 Ijazah (Calon Wakil Bupati)')
    expect(text).toContain('Tidak memenuhi syarat (TMS):\n- C9 Surat pernyataan (Calon Bupati)')
    expect(text.endsWith('Pesan ini dikirim otomatis oleh helpdesk pencalonan KPU Kabupaten Bantul.')).toBe(
      true,
    )
  })

  it('says when nothing needs fixing, or when the window is not set yet', () => {
    const none = researchResultMessage({
      ...base,
      items: [{ ...C5, status: 'MS' }],
      fixWindow: window('WIB'),
      zone: 'WIB',
    })
    expect(none.subject).toBe('Hasil penelitian Paslon nomor urut 1 (Budi – Siti)')
    expect(none.text).toContain('Tidak ada dokumen yang perlu diperbaiki.')
    expect(none.text).not.toContain('Perbaikan diserahkan')
    expect(none.text).not.toContain('(TMS)')
    const unset = researchResultMessage({
      ...base,
      items: [{ ...C5, status: 'BMS' }],
      fixWindow: null,
      zone: 'WIB',
    })
    expect(unset.text).toContain('Jadwal perbaikan akan diberitahukan.')
    expect(unset.text).not.toContain('Memenuhi syarat (MS)')
  })

  it('reminds of the BMS documents, or of the close alone when all are being fixed', () => {
    const lastMinute = instantAt('2024-09-08T23:59', 'WIT')
    const three = fixReminderMessage({ ...base, hoursLeft: 3, bmsItems: [C5], lastMinute, zone: 'WIT' })
    expect(three.subject).toBe(
      'Pengingat: perbaikan Paslon nomor urut 1 (Budi – Siti) berakhir 8 September 2024 pukul 23.59 WIT',
    )
    expect(three.text).toContain(
      'berakhir dalam 3 jam, pada 8 September 2024 pukul 23.59 WIT.\nDokumen yang masih BMS:\n- C5 SKCK',
    )
    const fixing = fixReminderMessage({ ...base, hoursLeft: 24, bmsItems: [], lastMinute, zone: 'WIT' })
    expect(fixing.text).toContain('dalam 24 jam')
    expect(fixing.text).toContain('Pastikan seluruh dokumen perbaikan telah diserahkan')
    expect(fixing.text).not.toContain('masih BMS')
  })

  it('words the tanda terima with the instant of the hand-in', () => {
    const receipt = receiptMessage({
      ...base,
      number: '001/PL.02.2-TT/3402/2024',
      receivedAt: instantAt('2024-08-28T09:30', 'WIB'),
      items: [C5, C3],
      zone: 'WIB',
    })
    expect(receipt.subject).toBe('Tanda terima 001/PL.02.2-TT/3402/2024 — Paslon nomor urut 1 (Budi – Siti)')
    expect(receipt.text).toContain(
      'KPU Kabupaten Bantul telah menerima dokumen berikut pada 28 Agustus 2024 pukul 09.30 WIB (tanda terima 001/PL.02.2-TT/3402/2024):\n- C5 SKCK (Calon Bupati)\n- C3 Ijazah',
    )
  })

  it('alerts leadership of the idle documents since when they idle', () => {
    const alert = leadershipAlertMessage({
      ...base,
      idleItems: [
        { ...C5, since: instantAt('2024-09-06T09:00', 'WITA') },
        { ...C3, since: new Date('2024-09-06T01:00:00Z') },
      ],
      lastMinute: instantAt('2024-09-08T23:59', 'WITA'),
      zone: 'WITA',
    })
    expect(alert.subject).toBe(
      'Perhatian: 2 dokumen BMS Paslon nomor urut 1 (Budi – Siti) belum ditindaklanjuti',
    )
    expect(alert.text.startsWith('Yth. Pimpinan,')).toBe(true)
    expect(alert.text).toContain('Masa perbaikan berakhir 8 September 2024 pukul 23.59 WITA.')
    expect(alert.text).toContain('- C5 SKCK (Calon Bupati) — sejak 6 September 2024 pukul 09.00 WITA')
    expect(alert.text).toContain('- C3 Ijazah (Calon Wakil Bupati) — sejak 6 September 2024 pukul 09.00 WITA')
  })

  it('fits a queue call in one SMS, naming the desk when known', () => {
    const call = queueCalledMessage({
      officeName: 'KPU Kabupaten Bantul',
      queueNumber: 'A-007',
      desk: 'Meja 2',
    })
    expect(call).toEqual({
      subject: 'Nomor A-007 dipanggil',
      text: 'Nomor antrean A-007 dipanggil. Silakan menuju ke Meja 2. KPU Kabupaten Bantul',
    })
    expect(queueCalledMessage({ officeName: 'KPU', queueNumber: 'B-001', desk: ' ' }).text).toContain(
      'ke meja layanan.',
    )
    const long = queueCalledMessage({ officeName: 'K'.repeat(300), queueNumber: 'A-007', desk: null })
    expect(long.text).toHaveLength(SMS_CHARS)
    expect(long.text.startsWith('Nomor antrean A-007 dipanggil. Silakan menuju ke meja layanan. KKK')).toBe(
      true,
    )
    expect(long.text.endsWith('…')).toBe(true)
    const huge = queueCalledMessage({ officeName: 'KPU', queueNumber: 'A'.repeat(200), desk: 'D'.repeat(90) })
    expect(huge.text).toHaveLength(SMS_CHARS)
    expect(huge.text).not.toContain('KPU')
  })

  it('answers by mail under the tagged subject, with its legal basis, sheet and signature', () => {
    const answer = answerMessage({
      number: 'LK-34.02-2024-00001',
      subject: 'RE: Syarat SKCK',
      answer: ' Boleh, asalkan dilegalisir. \n',
      legalBasis: 'PKPU 8/2024 Pasal 14',
      signature: 'Helpdesk KPU Kabupaten Bantul',
    })
    expect(answer.subject).toBe('[LK-34.02-2024-00001] Re: Syarat SKCK')
    expect(answer.text).toBe(
      'Boleh, asalkan dilegalisir.\n\nDasar hukum: PKPU 8/2024 Pasal 14\n\nNomor lembar konsultasi: LK-34.02-2024-00001\n\n-- \nHelpdesk KPU Kabupaten Bantul',
    )
    const bare = answerMessage({
      number: 'n',
      subject: '',
      answer: 'Boleh.',
      legalBasis: ' ',
      signature: ' ',
    })
    expect(bare).toEqual({ subject: '[n] Re: (tanpa subjek)', text: 'Boleh.\n\nNomor lembar konsultasi: n' })
  })

  it('labels every kind in both languages', () => {
    expect(NotificationKind.values).toHaveLength(7)
    for (const kind of NotificationKind.values) {
      expect(NotificationKind.label(kind)).not.toBe(kind)
      expect(NotificationKind.label(kind, 'en')).not.toBe(NotificationKind.label(kind))
    }
  })
})

describe('when reminders are due', () => {
  // The perbaikan window of 6–8 September 2024 WITA closes when 23.59 ends: 9 September 00.00 WITA.
  const closesAt = instantAt('2024-09-09T00:00', 'WITA')
  const before = (hours: number, ms = 0) => new Date(closesAt.getTime() - hours * 3_600_000 - ms)

  it('sends the 24 h reminder from exactly a day before, the 3 h one from three hours before, each once', () => {
    expect(dueReminders(closesAt, before(24, 1), [])).toEqual([])
    expect(dueReminders(closesAt, before(24), [])).toEqual(['fix_reminder_24h'])
    expect(dueReminders(closesAt, before(3, 1), [])).toEqual(['fix_reminder_24h'])
    expect(dueReminders(closesAt, before(10), ['fix_reminder_24h'])).toEqual([])
    expect(dueReminders(closesAt, before(3), ['fix_reminder_24h'])).toEqual(['fix_reminder_3h'])
    expect(dueReminders(closesAt, before(1), ['fix_reminder_24h', 'fix_reminder_3h'])).toEqual([])
  })

  it('skips a missed 24 h reminder once the 3 h one is due, and sends nothing from the close on', () => {
    expect(dueReminders(closesAt, before(2), [])).toEqual(['fix_reminder_3h'])
    expect(dueReminders(closesAt, before(20), ['fix_reminder_3h'])).toEqual([])
    expect(dueReminders(closesAt, before(0, 1), ['fix_reminder_24h'])).toEqual(['fix_reminder_3h'])
    expect(dueReminders(closesAt, closesAt, [])).toEqual([])
    expect(dueReminders(closesAt, before(-1), [])).toEqual([])
  })

  it('ignores kinds that are not reminders', () => {
    expect(dueReminders(closesAt, before(5), ['research_result', 'leadership_alert'])).toEqual([
      'fix_reminder_24h',
    ])
  })

  it('alerts leadership once, from a day before the close, of documents idle since the results', () => {
    const idle = { closesAt, now: before(23), lastStepAt: before(60), alreadySent: false }
    expect(leadershipAlertDue(idle)).toBe(true)
    expect(leadershipAlertDue({ ...idle, now: before(24) })).toBe(true)
    expect(leadershipAlertDue({ ...idle, now: before(24, 1) })).toBe(false)
    expect(leadershipAlertDue({ ...idle, alreadySent: true })).toBe(false)
    expect(leadershipAlertDue({ ...idle, lastStepAt: before(23.5) })).toBe(false)
    expect(leadershipAlertDue({ ...idle, lastStepAt: before(24) })).toBe(false)
    expect(leadershipAlertDue({ ...idle, now: before(0, 1) })).toBe(true)
    expect(leadershipAlertDue({ ...idle, now: closesAt })).toBe(false)
  })
})

describe('the outbox retry schedule', () => {
  const now = new Date('2024-09-06T00:00:00Z')
  const minutesAfter = (attempts: number) =>
    (nextAttemptAt(attempts, now, 'temporary')!.getTime() - now.getTime()) / 60_000

  it('backs off 1, 5, 30, 120, 360 minutes, then gives up after the sixth attempt', () => {
    expect(MAX_DELIVERY_ATTEMPTS).toBe(6)
    expect([1, 2, 3, 4, 5].map(minutesAfter)).toEqual([1, 5, 30, 120, 360])
    expect(minutesAfter(0)).toBe(1)
    expect(nextAttemptAt(MAX_DELIVERY_ATTEMPTS, now, 'temporary')).toBeNull()
    expect(nextAttemptAt(MAX_DELIVERY_ATTEMPTS + 3, now, 'temporary')).toBeNull()
  })

  it('gives up at once on a permanent failure', () => {
    expect(nextAttemptAt(1, now, 'permanent')).toBeNull()
  })

  it('keys one event and recipient once', () => {
    expect(notificationKey('queue_called', 'v1', '+62812')).toBe('queue_called:v1:+62812')
    expect(notificationKey('fix_reminder_3h', 'p1', 'lo@x.id')).not.toBe(
      notificationKey('fix_reminder_24h', 'p1', 'lo@x.id'),
    )
    expect(notificationKey('research_result', 'x'.repeat(600))).toHaveLength(500)
  })
})
