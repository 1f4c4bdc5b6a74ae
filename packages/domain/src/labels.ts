import { z } from 'zod'

/** Every user-facing value carries its Indonesian label first and its English gloss. */
export const LabelSchema = z.object({ id: z.string().min(1), en: z.string().min(1) })
/** An id/en label pair. */
export type Label = z.infer<typeof LabelSchema>
/** The UI languages: Bahasa Indonesia first, English second. */
export type Locale = keyof Label

/** A Zod enum with a label for every value; see {@link labelledEnum}. */
export interface LabelledEnum<T extends Record<string, Label>> {
  schema: z.ZodEnum<{ [K in keyof T & string]: K }>
  values: [keyof T & string, ...(keyof T & string)[]]
  labels: T
  label: (value: keyof T & string, locale?: Locale) => string
  /** Options for a select or tile list, in table order. */
  options: (locale?: Locale) => { value: keyof T & string; label: string }[]
  /** A wider enum with more values, e.g. an office-specific topic, keeping every existing one. */
  extend: <U extends Record<string, Label>>(more: U) => LabelledEnum<T & U>
}

/**
 * Builds a Zod enum together with its labels from one table, so a value can never exist without its
 * translations.
 */
export function labelledEnum<const T extends Record<string, Label>>(labels: T): LabelledEnum<T> {
  const values = Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]]
  const label = (value: keyof T & string, locale: Locale = 'id'): string => labels[value]![locale]
  return {
    schema: z.enum(values) as unknown as LabelledEnum<T>['schema'],
    values,
    labels,
    label,
    options: (locale = 'id') => values.map((value) => ({ value, label: label(value, locale) })),
    extend: (more) => labelledEnum({ ...labels, ...more }),
  }
}
