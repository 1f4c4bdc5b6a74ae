import type { RuleViolation } from '@mejabantu/domain'

/** Refusals of the reports procedures, with id/en messages. */
export const reportViolations = {
  notFound: (id: string): RuleViolation => ({
    rule: 'report.notFound',
    params: { id },
    message: { id: 'Laporan tidak ditemukan.', en: 'Report not found.' },
  }),
  alreadySent: (number: string): RuleViolation => ({
    rule: 'report.alreadySent',
    params: { number },
    message: {
      id: `Laporan ${number} sudah dikirim.`,
      en: `Report ${number} has already been sent.`,
    },
  }),
  noParent: (): RuleViolation => ({
    rule: 'report.noParent',
    params: {},
    message: {
      id: 'Kantor ini tidak memiliki kantor di atasnya untuk dikirimi laporan.',
      en: 'This office has no office above it to send the report to.',
    },
  }),
}
