import { z } from 'zod'
import { ThresholdBasisSchema } from './threshold.ts'
import {
  ElectionInputSchema,
  ElectionKind,
  ElectionSchema,
  StageCalendarSchema,
  StageOverrideSchema,
  type ElectionInput,
  type StageCalendar,
} from './election.ts'
import { OfficeLevel, type Office } from './office.ts'
import { catalogInEffect, type RequirementCatalog } from './requirement.ts'
import { allow, deny, type RuleResult } from './rules.ts'

/** An election as an admin registers it: the calendar starts from the default, with the office's changes. */
export const ElectionRegistrationSchema = ElectionInputSchema.extend({
  /** The requirement catalog to research under; the one in effect at registration when not given. */
  catalogVersion: z.string().trim().min(1).max(60).optional(),
  overrides: z.array(StageOverrideSchema).max(30).default([]),
})
/** An election registration as entered. */
export type ElectionRegistration = z.input<typeof ElectionRegistrationSchema>

/** A stored election with its calendar and catalog version. */
export const ElectionRecordSchema = ElectionSchema.extend({
  calendar: StageCalendarSchema,
  catalogVersion: z.string().min(1),
  createdAt: z.date(),
  /** The voter list and last DPRD election the P5 threshold is counted from, once entered. */
  thresholdBasis: ThresholdBasisSchema.nullable(),
})

/** The threshold basis of an election, as staff enter it from the certified figures. */
export const ThresholdBasisInputSchema = z.object({ electionId: z.uuid(), basis: ThresholdBasisSchema })
/** The threshold basis as entered. */
export type ThresholdBasisInput = z.infer<typeof ThresholdBasisInputSchema>
/** A stored election. */
export type ElectionRecord = z.infer<typeof ElectionRecordSchema>

/** Changes to some windows of an election's calendar. */
export const StageOverridesInputSchema = z.object({
  electionId: z.uuid(),
  overrides: z.array(StageOverrideSchema).min(1).max(30),
})

/** The office level in charge of each kind of election (UU 10/2016). */
export const ELECTION_OFFICE_LEVEL: Readonly<Record<ElectionKind, OfficeLevel>> = {
  gubernur: 'PROVINSI',
  bupati: 'KABKOTA',
  walikota: 'KABKOTA',
}

/**
 * Whether an office may run an election: a KPU Provinsi runs the governor's, a KPU Kab/Kota the regent's
 * or mayor's, and always for its own region.
 */
export function checkElectionOffice(
  election: Pick<ElectionInput, 'kind' | 'regionCode'>,
  office: Pick<Office, 'level' | 'regionCode'>,
): RuleResult<true> {
  const level = ELECTION_OFFICE_LEVEL[election.kind]
  if (office.level !== level) {
    return deny({
      rule: 'election.kind.level',
      params: { kind: election.kind, level: office.level },
      message: {
        id: `Pemilihan ${ElectionKind.label(election.kind)} diselenggarakan oleh ${OfficeLevel.label(level)}.`,
        en: `A ${ElectionKind.label(election.kind, 'en')} election is run by a ${OfficeLevel.label(level, 'en')}.`,
      },
    })
  }
  if (election.regionCode !== office.regionCode) {
    return deny({
      rule: 'election.region',
      params: { regionCode: election.regionCode, officeRegionCode: office.regionCode },
      message: {
        id: `Kantor ini hanya menyelenggarakan pemilihan untuk wilayah ${office.regionCode}.`,
        en: `This office runs elections only for region ${office.regionCode}.`,
      },
    })
  }
  return allow(true)
}

/** The date of penetapan (`YYYY-MM-DD`), from which candidates' ages count; null without that window. */
export function penetapanDate(calendar: StageCalendar): string | null {
  return calendar.windows.find((w) => w.stage === 'penetapan')?.startsAt.slice(0, 10) ?? null
}

/**
 * The catalog an election researches under: the one named, which must exist, or else the one in effect on
 * the first day of registration (pendaftaran) of its calendar.
 */
export function chooseCatalog(
  catalogs: readonly RequirementCatalog[],
  calendar: StageCalendar,
  version?: string,
): RuleResult<RequirementCatalog> {
  const registration = calendar.windows.find((w) => w.stage === 'pendaftaran')
  const chosen =
    version === undefined
      ? registration && catalogInEffect(catalogs, registration.startsAt.slice(0, 10))
      : catalogs.find((c) => c.version === version)
  if (chosen) return allow(chosen)
  return deny({
    rule: 'catalog.unknown',
    params: { version: version ?? '' },
    message: version
      ? {
          id: `Katalog persyaratan ${version} tidak dikenal.`,
          en: `Requirement catalog ${version} is unknown.`,
        }
      : {
          id: 'Tidak ada katalog persyaratan yang berlaku pada tanggal pendaftaran.',
          en: 'No requirement catalog is in effect on the registration date.',
        },
  })
}
