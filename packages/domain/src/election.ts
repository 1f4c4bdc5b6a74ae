import { z } from 'zod'
import { labelledEnum } from './labels.ts'
import { RegionCodeSchema } from './office.ts'
import { allow, deny, type RuleResult } from './rules.ts'
import { instantAt, LocalDateTimeSchema, LocalTimeSchema, MINUTE_MS, TimeZone } from './time.ts'

/** Which head of region an election chooses; it decides the office in charge and the minimum age. */
export const ElectionKind = labelledEnum({
  gubernur: { id: 'Gubernur dan Wakil Gubernur', en: 'Governor and vice governor' },
  bupati: { id: 'Bupati dan Wakil Bupati', en: 'Regent and vice regent' },
  walikota: { id: 'Wali Kota dan Wakil Wali Kota', en: 'Mayor and vice mayor' },
})
/** The kind of regional election. */
export type ElectionKind = z.infer<typeof ElectionKind.schema>

/** An election run by one office for one region, e.g. Pilkada 2024 Bupati dan Wakil Bupati Bantul. */
export const ElectionInputSchema = z.object({
  name: z.string().trim().min(3).max(200),
  kind: ElectionKind.schema,
  regionCode: RegionCodeSchema,
  year: z.number().int().min(2015).max(2100),
})
/** An election as an admin registers it. */
export type ElectionInput = z.infer<typeof ElectionInputSchema>

/** A stored election. */
export const ElectionSchema = ElectionInputSchema.extend({ id: z.uuid(), officeId: z.uuid() })
/** A stored election. */
export type Election = z.infer<typeof ElectionSchema>

/** The nomination stages (tahapan pencalonan) and the stages around them that the desk talks about. */
export const Stage = labelledEnum({
  dukungan_perseorangan: {
    id: 'Pemenuhan syarat dukungan pasangan perseorangan',
    en: 'Independent pairs: meeting support requirements',
  },
  pengumuman_pendaftaran: { id: 'Pengumuman pendaftaran', en: 'Announcement of registration' },
  pendaftaran: { id: 'Pendaftaran bakal pasangan calon', en: 'Registration of pairs' },
  perpanjangan_pendaftaran: {
    id: 'Perpanjangan pendaftaran (satu bakal pasangan calon)',
    en: 'Registration extended (a single pair registered)',
  },
  penelitian_persyaratan: { id: 'Penelitian persyaratan calon', en: 'Research of candidate requirements' },
  pemberitahuan_hasil: {
    id: 'Pemberitahuan hasil penelitian administrasi',
    en: 'Notification of administrative research results',
  },
  perbaikan: { id: 'Perbaikan dan penyerahan perbaikan', en: 'Fixing and resubmission (perbaikan)' },
  penelitian_perbaikan: {
    id: 'Penelitian perbaikan dan tanggapan masyarakat',
    en: 'Research of fixes and public input',
  },
  pengajuan_pengganti: {
    id: 'Pengajuan bakal calon pengganti',
    en: 'Submission of replacement candidates',
  },
  penetapan: { id: 'Penetapan pasangan calon', en: 'Determination of pairs' },
  pengundian_nomor_urut: { id: 'Pengundian nomor urut', en: 'Ballot number draw' },
  kampanye: { id: 'Kampanye', en: 'Campaign' },
  pemungutan_suara: { id: 'Pemungutan suara', en: 'Voting day' },
  rekapitulasi: { id: 'Penghitungan dan rekapitulasi suara', en: 'Counting and recapitulation' },
})
/** One stage of the calendar. */
export type Stage = z.infer<typeof Stage.schema>

/**
 * The hours a window receives on each of its days, `HH:mm`; like `endsAt`, `to` names the last minute still
 * inside, so "08.00–16.00" takes a hand-in at 16:00 and refuses one at 16:01.
 */
export const DailyHoursSchema = z
  .object({ from: LocalTimeSchema, to: LocalTimeSchema })
  .refine((h) => h.from < h.to, { message: 'calendar.hours.order', path: ['to'] })
/** A window's daily hours. */
export type DailyHours = z.infer<typeof DailyHoursSchema>

// Wall-clock times in the window's zone: its own when KPU RI sets one national cut-off (e.g. WIB), else
// the office's (waktu setempat). `endsAt` names the last minute still inside ("8 September 2024 pukul
// 23.59"), so the window closes when that minute ends. With daily hours the last day runs to `endsAt`.
const windowFields = {
  stage: Stage.schema,
  startsAt: LocalDateTimeSchema,
  endsAt: LocalDateTimeSchema,
  zone: TimeZone.schema.optional(),
  dailyHours: DailyHoursSchema.optional(),
}
/** One stage's window; `toConfirm` marks a default the office should confirm against its own decree. */
export const StageWindowSchema = z
  .object({ ...windowFields, toConfirm: z.boolean().default(false) })
  .refine((w) => w.startsAt <= w.endsAt, { message: 'calendar.window.order', path: ['endsAt'] })
