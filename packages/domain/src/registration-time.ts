import { dailyOpenings, findWindow, type StageCalendar, type ZonedWindow } from './election.ts'
import { allow, deny, type RuleResult } from './rules.ts'
import { formatInZone, type TimeZone } from './time.ts'

const REGISTRATION_STAGES = ['pendaftaran', 'perpanjangan_pendaftaran'] as const
/** The stages in which a pair registers: the registration and, where KPU extended it, the extension. */
export type RegistrationStage = (typeof REGISTRATION_STAGES)[number]

const noun: Record<RegistrationStage, { id: string; en: string }> = {
  pendaftaran: { id: 'pendaftaran', en: 'registration' },
  perpanjangan_pendaftaran: { id: 'perpanjangan pendaftaran', en: 'registration extension' },
}
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)
const when = (instant: Date, zone: TimeZone) => ({
  id: formatInZone(instant, zone),
  en: formatInZone(instant, zone, 'en'),
})

type Span = ZonedWindow & { stage: RegistrationStage }

/**
 * Whether a pair's registration may be received at `at`, the time it was handed in: inside the
 * registration window or, where only one pair registered and KPU extended it (PKPU 10/2024 Pasal 135;
 * UU 10/2016 Pasal 54C), inside the extension; and within the day's hours (08.00–16.00 waktu setempat, the
 * last day until 23.59). Times are the window's zone when KPU RI set one, else the office's. Allows with
 * the stage the registration falls in.
 */
export function checkRegistrationTime(
  calendar: StageCalendar,
  zone: TimeZone,
  at: Date,
): RuleResult<RegistrationStage> {
  const registration = findWindow(calendar, 'pendaftaran', zone) as Span | null
  if (!registration) {
    return deny({
      rule: 'registration.window.missing',
      params: {},
      message: {
        id: 'Jadwal pendaftaran belum ditetapkan pada kalender tahapan.',
        en: 'The stage calendar has no registration window yet.',
      },
    })
  }
  const spans = calendar.windows
    .filter((w) => (REGISTRATION_STAGES as readonly string[]).includes(w.stage))
    .flatMap((w) => dailyOpenings(w, zone) as Span[])
    .sort((a, b) => a.opensAt.getTime() - b.opensAt.getTime())
  const open = spans.find((s) => s.opensAt <= at && at < s.closesAt)
  if (open) return allow(open.stage)
  const next = spans.find((s) => s.opensAt > at)
  const before = spans.filter((s) => s.closesAt <= at).at(-1)
  // Hours that leave no span at all (opening after the window ends) close the whole window.
  if (!next) return closed(before ?? registration)
  if (before?.stage !== next.stage) {
    const opens = when(next.opensAt, next.zone)
    return deny({
      rule: 'registration.notOpen',
      params: { stage: next.stage, opensAt: next.opensAt.toISOString() },
      message: {
        id: `${capital(noun[next.stage].id)} belum dibuka; dibuka ${opens.id}.`,
        en: `The ${noun[next.stage].en} is not open yet; it opens ${opens.en}.`,
      },
    })
  }
  return outsideHours(calendar, next)
}

function closed(last: Span): RuleResult<never> {
  const end = when(last.lastMinute, last.zone)
  return deny({
    rule: 'registration.closed',
    params: { stage: last.stage, closedAt: last.closesAt.toISOString() },
    message: {
      id: `Masa ${noun[last.stage].id} telah berakhir ${end.id}.`,
      en: `The ${noun[last.stage].en} closed at the end of ${end.en}.`,
    },
  })
}

// Only a window with daily hours has gaps between its spans, so `dailyHours` is there.
function outsideHours(calendar: StageCalendar, next: Span): RuleResult<never> {
  const window = calendar.windows.find((w) => w.stage === next.stage)!
  const { from, to } = window.dailyHours!
  const last = window.endsAt.slice(11)
  const reopens = when(next.opensAt, next.zone)
  const dot = (time: string) => time.replace(':', '.')
  return deny({
    rule: 'registration.outsideHours',
    params: { stage: next.stage, from, to, opensAt: next.opensAt.toISOString() },
    message: {
      id:
        `${capital(noun[next.stage].id)} diterima pukul ${dot(from)}–${dot(to)} ${next.zone}, hari terakhir ` +
        `sampai pukul ${dot(last)} ${next.zone}; dibuka kembali ${reopens.id}.`,
      en:
        `The ${noun[next.stage].en} is received ${from}–${to} ${next.zone}, on the last day until ` +
        `${last} ${next.zone}; it reopens ${reopens.en}.`,
    },
  })
}
