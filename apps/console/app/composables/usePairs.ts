import { useQuery } from '@tanstack/vue-query'

/** The office's elections, and the pairs of the one chosen (the first by default). */
export function usePairs(electionId: Ref<string | undefined>) {
  const api = useApi()
  const { officeId } = useOfficeScope()
  const elections = useQuery({
    queryKey: computed(() => ['elections.list', officeId.value]),
    queryFn: () => api.elections.list.query(officeId.value ? { officeId: officeId.value } : {}),
  })
  const chosen = computed(() => electionId.value ?? elections.data.value?.[0]?.id)
  const pairs = useQuery({
    queryKey: computed(() => ['candidates.list', chosen.value]),
    queryFn: () => api.candidates.list.query({ electionId: chosen.value! }),
    enabled: computed(() => !!chosen.value),
  })
  return { elections, chosen, pairs }
}
