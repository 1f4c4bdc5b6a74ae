import { randomUUID } from 'node:crypto'
import type { Transaction } from '@mejabantu/db'
import { mergeReturningGuest, type GuestInput } from '@mejabantu/domain'

/** The guest a check-in signs in, and whether the check-in created or changed the record. */
export interface GuestOfCheckIn {
  id: string
  created: boolean
  updated: boolean
}

/**
 * The office's guest of each check-in, by phone: created if new (an insert that yields on conflict, so
 * two first visits of one number at once make one guest), otherwise updated with what the visitor entered
 * (the domain's merge, applied in arrival order when one phone comes twice). One insert for all new
 * phones, one read of the returning ones, one update per guest that changed.
 */
export async function foundOrCreatedGuests(
  tx: Transaction,
  officeId: string,
  inputs: readonly GuestInput[],
): Promise<GuestOfCheckIn[]> {
  const firstByPhone = new Map<string, GuestInput>()
  for (const input of inputs) if (!firstByPhone.has(input.phone)) firstByPhone.set(input.phone, input)
  const inserted = await insertNewGuests(tx, officeId, [...firstByPhone.values()])
  type Stored = {
    id: string
    name: string
    institution: string | null
    email: string | null
    category: string
  }
  const current = new Map<string, Stored>()
  const creator = new Map<string, GuestInput>()
  for (const { id, phone } of inserted) {
    const input = firstByPhone.get(phone!)!
    creator.set(phone!, input)
    current.set(phone!, {
      id,
      name: input.name,
      institution: input.institution ?? null,
      email: input.email ?? null,
      category: input.category,
    })
  }
  const known = [...firstByPhone.keys()].filter((phone) => !creator.has(phone))
  if (known.length > 0) {
    const stored = await tx.guest.findMany({
      where: { officeId, phone: { in: known } },
      select: { id: true, phone: true, name: true, institution: true, email: true, category: true },
    })
    for (const { phone, ...guest } of stored) current.set(phone!, guest)
  }
  const changed = new Set<string>()
  const guests = inputs.map((input): GuestOfCheckIn => {
    const guest = current.get(input.phone)!
    if (creator.get(input.phone) === input) return { id: guest.id, created: true, updated: false }
    const merged = { ...guest, ...mergeReturningGuest(guest, input) }
    const updated = (Object.keys(merged) as (keyof Stored)[]).some((k) => merged[k] !== guest[k])
    if (updated) {
      current.set(input.phone, merged)
      changed.add(input.phone)
    }
    return { id: guest.id, created: false, updated }
  })
  for (const phone of changed) {
    const { id, ...details } = current.get(phone)!
    await tx.guest.update({ where: { id }, data: details })
  }
  return guests
}

/**
 * Inserts the guests whose phone the office does not know yet, in one statement of arrays (one statement
 * text for any batch size), and returns those it inserted.
 */
function insertNewGuests(tx: Transaction, officeId: string, inputs: GuestInput[]) {
  const column = <T>(pick: (input: GuestInput) => T) => inputs.map(pick)
  return tx.$queryRaw<{ id: string; phone: string }[]>`
    INSERT INTO "Guest" ("id", "officeId", "name", "institution", "phone", "email", "category")
    SELECT id, ${officeId}::uuid, name, institution, phone, email, category
    FROM unnest(${column(() => randomUUID())}::uuid[], ${column((i) => i.name)}::text[],
      ${column((i) => i.institution ?? null)}::text[], ${column((i) => i.phone)}::text[],
      ${column((i) => i.email ?? null)}::text[], ${column((i) => i.category)}::text[])
      AS g(id, name, institution, phone, email, category)
    ON CONFLICT ("officeId", "phone") DO NOTHING
    RETURNING "id", "phone"`
}
