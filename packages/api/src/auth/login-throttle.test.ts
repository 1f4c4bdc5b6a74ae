import { describe, expect, it } from 'vitest'
import {
  admitAttempt,
  latestLock,
  lockIfExhausted,
  type ThrottlePolicy,
  type ThrottleState,
} from './login-throttle.ts'

const policy: ThrottlePolicy = { limit: 3, windowMs: 10_000, lockoutMs: 60_000 }
const at = (ms: number) => new Date(Date.UTC(2024, 8, 6) + ms)
const fresh: ThrottleState = { failures: 0, windowStartedAt: at(0), lockedUntil: null }

describe('login throttle rules', () => {
  it('admits up to the limit within a window, then refuses and locks', () => {
    let state = fresh
    for (let i = 1; i <= policy.limit; i++) {
      const step = admitAttempt(state, policy, at(i))
      expect(step.admitted).toBe(true)
      state = step.next
    }
    const refused = admitAttempt(state, policy, at(5))
    expect(refused).toEqual({ admitted: false, next: { ...state, lockedUntil: at(5 + policy.lockoutMs) } })
  })

  it('counts afresh once the window has passed', () => {
    const full = { failures: policy.limit, windowStartedAt: at(0), lockedUntil: null }
    expect(admitAttempt(full, policy, at(policy.windowMs))).toEqual({
      admitted: true,
      next: { failures: 1, windowStartedAt: at(policy.windowMs), lockedUntil: null },
    })
  })

  it('refuses while locked and counts afresh once the lock has ended', () => {
    const locked = { failures: policy.limit, windowStartedAt: at(0), lockedUntil: at(60_000) }
    expect(admitAttempt(locked, policy, at(59_999))).toEqual({ admitted: false, next: locked })
    expect(admitAttempt(locked, policy, at(60_000)).next).toEqual({
      failures: 1,
      windowStartedAt: at(60_000),
      lockedUntil: null,
    })
  })

  it('locks on the failure that uses up the limit, and not before', () => {
    const twice = { failures: 2, windowStartedAt: at(0), lockedUntil: null }
    expect(lockIfExhausted(twice, policy, at(1))).toBe(twice)
    expect(lockIfExhausted({ ...twice, failures: 3 }, policy, at(1)).lockedUntil).toEqual(at(60_001))
  })

  it('reports the latest lock still in force', () => {
    const states = [
      { ...fresh, lockedUntil: at(5) },
      { ...fresh, lockedUntil: at(9) },
      { ...fresh, lockedUntil: null },
    ]
    expect(latestLock(states, at(1))).toEqual(at(9))
    expect(latestLock(states, at(9))).toBeNull()
  })
})
