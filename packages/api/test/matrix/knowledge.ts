import type { MatrixFragment, MatrixWorld } from './types.ts'

const article = {
  topic: 'syarat_calon',
  titleId: 'Artikel matriks',
  bodyId: 'Isi artikel matriks.',
}

/** An article written by the other (sibling) office's own staff. */
async function otherArticle(world: MatrixWorld): Promise<string> {
  const staff = await world.as('other', 'petugas')
  const reply = await staff.mutation('knowledge.create', article)
  if (reply.status !== 200) throw new Error(`knowledge.create failed: ${reply.text}`)
  return (reply.body.result!.data as { id: string }).id
}

// A sibling's article is outside the base an office reads, whatever the caller's role.
const byArticle =
  (extra: Record<string, unknown> = {}) =>
  async (world: MatrixWorld) => ({
    input: { id: await otherArticle(world), ...extra },
    expect: 'FORBIDDEN' as const,
  })

/** The knowledge base: read by every office below the owner, written by the owner's staff. */
export const fragment: MatrixFragment = {
  'knowledge.list': { audience: 'office.read' },
  'knowledge.get': { audience: 'office.read', crossOffice: byArticle() },
  'knowledge.suggest': { audience: 'office.read' },
  'knowledge.create': { audience: 'knowledge.write' },
  'knowledge.update': {
    audience: 'knowledge.write',
    crossOffice: byArticle({ expectedVersion: 1, ...article, titleId: 'Diubah' }),
  },
  'knowledge.archive': { audience: 'knowledge.write', crossOffice: byArticle() },
  'knowledge.restore': { audience: 'knowledge.write', crossOffice: byArticle() },
  'knowledge.copy': { audience: 'knowledge.write', crossOffice: byArticle() },
  'knowledge.promote': {
    audience: 'knowledge.write',
    // A sheet of the sibling office is not one this office reads.
    crossOffice: async (world) => {
      const staff = await world.as('other', 'petugas')
      const reply = await staff.mutation('consultations.create', {
        channel: 'telepon',
        askerName: 'Penanya Matriks',
        stakeholderCategory: 'pemilih',
        topic: 'syarat_calon',
        question: 'Apakah SKCK harus dari Polda?',
      })
      if (reply.status !== 200) throw new Error(`consultations.create failed: ${reply.text}`)
      return {
        input: { consultationId: (reply.body.result!.data as { id: string }).id },
        expect: 'FORBIDDEN',
      }
    },
  },
}
