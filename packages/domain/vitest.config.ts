import { unitConfig } from '@mejabantu/vitest-config'
import { mergeConfig } from 'vitest/config'

// The domain is the contract every app builds on: keep it almost fully exercised.
export default mergeConfig(unitConfig, {
  test: {
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: ['src/**/*.test.ts'],
      reporter: ['text-summary', 'text'],
      thresholds: { lines: 95, branches: 90, functions: 95, statements: 95 },
    },
  },
})
