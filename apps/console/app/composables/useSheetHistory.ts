import { useQuery } from '@tanstack/vue-query'
import type { ConsultationDetail } from '~/types/api'

export type HistoryEntry = ConsultationDetail['history'][number]

/**
 * A sheet's history of changes. Roles that read the audit trail (pimpinan, pengawas, admin) get it from
 * `audit.list` for this sheet; others see the history the sheet itself carries.
 */
export function useSheetHistory(id: Ref<string>, carried: Ref<HistoryEntry[] | undefined>) {
  const api = useApi()
  const { can } = useSession()
  const audited = can('audit.read')
  const trail = useQuery({
    queryKey: computed(() => ['audit.list', id.value]),
    queryFn: () => api.audit.list.query({ targetId: id.value, pageSize: 100 }),
    enabled: audited,
  })
  return computed<HistoryEntry[]>(() => {
    if (!audited) return carried.value ?? []
    return (trail.data.value?.items ?? [])
      .map((e) => ({
        action: e.action,
        occurredAt: e.occurredAt,
        actor: e.actor ? { id: e.actor.id, displayName: e.actor.displayName } : null,
        before: (e.before ?? null) as HistoryEntry['before'],
        after: (e.after ?? null) as HistoryEntry['after'],
      }))
      .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime())
  })
}
