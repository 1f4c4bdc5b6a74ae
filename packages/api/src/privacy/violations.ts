import { violation } from '../shared/errors.ts'
import type { PersonRef } from './schemas.ts'

/** How finding, exporting and erasing a person refuse; the person is named as the request named them. */
export const privacyViolations = {
  anonymised: (ref: PersonRef) =>
    violation(
      'privacy.guest.anonymised',
      { ...ref },
      'Data pribadi orang ini sudah dianonimkan; tidak ada lagi data pribadi yang disimpan.',
      'This person’s personal data has already been anonymised; none is held any more.',
    ),

  notFound: (ref: PersonRef) =>
    violation(
      'privacy.guest.notFound',
      { ...ref },
      'Orang ini tidak ditemukan di buku tamu atau lembar konsultasi kantor ini.',
      'This person was not found in this office’s guest book or consultation sheets.',
    ),
}
