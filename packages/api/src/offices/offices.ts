import {
  checkOfficePlacement,
  readHelpdeskContacts,
  type OfficeInput,
  type OfficeRecord,
  type OfficeSettingsUpdate,
} from '@mejabantu/domain'
import type { Transaction } from '@mejabantu/db'
import { ensure, refuse } from '../shared/errors.ts'
import { writeAudit, type AuditSnapshot } from '../shared/audit-writer.ts'
import { isUniqueViolation, type Acting } from './acting.ts'
import { officeViolations } from './violations.ts'

const officeSelect = {
  id: true,
  name: true,
  level: true,
  regionCode: true,
  timeZone: true,
  parentId: true,
  helpdeskHours: true,
  helpdeskContacts: true,
  retentionDays: true,
  deskCount: true,
  slotMinutes: true,
  slotCapacity: true,
  slotsFrom: true,
  slotsTo: true,
  workingDays: true,
} as const

type OfficeRow = Omit<OfficeRecord, 'helpdeskContacts'> & { helpdeskContacts: unknown }

// Contacts are JSON in the database, possibly changed by hand: entries not of the documented shape are
// left out, so one bad row cannot fail every read of the office list.
const toRecord = (row: OfficeRow): OfficeRecord => ({
  ...row,
  helpdeskContacts: readHelpdeskContacts(row.helpdeskContacts),
})

const snapshot = (office: OfficeRecord): AuditSnapshot => ({
  name: office.name,
  level: office.level,
  regionCode: office.regionCode,
  timeZone: office.timeZone,
  parentId: office.parentId,
  helpdeskHours: office.helpdeskHours,
  helpdeskContacts: JSON.stringify(office.helpdeskContacts),
  retentionDays: office.retentionDays,
  deskCount: office.deskCount,
  slotMinutes: office.slotMinutes,
  slotCapacity: office.slotCapacity,
  slotsFrom: office.slotsFrom,
  slotsTo: office.slotsTo,
  workingDays: office.workingDays,
})

const levelOrder = { RI: 0, PROVINSI: 1, KABKOTA: 2 } as const

/** The offices the admin reads (their own and every office below it), top level first, then by code. */
export async function listOffices({ db, scope }: Acting): Promise<OfficeRecord[]> {
  const rows = await db.prisma.office.findMany({
    where: { id: { in: [...scope.readable] } },
    select: officeSelect,
  })
  return rows
    .map(toRecord)
    .sort((a, b) => levelOrder[a.level] - levelOrder[b.level] || a.regionCode.localeCompare(b.regionCode))
}

/**
 * Adds an office below the admin's own, under their office or one below it: KPU RI adds provinces and
 * their Kab/Kota, a Provinsi its Kab/Kota. A sibling or an office above is out of reach. The domain's
 * placement rule checks the level, the region code and the parent.
 */
export async function createOffice(acting: Acting, input: OfficeInput): Promise<OfficeRecord> {
  const { db, scope, user, ip } = acting
  if (input.parentId === null || !scope.readable.has(input.parentId)) {
    refuse('FORBIDDEN', officeViolations.parentOutside(input.parentId))
  }
  const parent = await db.prisma.office.findUniqueOrThrow({ where: { id: input.parentId } })
  ensure(checkOfficePlacement(input, parent))
  try {
    return await db.prisma.$transaction(async (tx) => {
      const office = toRecord(await tx.office.create({ data: input, select: officeSelect }))
      await writeAudit(tx, {
        actorId: user.id,
        action: 'office.create',
        targetType: 'Office',
        targetId: office.id,
        after: snapshot(office),
        ip,
      })
      return office
    })
  } catch (error) {
    if (isUniqueViolation(error)) refuse('CONFLICT', officeViolations.regionCodeTaken(input.regionCode))
    throw error
  }
}

/** Reads an office the admin manages (their own or one below it) inside a transaction. */
async function managedOffice(tx: Transaction, acting: Acting, id: string): Promise<OfficeRecord> {
  const row = await tx.office.findUnique({ where: { id }, select: officeSelect })
  if (!row) refuse('NOT_FOUND', officeViolations.notFound(id))
  acting.scope.read(row.id)
  return toRecord(row)
}

/**
 * Changes an office's name, time zone, help-desk hours and contacts or retention. An admin manages their
 * own office and the offices below it, so a Provinsi can set up the Kab/Kota it added.
 */
export async function updateOffice(acting: Acting, input: OfficeSettingsUpdate): Promise<OfficeRecord> {
  const { id, ...changes } = input
  return acting.db.prisma.$transaction(async (tx) => {
    const before = await managedOffice(tx, acting, id)
    const after = toRecord(await tx.office.update({ where: { id }, data: changes, select: officeSelect }))
    await writeAudit(tx, {
      actorId: acting.user.id,
      action: 'office.update',
      targetType: 'Office',
      targetId: id,
      before: snapshot(before),
      after: snapshot(after),
      ip: acting.ip,
    })
    return after
  })
}
