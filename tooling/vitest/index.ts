import { defineConfig } from 'vitest/config'

/** Pure unit tests: fast, parallel, no I/O. */
export const unitConfig = defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    reporters: ['default'],
  },
})

/**
 * Integration tests start real databases and servers. One PGlite per test file is shared; files run in
 * separate processes, but not too many at once on small machines.
 */
export const integrationConfig = defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
  },
})
