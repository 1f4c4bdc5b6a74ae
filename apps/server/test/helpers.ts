import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { TestTarget } from '@mejabantu/db/testing'
import type { Config } from '../src/config.ts'
import { createLogger } from '../src/logger.ts'

/** A config for a fresh, empty database of the target on a free port; `cleanup` removes it. */
export async function freshConfig(target: TestTarget): Promise<{ config: Config; cleanup(): Promise<void> }> {
  const base = {
    host: '127.0.0.1',
    port: 0,
    logLevel: 'silent',
    shutdownTimeoutMs: 5_000,
    kioskLimits: {},
    retentionIntervalMinutes: 0,
    fixWindowIntervalMinutes: 0,
    messagingIntervalMinutes: 0,
    autoCheckOutIntervalMinutes: 0,
    mailSecretKey: null,
    publicUrl: null,
  } as const
  if (target.kind === 'pglite') {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'mejabantu-data-'))
    return {
      config: { ...base, database: { dataDir } },
      cleanup: () => rm(dataDir, { recursive: true, force: true }),
    }
  }
  const fresh = await target.create()
  return { config: { ...base, database: fresh.options }, cleanup: fresh.dispose }
}

export const silentLog = createLogger('silent')
