import type { Database } from '@mejabantu/db'
import {
  dimensionLabel,
  namesOf,
  officeSubtree,
  scrubberFor,
  type ReportContent,
  type ReportDimension,
} from '@mejabantu/domain'
import type { Actor } from '../shared/actor.ts'
import { localDayBounds } from '../shared/local-days.ts'
import { reportPdf } from './pdf.ts'
import type { ReportExportInput, ReportFile } from './schemas.ts'
import { reportFileName } from './text.ts'
import { reportXlsx } from './xlsx.ts'
import { draftReport, getReport } from './reports.ts'

const contentTypes = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const

const DAY_MS = 86_400_000

const columns = {
  channel: 'channel',
  topic: 'topic',
  category: 'stakeholderCategory',
  status: 'status',
} as const satisfies Record<ReportDimension, string>
const tallies = {
  channel: 'byChannel',
  topic: 'byTopic',
  category: 'byCategory',
  status: 'byStatus',
} as const satisfies Record<ReportDimension, string>

// The counted values no table lists, which the file prints as stored: usually none at all.
function storedValues(content: ReportContent): { dimension: ReportDimension; values: string[] }[] {
  const dimensions = Object.keys(columns) as ReportDimension[]
  return dimensions.flatMap((dimension) => {
    const values = [
      ...Object.keys(content.total[tallies[dimension]]),
      ...content.rows.map((row) => row[columns[dimension]]),
    ].filter((value) => dimensionLabel(dimension, value, 'id', content.topicLabels) === value)
    return values.length ? [{ dimension, values: [...new Set(values)] }] : []
  })
}

/**
 * The names given by the sheets that hold a stored value the file prints (askers, participants, the guests
 * they came as, LOs of the pairs they were about), and the report's staff: what the scrubber removes from
 * that text. Only those sheets are read, so a report of a whole country still reads summaries alone;
 * offices below may keep other zones, so the period is widened by a day on each side.
 */
async function namesInReport(db: Database, content: ReportContent): Promise<string[]> {
  const stored = storedValues(content)
  if (stored.length === 0) return []
  const offices = await db.prisma.office.findMany({ select: { id: true, parentId: true } })
  const { start, end } = localDayBounds(content.period, content.office.timeZone)
  const sheets = await db.prisma.consultation.findMany({
    where: {
      officeId: { in: officeSubtree(offices, content.office.id) },
      occurredAt: { gte: new Date(start!.getTime() - DAY_MS), lt: new Date(end!.getTime() + DAY_MS) },
      OR: stored.map(({ dimension, values }) => ({ [columns[dimension]]: { in: values } })),
    },
    select: {
      askerName: true,
      participants: true,
      visit: { select: { guest: { select: { name: true } } } },
      candidatePair: { select: { loName: true } },
    },
  })
  const staffNames = [...Object.values(content.staffNames), ...content.rows.map((row) => row.staffName)]
  const sheetNames = sheets.flatMap((sheet) =>
    namesOf({
      askerName: sheet.askerName,
      guestName: sheet.visit?.guest.name,
      participants: participantsOf(sheet.participants),
      loNames: [sheet.candidatePair?.loName],
    }),
  )
  return [...new Set([...sheetNames, ...namesOf({ staffNames })])]
}

// Participants are stored as JSON; only entries with a text name count.
const participantsOf = (json: unknown): { name: string }[] =>
  Array.isArray(json)
    ? json.flatMap((p: unknown) =>
        p && typeof p === 'object' && 'name' in p && typeof p.name === 'string' ? [{ name: p.name }] : [],
      )
    : []

/**
 * A finalised report (as frozen) or a draft of a period (compiled now) as a PDF or XLSX file. Whatever
 * stored text the file prints leaves through the scrubber, with the names of the report's records.
 */
export async function exportReport(
  db: Database,
  actor: Actor,
  { source, format, locale }: ReportExportInput,
  now: Date,
): Promise<ReportFile> {
  const { content, number } =
    'id' in source
      ? await getReport(db, actor, source.id)
      : { content: await draftReport(db, actor, source, now), number: null }
  const scrub = scrubberFor(await namesInReport(db, content))
  const bytes =
    format === 'pdf'
      ? await reportPdf(content, number, locale, scrub)
      : await reportXlsx(content, number, locale, scrub)
  return {
    fileName: reportFileName(content, number, format),
    contentType: contentTypes[format],
    contentBase64: bytes.toString('base64'),
  }
}
