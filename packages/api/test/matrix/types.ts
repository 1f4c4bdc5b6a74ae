import type { Permission, Role } from '@mejabantu/domain'
import type { Browser } from '../support/browser.ts'

/**
 * Who may call a procedure: anyone, a paired kiosk, a paired display, any signed-in user, or users holding
 * a permission.
 */
export type Audience = 'public' | 'kiosk' | 'display' | 'session' | Permission

/** The offices of the matrix: two sibling Kab/Kota under one Provinsi under KPU RI. */
export type MatrixOffice = 'own' | 'other' | 'province' | 'national'

/** A seeded world for authorisation checks; see authorization-matrix.test.ts. */
export interface MatrixWorld {
  officeId: Record<MatrixOffice, string>
  /** A browser signed in as a user of that role in that office (password already changed). */
  as(office: MatrixOffice, role: Role): Promise<Browser>
  /** A browser signed in as a new user of that role in that office, for calls that end the session. */
  fresh(office: MatrixOffice, role: Role): Promise<Browser>
  /** A kiosk paired to that office: a browser sending its device token. */
  kiosk(office: MatrixOffice): Promise<Browser>
}

/** How a procedure is guarded, and how to aim it at another office's record. */
export interface MatrixEntry {
  audience: Audience
  /** Calling it ends the caller's session (sign-out), so each call gets a fresh one. */
  endsSession?: boolean
  /**
   * Builds an input that targets a record of `other` (create it through the API as a user of `other`),
   * which a user of `own` holding the permission must not reach: expect FORBIDDEN or NOT_FOUND.
   */
  crossOffice?: (world: MatrixWorld) => Promise<{ input: unknown; expect: 'FORBIDDEN' | 'NOT_FOUND' }>
}

/** Entries for one router area, keyed by procedure path (e.g. `visits.callNext`). */
export type MatrixFragment = Record<string, MatrixEntry>
