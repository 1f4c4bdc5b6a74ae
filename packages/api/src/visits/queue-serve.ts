import type { Database } from '@mejabantu/db'
import { z } from 'zod'
import { writeAudit } from '../shared/audit-writer.ts'
import { allocateConsultationNumber } from '../consultations/number.ts'
import { recountConsultationDay } from '../reports/daily-summary.ts'
import type { Actor } from '../shared/actor.ts'
import { moveVisitIn, moveTo } from './queue.ts'
import { officeDay } from './day.ts'
import { publishQueueMove } from './queue-events.ts'
import { VisitViewSchema } from './view.ts'

/** Stands in for the question until the staff member writes down what the visitor asked. */
export const QUESTION_PLACEHOLDER = '(Pertanyaan belum dicatat; lengkapi saat melayani tamu.)'

export const ServedSchema = z.object({
  visit: VisitViewSchema,
  consultationId: z.uuid(),
  consultationNumber: z.string(),
})
export type Served = z.infer<typeof ServedSchema>

/**
 * The called visitor reaches the desk: the visit becomes `dilayani` (served by the actor) and a lembar
 * konsultasi is opened for it, face to face, prefilled from the guest book, numbered from the office's
 * counter for the year. Both, and their audit events, commit together or not at all.
 */
export async function serve(db: Database, actor: Actor, visitId: string, now = new Date()): Promise<Served> {
  const served = await db.prisma.$transaction(async (tx) => {
    const visit = await moveVisitIn(tx, actor, visitId, moveTo('dilayani'), 'queue.serve', {
      servedAt: now,
      servedById: actor.userId,
    })
    const { office, today } = await officeDay(tx, visit.officeId, now)
    const number = await allocateConsultationNumber(
      tx,
      office.id,
      office.regionCode,
      Number(today.slice(0, 4)),
    )
    const consultation = await tx.consultation.create({
      data: {
        officeId: office.id,
        number,
        channel: 'tatap_muka',
        askerName: visit.guest.name,
        askerInstitution: visit.guest.institution ?? null,
        askerContact: visit.guest.phone ?? visit.guest.email ?? null,
        stakeholderCategory: visit.guest.category,
        topic: visit.topic,
        question: visit.purpose ?? QUESTION_PLACEHOLDER,
        status: 'baru',
        staffId: actor.userId,
        visitId: visit.id,
        occurredAt: now,
      },
      select: { id: true, number: true },
    })
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'consultation.create',
      targetType: 'Consultation',
      targetId: consultation.id,
      after: {
        number,
        officeId: office.id,
        channel: 'tatap_muka',
        status: 'baru',
        topic: visit.topic,
        visitId: visit.id,
      },
      ip: actor.ip,
    })
    await recountConsultationDay(tx, office, now)
    return { visit, consultationId: consultation.id, consultationNumber: consultation.number }
  })
  await publishQueueMove(db, served.visit.officeId)
  return served
}
