import type { MatrixFragment } from './types.ts'

/** The anonymised publication: anyone, signed in or not. */
export const fragment: MatrixFragment = {
  'public.offices': { audience: 'public' },
  'public.log': { audience: 'public' },
  'public.summary': { audience: 'public' },
  'public.daily': { audience: 'public' },
}
