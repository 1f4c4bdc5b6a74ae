import process from 'node:process'
import { readConfig } from './config.ts'
import { createLogger } from './logger.ts'
import { startServer } from './server.ts'

const config = readConfig()
const log = createLogger(config.logLevel)

try {
  const server = await startServer(config, log)
  log.info({ url: server.url, database: server.db.kind }, 'listening')
  const lines = [
    '',
    `  Meja Bantu is serving on ${server.url}`,
    `    Konsol petugas (staff console): ${server.url}/console/`,
    `    Kios buku tamu (kiosk):         ${server.url}/kiosk/`,
    `    Health:                         ${server.url}/health`,
  ]
  if (server.firstRun.admin) {
    lines.push(
      '',
      '  First administrator account (shown once; change the password at first log-in):',
      `    office: ${server.firstRun.admin.office.name} (${server.firstRun.admin.office.regionCode})`,
      `    username: ${server.firstRun.admin.username}`,
      `    one-time password: ${server.firstRun.admin.password}`,
    )
  }
  process.stdout.write(`${lines.join('\n')}\n\n`)

  const shutdown = (signal: NodeJS.Signals) => {
    log.info({ signal }, 'shutting down')
    server.close().then(
      () => {
        log.info('stopped')
        process.exit(0)
      },
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed')
        process.exit(1)
      },
    )
  }
  process.once('SIGTERM', shutdown)
  process.once('SIGINT', shutdown)
} catch (error) {
  log.fatal({ err: error }, 'could not start')
  process.exitCode = 1
}
