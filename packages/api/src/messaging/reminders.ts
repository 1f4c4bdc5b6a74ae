// Reminders while a perbaikan window is open: the LO of each pair with documents still BMS 24 h and 3 h
// before it closes, and leadership once when a BMS document has seen no step 24 h before the close.
import type { Database } from '@mejabantu/db'
import {
  dueReminders,
  findWindow,
  fixReminderMessage,
  leadershipAlertDue,
  leadershipAlertMessage,
  notificationKey,
  windowPhase,
  type NotificationKind,
  type TimeZone,
} from '@mejabantu/domain'
import { calendarOf, catalogOf } from '../candidates/elections-records.ts'
import { enqueue } from './outbox.ts'
import { noticePairSelect, pairLabel, queueToLo } from './pair-notices.ts'

const WAITING_FOR_FIX = ['BMS', 'perbaikan']

/** Queues what is due at `now` in every office; idempotent, so every server process may run it. */
export async function queueDueReminders(db: Database, now = new Date()): Promise<number> {
  const elections = await db.prisma.election.findMany({
    select: {
      id: true,
      officeId: true,
      calendar: true,
      catalogVersion: true,
      office: { select: { name: true, timeZone: true } },
    },
  })
  let queued = 0
  for (const election of elections) {
    const zone = election.office.timeZone as TimeZone
    const window = findWindow(calendarOf(election), 'perbaikan', zone)
    if (!window || windowPhase(window, now) !== 'open') continue
    const titles = new Map(catalogOf(election).items.map((i) => [i.code, i.name]))
    const pairs = await db.prisma.candidatePair.findMany({
      where: {
        electionId: election.id,
        checks: { some: { status: { in: WAITING_FOR_FIX }, supersededAt: null } },
      },
      select: {
        ...noticePairSelect,
        checks: {
          where: { status: { in: WAITING_FOR_FIX }, supersededAt: null },
          select: {
            requirementCode: true,
            subject: true,
            status: true,
            events: { orderBy: { at: 'desc' }, take: 1 },
          },
        },
      },
    })
    const closes = window.closesAt.toISOString()
    for (const row of pairs) {
      const pair = { ...row, label: pairLabel(row) }
      const item = (c: (typeof row.checks)[number]) => ({
        code: c.requirementCode,
        title: titles.get(c.requirementCode) ?? c.requirementCode,
        subject: c.subject,
      })
      const sent = await db.prisma.outboxMessage.findMany({
        where: { pairId: pair.id, createdAt: { gte: window.opensAt } },
        select: { kind: true },
      })
      const sentKinds = sent.map((s) => s.kind as NotificationKind)
      queued += await db.prisma.$transaction(async (tx) => {
        let count = 0
        for (const kind of dueReminders(window.closesAt, now, sentKinds)) {
          const message = fixReminderMessage({
            officeName: election.office.name,
            pairLabel: pair.label,
            hoursLeft: kind === 'fix_reminder_24h' ? 24 : 3,
            bmsItems: row.checks.filter((c) => c.status === 'BMS').map(item),
            lastMinute: window.lastMinute,
            zone,
          })
          count += await queueToLo(tx, pair, kind, message, closes)
        }
        const idle = row.checks.filter((c) => c.status === 'BMS')
        const lastStepAt = new Date(Math.max(...row.checks.map((c) => c.events[0]?.at.getTime() ?? 0)))
        const alreadySent = sentKinds.includes('leadership_alert')
        if (
          idle.length > 0 &&
          leadershipAlertDue({ closesAt: window.closesAt, now, lastStepAt, alreadySent })
        ) {
          const settings = await tx.officeMessaging.findUnique({ where: { officeId: election.officeId } })
          const message = leadershipAlertMessage({
            officeName: election.office.name,
            pairLabel: pair.label,
            idleItems: idle.map((c) => ({ ...item(c), since: c.events[0]?.at ?? window.opensAt })),
            lastMinute: window.lastMinute,
            zone,
          })
          count += await enqueue(
            tx,
            (settings?.leadershipEmails ?? []).map((recipient) => ({
              officeId: election.officeId,
              kind: 'leadership_alert' as const,
              recipient,
              subject: message.subject,
              text: message.text,
              idempotencyKey: notificationKey('leadership_alert', pair.id, recipient, closes),
              pairId: pair.id,
            })),
          )
        }
        return count
      })
    }
  }
  return queued
}
