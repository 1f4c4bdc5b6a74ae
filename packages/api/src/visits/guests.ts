import { randomUUID } from 'node:crypto'
import type { Transaction } from '@mejabantu/db'
import { recognisedGuest, type GuestInput, type StoredGuest } from '@mejabantu/domain'

/** The guest a check-in signs in, and whether the check-in created the record. */
export interface GuestOfCheckIn {
  id: string
  created: boolean
  /** Always false: a check-in never rewrites a stored guest (kept for the audit snapshot's shape). */
  updated: false
}

/**
 * The office's guest of each check-in: a guest already known under the phone whom the visitor named again
 * (or confirmed through the masked look-up), else a new guest. Stored guests are never changed, so nobody
 * at the lobby tablet can rename someone's earlier visits. Check-ins of one office are serialised by the
 * batch, so one read of the phones and one insert of the new guests serve the whole batch; two check-ins
 * of one new person in the batch make one guest.
 */
export async function foundOrCreatedGuests(
  tx: Transaction,
  officeId: string,
  inputs: readonly GuestInput[],
): Promise<GuestOfCheckIn[]> {
  const phones = [...new Set(inputs.map((input) => input.phone))]
  const stored = await tx.guest.findMany({
    where: { officeId, phone: { in: phones }, anonymisedAt: null },
    select: { id: true, phone: true, name: true },
    orderBy: { createdAt: 'desc' },
  })
  const knownByPhone = new Map<string, StoredGuest[]>()
  for (const { phone, ...guest } of stored)
    knownByPhone.set(phone!, [...(knownByPhone.get(phone!) ?? []), guest])

  const newGuests: (GuestInput & { id: string })[] = []
  const guests = inputs.map((input): GuestOfCheckIn => {
    const known = knownByPhone.get(input.phone) ?? []
    const found = recognisedGuest(known, input.name)
    if (found) return { id: found.id, created: newGuests.some((g) => g.id === found.id), updated: false }
    const created = { ...input, id: randomUUID() }
    newGuests.push(created)
    knownByPhone.set(input.phone, [{ id: created.id, name: input.name }, ...known])
    return { id: created.id, created: true, updated: false }
  })
  await insertGuests(tx, officeId, newGuests)
  return guests
}

/** Inserts new guests in one statement of arrays (one statement text for any batch size). */
async function insertGuests(tx: Transaction, officeId: string, guests: (GuestInput & { id: string })[]) {
  if (guests.length === 0) return
  const column = <T>(pick: (guest: GuestInput & { id: string }) => T) => guests.map(pick)
  await tx.$executeRaw`
    INSERT INTO "Guest" ("id", "officeId", "name", "institution", "phone", "email", "category")
    SELECT id, ${officeId}::uuid, name, institution, phone, email, category
    FROM unnest(${column((g) => g.id)}::uuid[], ${column((g) => g.name)}::text[],
      ${column((g) => g.institution ?? null)}::text[], ${column((g) => g.phone)}::text[],
      ${column((g) => g.email ?? null)}::text[], ${column((g) => g.category)}::text[])
      AS g(id, name, institution, phone, email, category)`
}
