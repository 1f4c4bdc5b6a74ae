import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CONFIG_VARIABLES, readConfig } from '../src/config.ts'

describe('the environment, read once at start', () => {
  it('reaches the server through `npm start`: turbo passes every variable the config reads', () => {
    const turbo = JSON.parse(readFileSync(new URL('../../../turbo.json', import.meta.url), 'utf8')) as {
      tasks: { start: { env: string[] } }
    }
    const passed = turbo.tasks.start.env.map((pattern) => new RegExp(`^${pattern.replace('*', '.*')}$`))
    expect(CONFIG_VARIABLES.filter((name) => !passed.some((p) => p.test(name)))).toEqual([])
  })

  it('takes the mail secret key as 32 bytes of base64 or hex, and leaves it unset when not given', () => {
    const key = randomBytes(32)
    expect(readConfig({ MAIL_SECRET_KEY: key.toString('base64') }).mailSecretKey).toEqual(key)
    expect(readConfig({ MAIL_SECRET_KEY: key.toString('hex') }).mailSecretKey).toEqual(key)
    expect(readConfig({}).mailSecretKey).toBeNull()
    expect(readConfig({}).messagingIntervalMinutes).toBe(1)
  })

  it('stops the start on a key of the wrong length, naming the variable but not the value', () => {
    const short = randomBytes(16).toString('base64')
    expect(() => readConfig({ MAIL_SECRET_KEY: short })).toThrow(/MAIL_SECRET_KEY/)
    expect(() => readConfig({ MAIL_SECRET_KEY: short })).not.toThrow(new RegExp(short.replace(/[+/=]/g, '.')))
    expect(() => readConfig({ MESSAGING_INTERVAL_MINUTES: '-1' })).toThrow(/MESSAGING_INTERVAL_MINUTES/)
  })

  it('takes PUBLIC_URL as an http(s) address without its trailing slash, and leaves it unset when not given', () => {
    expect(readConfig({ PUBLIC_URL: 'https://helpdesk.kpu-bantul.go.id/' }).publicUrl).toBe(
      'https://helpdesk.kpu-bantul.go.id',
    )
    expect(readConfig({ PUBLIC_URL: 'http://10.0.0.5:3000' }).publicUrl).toBe('http://10.0.0.5:3000')
    expect(readConfig({}).publicUrl).toBeNull()
    for (const bad of ['helpdesk.kpu-bantul.go.id', 'ftp://kpu.go.id', 'https://kpu.go.id/?a=1'])
      expect(() => readConfig({ PUBLIC_URL: bad }), bad).toThrow(/PUBLIC_URL/)
  })
})
