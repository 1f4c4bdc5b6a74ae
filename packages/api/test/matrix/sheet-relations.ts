import type { MatrixFragment, MatrixWorld } from './types.ts'

const sheet = {
  channel: 'telepon',
  askerName: 'Penanya Matriks',
  stakeholderCategory: 'pemilih',
  topic: 'jadwal',
  question: 'Kapan penetapan pasangan calon?',
}

/** A sheet recorded by the other office's own staff. */
async function otherSheet(world: MatrixWorld): Promise<string> {
  const staff = await world.as('other', 'petugas')
  const reply = await staff.mutation('consultations.create', sheet)
  if (reply.status !== 200) throw new Error(`consultations.create failed: ${reply.text}`)
  return (reply.body.result!.data as { id: string }).id
}

/** Two sheets of the other office, as a pair input of the procedure. */
const otherPair =
  (first: string, second: string) =>
  async (world: MatrixWorld): Promise<{ input: unknown; expect: 'FORBIDDEN' }> => ({
    input: { [first]: await otherSheet(world), [second]: await otherSheet(world) },
    expect: 'FORBIDDEN',
  })

/** Tags, merges and links of the lembar konsultasi: written by desk staff, read by whoever reads the office. */
export const fragment: MatrixFragment = {
  'consultations.setTags': {
    audience: 'consultation.write',
    crossOffice: async (world) => ({
      input: { consultationId: await otherSheet(world), tags: ['skck'] },
      expect: 'FORBIDDEN',
    }),
  },
  'consultations.tags': {
    audience: 'office.read',
    crossOffice: async (world) => ({ input: { officeId: world.officeId.other }, expect: 'FORBIDDEN' }),
  },
  'consultations.merge': { audience: 'consultation.write', crossOffice: otherPair('duplicateId', 'keptId') },
  'consultations.link': {
    audience: 'consultation.write',
    crossOffice: otherPair('consultationId', 'otherId'),
  },
  'consultations.unlink': {
    audience: 'consultation.write',
    crossOffice: otherPair('consultationId', 'otherId'),
  },
}
