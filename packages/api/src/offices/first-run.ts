import type { Database, Transaction } from '@mejabantu/db'
import {
  checkTopCoversServed,
  demoTopOffice,
  topOfficeChain,
  type OfficeSeed,
  type RuleResult,
  type TopOffice,
} from '@mejabantu/domain'
import { writeAudit } from '../shared/audit-writer.ts'
import { ensureDefaultConsentText } from '../kiosk/consent.ts'
import { hashPassword, oneTimePassword } from '../auth/passwords.ts'

const FIRST_RUN_LOCK = 72_011_001

export interface FirstRunOptions {
  /**
   * The top office of the tree this install serves (apps/server: `TOP_OFFICE_CODE`, `TOP_OFFICE_NAME`).
   * Unset, an empty database gets the demo (Bantul) and a database in use is left alone.
   */
  topOffice?: TopOffice | undefined
}

export interface FirstRunResult {
  /** Present only on the start that created the admin: shown once, never stored in clear. */
  admin: { username: string; password: string; office: { regionCode: string; name: string } } | null
}

/** A misconfigured top office stops the start: serving the wrong tree is worse than not serving. */
function unwrap<T>(result: RuleResult<T>): T {
  if (result.ok) return result.value
  throw new Error(`First run: ${result.violation.message.en} (${result.violation.rule})`)
}

/**
 * Whether the top office still needs its administrator: on an unconfigured start only an empty
 * database does; a configured one does while the top office has no active admin, so setting a higher
 * top office on an install in use (Bantul → DI Yogyakarta) gives that office its first admin.
 */
async function needsAdmin(client: Pick<Transaction, 'user'>, topCode: string, configured: boolean) {
  if (!configured) return (await client.user.count()) === 0
  const admins = await client.user.count({
    where: { role: 'admin', deactivatedAt: null, office: { regionCode: topCode } },
  })
  return admins === 0
}

/** Creates the offices of the chain that are missing, each under the one before; returns the last. */
async function ensureChain(tx: Transaction, chain: readonly OfficeSeed[]) {
  let parentId: string | null = null
  let office: { id: string; regionCode: string; name: string } | null = null
  for (const seed of chain) {
    office = await tx.office.findUnique({ where: { regionCode: seed.regionCode } })
    if (!office) {
      office = await tx.office.create({ data: { ...seed, parentId } })
      await writeAudit(tx, {
        actorId: null,
        action: 'office.create.first_run',
        targetType: 'Office',
        targetId: office.id,
        officeId: office.id,
        after: { ...seed, parentId },
        ip: null,
      })
    }
    parentId = office.id
  }
  return office!
}

/** "admin" on a fresh install; beside an existing "admin", one named after the office ("admin-34"). */
async function freeUsername(tx: Transaction, regionCode: string): Promise<string> {
  const base = `admin-${regionCode.replace('.', '')}`
  const candidates = ['admin', base, ...Array.from({ length: 8 }, (_, i) => `${base}-${i + 2}`)]
  const taken = new Set(
    (await tx.user.findMany({ where: { username: { in: candidates } }, select: { username: true } })).map(
      (u) => u.username,
    ),
  )
  const free = candidates.find((name) => !taken.has(name))
  if (!free) throw new Error(`First run: no free username for the admin of ${regionCode}`)
  return free
}

/**
 * Sets up the top office of the tree this install serves (KPU RI, a province or a Kab/Kota, with the
 * offices above it) and its administrator, with a one-time password to change at first log-in; from
 * there that admin creates the offices and admins below. Later starts change nothing. Any start without
 * a consent text seeds the default one, so a kiosk can check visitors in at once.
 */
export async function ensureFirstRun(db: Database, options: FirstRunOptions = {}): Promise<FirstRunResult> {
  await ensureDefaultConsentText(db)
  const configured = options.topOffice !== undefined
  const chain = unwrap(topOfficeChain(options.topOffice ?? demoTopOffice))
  const topCode = chain.at(-1)!.regionCode
  if (!(await needsAdmin(db.prisma, topCode, configured))) return { admin: null }
  const password = oneTimePassword()
  const passwordHash = await hashPassword(password)
  const created = await db.prisma.$transaction(async (tx) => {
    // Several server processes may start at once on one PostgreSQL; only the first seeds.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${FIRST_RUN_LOCK})`
    if (!(await needsAdmin(tx, topCode, configured))) return null
    const served = await tx.office.findMany({
      where: { users: { some: {} } },
      select: { regionCode: true },
    })
    unwrap(
      checkTopCoversServed(
        topCode,
        served.map((o) => o.regionCode),
      ),
    )
    const office = await ensureChain(tx, chain)
    const user = await tx.user.create({
      data: {
        officeId: office.id,
        username: await freeUsername(tx, topCode),
        displayName: 'Administrator',
        role: 'admin',
        passwordHash,
        mustChangePassword: true,
      },
    })
    await writeAudit(tx, {
      actorId: null,
      action: 'user.create.first_admin',
      targetType: 'User',
      targetId: user.id,
      officeId: office.id,
      after: { username: user.username, role: user.role, officeId: user.officeId },
      ip: null,
    })
    return { username: user.username, office: { regionCode: office.regionCode, name: office.name } }
  })
  return { admin: created && { ...created, password } }
}
