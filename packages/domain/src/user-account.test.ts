import { describe, expect, it } from 'vitest'
import { checkAccountChange, UserInputSchema, type AccountChangeContext } from './user-account.ts'

const admin = (overrides: Partial<AccountChangeContext['target']> = {}) => ({
  id: 'target',
  role: 'admin' as const,
  active: true,
  ...overrides,
})
const rule = (ctx: AccountChangeContext, change: Parameters<typeof checkAccountChange>[1]) => {
  const result = checkAccountChange(ctx, change)
  return result.ok ? 'ok' : result.violation.rule
}

describe('new accounts', () => {
  it('lower-cases the username and refuses characters a sign-in could not type', () => {
    const input = { username: ' Petugas.Bantul ', displayName: 'Rina', role: 'petugas' }
    expect(UserInputSchema.parse(input).username).toBe('petugas.bantul')
    expect(UserInputSchema.safeParse({ ...input, username: 'admin\u0000' }).success).toBe(false)
    expect(UserInputSchema.safeParse({ ...input, username: 'a b' }).success).toBe(false)
  })
})

describe('account changes', () => {
  const two = { actorId: 'me', target: admin(), activeAdmins: 2 }
  const last = { actorId: 'me', target: admin(), activeAdmins: 1 }

  it('keeps at least one active admin in the office', () => {
    expect(rule(last, { kind: 'setRole', role: 'petugas' })).toBe('user.lastAdmin')
    expect(rule(last, { kind: 'deactivate' })).toBe('user.lastAdmin')
    expect(rule(last, { kind: 'setRole', role: 'admin' })).toBe('ok')
    expect(rule(last, { kind: 'resetPassword' })).toBe('ok')
    expect(rule(two, { kind: 'setRole', role: 'pimpinan' })).toBe('ok')
    expect(rule(two, { kind: 'deactivate' })).toBe('ok')
  })

  it('lets nobody deactivate or reset their own account, but they may change their own role', () => {
    const self = { ...two, actorId: 'target' }
    expect(rule(self, { kind: 'deactivate' })).toBe('user.self')
    expect(rule(self, { kind: 'resetPassword' })).toBe('user.self')
    expect(rule(self, { kind: 'setRole', role: 'petugas' })).toBe('ok')
    expect(rule({ ...self, activeAdmins: 1 }, { kind: 'setRole', role: 'petugas' })).toBe('user.lastAdmin')
  })

  it('only reactivates deactivated accounts, and changes nothing else on them', () => {
    const inactive = { actorId: 'me', target: admin({ role: 'petugas', active: false }), activeAdmins: 1 }
    expect(rule(inactive, { kind: 'reactivate' })).toBe('ok')
    expect(rule(inactive, { kind: 'resetPassword' })).toBe('user.inactive')
    expect(rule(inactive, { kind: 'setRole', role: 'admin' })).toBe('user.inactive')
    expect(rule(inactive, { kind: 'deactivate' })).toBe('user.inactive')
    expect(rule(two, { kind: 'reactivate' })).toBe('user.active')
  })
})
