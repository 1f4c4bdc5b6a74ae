import { defineConfig, mergeConfig } from 'vitest/config'
import { integrationConfig } from '@mejabantu/vitest-config'

// One browser at a time: the machines have two cores and the server under test needs one. A page that
// reloads while other packages build can take seconds to settle, so polls wait up to 10 s, not vitest's 1 s.
export default mergeConfig(
  integrationConfig,
  defineConfig({
    test: { maxWorkers: 1, fileParallelism: false, expect: { poll: { timeout: 10_000, interval: 100 } } },
  }),
)
