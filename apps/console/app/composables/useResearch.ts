import type { PairDecision, Replacement, SubmissionChannel, ThresholdBasis } from '@mejabantu/domain'
import { useMutation, useQueryClient } from '@tanstack/vue-query'

/** Decisions, hand-ins, replacements and documents of one pair's research; each refreshes the dossier. */
export function useResearch(pairId: Ref<string>) {
  const api = useApi()
  const client = useQueryClient()
  const notify = useNotify()
  const { locale } = useI18n()
  const refresh = () => {
    client.invalidateQueries({ queryKey: ['candidates.dossier', pairId.value] })
    client.invalidateQueries({ queryKey: ['candidates.list'] })
    client.invalidateQueries({ queryKey: ['candidates.deadlines'] })
  }
  // One toast key per action; a refusal shows the server's translated message.
  const action = <I, O>(run: (input: I) => Promise<O>, done: string) =>
    useMutation({
      mutationFn: run,
      onSuccess: () => notify.done(done),
      onError: (error) => notify.failed(error),
      onSettled: refresh,
    })
  const decide = action(
    (d: Omit<PairDecision, 'pairId'>) => api.candidates.decide.mutate({ ...d, pairId: pairId.value }),
    'research.decided',
  )
  const submit = action(
    (input: { checkIds: string[]; receivedAt: Date; channel: SubmissionChannel }) =>
      api.requirements.submit.mutate({ ...input, pairId: pairId.value }),
    'research.submitted',
  )
  const closeFixWindow = action(
    () => api.requirements.closeFixWindow.mutate({ pairId: pairId.value, reason: null }),
    'research.windowClosed',
  )
  const replace = action(
    (r: Omit<Replacement, 'pairId'>) =>
      api.candidates.replaceCandidate.mutate({ ...r, pairId: pairId.value }),
    'research.replaced',
  )
  const sign = action(
    (handoverId: string) => api.requirements.signHandover.mutate({ handoverId }),
    'research.signed',
  )
  const thresholdBasis = action(
    (input: { electionId: string; basis: ThresholdBasis }) => api.elections.thresholdBasis.mutate(input),
    'research.thresholdSaved',
  )
  const support = action(
    (s: { votes: number; seats: number | null }) =>
      api.candidates.update.mutate({ pairId: pairId.value, support: s }),
    'research.thresholdSaved',
  )
  const download = useMutation({
    mutationFn: (doc: { kind: 'beritaAcara' | 'tandaTerima'; id: string }) =>
      api.candidates.document.query({ ...doc, locale: locale.value === 'en' ? 'en' : 'id' }),
    onSuccess: downloadBase64File,
    onError: (error) => notify.failed(error),
  })
  return { decide, submit, closeFixWindow, replace, sign, thresholdBasis, support, download }
}
