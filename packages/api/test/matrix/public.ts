import type { MatrixFragment } from './types.ts'

/** The anonymised publication: anyone, signed in or not. */
export const fragment: MatrixFragment = {
  'public.offices': { audience: 'public' },
  'public.log': { audience: 'public' },
  'public.summary': { audience: 'public' },
  'public.daily': { audience: 'public' },
  // The closing message's rating link: its token is the only key, so no office's records are reachable.
  'public.ratingForm': { audience: 'public' },
  'public.rate': { audience: 'public' },
  'public.faq': { audience: 'public' },
}
