import { violation } from '../shared/errors.ts'

/** How office administration refuses, beyond the domain's placement rule. */
export const officeViolations = {
  notFound: (id: string) =>
    violation('office.notFound', { id }, 'Kantor tidak ditemukan.', 'Office not found.'),

  /** Offices are added under the admin's own office or one below it; KPU RI is there from first run. */
  parentOutside: (parentId: string | null) =>
    violation(
      'office.parent.outside',
      { parentId: parentId ?? '' },
      'Kantor baru hanya dapat ditambahkan di bawah kantor Anda atau kantor di bawahnya.',
      'A new office can only be added under your own office or an office below it.',
    ),

  regionCodeTaken: (regionCode: string) =>
    violation(
      'office.regionCode.taken',
      { regionCode },
      `Kantor dengan kode wilayah ${regionCode} sudah terdaftar.`,
      `An office with region code ${regionCode} already exists.`,
    ),
}
