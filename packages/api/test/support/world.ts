import { randomBytes } from 'node:crypto'
import type { Database } from '@mejabantu/db'
import type { Role } from '@mejabantu/domain'
import { hashPassword } from '../../src/auth/passwords.ts'
import type { MatrixOffice, MatrixWorld } from '../matrix/types.ts'
import { Browser } from './browser.ts'
import { pairKiosk } from './kiosk.ts'

/**
 * Two sibling Kab/Kota offices (Bantul, the first-run office, and Sleman) under DI Yogyakarta under KPU RI,
 * with a user of every role in each, signed in on demand.
 */
export async function seedWorld(db: Database, baseUrl: string): Promise<MatrixWorld> {
  const own = await db.prisma.office.findUniqueOrThrow({ where: { regionCode: '34.02' } })
  const province = await db.prisma.office.findUniqueOrThrow({ where: { regionCode: '34' } })
  const national = await db.prisma.office.findUniqueOrThrow({ where: { regionCode: '00' } })
  const other = await db.prisma.office.upsert({
    where: { regionCode: '34.04' },
    update: {},
    create: { level: 'KABKOTA', regionCode: '34.04', name: 'KPU Kabupaten Sleman', parentId: province.id },
  })
  const officeId: Record<MatrixOffice, string> = {
    own: own.id,
    other: other.id,
    province: province.id,
    national: national.id,
  }

  const password = `pw-${randomBytes(9).toString('base64url')}`
  const passwordHash = await hashPassword(password)
  const browsers = new Map<string, Promise<Browser>>()
  const kiosks = new Map<MatrixOffice, Promise<Browser>>()

  const signIn = async (office: MatrixOffice, role: Role) => {
    const username = `${office}-${role}-${randomBytes(3).toString('hex')}`
    await db.prisma.user.create({
      data: {
        officeId: officeId[office],
        username,
        displayName: `${role} ${office}`,
        role,
        passwordHash,
        mustChangePassword: false,
      },
    })
    const browser = new Browser(baseUrl)
    await browser.signIn(username, password)
    return browser
  }

  const world: MatrixWorld = {
    officeId,
    as: (office, role) => {
      const key = `${office}/${role}`
      if (!browsers.has(key)) browsers.set(key, signIn(office, role))
      return browsers.get(key)!
    },
    fresh: signIn,
    kiosk: (office) => {
      if (!kiosks.has(office))
        kiosks.set(
          office,
          world.as(office, 'admin').then((a) => pairKiosk(a, baseUrl)),
        )
      return kiosks.get(office)!
    },
  }
  return world
}
