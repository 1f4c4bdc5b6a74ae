import { defineConfig, mergeConfig } from 'vitest/config'
import { integrationConfig } from '@mejabantu/vitest-config'

// One scenario at a time: each drives a whole server process (and sometimes a browser) on two cores.
export default mergeConfig(
  integrationConfig,
  defineConfig({
    test: {
      include: ['test/**/*.resilience.test.ts'],
      maxWorkers: 1,
      fileParallelism: false,
      testTimeout: 1_200_000,
    },
  }),
)
