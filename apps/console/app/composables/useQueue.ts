import { useMutation, useQuery, useQueryClient } from '@tanstack/vue-query'

/** Today's guest book and the desk's queue moves; refreshed every few seconds and after each move. */
export function useQueue() {
  const api = useApi()
  const client = useQueryClient()
  const notify = useNotify()
  const { officeId } = useOfficeScope()
  const today = useQuery({
    queryKey: computed(() => ['visits.today', officeId.value]),
    queryFn: () => api.visits.today.query(officeId.value ? { officeId: officeId.value } : {}),
    refetchInterval: 5_000,
  })
  const after = {
    // Serving opens a sheet, so the consultation lists move too.
    onSuccess: () =>
      Promise.all(
        ['visits.today', 'visits.inBuilding', 'consultations.list'].map((key) =>
          client.invalidateQueries({ queryKey: [key] }),
        ),
      ),
    onError: (error: unknown) => notify.failed(error),
  }
  const callNext = useMutation({ mutationFn: () => api.queue.callNext.mutate(), ...after })
  const recall = useMutation({
    mutationFn: (visitId: string) => api.queue.recall.mutate({ visitId }),
    ...after,
  })
  const noShow = useMutation({
    mutationFn: (visitId: string) => api.queue.noShow.mutate({ visitId }),
    ...after,
  })
  const requeue = useMutation({
    mutationFn: (visitId: string) => api.queue.requeue.mutate({ visitId }),
    ...after,
  })
  const checkOut = useMutation({
    mutationFn: (visitId: string) => api.queue.checkOut.mutate({ visitId }),
    ...after,
  })
  const serve = useMutation({
    mutationFn: (visitId: string) => api.queue.serve.mutate({ visitId }),
    ...after,
  })
  return { today, callNext, recall, noShow, requeue, checkOut, serve }
}
