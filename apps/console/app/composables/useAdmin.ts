import { useMutation, useQueryClient } from '@tanstack/vue-query'

/**
 * An admin change: tells the user how it went and refreshes the lists it touches. Admin screens are not
 * optimistic: a refused change (the last admin of an office, a sibling office) must not look done.
 */
export function useAdminMutation<I, O>(fn: (input: I) => Promise<O>, touches: string[], doneKey: string) {
  const client = useQueryClient()
  const notify = useNotify()
  return useMutation({
    mutationFn: fn,
    onSuccess: () => notify.done(doneKey),
    onError: (error) => notify.failed(error),
    onSettled: () => Promise.all(touches.map((key) => client.invalidateQueries({ queryKey: [key] }))),
  })
}
