import type { Database } from '@mejabantu/db'
import { refuse } from '../shared/errors.ts'
import { ensureReadable } from './access.ts'
import type { Actor } from '../shared/actor.ts'
import type { ConsultationDetail, ConsultationPage, InboxInput } from './schemas.ts'
import { consultationViolations as violations } from './violations.ts'
import { listItemSelect, toAttachment, toConsultationRecord, toListItem } from './view.ts'
import { pageWindow } from '../shared/paging.ts'
import { sheetRelations } from './relations-view.ts'

const officeRef = { select: { id: true, name: true, regionCode: true, timeZone: true } } as const
const userRef = { id: true, displayName: true } as const

/**
 * One sheet with everything around it: offices, staff, the linked visit and pair, attachments, its
 * history from the audit trail (oldest first), the sheet it was merged into or those merged into it,
 * related sheets and the asker's rating.
 */
export async function getConsultation(db: Database, actor: Actor, id: string): Promise<ConsultationDetail> {
  const row = await db.prisma.consultation.findUnique({
    where: { id },
    include: {
      office: officeRef,
      referredToOffice: officeRef,
      visit: { select: { id: true, queueNumber: true, checkedInAt: true, status: true } },
      candidatePair: {
        select: {
          id: true,
          ballotNumber: true,
          pathway: true,
          candidates: { select: { role: true, fullName: true }, orderBy: { role: 'asc' } },
        },
      },
      attachments: { orderBy: { createdAt: 'asc' } },
    },
  })
  if (!row) refuse('NOT_FOUND', violations.notFound(id))
  await ensureReadable(db.prisma, actor, row)

  const events = await db.prisma.auditEvent.findMany({
    where: { targetType: 'Consultation', targetId: id },
    orderBy: { id: 'asc' },
  })
  const people = await db.prisma.user.findMany({
    where: {
      id: {
        in: [row.staffId, row.answeredById, ...events.map((e) => e.actorId)].filter(
          (userId): userId is string => userId !== null,
        ),
      },
    },
    select: userRef,
  })
  const person = (userId: string | null) => people.find((p) => p.id === userId) ?? null
  const { office, referredToOffice, visit, candidatePair, attachments, ...sheet } = row
  const relations = await sheetRelations(db.prisma, row)

  return {
    consultation: toConsultationRecord(sheet),
    office,
    referredToOffice,
    staff: person(row.staffId),
    answeredBy: person(row.answeredById),
    visit,
    candidatePair,
    attachments: attachments.map(toAttachment),
    history: events.map((event) => ({
      action: event.action,
      occurredAt: event.occurredAt,
      actor: person(event.actorId),
      before: (event.before ?? null) as Record<string, unknown> | null,
      after: (event.after ?? null) as Record<string, unknown> | null,
    })),
    ...relations,
  }
}

/** Referrals waiting for an answer at an office in the actor's scope (their own by default), oldest first. */
export async function referralInbox(
  db: Database,
  actor: Actor,
  input: InboxInput,
): Promise<ConsultationPage> {
  const where = {
    referredToOfficeId: actor.scope.read(input.officeId),
    status: 'dirujuk',
    ...(input.team && { referralTeam: input.team }),
  }
  const total = await db.prisma.consultation.count({ where })
  const rows = await db.prisma.consultation.findMany({
    where,
    select: listItemSelect,
    orderBy: [{ referredAt: 'asc' }, { id: 'asc' }],
    ...pageWindow(input),
  })
  return {
    items: rows.map((row) => toListItem(row, null)),
    total,
    page: input.page,
    pageSize: input.pageSize,
  }
}
