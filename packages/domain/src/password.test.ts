import { describe, expect, it } from 'vitest'
import { checkNewPassword } from './password.ts'

const change = (newPassword: string, username = 'petugas1', currentPassword = 'old-password-1') =>
  checkNewPassword({ username, currentPassword, newPassword })

describe('new password policy', () => {
  it('accepts ten characters or more, counting characters rather than bytes', () => {
    expect(change('0123456789')).toEqual({ ok: true, value: '0123456789' })
    expect(change('kata sandi')).toMatchObject({ ok: true })
    expect(change('ÿÿÿÿÿÿÿÿÿ').ok).toBe(false)
  })

  it('refuses a short password, naming the minimum in both languages', () => {
    expect(change('123456789')).toEqual({
      ok: false,
      violation: {
        rule: 'password.too_short',
        params: { min: '10' },
        message: {
          id: 'Kata sandi baru minimal 10 karakter.',
          en: 'The new password must have at least 10 characters.',
        },
      },
    })
  })

  it('refuses the username in any case or padding', () => {
    expect(change(' Petugas-Bantul ', 'petugas-bantul')).toMatchObject({
      ok: false,
      violation: { rule: 'password.equals_username' },
    })
  })

  it('refuses the current password again', () => {
    expect(change('old-password-1')).toMatchObject({ ok: false, violation: { rule: 'password.unchanged' } })
  })
})
