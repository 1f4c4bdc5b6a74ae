import type { AnyTRPCRouter } from '@trpc/server'
import { z } from 'zod'

/** Where the generated table sits in the package README. */
export const PROCEDURE_DOCS_MARKERS = ['<!-- procedures:start -->', '<!-- procedures:end -->'] as const

interface ProcedureDef {
  type: 'query' | 'mutation' | 'subscription'
  meta?: { audience?: string }
  inputs: unknown[]
}

function inputFields(inputs: unknown[]): string {
  if (inputs.length === 0) return '—'
  try {
    const schema = z.toJSONSchema(inputs[0] as z.ZodType, { io: 'input', unrepresentable: 'any' }) as {
      properties?: Record<string, unknown>
      required?: string[]
      type?: string
    }
    if (!schema.properties) return schema.type ? `\`${schema.type}\`` : 'see schema'
    const required = new Set(schema.required ?? [])
    return Object.keys(schema.properties)
      .map((key) => (required.has(key) ? `\`${key}\`` : `\`${key}?\``))
      .join(', ')
  } catch {
    return 'see schema'
  }
}

/**
 * A Markdown table of every procedure, grouped by router: path, query or mutation, who may call it (the
 * `audience` meta the procedure builders set) and its input fields. Generated, so it cannot drift.
 */
export function procedureDocs(router: AnyTRPCRouter): string {
  const procedures = Object.entries(router._def.procedures as Record<string, { _def: ProcedureDef }>).sort(
    ([a], [b]) => a.localeCompare(b),
  )
  const groups = new Map<string, string[]>()
  for (const [path, { _def }] of procedures) {
    const group = path.includes('.') ? path.slice(0, path.indexOf('.')) : path
    const row = `| \`${path}\` | ${_def.type} | ${_def.meta?.audience ?? '—'} | ${inputFields(_def.inputs)} |`
    groups.set(group, [...(groups.get(group) ?? []), row])
  }
  return [...groups.entries()]
    .map(([group, rows]) =>
      [`### ${group}`, '', '| procedure | kind | who may call | input |', '|---|---|---|---|', ...rows].join(
        '\n',
      ),
    )
    .join('\n\n')
}

/** The README with its procedure section replaced by `docs`. */
export function withProcedureDocs(readme: string, docs: string): string {
  const [start, end] = PROCEDURE_DOCS_MARKERS
  const from = readme.indexOf(start)
  const to = readme.indexOf(end)
  if (from === -1 || to < from) throw new Error(`README lacks the ${start} … ${end} markers`)
  return `${readme.slice(0, from + start.length)}\n\n${docs}\n\n${readme.slice(to)}`
}
