import type { RuleViolation } from '@mejabantu/domain'

/** How elections refuse, beyond the domain's office and calendar rules. */
export const electionViolations = {
  notFound: (id: string): RuleViolation => ({
    rule: 'election.notFound',
    params: { id },
    message: { id: 'Pemilihan tidak ditemukan.', en: 'Election not found.' },
  }),

  duplicate: (kind: string, year: number): RuleViolation => ({
    rule: 'election.duplicate',
    params: { kind, year: String(year) },
    message: {
      id: `Kantor ini sudah mendaftarkan pemilihan ${kind} tahun ${year}.`,
      en: `This office already registered a ${kind} election for ${year}.`,
    },
  }),
}
