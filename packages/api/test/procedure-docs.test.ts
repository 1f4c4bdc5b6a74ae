import { expect, it } from 'vitest'
import { expectedReadme } from '../scripts/procedure-docs.ts'

it('documents every procedure in the README as the router defines it (npm run docs -w @mejabantu/api)', async () => {
  const { current, expected } = await expectedReadme()
  expect(current).toBe(expected)
})
