// The office tree and its accounts: provisioning from the top office, offices below, settings,
// staff users and their roles, and the first run of a fresh install.
import { OfficeRecordSchema } from '@mejabantu/domain'
import { z } from 'zod'
import { acting } from './acting.ts'
import { listOffices } from './offices.ts'
import { permittedProcedure, router } from '../shared/trpc.ts'

/** The offices a user reads: their own and, with `rollup.read`, every office below it (to switch between). */
export const officesRouter = router({
  readable: permittedProcedure('office.read')
    .output(z.array(OfficeRecordSchema))
    .query(({ ctx }) => listOffices(acting(ctx))),
})
