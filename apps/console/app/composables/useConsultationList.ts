import { keepPreviousData, useQuery } from '@tanstack/vue-query'
import type { Channel, ConsultationStatus, StakeholderCategory } from '@mejabantu/domain'

export interface ConsultationFilters {
  channel?: Channel | undefined
  topic?: string | undefined
  stakeholderCategory?: StakeholderCategory | undefined
  status?: ConsultationStatus | undefined
  from?: string | undefined
  to?: string | undefined
  staffId?: string | undefined
  candidatePairId?: string | undefined
  q?: string | undefined
  tag?: string | undefined
  /** Merged duplicates: hidden unless asked for (the server's default). */
  merged?: 'include' | 'only' | undefined
}

/** A page of the consultation list with its filters and search; the previous page stays while loading. */
export function useConsultationList(
  filters: Readonly<Ref<ConsultationFilters>>,
  page: Readonly<Ref<number>>,
  pageSize = 20,
) {
  const api = useApi()
  const { officeId } = useOfficeScope()
  return useQuery({
    queryKey: computed(() => ['consultations.list', officeId.value, filters.value, page.value]),
    queryFn: () => {
      const clean = Object.fromEntries(
        Object.entries(filters.value).filter(([, v]) => v !== undefined && v !== ''),
      )
      const office = officeId.value ? { officeId: officeId.value } : {}
      return api.consultations.list.query({ ...office, ...clean, page: page.value, pageSize })
    },
    placeholderData: keepPreviousData,
  })
}
