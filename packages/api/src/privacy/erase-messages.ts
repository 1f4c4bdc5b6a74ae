import type { Transaction } from '@mejabantu/db'
import { ANONYMISED_NAME, eraseMentions, type ErasedPerson } from '@mejabantu/domain'

/**
 * The mails and messages of erased people (UU PDP): the mails of the sheets they asked and any mail they
 * sent lose sender, text and raw message (whose stored bytes go to `discarded` for after the commit);
 * messages sent to them lose the address and the text. What happened stays: subjects, times, statuses.
 */
export async function eraseMessagesOf(
  tx: Transaction,
  officeId: string,
  scope: { consultationIds: readonly string[]; people: readonly ErasedPerson[] },
  discarded: string[],
): Promise<number> {
  const emails = scope.people.flatMap((p) => (p.email ? [p.email] : []))
  const contacts = [...emails, ...scope.people.flatMap((p) => (p.phone ? [p.phone] : []))]
  // Rows of the sheets they asked, or whose `column` holds one of their contacts.
  const theirs = <C extends string>(column: C, values: readonly string[]) => ({
    officeId,
    OR: [
      { consultationId: { in: [...scope.consultationIds] } },
      ...values.map((value) => ({ [column]: { equals: value, mode: 'insensitive' as const } })),
    ],
  })
  const mails = await tx.inboundMail.findMany({
    where: theirs('fromAddress', emails),
    select: { id: true, subject: true, rawStorageKey: true },
  })
  for (const mail of mails) {
    await tx.inboundMail.update({
      where: { id: mail.id },
      data: {
        fromAddress: null,
        fromName: null,
        text: null,
        rawStorageKey: null,
        subject: eraseMentions(mail.subject, scope.people) ?? '',
      },
    })
  }
  discarded.push(...mails.flatMap((m) => (m.rawStorageKey ? [m.rawStorageKey] : [])))
  const sent = await tx.outboxMessage.findMany({
    where: theirs('recipient', contacts),
    select: { id: true, subject: true },
  })
  for (const message of sent) {
    await tx.outboxMessage.update({
      where: { id: message.id },
      data: {
        recipient: ANONYMISED_NAME,
        text: ANONYMISED_NAME,
        subject: eraseMentions(message.subject, scope.people) ?? '',
      },
    })
  }
  const count = sent.length
  // Nothing is left to send to an erased address.
  await tx.outboxMessage.updateMany({
    where: { officeId, recipient: ANONYMISED_NAME, status: 'pending' },
    data: { status: 'dead', lastError: 'erased' },
  })
  return mails.length + count
}
