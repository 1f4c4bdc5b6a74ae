import { z } from 'zod'
import {
  checkRegionCodeExists,
  levelOfRegionCode,
  OfficeLevel,
  RegionCodeSchema,
  regionCodeWithin,
} from './office.ts'
import { provinceOf } from './office-provinces.ts'
import { allow, deny, type RuleResult } from './rules.ts'
import type { TimeZone } from './time.ts'

/**
 * The top office of the tree an install serves: KPU RI ("00") for the national server, a province
 * ("34") for a provincial one, a Kab/Kota ("34.02") for a single office. Its admin is the first account.
 */
export const TopOfficeSchema = z.object({
  regionCode: RegionCodeSchema,
  /** Needed for a Kab/Kota; KPU RI and the provinces have their names already. */
  name: z.string().trim().min(3).max(160).optional(),
})
/** The top office as configured. */
export type TopOffice = z.infer<typeof TopOfficeSchema>

/** What a fresh install serves when nothing is configured: one small office, as a demo. */
export const demoTopOffice: TopOffice = { regionCode: '34.02', name: 'KPU Kabupaten Bantul' }

/** An office first run creates when it is missing. */
export interface OfficeSeed {
  level: OfficeLevel
  regionCode: string
  name: string
  timeZone: TimeZone
}

const national: OfficeSeed = {
  level: 'RI',
  regionCode: '00',
  name: 'KPU Republik Indonesia',
  timeZone: 'WIB',
}

/**
 * The offices from KPU RI down to the top office, each under the one before: the offices above the top
 * are there so reports have somewhere to go, even when they are served elsewhere.
 */
export function topOfficeChain(top: TopOffice): RuleResult<OfficeSeed[]> {
  const known = checkRegionCodeExists(top.regionCode)
  if (!known.ok) return known
  const level = levelOfRegionCode(top.regionCode)
  if (level === 'RI') return allow([{ ...national, name: top.name ?? national.name }])
  const province = provinceOf(top.regionCode)!
  const provinceSeed: OfficeSeed = {
    level: 'PROVINSI',
    regionCode: province.code,
    name: province.officeName,
    timeZone: province.timeZone,
  }
  if (level === 'PROVINSI')
    return allow([national, { ...provinceSeed, name: top.name ?? province.officeName }])
  if (!top.name) {
    return deny({
      rule: 'office.top.name',
      params: { regionCode: top.regionCode },
      message: {
        id: `Nama kantor ${OfficeLevel.label(level)} ${top.regionCode} wajib diisi.`,
        en: `The name of ${OfficeLevel.label(level, 'en')} ${top.regionCode} is required.`,
      },
    })
  }
  return allow([
    national,
    provinceSeed,
    { level, regionCode: top.regionCode, name: top.name, timeZone: province.timeZone },
  ])
}

/**
 * Whether a top office may take over an install already in use: every office that has accounts must lie
 * in its area, so moving the top up (Bantul → DI Yogyakarta) is allowed and moving it aside is not.
 */
export function checkTopCoversServed(topCode: string, servedCodes: readonly string[]): RuleResult<true> {
  const outside = servedCodes.filter((code) => !regionCodeWithin(code, topCode))
  if (outside.length === 0) return allow(true)
  return deny({
    rule: 'office.top.outside',
    params: { regionCode: topCode, outside: outside.join(', ') },
    message: {
      id: `Kantor teratas ${topCode} tidak membawahi kantor yang sudah dipakai: ${outside.join(', ')}.`,
      en: `Top office ${topCode} does not contain the offices already in use: ${outside.join(', ')}.`,
    },
  })
}
