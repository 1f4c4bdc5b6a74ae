import { DeviceKindSchema, KioskDeviceSchema } from '@mejabantu/domain'
import { z } from 'zod'
import { createDevice, CreatedDeviceSchema, DeviceViewSchema, listDevices, revokeDevice } from './devices.ts'
import { actorOf } from '../shared/actor.ts'
import { permittedProcedure, router } from '../shared/trpc.ts'

const admin = permittedProcedure('admin.manage')

export const devicesRouter = router({
  create: admin
    .input(
      KioskDeviceSchema.pick({ name: true })
        .extend({ kind: DeviceKindSchema.default('kiosk') })
        .strict(),
    )
    .output(CreatedDeviceSchema)
    .mutation(({ ctx, input }) => createDevice(ctx.db, ctx.scope, input, actorOf(ctx))),

  list: admin
    .input(z.strictObject({ officeId: z.uuid().optional() }).default({}))
    .output(z.array(DeviceViewSchema))
    .query(({ ctx, input }) => listDevices(ctx.db, ctx.scope, input.officeId)),

  revoke: admin
    .input(z.strictObject({ id: z.uuid() }))
    .output(DeviceViewSchema)
    .mutation(({ ctx, input }) => revokeDevice(ctx.db, ctx.scope, input.id, actorOf(ctx))),
})
