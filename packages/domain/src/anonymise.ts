/** What stands in for a name once a guest is anonymised; the column stays filled for the sheets. */
export const ANONYMISED_NAME = 'Anonim'

/** The guest-book fields that identify a person, as check-in stores them. */
export interface GuestPersonalData {
  name: string
  institution: string | null
  phone: string | null
  email: string | null
  anonymisedAt: Date | null
}

/**
 * The guest's identifying fields as anonymisation leaves them: the name becomes the placeholder,
 * institution, phone and e-mail go, and `at` records when. Category, office and dates are not touched,
 * so every count and report stays as it was.
 */
export function anonymisedGuestFields(at: Date): GuestPersonalData {
  return { name: ANONYMISED_NAME, institution: null, phone: null, email: null, anonymisedAt: at }
}

/**
 * A visit of an anonymised guest: the free-text purpose may name anyone and the priority-lane reason
 * (age, disability, pregnancy) is about their health, so both go; the topic stays.
 */
export const anonymisedVisitFields = { purpose: null, priority: null } as const

/** A sheet opened from an anonymised guest's visit: the asker is removed, the question and answer stay. */
export const anonymisedAskerFields = {
  askerName: ANONYMISED_NAME,
  askerInstitution: null,
  askerContact: null,
} as const

/** A guest record after anonymisation at `at`; an already anonymised guest is returned unchanged. */
export function anonymiseGuest<G extends GuestPersonalData>(guest: G, at: Date): G {
  return guest.anonymisedAt ? guest : { ...guest, ...anonymisedGuestFields(at) }
}
