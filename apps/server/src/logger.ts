import pino from 'pino'

export type Logger = pino.Logger

/** JSON lines on stdout: one logger for the whole process. */
export function createLogger(level: pino.LevelWithSilent): Logger {
  return pino({ level, base: { service: 'mejabantu-server' } })
}
