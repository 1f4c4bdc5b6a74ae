import { violation } from '../shared/errors.ts'

/** How the topic procedures refuse; rule names are stable for clients and logs. */
export const topicViolations = {
  notFound: (code: string) =>
    violation('topic.notFound', { code }, 'Topik tidak ditemukan.', 'Topic not found.'),

  /** A topic of a sibling office or of one below: an office reads its own and its superiors' topics. */
  outside: (code: string) =>
    violation(
      'tenancy.office',
      { code, access: 'office.read' },
      'Topik ini milik kantor di luar wewenang Anda.',
      'This topic belongs to an office outside your access.',
    ),

  /** Two admins added the same name at once; the second try picks a free code. */
  codeTaken: (code: string) =>
    violation(
      'topic.codeTaken',
      { code },
      'Topik dengan nama yang sama baru saja ditambahkan. Coba simpan lagi.',
      'A topic with the same name was just added. Try saving again.',
    ),
}
