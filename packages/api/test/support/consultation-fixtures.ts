import { randomBytes, randomUUID } from 'node:crypto'
import type { Database } from '@mejabantu/db'
import type { TestTarget } from '@mejabantu/db/testing'
import type { Role } from '@mejabantu/domain'
import { hashPassword } from '../../src/auth/passwords.ts'
import type { ConsultationRecord } from '../../src/consultations/schemas.ts'
import { startApi, type ApiFixture } from './api-server.ts'
import { Browser, dataOf } from './browser.ts'

/** A signed-in staff browser that knows who it is. */
export interface Staff extends Browser {
  userId: string
  officeId: string
}

const PASSWORD = `pw-${randomBytes(9).toString('base64url')}`
let passwordHash: Promise<string> | undefined

/**
 * The first-run tree (KPU RI → DI Yogyakarta → Bantul) plus Sleman and Kulon Progo, siblings of Bantul.
 * Returns office ids by region code.
 */
export async function seedOffices(db: Database): Promise<Record<string, string>> {
  const province = await db.prisma.office.findUniqueOrThrow({ where: { regionCode: '34' } })
  for (const [regionCode, name] of [
    ['34.04', 'KPU Kabupaten Sleman'],
    ['34.01', 'KPU Kabupaten Kulon Progo'],
  ] as const) {
    await db.prisma.office.upsert({
      where: { regionCode },
      update: {},
      create: { level: 'KABKOTA', regionCode, name, parentId: province.id },
    })
  }
  const offices = await db.prisma.office.findMany({ select: { id: true, regionCode: true } })
  return Object.fromEntries(offices.map((o) => [o.regionCode, o.id]))
}

/** A new user of `role` in the office with `regionCode`, signed in. */
export async function signInStaff(
  db: Database,
  baseUrl: string,
  regionCode: string,
  role: Role,
): Promise<Staff> {
  const office = await db.prisma.office.findUniqueOrThrow({ where: { regionCode } })
  const username = `${role}-${regionCode}-${randomBytes(3).toString('hex')}`
  const user = await db.prisma.user.create({
    data: {
      officeId: office.id,
      username,
      displayName: `${role} ${office.name}`,
      role,
      passwordHash: await (passwordHash ??= hashPassword(PASSWORD)),
      mustChangePassword: false,
    },
  })
  const browser = new Browser(baseUrl)
  await browser.signIn(username, PASSWORD)
  return Object.assign(browser, { userId: user.id, officeId: office.id })
}

/** A walk-in's visit in an office's guest book, written as the check-in would. */
export async function addVisit(db: Database, officeId: string): Promise<string> {
  const guest = await db.prisma.guest.create({
    data: {
      officeId,
      name: 'Tamu Uji',
      category: 'lo',
      phone: `+62812${randomBytes(4).readUInt32BE() % 1e8}`,
    },
  })
  const now = new Date()
  const visit = await db.prisma.visit.create({
    data: {
      clientId: randomUUID(),
      officeId,
      guestId: guest.id,
      topic: 'silon',
      consentVersion: 'uji',
      serviceDay: new Date(now.toISOString().slice(0, 10)),
      queueLane: 'reguler',
      queueSequence: 1,
      queueNumber: `A-${randomBytes(2).toString('hex')}`,
      checkedInAt: now,
    },
  })
  return visit.id
}

/** A registered candidate pair of an office, with its two candidates. */
export async function addCandidatePair(db: Database, officeId: string): Promise<string> {
  const office = await db.prisma.office.findUniqueOrThrow({ where: { id: officeId } })
  const election = await db.prisma.election.upsert({
    where: { officeId_kind_year: { officeId, kind: 'bupati', year: 2024 } },
    update: {},
    create: {
      officeId,
      name: `Pilkada 2024 ${office.name}`,
      kind: 'bupati',
      regionCode: office.regionCode,
      year: 2024,
      calendar: {},
      catalogVersion: 'PKPU-8-2024',
    },
  })
  const pair = await db.prisma.candidatePair.create({
    data: {
      electionId: election.id,
      officeId,
      pathway: 'partai',
      parties: ['Partai Contoh'],
      loName: 'LO Uji',
      loPhone: '+6281200000000',
      candidates: {
        create: [
          { role: 'kepala', fullName: 'Calon Kepala', birthDate: new Date('1970-01-01') },
          { role: 'wakil', fullName: 'Calon Wakil', birthDate: new Date('1975-01-01') },
        ],
      },
    },
  })
  return pair.id
}

/** A valid phone consultation; `overrides` replace fields. */
export function sheetInput(overrides: Record<string, unknown> = {}) {
  return {
    channel: 'telepon',
    askerName: 'Siti Rahmawati',
    askerInstitution: 'Partai Contoh',
    askerContact: '0812-3456-7789',
    stakeholderCategory: 'lo',
    topic: 'silon',
    question: 'Bagaimana cara mengunggah dokumen C2 di SILON?',
    ...overrides,
  }
}

/** An API over the four offices with staff of each, as the consultation tests use them. */
export interface ConsultationDesk {
  api: ApiFixture
  office: Record<string, string>
  bantul: Staff
  bantul2: Staff
  sleman: Staff
  diy: Staff
  ri: Staff
  pengawas: Staff
}

export async function openConsultationDesk(target: TestTarget): Promise<ConsultationDesk> {
  const api = await startApi(target)
  const office = await seedOffices(api.db)
  const [bantul, bantul2, sleman, diy, ri, pengawas] = await Promise.all([
    signInStaff(api.db, api.url, '34.02', 'petugas'),
    signInStaff(api.db, api.url, '34.02', 'petugas'),
    signInStaff(api.db, api.url, '34.04', 'petugas'),
    signInStaff(api.db, api.url, '34', 'petugas'),
    signInStaff(api.db, api.url, '00', 'petugas'),
    signInStaff(api.db, api.url, '34.02', 'pengawas'),
  ])
  return {
    api,
    office,
    bantul: bantul!,
    bantul2: bantul2!,
    sleman: sleman!,
    diy: diy!,
    ri: ri!,
    pengawas: pengawas!,
  }
}

/** A sheet created by `staff`, from {@link sheetInput} with the overrides. */
export const createSheet = async (staff: Staff, overrides: Record<string, unknown> = {}) =>
  dataOf<ConsultationRecord>(await staff.mutation('consultations.create', sheetInput(overrides)))

/** The audit events of one sheet, oldest first. */
export const sheetAudits = (db: Database, id: string) =>
  db.prisma.auditEvent.findMany({
    where: { targetType: 'Consultation', targetId: id },
    orderBy: { id: 'asc' },
  })

/** What a refused call must leave as it was: sheets, their counters and the audit trail. */
export const sheetCounts = async (db: Database) => ({
  consultations: await db.prisma.consultation.count(),
  counters: await db.prisma.consultationCounter.findMany({ orderBy: [{ officeId: 'asc' }, { year: 'asc' }] }),
  audits: await db.prisma.auditEvent.count(),
})
