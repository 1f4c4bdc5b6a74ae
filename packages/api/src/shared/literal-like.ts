/**
 * Text for Prisma's `contains`/`startsWith`, which build a LIKE pattern without escaping: `%`, `_` and the
 * escape character itself are escaped, so a search for "10%" finds "10%" and not everything after "10".
 */
export const literalLike = (text: string): string => text.replace(/[\\%_]/g, (char) => `\\${char}`)
