import { z } from 'zod'

/** An optional box left empty means "not given": the domain's schemas refuse an empty string. */
export function optionalText<T extends z.ZodType>(schema: T) {
  return z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    schema,
  )
}
