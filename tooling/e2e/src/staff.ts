import type { AppRouter } from '@mejabantu/api'
import type { Role } from '@mejabantu/domain'
import { createTRPCClient, httpLink, type TRPCClient } from '@trpc/client'
import superjson from 'superjson'
import type { ServerUnderTest } from './server.ts'

export type Api = TRPCClient<AppRouter>

export interface StaffAccount {
  username: string
  password: string
  /** The account's own typed client, signed in. */
  api: Api
}

/** The password every account the tests set up ends with: long enough for the password policy. */
export const STAFF_PASSWORD = 'Kantor-KPU-bantul-2024'

/**
 * A typed client that behaves like our pages in a browser: it keeps the session cookie, sends the
 * server's Origin, and echoes the CSRF token of the last sign-in on every mutation.
 */
export function staffClient(baseUrl: string): {
  api: Api
  signIn(username: string, password: string): Promise<void>
} {
  let cookie = ''
  let csrf = ''
  const api = createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${baseUrl}/trpc`,
        transformer: superjson,
        headers: () => ({
          origin: baseUrl,
          ...(cookie && { cookie }),
          ...(csrf && { 'x-csrf-token': csrf }),
        }),
        fetch: async (input, init) => {
          const res = await fetch(input, init)
          const session = res.headers.getSetCookie().find((c) => c.startsWith('mejabantu_session='))
          if (session) cookie = session.split(';')[0]!
          return res
        },
      }),
    ],
  })
  return {
    api,
    async signIn(username, password) {
      csrf = ''
      csrf = (await api.auth.login.mutate({ username, password })).csrfToken
    },
  }
}

/** Signs in as the first administrator the server printed at its first start, setting STAFF_PASSWORD. */
export async function firstAdmin(server: ServerUnderTest): Promise<StaffAccount> {
  const printed = server.output().match(/username: (\S+)\s+one-time password: (\S+)/)
  if (!printed) throw new Error(`the server printed no first administrator:\n${server.output()}`)
  const [, username, oneTime] = printed as unknown as [string, string, string]
  const client = staffClient(server.url)
  await client.signIn(username, oneTime)
  await client.api.auth.changePassword.mutate({ currentPassword: oneTime, newPassword: STAFF_PASSWORD })
  await client.signIn(username, STAFF_PASSWORD)
  return { username, password: STAFF_PASSWORD, api: client.api }
}

let created = 0

/** A new account of `role` in the admin's office, its one-time password already changed. */
export async function addStaff(server: ServerUnderTest, admin: Api, role: Role): Promise<StaffAccount> {
  created += 1
  const issued = await admin.admin.users.create.mutate({
    username: `${role}${created}`,
    displayName: `Petugas Uji ${created}`,
    role,
  })
  const client = staffClient(server.url)
  await client.signIn(issued.user.username, issued.oneTimePassword)
  await client.api.auth.changePassword.mutate({
    currentPassword: issued.oneTimePassword,
    newPassword: STAFF_PASSWORD,
  })
  await client.signIn(issued.user.username, STAFF_PASSWORD)
  return { username: issued.user.username, password: STAFF_PASSWORD, api: client.api }
}

/** A one-time kiosk pairing code from the admin's office. */
export async function pairingCode(admin: Api, name = 'Kios pintu depan'): Promise<string> {
  return (await admin.devices.create.mutate({ name })).pairingCode
}

export interface PairedKiosk {
  token: string
  /** A typed client that sends the device token, as the kiosk app does. */
  api: Api
}

/** A new kiosk device in the admin's office, paired with its one-time code. */
export async function pairKiosk(baseUrl: string, admin: Api, name?: string): Promise<PairedKiosk> {
  const code = await pairingCode(admin, name)
  const { token } = await staffClient(baseUrl).api.kiosk.pair.mutate({ code })
  const api = createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${baseUrl}/trpc`,
        transformer: superjson,
        headers: { origin: baseUrl, authorization: `Bearer ${token}` },
      }),
    ],
  })
  return { token, api }
}

/**
 * A Kab/Kota office below the top office with its first admin signed in (password already changed):
 * what a province install adds before the office below can work.
 */
export async function officeBelow(
  server: ServerUnderTest,
  top: Api,
  office: { name: string; regionCode: string; username: string },
): Promise<{ id: string; api: Api }> {
  const [parent] = await top.admin.offices.list.query()
  const created = await top.admin.offices.create.mutate({
    name: office.name,
    level: 'KABKOTA',
    regionCode: office.regionCode,
    timeZone: 'WIB',
    parentId: parent!.id,
  })
  const issued = await top.admin.users.create.mutate({
    officeId: created.id,
    username: office.username,
    displayName: `Admin ${office.name}`,
    role: 'admin',
  })
  const client = staffClient(server.url)
  await client.signIn(office.username, issued.oneTimePassword)
  await client.api.auth.changePassword.mutate({
    currentPassword: issued.oneTimePassword,
    newPassword: STAFF_PASSWORD,
  })
  await client.signIn(office.username, STAFF_PASSWORD)
  return { id: created.id, api: client.api }
}
