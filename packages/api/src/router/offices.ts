import { OfficeRecordSchema } from '@mejabantu/domain'
import { z } from 'zod'
import { acting } from '../services/offices-acting.ts'
import { listOffices } from '../services/offices.ts'
import { permittedProcedure, router } from '../trpc.ts'

/** The offices a user reads: their own and, with `rollup.read`, every office below it (to switch between). */
export const officesRouter = router({
  readable: permittedProcedure('office.read')
    .output(z.array(OfficeRecordSchema))
    .query(({ ctx }) => listOffices(acting(ctx))),
})
