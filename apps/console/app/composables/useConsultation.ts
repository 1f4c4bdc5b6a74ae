import type { ReferralTeam } from '@mejabantu/domain'
import { useMutation, useQuery, useQueryClient } from '@tanstack/vue-query'
import type { ConsultationDetail } from '~/types/api'

type Api = ReturnType<typeof useApi>
type UpdateInput = Parameters<Api['consultations']['update']['mutate']>[0]

/** One lembar konsultasi and what staff do with it: fix, answer, refer up, close. */
export function useConsultation(id: Ref<string>) {
  const api = useApi()
  const client = useQueryClient()
  const notify = useNotify()
  const key = computed(() => ['consultations.get', id.value])
  const detail = useQuery({ queryKey: key, queryFn: () => api.consultations.get.query({ id: id.value }) })

  const settle = (doneKey: string) => ({
    onSuccess: () => {
      notify.done(doneKey)
      client.invalidateQueries({ queryKey: ['consultations.list'] })
    },
    onError: (error: unknown) => notify.failed(error),
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: key.value }),
        client.invalidateQueries({ queryKey: ['audit.list', id.value] }),
      ]),
  })

  // Optimistic: the status chip moves at once and falls back if the server refuses.
  const optimistic = (status: ConsultationDetail['consultation']['status']) => ({
    onMutate: () => {
      const before = client.getQueryData<ConsultationDetail>(key.value)
      if (before) {
        client.setQueryData<ConsultationDetail>(key.value, {
          ...before,
          consultation: { ...before.consultation, status },
        })
      }
      return { before }
    },
    onError: (_e: unknown, _v: unknown, context: { before?: ConsultationDetail } | undefined) => {
      if (context?.before) client.setQueryData(key.value, context.before)
    },
  })

  const update = useMutation({
    mutationFn: (patch: Omit<UpdateInput, 'id'>) =>
      api.consultations.update.mutate({ ...patch, id: id.value }),
    ...settle('consultation.saved'),
  })
  const answer = useMutation({
    mutationFn: (input: { answer: string; legalBasis?: string | undefined; articleIds?: string[] }) =>
      api.consultations.answer.mutate({ ...input, id: id.value }),
    ...settle('consultation.answered'),
  })
  const refer = useMutation({
    mutationFn: (input: { note: string; team: ReferralTeam }) =>
      api.consultations.refer.mutate({ ...input, id: id.value }),
    ...settle('consultation.referred'),
  })
  const closeSettle = settle('consultation.closed')
  const closeOptimistic = optimistic('selesai')
  const close = useMutation({
    mutationFn: () => api.consultations.close.mutate({ id: id.value }),
    onMutate: closeOptimistic.onMutate,
    onSuccess: closeSettle.onSuccess,
    onError: (error, vars, context) => {
      closeOptimistic.onError(error, vars, context)
      closeSettle.onError(error)
    },
    onSettled: closeSettle.onSettled,
  })
  return { detail, update, answer, refer, close }
}
