import { tmpdir } from 'node:os'
import path from 'node:path'
import { checkInInput } from '../support/kiosk.ts'
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

const bySheet =
  (extra: Record<string, unknown> = {}) =>
  async (world: MatrixWorld) => ({
    input: { id: await otherSheet(world), ...extra },
    expect: 'FORBIDDEN' as const,
  })

const otherOffice = async (world: MatrixWorld) => ({
  input: { officeId: world.officeId.other },
  expect: 'FORBIDDEN' as const,
})

const pdf = Buffer.from('%PDF-1.7\n%matrix\n').toString('base64')

/** An attachment on the other office's sheet; bytes go to a scratch folder unless one is configured. */
async function otherAttachment(world: MatrixWorld) {
  process.env.ATTACHMENTS_DIR ||= path.join(tmpdir(), 'mejabantu-matrix-attachments')
  const consultationId = await otherSheet(world)
  const staff = await world.as('other', 'petugas')
  const reply = await staff.mutation('consultations.attach', {
    consultationId,
    fileName: 'matriks.pdf',
    contentType: 'application/pdf',
    contentBase64: pdf,
  })
  if (reply.status !== 200) throw new Error(`consultations.attach failed: ${reply.text}`)
  return { input: { id: (reply.body.result!.data as { id: string }).id }, expect: 'FORBIDDEN' as const }
}

/** The lembar konsultasi from the staff console. */
export const fragment: MatrixFragment = {
  'consultations.create': {
    audience: 'consultation.write',
    // A visit of another office cannot be linked: it is not found in this office's guest book.
    crossOffice: async (world) => {
      const staff = await world.as('other', 'petugas')
      const reply = await staff.mutation('visits.checkIn', checkInInput())
      const { visitId } = reply.body.result!.data as { visitId: string }
      return { input: { ...sheet, visitId }, expect: 'NOT_FOUND' }
    },
  },
  'consultations.update': { audience: 'consultation.write', crossOffice: bySheet({ question: 'Diubah?' }) },
  'consultations.answer': { audience: 'consultation.write', crossOffice: bySheet({ answer: 'Dijawab.' }) },
  'consultations.refer': { audience: 'consultation.write', crossOffice: bySheet({ note: 'Dirujuk.' }) },
  'consultations.close': { audience: 'consultation.write', crossOffice: bySheet() },
  'consultations.get': { audience: 'office.read', crossOffice: bySheet() },
  'consultations.list': { audience: 'office.read', crossOffice: otherOffice },
  'consultations.inbox': { audience: 'office.read', crossOffice: otherOffice },
  'consultations.attach': {
    audience: 'consultation.write',
    crossOffice: async (world) => ({
      input: {
        consultationId: await otherSheet(world),
        fileName: 'matriks.pdf',
        contentType: 'application/pdf',
        contentBase64: pdf,
      },
      expect: 'FORBIDDEN',
    }),
  },
  'consultations.attachments': {
    audience: 'office.read',
    crossOffice: async (world) => ({
      input: { consultationId: await otherSheet(world) },
      expect: 'FORBIDDEN',
    }),
  },
  'consultations.download': { audience: 'office.read', crossOffice: otherAttachment },
}
