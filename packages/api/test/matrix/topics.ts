import type { MatrixFragment, MatrixWorld } from './types.ts'

let made = 0

/** A topic of the other (sibling) office, added by its own admin. */
async function otherTopic(world: MatrixWorld): Promise<string> {
  const admin = await world.as('other', 'admin')
  made += 1
  const reply = await admin.mutation('topics.create', { labelId: `Topik matriks ${made}` })
  if (reply.status !== 200) throw new Error(`topics.create failed: ${reply.text}`)
  return (reply.body.result!.data as { code: string }).code
}

// A sibling's topic is outside the catalogue an office reads, whatever the caller's role.
const byTopic =
  (extra: Record<string, unknown> = {}) =>
  async (world: MatrixWorld) => ({
    input: { code: await otherTopic(world), ...extra },
    expect: 'FORBIDDEN' as const,
  })

/** The topic catalogue: read by every screen, kept by each office's admins. */
export const fragment: MatrixFragment = {
  'topics.list': { audience: 'office.read' },
  'topics.create': { audience: 'admin.manage' },
  'topics.update': { audience: 'admin.manage', crossOffice: byTopic({ labelId: 'Diubah' }) },
  'topics.archive': { audience: 'admin.manage', crossOffice: byTopic() },
  'topics.restore': { audience: 'admin.manage', crossOffice: byTopic() },
}
