// The waiting-room display: a paired device of kind `display` that reads the board, pushed over SSE.
import { displayBoardStream } from './display.ts'
import { displayProcedure, router } from '../shared/trpc.ts'

export const displayRouter = router({
  /** The board now and after every queue move of the display's office (SSE; no names, no audit). */
  board: displayProcedure.subscription(({ ctx, signal }) =>
    displayBoardStream(ctx.db, ctx.device, ctx.deviceToken, signal ?? new AbortController().signal),
  ),
})
