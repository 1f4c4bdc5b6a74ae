import {
  IssuedAccountSchema,
  OfficeInputSchema,
  OfficeRecordSchema,
  OfficeSettingsUpdateSchema,
  Role,
  UserAccountSchema,
  UserInputSchema,
} from '@mejabantu/domain'
import { z } from 'zod'
import { acting } from './acting.ts'
import { createOffice, listOffices, updateOffice } from './offices.ts'
import { createUser, deactivateUser, listUsers, reactivateUser, resetPassword, setRole } from './users.ts'
import { permittedProcedure, router } from '../shared/trpc.ts'

const manage = permittedProcedure('admin.manage')
const userRef = z.object({ userId: z.uuid() })

const officesRouter = router({
  list: manage.output(z.array(OfficeRecordSchema)).query(({ ctx }) => listOffices(acting(ctx))),

  create: manage
    .input(OfficeInputSchema)
    .output(OfficeRecordSchema)
    .mutation(({ ctx, input }) => createOffice(acting(ctx), input)),

  update: manage
    .input(OfficeSettingsUpdateSchema)
    .output(OfficeRecordSchema)
    .mutation(({ ctx, input }) => updateOffice(acting(ctx), input)),
})

const usersRouter = router({
  list: manage
    .input(z.strictObject({ officeId: z.uuid().optional() }).optional())
    .output(z.array(UserAccountSchema))
    .query(({ ctx, input }) => listUsers(acting(ctx), input?.officeId)),

  create: manage
    .input(UserInputSchema)
    .output(IssuedAccountSchema)
    .mutation(({ ctx, input }) => createUser(acting(ctx), input)),

  setRole: manage
    .input(userRef.extend({ role: Role.schema }))
    .output(UserAccountSchema)
    .mutation(({ ctx, input }) => setRole(acting(ctx), input.userId, input.role)),

  deactivate: manage
    .input(userRef)
    .output(UserAccountSchema)
    .mutation(({ ctx, input }) => deactivateUser(acting(ctx), input.userId)),

  reactivate: manage
    .input(userRef)
    .output(IssuedAccountSchema)
    .mutation(({ ctx, input }) => reactivateUser(acting(ctx), input.userId)),

  resetPassword: manage
    .input(userRef)
    .output(IssuedAccountSchema)
    .mutation(({ ctx, input }) => resetPassword(acting(ctx), input.userId)),
})

/** Offices and console accounts: the admin's own office and the offices below it. */
export const adminRouter = router({ offices: officesRouter, users: usersRouter })
