import { z } from 'zod'
import { labelledEnum, type Label, type Locale } from './labels.ts'
import { allow, deny, type RuleResult, type RuleViolation } from './rules.ts'

/**
 * A topic's code, as sheets, visits and articles store it: topics live in the database, so adding one
 * needs neither a code change nor a migration.
 */
export const TopicCodeSchema = z.string().regex(/^[a-z][a-z0-9_]{1,47}$/)
/** A topic's code. */
export type TopicCode = z.infer<typeof TopicCodeSchema>

/** Who answers a referral up the tree: the SILON team (the application) or the policy line (the rules). */
export const ReferralTeam = labelledEnum({
  silon: { id: 'Tim SILON', en: 'SILON team' },
  kebijakan: { id: 'Kebijakan (teknis dan hukum)', en: 'Policy (technical and legal)' },
})
/** A referral's team. */
export type ReferralTeam = z.infer<typeof ReferralTeam.schema>

const label = z.string().trim().min(2).max(80)

/** A topic or sub-topic as an admin enters it. */
export const TopicInputSchema = z.object({
  labelId: label,
  labelEn: label.optional(),
  /** The topic a sub-topic sits under; none for a topic. */
  parentCode: TopicCodeSchema.optional(),
  /** Where a referral on it goes by default; a sub-topic without one follows its topic. */
  referralTeam: ReferralTeam.schema.optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
})
/** A topic as entered. */
export type TopicInput = z.infer<typeof TopicInputSchema>

/** A topic of the catalogue an office reads: its own, those of the offices above it and the national ones. */
export interface CatalogTopic {
  code: string
  parentCode: string | null
  labelId: string
  labelEn: string | null
  referralTeam: ReferralTeam | null
  /** The owning office; null for the national topics every office reads. */
  officeId: string | null
  archived: boolean
}

/** The label of a topic code in the chosen language; a code the catalogue no longer lists prints as stored. */
export function topicLabel(catalog: readonly CatalogTopic[], code: string, locale: Locale = 'id'): string {
  const topic = catalog.find((t) => t.code === code)
  if (!topic) return code
  return locale === 'en' ? (topic.labelEn ?? topic.labelId) : topic.labelId
}

/** The id/en labels of every code, for reports that print labels in either language. */
export function topicLabels(catalog: readonly CatalogTopic[]): Record<string, Label> {
  return Object.fromEntries(catalog.map((t) => [t.code, { id: t.labelId, en: t.labelEn ?? t.labelId }]))
}

/** The team a referral on this topic (and sub-topic) goes to unless staff choose another. */
export function defaultReferralTeam(
  catalog: readonly CatalogTopic[],
  topic: string,
  subTopic?: string | null,
): ReferralTeam {
  const find = (code: string | null | undefined) => catalog.find((t) => t.code === code)
  return find(subTopic)?.referralTeam ?? find(topic)?.referralTeam ?? 'kebijakan'
}

/** A new code from the label: lower case ASCII words joined by _, prefixed by the parent's, never taken. */
export function topicCodeFor(labelText: string, parentCode: string | undefined, taken: ReadonlySet<string>) {
  const words = labelText
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .toLowerCase()
    .replace(/[^a-z0-9\s]/g, '')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
  const stem = [parentCode, ...words].filter(Boolean).join('_').slice(0, 40).replace(/_+$/, '')
  const base = /^[a-z]/.test(stem) ? stem : `t_${stem || 'topik'}`
  let code = base
  for (let n = 2; taken.has(code); n++) code = `${base}_${n}`
  return code
}

const violation = (rule: string, message: Label, params: Record<string, string> = {}): RuleViolation => ({
  rule,
  params,
  message,
})

/**
 * Whether an office may change a topic: its own, and the national ones at KPU RI. Offices below read
 * the topics above them, so a sheet's topic means the same across a province's report.
 */
export function checkTopicEditable(
  topic: Pick<CatalogTopic, 'officeId'>,
  office: { id: string; level: string },
): RuleResult<true> {
  const own = topic.officeId === null ? office.level === 'RI' : topic.officeId === office.id
  if (own) return allow(true)
  return deny(
    violation('topic.inherited', {
      id: 'Topik ini ditetapkan oleh kantor di atas Anda dan hanya dapat dibaca.',
      en: 'This topic is set by an office above yours and is read-only.',
    }),
  )
}

/** A sub-topic sits under a topic of the catalogue, one level deep. */
export function checkTopicParent(
  catalog: readonly CatalogTopic[],
  parentCode: string | undefined,
): RuleResult<CatalogTopic | null> {
  if (parentCode === undefined) return allow(null)
  const parent = catalog.find((t) => t.code === parentCode)
  if (parent && parent.parentCode === null && !parent.archived) return allow(parent)
  return deny(
    violation(
      'topic.parent',
      {
        id: 'Subtopik hanya dapat ditambahkan di bawah topik yang aktif.',
        en: 'A sub-topic can only be added under an active topic.',
      },
      { parentCode },
    ),
  )
}

/**
 * The topic (and sub-topic) a sheet or visit names must be in the office's catalogue; an archived one is
 * still accepted, so a tablet's offline check-in from before the archiving is never lost.
 */
export function checkSheetTopic(
  catalog: readonly CatalogTopic[],
  topic: string,
  subTopic?: string | null,
): RuleResult<true> {
  const main = catalog.find((t) => t.code === topic && t.parentCode === null)
  if (!main) {
    return deny(
      violation(
        'topic.unknown',
        { id: 'Topik ini tidak dikenal di kantor Anda.', en: 'This topic is not known at your office.' },
        { topic },
      ),
    )
  }
  if (subTopic && !catalog.some((t) => t.code === subTopic && t.parentCode === topic)) {
    return deny(
      violation(
        'topic.subTopic',
        {
          id: 'Subtopik ini bukan bagian dari topik yang dipilih.',
          en: 'This sub-topic does not belong to the chosen topic.',
        },
        { topic, subTopic },
      ),
    )
  }
  return allow(true)
}

/** The active topics an office offers, each followed by its active sub-topics, in the admins' order. */
export function topicOptions(catalog: readonly CatalogTopic[], locale: Locale = 'id') {
  const active = catalog.filter((t) => !t.archived)
  const name = (t: CatalogTopic) => (locale === 'en' ? (t.labelEn ?? t.labelId) : t.labelId)
  return active
    .filter((t) => t.parentCode === null)
    .map((t) => ({
      value: t.code,
      label: name(t),
      subTopics: active
        .filter((s) => s.parentCode === t.code)
        .map((s) => ({ value: s.code, label: name(s) })),
    }))
}