/** One stage's window. */
export type StageWindow = z.infer<typeof StageWindowSchema>

/** An election's stage calendar: at most one window per stage. */
export const StageCalendarSchema = z
  .object({ name: z.string().min(1), windows: z.array(StageWindowSchema) })
  .refine((c) => new Set(c.windows.map((w) => w.stage)).size === c.windows.length, {
    message: 'calendar.stage.unique',
    path: ['windows'],
  })
/** A stage calendar. */
export type StageCalendar = z.infer<typeof StageCalendarSchema>

const day = (date: string, from = '00:00', to = '23:59') => ({
  startsAt: `${date}T${from}`,
  endsAt: `${date}T${to}`,
})
const span = (from: string, to: string) => ({ startsAt: `${from}T00:00`, endsAt: `${to}T23:59` })

/**
 * The hours a registration is received (PKPU 8/2024 Pasal 96, as offices cite it: 08.00–16.00 waktu
 * setempat, the last day until 23.59, which the window's `endsAt` carries).
 */
export const REGISTRATION_HOURS: DailyHours = { from: '08:00', to: '16:00' }

/**
 * The national Pilkada 2024 nomination calendar (PKPU 2/2024; sub-stages of research from KPU Bantul's
 * schedule under PKPU 8/2024). Offices override single windows; `toConfirm` marks reported defaults. The
 * registration extension is not in it (see `pilkada2024Extension`).
 */
export const pilkada2024Calendar: StageCalendar = {
  name: 'Pilkada 2024 (PKPU 2/2024)',
  windows: [
    { stage: 'dukungan_perseorangan', ...span('2024-05-05', '2024-08-19'), toConfirm: false },
    { stage: 'pengumuman_pendaftaran', ...span('2024-08-24', '2024-08-26'), toConfirm: false },
    {
      stage: 'pendaftaran',
      ...span('2024-08-27', '2024-08-29'),
      dailyHours: REGISTRATION_HOURS,
      toConfirm: false,
    },
    { stage: 'penelitian_persyaratan', ...span('2024-08-27', '2024-09-21'), toConfirm: false },
    { stage: 'pemberitahuan_hasil', ...day('2024-09-06', '09:00', '09:00'), toConfirm: false },
    { stage: 'perbaikan', ...span('2024-09-06', '2024-09-08'), toConfirm: false },
    { stage: 'penelitian_perbaikan', ...span('2024-09-09', '2024-09-21'), toConfirm: true },
    { stage: 'pengajuan_pengganti', ...span('2024-09-09', '2024-09-11'), toConfirm: true },
    { stage: 'penetapan', ...day('2024-09-22'), toConfirm: false },
    { stage: 'pengundian_nomor_urut', ...day('2024-09-23'), toConfirm: false },
    { stage: 'kampanye', ...span('2024-09-25', '2024-11-23'), toConfirm: false },
    { stage: 'pemungutan_suara', ...day('2024-11-27'), toConfirm: false },
    { stage: 'rekapitulasi', ...span('2024-11-27', '2024-12-16'), toConfirm: false },
  ],
}

/**
 * The registration extension where only one pair registered (PKPU 10/2024 Pasal 135; UU 10/2016 Pasal
 * 54C), as KPU RI set it in 2024: 2–4 September, with the registration hours. It ran in a few dozen of
 * the 545 regions, so it is not a default: elsewhere it would show a stage that never opens and let pairs
 * register after the close. An office adds it once its extension is announced.
 */
export const pilkada2024Extension: StageWindow = {
  stage: 'perpanjangan_pendaftaran',
  ...span('2024-09-02', '2024-09-04'),
  dailyHours: REGISTRATION_HOURS,
  toConfirm: true,
}

/**
 * An office's change to one window of the default calendar. A zone or daily hours left out stay as the
 * window had them; `null` removes them (the office's own zone, or open all day).
 */
export const StageOverrideSchema = z.object({
  ...windowFields,
  zone: TimeZone.schema.nullable().optional(),
  dailyHours: DailyHoursSchema.nullable().optional(),
})
/** An office's change to one window. */
export type StageOverride = z.infer<typeof StageOverrideSchema>

function overridden(base: StageWindow | undefined, o: StageOverride): StageWindow {
  const zone = o.zone === undefined ? base?.zone : o.zone
  const dailyHours = o.dailyHours === undefined ? base?.dailyHours : o.dailyHours
  return {
    stage: o.stage,
    startsAt: o.startsAt,
    endsAt: o.endsAt,
    ...(zone && { zone }),
    ...(dailyHours && { dailyHours }),
    toConfirm: false,
  }
}

