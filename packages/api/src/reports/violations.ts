import { violation } from '../shared/errors.ts'

/** Refusals of the reports procedures, with id/en messages. */
export const reportViolations = {
  notFound: (id: string) =>
    violation('report.notFound', { id }, 'Laporan tidak ditemukan.', 'Report not found.'),
  alreadySent: (number: string) =>
    violation(
      'report.alreadySent',
      { number },
      `Laporan ${number} sudah dikirim.`,
      `Report ${number} has already been sent.`,
    ),
  noParent: () =>
    violation(
      'report.noParent',
      {},
      'Kantor ini tidak memiliki kantor di atasnya untuk dikirimi laporan.',
      'This office has no office above it to send the report to.',
    ),
}
