import { authRouter } from './auth/router.ts'
import { consultationsRouter } from './consultations/router.ts'
import { publicRouter } from './publication/router.ts'
import { healthProcedure } from './health/router.ts'
import { consentRouter } from './kiosk/consent-router.ts'
import { devicesRouter } from './kiosk/devices-router.ts'
import { displayRouter } from './kiosk/display-router.ts'
import { kioskRouter } from './kiosk/router.ts'
import { queueRouter } from './visits/queue-router.ts'
import { visitsRouter } from './visits/router.ts'
import { adminRouter } from './offices/admin-router.ts'
import { auditRouter } from './audit/router.ts'
import { candidatesRouter } from './candidates/router.ts'
import { electionsRouter } from './candidates/elections-router.ts'
import { officesRouter } from './offices/router.ts'
import { privacyRouter } from './privacy/router.ts'
import { reportsRouter } from './reports/router.ts'
import { requirementsRouter } from './candidates/requirements-router.ts'
import { messagingRouter } from './messaging/router.ts'
import { knowledgeRouter } from './knowledge/router.ts'
import { topicsRouter } from './topics/router.ts'
import { appointmentsRouter } from './appointments/router.ts'
import { router } from './shared/trpc.ts'

export const appRouter = router({
  health: healthProcedure,
  auth: authRouter,
  consultations: consultationsRouter,
  public: publicRouter,
  kiosk: kioskRouter,
  devices: devicesRouter,
  display: displayRouter,
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
  messaging: messagingRouter,
  knowledge: knowledgeRouter,
  topics: topicsRouter,
  appointments: appointmentsRouter,
})

/** The only thing the browser apps import from the server side: a type. */
export type AppRouter = typeof appRouter
