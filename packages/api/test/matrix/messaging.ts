import { otherRecords } from '../support/nomination.ts'
import type { MatrixFragment, MatrixWorld } from './types.ts'

/** A sheet recorded by the other office's own staff. */
async function otherSheet(world: MatrixWorld) {
  const staff = await world.as('other', 'petugas')
  const reply = await staff.mutation('consultations.create', {
    channel: 'email',
    askerName: 'Penanya Matriks',
    stakeholderCategory: 'pemilih',
    topic: 'jadwal',
    question: 'Kapan penetapan pasangan calon?',
  })
  if (reply.status !== 200) throw new Error(`consultations.create failed: ${reply.text}`)
  return {
    input: { consultationId: (reply.body.result!.data as { id: string }).id },
    expect: 'FORBIDDEN' as const,
  }
}

/** The office mailbox and notification settings are the admin's; chat import and history are the desk's. */
export const fragment: MatrixFragment = {
  'messaging.mailbox': { audience: 'admin.manage' },
  'messaging.connectMailbox': { audience: 'admin.manage' },
  'messaging.disconnectMailbox': { audience: 'admin.manage' },
  'messaging.pollNow': { audience: 'admin.manage' },
  'messaging.settings': { audience: 'admin.manage' },
  'messaging.updateSettings': { audience: 'admin.manage' },
  'messaging.chatPreview': { audience: 'consultation.write' },
  'messaging.chatImport': { audience: 'consultation.write' },
  'messaging.sheetMessages': { audience: 'office.read', crossOffice: otherSheet },
  'messaging.pairMessages': {
    audience: 'office.read',
    crossOffice: async (world) => ({
      input: { pairId: (await otherRecords(world)).pairId },
      expect: 'FORBIDDEN',
    }),
  },
}
