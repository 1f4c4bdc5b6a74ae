import type { CheckStatus, HandoverInput, ResearchStep } from '@mejabantu/domain'
import { useMutation, useQuery, useQueryClient } from '@tanstack/vue-query'
import type { DossierView } from '~/types/api'

/** A pair's dossier, and the research steps and handovers recorded on it. */
export function useDossier(pairId: Ref<string>) {
  const api = useApi()
  const client = useQueryClient()
  const notify = useNotify()
  const key = computed(() => ['candidates.dossier', pairId.value])
  const dossier = useQuery({
    queryKey: key,
    queryFn: () => api.candidates.dossier.query({ pairId: pairId.value }),
  })
  const refresh = () => {
    client.invalidateQueries({ queryKey: key.value })
    client.invalidateQueries({ queryKey: ['candidates.list'] })
    client.invalidateQueries({ queryKey: ['candidates.deadlines'] })
  }

  // Optimistic: the chip shows the new status at once; the server's answer (or refusal) settles it.
  const record = useMutation({
    mutationFn: (step: ResearchStep & { checkId: string; from: CheckStatus }) =>
      api.requirements.record.mutate(step),
    onMutate: (step) => {
      const before = client.getQueryData<DossierView>(key.value)
      if (before) client.setQueryData<DossierView>(key.value, withStatus(before, step.checkId, step.to))
      return { before }
    },
    onSuccess: () => notify.done('pairs.recorded'),
    onError: (error, _step, context) => {
      if (context?.before) client.setQueryData(key.value, context.before)
      notify.failed(error)
    },
    onSettled: refresh,
  })
  const handover = useMutation({
    mutationFn: (input: HandoverInput) => api.requirements.handover.mutate(input),
    onSuccess: () => notify.done('pairs.handoverRecorded'),
    onError: (error) => notify.failed(error),
    onSettled: refresh,
  })
  return { dossier, record, handover }
}

function withStatus(dossier: DossierView, checkId: string, status: CheckStatus): DossierView {
  const move = (list: DossierView['groups']['syarat_calon']) =>
    list.map((check) => (check.id === checkId ? { ...check, status } : check))
  return {
    ...dossier,
    groups: {
      syarat_calon: move(dossier.groups.syarat_calon),
      syarat_pencalonan: move(dossier.groups.syarat_pencalonan),
    },
  }
}
