import { randomBytes, randomInt, randomUUID } from 'node:crypto'
import type { Database } from '@mejabantu/db'
import type { Role } from '@mejabantu/domain'
import { DEFAULT_CONSENT_TEXT } from '../../src/kiosk/consent-default.ts'
import { hashPassword } from '../../src/auth/passwords.ts'
import { Browser, type CallOptions, type TrpcReply } from './browser.ts'

/** A paired kiosk tablet: no cookie, its device token in `Authorization: Bearer` on every call. */
export class KioskBrowser extends Browser {
  constructor(
    baseUrl: string,
    readonly deviceToken: string,
    readonly deviceId: string,
  ) {
    super(baseUrl)
  }

  override query(path: string, input?: unknown, options: CallOptions = {}): Promise<TrpcReply> {
    return super.query(path, input, this.withToken(options))
  }

  override mutation(path: string, input?: unknown, options: CallOptions = {}): Promise<TrpcReply> {
    return super.mutation(path, input, this.withToken(options))
  }

  private withToken(options: CallOptions): CallOptions {
    return { ...options, headers: { authorization: `Bearer ${this.deviceToken}`, ...options.headers } }
  }
}

/**
 * Creates a kiosk device in the office of `admin` (a signed-in browser holding `admin.manage`), pairs a
 * new tablet with its code, and returns that tablet.
 */
export async function pairKiosk(admin: Browser, baseUrl: string): Promise<KioskBrowser> {
  const created = await admin.mutation('devices.create', { name: `Kios ${randomBytes(3).toString('hex')}` })
  if (created.status !== 200) throw new Error(`devices.create failed: ${created.text}`)
  const { pairingCode, device } = created.body.result!.data as { pairingCode: string; device: { id: string } }
  const paired = await new Browser(baseUrl).mutation('kiosk.pair', { code: pairingCode })
  if (paired.status !== 200) throw new Error(`kiosk.pair failed: ${paired.text}`)
  const { token } = paired.body.result!.data as { token: string }
  return new KioskBrowser(baseUrl, token, device.id)
}

/** A random Indonesian mobile number, so tests never meet each other's guests by accident. */
export const randomPhone = () => `+62812${String(randomInt(0, 100_000_000)).padStart(8, '0')}`

/** A valid check-in with a fresh client id and phone; `overrides` replace top-level fields. */
export function checkInInput(overrides: Record<string, unknown> = {}) {
  return {
    clientId: randomUUID(),
    guest: { name: 'Budi Santoso', institution: 'Partai Contoh', phone: randomPhone(), category: 'lo' },
    topic: 'silon',
    purpose: 'Unggah dokumen di SILON',
    priority: null,
    consentVersion: DEFAULT_CONSENT_TEXT.version,
    ...overrides,
  }
}

let officeCount = 0

/** A Kab/Kota office of its own under DI Yogyakarta, so a test's queue meets no other test's visitors. */
export interface TestOffice {
  id: string
  /** A browser signed in as a user of that role in the office (one per role, created on first use). */
  as(role: Role): Promise<Browser>
  /** A newly paired kiosk of the office. */
  kiosk(): Promise<KioskBrowser>
}

export async function testOffice(db: Database, baseUrl: string): Promise<TestOffice> {
  const province = await db.prisma.office.findUniqueOrThrow({ where: { regionCode: '34' } })
  officeCount += 1
  const office = await db.prisma.office.create({
    data: {
      level: 'KABKOTA',
      regionCode: `34.${String(50 + officeCount)}`,
      name: `KPU Kabupaten Uji ${officeCount}`,
      parentId: province.id,
    },
  })
  const password = `pw-${randomBytes(9).toString('base64url')}`
  const passwordHash = await hashPassword(password)
  const browsers = new Map<Role, Promise<Browser>>()
  const signIn = async (role: Role) => {
    const username = `t${officeCount}-${role}-${randomBytes(3).toString('hex')}`
    await db.prisma.user.create({
      data: {
        officeId: office.id,
        username,
        displayName: `${role} ${office.name}`,
        role,
        passwordHash,
        mustChangePassword: false,
      },
    })
    const browser = new Browser(baseUrl)
    await browser.signIn(username, password)
    return browser
  }
  const as = (role: Role) => {
    if (!browsers.has(role)) browsers.set(role, signIn(role))
    return browsers.get(role)!
  }
  return { id: office.id, as, kiosk: async () => pairKiosk(await as('admin'), baseUrl) }
}

/** Row counts of everything the guest book, queue and devices touch: a refused call must leave them. */
export async function guestBookCounts(db: Database) {
  const p = db.prisma
  return {
    visits: await p.visit.count(),
    guests: await p.guest.count(),
    counters: await p.queueCounter.findMany({ orderBy: [{ officeId: 'asc' }, { lane: 'asc' }] }),
    consultations: await p.consultation.count(),
    consultationCounters: await p.consultationCounter.findMany({ orderBy: { officeId: 'asc' } }),
    devices: await p.kioskDevice.findMany({ orderBy: { id: 'asc' } }),
    consentTexts: await p.consentText.count(),
    audit: await p.auditEvent.count(),
  }
}

export { dataOf } from './browser.ts'
