import { ConsultationStatus } from '@mejabantu/domain'
import { useQuery, type QueryClient } from '@tanstack/vue-query'

type Api = ReturnType<typeof useApi>

/**
 * The dashboard's queries, keyed by office: today's guest book, open sheets by status, referrals waiting,
 * fix deadlines closing within 72 hours and the last 14 days of consultations.
 */
function dashboardQueries(api: Api, officeId: string | undefined) {
  const office = officeId ? { officeId } : {}
  return {
    today: { queryKey: ['visits.today', officeId], queryFn: () => api.visits.today.query(office) },
    byStatus: {
      queryKey: ['consultations.list', 'byStatus', officeId],
      queryFn: async () => {
        const totals = await Promise.all(
          ConsultationStatus.values.map((status) =>
            api.consultations.list.query({ ...office, status, pageSize: 1 }),
          ),
        )
        return Object.fromEntries(ConsultationStatus.values.map((s, i) => [s, totals[i]!.total])) as Record<
          ConsultationStatus,
          number
        >
      },
    },
    inbox: {
      queryKey: ['consultations.list', 'inbox', officeId],
      queryFn: () => api.consultations.inbox.query({ ...office, pageSize: 1 }),
    },
    deadlines: {
      queryKey: ['candidates.deadlines', officeId],
      queryFn: () => api.candidates.deadlines.query({ ...office, hours: 72 }),
    },
    recent: {
      queryKey: ['consultations.list', 'recent', officeId],
      // From 14 UTC days back: the office's last 14 days, whichever zone it is in (all ahead of UTC).
      queryFn: () =>
        consultationsSince(api, office, new Date(Date.now() - 14 * 86_400_000).toISOString().slice(0, 10)),
    },
  }
}

/**
 * Starts the dashboard's calls while the page itself is still loading, so the figures arrive with it; the
 * page's own queries then find them in the cache.
 */
export function prefetchDashboard(client: QueryClient, api: Api, officeId: string | undefined) {
  const { recent: _chartComesLater, ...figures } = dashboardQueries(api, officeId)
  for (const query of Object.values(figures)) {
    void client.prefetchQuery(query as Parameters<QueryClient['prefetchQuery']>[0])
  }
}

/** The dashboard's figures for the office in scope, refreshed every few seconds. */
export function useDashboard() {
  const api = useApi()
  const { officeId } = useOfficeScope()
  const queries = computed(() => dashboardQueries(api, officeId.value))
  const refetchInterval = 10_000
  const today = useQuery(computed(() => ({ ...queries.value.today, refetchInterval })))
  return {
    today,
    byStatus: useQuery(computed(() => ({ ...queries.value.byStatus, refetchInterval }))),
    inbox: useQuery(computed(() => queries.value.inbox)),
    deadlines: useQuery(computed(() => queries.value.deadlines)),
    // The fortnight for the chart is the heaviest call; asked once the figures are in, it does not hold
    // up their batch.
    recent: useQuery(computed(() => ({ ...queries.value.recent, enabled: today.isSuccess.value }))),
  }
}

/** Every consultation since a date, a page of 100 at a time (at most 1000: enough for a fortnight's chart). */
async function consultationsSince(api: Api, office: { officeId?: string }, from: string) {
  const first = await api.consultations.list.query({ ...office, from, pageSize: 100 })
  const pages = Math.min(10, Math.ceil(first.total / 100))
  const rest = await Promise.all(
    Array.from({ length: pages - 1 }, (_, i) =>
      api.consultations.list.query({ ...office, from, pageSize: 100, page: i + 2 }),
    ),
  )
  return [first, ...rest].flatMap((page) => page.items)
}
