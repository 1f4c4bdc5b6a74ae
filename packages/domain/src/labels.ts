import { z } from 'zod'

/** Every user-facing value carries its Indonesian label first and its English gloss. */
export const LabelSchema = z.object({ id: z.string().min(1), en: z.string().min(1) })
export type Label = z.infer<typeof LabelSchema>
export type Locale = keyof Label

/**
 * Builds a Zod enum together with its labels from one table, so a value can never exist without its
 * translations.
 */
export function labelledEnum<const T extends Record<string, Label>>(labels: T) {
  const values = Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]]
  return {
    schema: z.enum(values),
    values,
    labels,
    label: (value: keyof T & string, locale: Locale = 'id'): string => labels[value]![locale],
  }
}