/**
 * The calendar an office works with: the default with its own windows replacing the national ones. An
 * overridden window counts as confirmed, since the office set it.
 */
export function applyOverrides(
  base: StageCalendar,
  overrides: readonly StageOverride[],
): RuleResult<StageCalendar> {
  const bad = overrides.find(
    (o) => o.startsAt > o.endsAt || (o.dailyHours && o.dailyHours.from >= o.dailyHours.to),
  )
  if (bad) {
    const hours = bad.startsAt <= bad.endsAt
    return deny({
      rule: hours ? 'calendar.hours.order' : 'calendar.window.order',
      params: { stage: bad.stage },
      message: hours
        ? {
            id: `Tahapan ${Stage.label(bad.stage)}: jam tutup harus sesudah jam buka.`,
            en: `Stage ${Stage.label(bad.stage, 'en')}: the daily closing time must come after the opening.`,
          }
        : {
            id: `Tahapan ${Stage.label(bad.stage)}: waktu selesai harus sesudah waktu mulai.`,
            en: `Stage ${Stage.label(bad.stage, 'en')}: the end must come after the start.`,
          },
    })
  }
  const byStage = new Map(overrides.map((o) => [o.stage, o]))
  const windows = base.windows.map((w) => {
    const o = byStage.get(w.stage)
    return o ? overridden(w, o) : w
  })
  for (const o of overrides) {
    if (!base.windows.some((w) => w.stage === o.stage)) windows.push(overridden(undefined, o))
  }
  return allow({ name: base.name, windows })
}

/** Where a moment falls relative to a window. */
export type WindowPhase = 'upcoming' | 'open' | 'closed'

/** A window as instants: open from `opensAt`, closed from `closesAt` (the end of the last minute). */
export interface ZonedWindow {
  stage: Stage
  /** The zone its times are written in: the window's own, else the office's. */
  zone: TimeZone
  opensAt: Date
  /** The last minute as written, e.g. 23:59; for display. */
  lastMinute: Date
  closesAt: Date
}

type WindowTimes = Pick<StageWindow, 'stage' | 'startsAt' | 'endsAt' | 'zone'>

/** A calendar window pinned to its zone: the window's own when it has one, else the office's. */
export function zonedWindow(window: WindowTimes, officeZone: TimeZone): ZonedWindow {
  const zone = window.zone ?? officeZone
  const lastMinute = instantAt(window.endsAt, zone)
  return {
    stage: window.stage,
    zone,
    opensAt: instantAt(window.startsAt, zone),
    lastMinute,
    closesAt: new Date(lastMinute.getTime() + MINUTE_MS),
  }
}

/** Whether a window is still to come, open, or over at `now`. */
export function windowPhase(window: ZonedWindow, now: Date): WindowPhase {
  if (now < window.opensAt) return 'upcoming'
  return now < window.closesAt ? 'open' : 'closed'
}

/** The calendar's window for a stage in its zone (the office's unless the window names one), if any. */
export function findWindow(calendar: StageCalendar, stage: Stage, zone: TimeZone): ZonedWindow | null {
  const window = calendar.windows.find((w) => w.stage === stage)
  return window ? zonedWindow(window, zone) : null
}

const nextDay = (date: string) =>
  new Date(Date.parse(`${date}T00:00Z`) + 24 * 60 * MINUTE_MS).toISOString().slice(0, 10)

/**
 * The spans in which a window receives, first to last: the whole window, or with daily hours one span a
 * day from `from` to `to`, the last day running to the window's own last minute.
 */
export function dailyOpenings(window: StageWindow, officeZone: TimeZone): ZonedWindow[] {
  const hours = window.dailyHours
  if (!hours) return [zonedWindow(window, officeZone)]
  const lastDay = window.endsAt.slice(0, 10)
  const spans: ZonedWindow[] = []
  for (let date = window.startsAt.slice(0, 10); date <= lastDay; date = nextDay(date)) {
    const from = `${date}T${hours.from}` > window.startsAt ? `${date}T${hours.from}` : window.startsAt
    const to = date === lastDay ? window.endsAt : `${date}T${hours.to}`
    if (from <= to) spans.push(zonedWindow({ ...window, startsAt: from, endsAt: to }, officeZone))
  }
  return spans
}

/** The stages open at `now`, e.g. to show "Tahapan berjalan" on the dashboard. */
export function openStages(calendar: StageCalendar, zone: TimeZone, now: Date): Stage[] {
  return calendar.windows.filter((w) => windowPhase(zonedWindow(w, zone), now) === 'open').map((w) => w.stage)
}
