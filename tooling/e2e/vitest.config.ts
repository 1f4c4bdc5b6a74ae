import { defineConfig, mergeConfig } from 'vitest/config'
import { integrationConfig } from '@mejabantu/vitest-config'

// One browser at a time: the machines have two cores and the server under test needs one.
export default mergeConfig(
  integrationConfig,
  defineConfig({ test: { maxWorkers: 1, fileParallelism: false } }),
)
