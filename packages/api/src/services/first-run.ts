import type { Database } from '@mejabantu/db'
import { ensureDefaultConsentText } from './consent.ts'
import { hashPassword, oneTimePassword } from './passwords.ts'

const FIRST_RUN_LOCK = 72_011_001

export interface FirstRunResult {
  /** Present only on the start that created the first admin: shown once, never stored in clear. */
  admin: { username: string; password: string } | null
}

/**
 * On an empty database: a demo office tree (KPU RI → KPU DI Yogyakarta → KPU Kabupaten Bantul) and the
 * first admin with a one-time password that must be changed at first log-in. Later starts change nothing.
 * Any start without a consent text seeds the default one, so a kiosk can check visitors in at once.
 */
export async function ensureFirstRun(db: Database): Promise<FirstRunResult> {
  await ensureDefaultConsentText(db)
  if ((await db.prisma.user.count()) > 0) return { admin: null }
  const password = oneTimePassword()
  const passwordHash = await hashPassword(password)
  const admin = await db.prisma.$transaction(async (tx) => {
    // Several server processes may start at once on one PostgreSQL; only the first seeds.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${FIRST_RUN_LOCK})`
    if ((await tx.user.count()) > 0) return null
    const ri = await tx.office.upsert({
      where: { regionCode: '00' },
      update: {},
      create: { level: 'RI', regionCode: '00', name: 'KPU Republik Indonesia' },
    })
    const diy = await tx.office.upsert({
      where: { regionCode: '34' },
      update: {},
      create: {
        level: 'PROVINSI',
        regionCode: '34',
        name: 'KPU Daerah Istimewa Yogyakarta',
        parentId: ri.id,
      },
    })
    const bantul = await tx.office.upsert({
      where: { regionCode: '34.02' },
      update: {},
      create: { level: 'KABKOTA', regionCode: '34.02', name: 'KPU Kabupaten Bantul', parentId: diy.id },
    })
    const user = await tx.user.create({
      data: {
        officeId: bantul.id,
        username: 'admin',
        displayName: 'Administrator',
        role: 'admin',
        passwordHash,
        mustChangePassword: true,
      },
    })
    await tx.auditEvent.create({
      data: {
        action: 'user.create.first_admin',
        targetType: 'User',
        targetId: user.id,
        after: { username: user.username, role: user.role, officeId: user.officeId },
      },
    })
    return user
  })
  return { admin: admin && { username: admin.username, password } }
}
