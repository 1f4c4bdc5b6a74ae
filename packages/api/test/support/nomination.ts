import { randomBytes } from 'node:crypto'
import type { Database } from '@mejabantu/db'
import { instantAt, type OfficeLevel, type Role, type TimeZone } from '@mejabantu/domain'
import { hashPassword } from '../../src/auth/passwords.ts'
import type { MatrixWorld } from '../matrix/types.ts'
import type { ApiFixture } from './api-server.ts'
import { Browser, dataOf, type TrpcReply } from './browser.ts'

/** A clock a test moves by hand; hand `now` to `startApi(target, undefined, { clock: clock.now })`. */
export function testClock(start = new Date()) {
  let current = start
  return {
    now: () => current,
    /** Places "now" at a wall-clock time of a zone, e.g. `set('2024-09-08T23:59', 'WIT')`. */
    set: (local: string, zone: TimeZone) => {
      current = instantAt(local, zone)
    },
  }
}

/** An office found by region code, created (with its time zone) when missing. */
export async function ensureOffice(
  db: Database,
  office: {
    regionCode: string
    name: string
    level: OfficeLevel
    timeZone?: TimeZone
    parentRegionCode: string
  },
): Promise<string> {
  const parent = await db.prisma.office.findUniqueOrThrow({ where: { regionCode: office.parentRegionCode } })
  const row = await db.prisma.office.upsert({
    where: { regionCode: office.regionCode },
    update: {},
    create: {
      regionCode: office.regionCode,
      name: office.name,
      level: office.level,
      timeZone: office.timeZone ?? 'WIB',
      parentId: parent.id,
    },
  })
  return row.id
}

const sharedPassword = `pw-${randomBytes(9).toString('base64url')}`
let sharedHash: Promise<string> | undefined

/** A browser signed in as a new user of `role` in the office with that region code (password already set). */
export async function signInAt(
  api: { db: Database; url: string },
  regionCode: string,
  role: Role,
): Promise<Browser & { userId: string }> {
  const office = await api.db.prisma.office.findUniqueOrThrow({ where: { regionCode } })
  sharedHash ??= hashPassword(sharedPassword)
  const username = `${role}-${regionCode.replace('.', '')}-${randomBytes(3).toString('hex')}`
  const user = await api.db.prisma.user.create({
    data: {
      officeId: office.id,
      username,
      displayName: `${role} ${office.name}`,
      role,
      passwordHash: await sharedHash,
      mustChangePassword: false,
    },
  })
  const browser = new Browser(api.url)
  await browser.signIn(username, sharedPassword)
  return Object.assign(browser, { userId: user.id })
}

/** The data of a successful call; throws with the reply otherwise. */
export const data = <T = Record<string, unknown>>(reply: TrpcReply): T => dataOf<T>(reply)

/** The rule of a refusal. */
export const ruleOf = (reply: TrpcReply) => reply.body.error?.data.rule

/** A regent election of a Kab/Kota office, as its admin registers it. */
export const bupatiElection = (regionCode: string, name = `Pilkada 2024 Bupati ${regionCode}`) => ({
  name,
  kind: 'bupati',
  regionCode,
  year: 2024,
})

/** A party pair whose candidates are old enough on 22 September 2024. */
export function pairInput(electionId: string, overrides: Record<string, unknown> = {}) {
  return {
    electionId,
    pair: {
      pathway: 'partai',
      parties: ['Partai Amanah', 'Partai Bintang'],
      candidates: [
        { role: 'kepala', fullName: 'Budi Santoso', birthDate: '1975-03-01' },
        { role: 'wakil', fullName: 'Siti Aminah', birthDate: '1980-07-12' },
      ],
      liaisonOfficer: { name: 'Andi Wijaya', phone: '081234567890', email: 'andi@example.org' },
      ...overrides,
    },
  }
}

/** Records of the matrix's `other` office, made once per world through the API by that office's staff. */
export interface OtherRecords {
  electionId: string
  pairId: string
  checkId: string
  handoverId: string
  submissionId: string
  userId: string
}

const made = new WeakMap<MatrixWorld, Promise<OtherRecords>>()

/** An election, a pair with its checks, and a user of the `other` office, for cross-office probes. */
export function otherRecords(world: MatrixWorld): Promise<OtherRecords> {
  if (!made.has(world)) {
    made.set(
      world,
      (async () => {
        const admin = await world.as('other', 'admin')
        const election = data<{ id: string }>(
          await admin.mutation('elections.create', bupatiElection('34.04')),
        )
        const pair = data<{ id: string }>(await admin.mutation('candidates.create', pairInput(election.id)))
        const dossier = data<{ groups: { syarat_calon: { id: string }[] } }>(
          await admin.query('candidates.dossier', { pairId: pair.id }),
        )
        const checkId = dossier.groups.syarat_calon[0]!.id
        const receivedAt = new Date()
        data(
          await admin.mutation('requirements.submit', {
            pairId: pair.id,
            checkIds: [checkId],
            receivedAt,
            channel: 'silon',
          }),
        )
        const handover = data<{ id: string }>(
          await admin.mutation('requirements.handover', {
            pairId: pair.id,
            heldAt: receivedAt,
            place: 'Kantor KPU Sleman',
            attendees: [{ name: 'LO Sleman', institution: 'pasangan_calon' }],
          }),
        )
        const after = data<{ submissions: { id: string }[] }>(
          await admin.query('candidates.dossier', { pairId: pair.id }),
        )
        const user = data<{ user: { id: string } }>(
          await admin.mutation('admin.users.create', {
            username: `sleman-${randomBytes(3).toString('hex')}`,
            displayName: 'Petugas Sleman',
            role: 'petugas',
          }),
        )
        return {
          electionId: election.id,
          pairId: pair.id,
          checkId,
          handoverId: handover.id,
          submissionId: after.submissions[0]!.id,
          userId: user.user.id,
        }
      })(),
    )
  }
  return made.get(world)!
}

/**
 * KPU Kabupaten Bantul under KPU DIY, its admin and a petugas, an election of 2024 made on 28 August and one
 * party pair registered in it: the usual start of a research test. Moves `clock` to that morning.
 */
export async function bantulWithPair(api: ApiFixture, clock: ReturnType<typeof testClock>) {
  await ensureOffice(api.db, { regionCode: '34', name: 'KPU DIY', level: 'PROVINSI', parentRegionCode: '00' })
  await ensureOffice(api.db, {
    regionCode: '34.02',
    name: 'KPU Kabupaten Bantul',
    level: 'KABKOTA',
    parentRegionCode: '34',
  })
  const admin = await signInAt(api, '34.02', 'admin')
  const petugas = await signInAt(api, '34.02', 'petugas')
  clock.set('2024-08-28T10:00', 'WIB')
  const electionId = data<{ id: string }>(
    await admin.mutation('elections.create', {
      name: 'Pilkada Bantul',
      kind: 'bupati',
      regionCode: '34.02',
      year: 2024,
    }),
  ).id
  const pairId = data<{ id: string }>(await petugas.mutation('candidates.create', pairInput(electionId))).id
  return { admin, petugas, electionId, pairId }
}
