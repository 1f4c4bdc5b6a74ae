import type { z } from 'zod'

/** A form checked with a domain schema when saved: each box shows the refusals under its path. */
export function useSchemaIssues() {
  const issues = ref<{ path: string; message: string }[]>([])
  const errorFor = (prefix: string) =>
    issues.value.find((i) => i.path === prefix || i.path.startsWith(`${prefix}.`))?.message
  /** The parsed value, or undefined after recording why the schema refused it. */
  function check<S extends z.ZodType>(schema: S, value: unknown): z.output<S> | undefined {
    const parsed = schema.safeParse(value)
    issues.value = parsed.success
      ? []
      : parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
    return parsed.success ? parsed.data : undefined
  }
  return { issues, errorFor, check }
}
