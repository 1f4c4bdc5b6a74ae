import { violation } from '../shared/errors.ts'

/** How the public page refuses. */
export const publicationViolations = {
  officeNotFound: (regionCode: string) =>
    violation(
      'public.office.notFound',
      { regionCode },
      `Kantor dengan kode wilayah ${regionCode} tidak ditemukan.`,
      `No office has the region code ${regionCode}.`,
    ),
}
