import { violation } from '../shared/errors.ts'

/** How the knowledge-base procedures refuse; rule names are stable for clients and logs. */
export const knowledgeViolations = {
  notFound: (id: string) =>
    violation('knowledge.notFound', { id }, 'Artikel tidak ditemukan.', 'Article not found.'),

  /**
   * An article of a sibling office or of an office below: the base an office reads is its own and its
   * superiors', as the consultation areas refuse another office's records.
   */
  outside: (id: string) =>
    violation(
      'tenancy.office',
      { articleId: id, access: 'office.read' },
      'Artikel ini milik kantor di luar wewenang Anda.',
      'This article belongs to an office outside your access.',
    ),

  /** Two staff edited at once: the second save names the version the first one made. */
  staleVersion: (expected: number, current: number, editor: string | null) =>
    violation(
      'knowledge.staleVersion',
      { expected: String(expected), current: String(current) },
      `Artikel ini sudah diubah${editor ? ` oleh ${editor}` : ''} menjadi versi ${current} sejak Anda membuka versi ${expected}. Muat ulang artikel, lalu terapkan kembali perubahan Anda.`,
      `This article was changed${editor ? ` by ${editor}` : ''} to version ${current} since you opened version ${expected}. Reload the article and apply your changes again.`,
    ),

  archived: (title: string) =>
    violation(
      'knowledge.archived',
      { title },
      `Artikel "${title}" sudah diarsipkan. Pulihkan artikel terlebih dahulu.`,
      `The article "${title}" is archived. Restore it first.`,
    ),

  notArchived: (title: string) =>
    violation(
      'knowledge.notArchived',
      { title },
      `Artikel "${title}" tidak sedang diarsipkan.`,
      `The article "${title}" is not archived.`,
    ),

  alreadyPromoted: (articleId: string) =>
    violation(
      'knowledge.promote.already',
      { articleId },
      'Jawaban rujukan ini sudah dijadikan artikel di kantor Anda.',
      'This referral’s answer is already an article of your office.',
    ),

  /** An answer names an article the answering office does not read (a sibling's, or an unknown id). */
  unreadableArticle: (articleId: string) =>
    violation(
      'knowledge.use.unreadable',
      { articleId },
      'Artikel yang disisipkan ke jawaban tidak ditemukan di basis pengetahuan kantor Anda.',
      'An article inserted into the answer is not in your office’s knowledge base.',
    ),
}
