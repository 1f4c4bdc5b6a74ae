import { authRouter } from './router/auth.ts'
import { consultationsRouter } from './router/consultations.ts'
import { publicRouter } from './router/public.ts'
import { healthProcedure } from './router/health.ts'
import { consentRouter } from './router/consent.ts'
import { devicesRouter } from './router/devices.ts'
import { kioskRouter } from './router/kiosk.ts'
import { queueRouter } from './router/queue.ts'
import { visitsRouter } from './router/visits.ts'
import { adminRouter } from './router/admin.ts'
import { auditRouter } from './router/audit.ts'
import { candidatesRouter } from './router/candidates.ts'
import { electionsRouter } from './router/elections.ts'
import { officesRouter } from './router/offices.ts'
import { privacyRouter } from './router/privacy.ts'
import { reportsRouter } from './router/reports.ts'
import { requirementsRouter } from './router/requirements.ts'
import { router } from './trpc.ts'

export const appRouter = router({
  health: healthProcedure,
  auth: authRouter,
  consultations: consultationsRouter,
  public: publicRouter,
  kiosk: kioskRouter,
  devices: devicesRouter,
  consent: consentRouter,
  visits: visitsRouter,
  queue: queueRouter,
  elections: electionsRouter,
  candidates: candidatesRouter,
  requirements: requirementsRouter,
  reports: reportsRouter,
  privacy: privacyRouter,
  offices: officesRouter,
  admin: adminRouter,
  audit: auditRouter,
})

/** The only thing the browser apps import from the server side: a type. */
export type AppRouter = typeof appRouter
