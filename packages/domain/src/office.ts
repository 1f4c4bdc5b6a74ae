import { z } from 'zod'
import { labelledEnum } from './labels.ts'
import { provinceOf } from './office-provinces.ts'
import { allow, deny, type RuleResult } from './rules.ts'
import { TimeZone } from './time.ts'

/** The three tiers of KPU. A Kab/Kota office reports to its Provinsi, a Provinsi to KPU RI. */
export const OfficeLevel = labelledEnum({
  RI: { id: 'KPU RI', en: 'KPU (national)' },
  PROVINSI: { id: 'KPU Provinsi', en: 'Provincial KPU' },
  KABKOTA: { id: 'KPU Kabupaten/Kota', en: 'Regency/City KPU' },
})
/** An office's tier. */
export type OfficeLevel = z.infer<typeof OfficeLevel.schema>

/**
 * Kemendagri region code: "34" for DI Yogyakarta, "34.02" for Kabupaten Bantul; KPU RI uses "00".
 */
export const RegionCodeSchema = z.string().regex(/^(00|\d{2}(\.\d{2})?)$/)

/** The level a region code's shape implies. */
export function levelOfRegionCode(code: string): OfficeLevel {
  if (code === '00') return 'RI'
  return code.includes('.') ? 'KABKOTA' : 'PROVINSI'
}

/** What an admin enters to add an office. */
export const OfficeInputSchema = z.object({
  name: z.string().trim().min(3).max(160),
  level: OfficeLevel.schema,
  regionCode: RegionCodeSchema,
  timeZone: TimeZone.schema,
  parentId: z.uuid().nullable(),
})
/** A new office as entered. */
export type OfficeInput = z.infer<typeof OfficeInputSchema>

/** A KPU office; every record in Meja Bantu belongs to exactly one. */
export const OfficeSchema = OfficeInputSchema.extend({ id: z.uuid() })
/** A stored office. */
export type Office = z.infer<typeof OfficeSchema>

const parentLevel: Record<OfficeLevel, OfficeLevel | null> = {
  RI: null,
  PROVINSI: 'RI',
  KABKOTA: 'PROVINSI',
}

/** The level of the offices directly below one of `level`; a Kab/Kota has none. */
export function childLevelOf(level: OfficeLevel): OfficeLevel | null {
  return level === 'RI' ? 'PROVINSI' : level === 'PROVINSI' ? 'KABKOTA' : null
}

/** Whether a region code lies in an area: itself, or below it ("34.02" in "34"); all lie in "00". */
export function regionCodeWithin(code: string, areaCode: string): boolean {
  return areaCode === '00' || code === areaCode || code.startsWith(`${areaCode}.`)
}

/**
 * Whether a well-shaped code names a real area: a province Kemendagri lists, or a Kab/Kota numbered from
 * 01 (kabupaten 01–69, kota 71–99). The shape alone lets "99" or "34.00" through.
 */
export function checkRegionCodeExists(regionCode: string): RuleResult<true> {
  const level = levelOfRegionCode(regionCode)
  const exists = level === 'RI' || (provinceOf(regionCode) !== undefined && !regionCode.endsWith('.00'))
  if (exists) return allow(true)
  return deny({
    rule: 'office.regionCode.unknown',
    params: { regionCode },
    message: {
      id: `Kode wilayah ${regionCode} bukan kode Kemendagri untuk ${OfficeLevel.label(level)}.`,
      en: `Region code ${regionCode} is not a Kemendagri code of a ${OfficeLevel.label(level, 'en')}.`,
    },
  })
}

/**
 * Whether an office may sit under a parent: the level must match its region code, the code must exist,
 * KPU RI has no parent, a Provinsi sits under KPU RI, and a Kab/Kota under the Provinsi whose code
 * prefixes its own.
 */
export function checkOfficePlacement(
  office: Pick<Office, 'level' | 'regionCode'>,
  parent: Pick<Office, 'level' | 'regionCode'> | null,
): RuleResult<true> {
  if (levelOfRegionCode(office.regionCode) !== office.level) {
    return deny({
      rule: 'office.regionCode.level',
      params: { regionCode: office.regionCode, level: office.level },
      message: {
        id: `Kode wilayah ${office.regionCode} tidak sesuai dengan tingkat ${OfficeLevel.label(office.level)}.`,
        en: `Region code ${office.regionCode} does not match the level ${OfficeLevel.label(office.level, 'en')}.`,
      },
    })
  }
  const known = checkRegionCodeExists(office.regionCode)
  if (!known.ok) return known
  const expected = parentLevel[office.level]
  const fits =
    expected === null
      ? parent === null
      : parent !== null &&
        parent.level === expected &&
        (expected === 'RI' || office.regionCode.startsWith(`${parent.regionCode}.`))
  if (fits) return allow(true)
  return deny({
    rule: 'office.parent',
    params: { regionCode: office.regionCode, parent: parent?.regionCode ?? '' },
    message: {
      id: `${OfficeLevel.label(office.level)} ${office.regionCode} harus berada di bawah ${expected ? OfficeLevel.label(expected) : 'tidak ada kantor'} yang sesuai.`,
      en: `${OfficeLevel.label(office.level, 'en')} ${office.regionCode} must sit under ${expected ? `the matching ${OfficeLevel.label(expected, 'en')}` : 'no office'}.`,
    },
  })
}

/** Just enough of an office to walk the tree. */
export type OfficeNode = Pick<Office, 'id' | 'parentId'>

/** The office and every office below it, in breadth-first order. */
export function officeSubtree(offices: readonly OfficeNode[], rootId: string): string[] {
  const children = new Map<string, string[]>()
  for (const o of offices) {
    if (o.parentId) children.set(o.parentId, [...(children.get(o.parentId) ?? []), o.id])
  }
  const seen = new Set<string>([rootId])
  const order = [rootId]
  for (let i = 0; i < order.length; i++) {
    for (const child of children.get(order[i]!) ?? []) {
      if (seen.has(child)) continue
      seen.add(child)
      order.push(child)
    }
  }
  return order
}

/** Whether `reader` may read `target`'s records: its own office, or one below it for roll-ups. */
export function isWithin(offices: readonly OfficeNode[], readerOfficeId: string, targetOfficeId: string) {
  return officeSubtree(offices, readerOfficeId).includes(targetOfficeId)
}
