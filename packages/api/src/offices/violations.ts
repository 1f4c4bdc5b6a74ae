import type { RuleViolation } from '@mejabantu/domain'

/** How office administration refuses, beyond the domain's placement rule. */
export const officeViolations = {
  notFound: (id: string): RuleViolation => ({
    rule: 'office.notFound',
    params: { id },
    message: { id: 'Kantor tidak ditemukan.', en: 'Office not found.' },
  }),

  /** Offices are added under the admin's own office or one below it; KPU RI is there from first run. */
  parentOutside: (parentId: string | null): RuleViolation => ({
    rule: 'office.parent.outside',
    params: { parentId: parentId ?? '' },
    message: {
      id: 'Kantor baru hanya dapat ditambahkan di bawah kantor Anda atau kantor di bawahnya.',
      en: 'A new office can only be added under your own office or an office below it.',
    },
  }),

  regionCodeTaken: (regionCode: string): RuleViolation => ({
    rule: 'office.regionCode.taken',
    params: { regionCode },
    message: {
      id: `Kantor dengan kode wilayah ${regionCode} sudah terdaftar.`,
      en: `An office with region code ${regionCode} already exists.`,
    },
  }),
}
