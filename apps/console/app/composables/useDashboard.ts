import { useQuery } from '@tanstack/vue-query'
import { ConsultationStatus } from '@mejabantu/domain'

/** The dashboard's figures: today's guest book, open sheets by status, referrals, deadlines, 14 days. */
export function useDashboard() {
  const api = useApi()
  const { can } = useSession()
  const today = useQuery({
    queryKey: ['visits.today'],
    queryFn: () => api.visits.today.query({}),
    refetchInterval: 10_000,
  })
  const byStatus = useQuery({
    queryKey: ['consultations.list', 'byStatus'],
    queryFn: async () => {
      const totals = await Promise.all(
        ConsultationStatus.values.map((status) => api.consultations.list.query({ status, pageSize: 1 })),
      )
      return Object.fromEntries(ConsultationStatus.values.map((s, i) => [s, totals[i]!.total])) as Record<
        ConsultationStatus,
        number
      >
    },
  })
  const inbox = useQuery({
    queryKey: ['consultations.list', 'inbox'],
    queryFn: () => api.consultations.inbox.query({ pageSize: 1 }),
  })
  const deadlines = useQuery({
    queryKey: ['candidates.deadlines'],
    queryFn: () => api.candidates.deadlines.query({ hours: 72 }),
    enabled: can('office.read'),
  })
  const recent = useQuery({
    queryKey: ['consultations.list', 'recent'],
    queryFn: () =>
      consultationsSince(api, new Date(Date.now() - 13 * 86_400_000).toLocaleDateString('sv-SE')),
  })
  return { today, byStatus, inbox, deadlines, recent }
}

/** Every consultation since a date, a page of 100 at a time (at most 1000: enough for a fortnight's chart). */
async function consultationsSince(api: ReturnType<typeof useApi>, from: string) {
  const first = await api.consultations.list.query({ from, pageSize: 100 })
  const pages = Math.min(10, Math.ceil(first.total / 100))
  const rest = await Promise.all(
    Array.from({ length: pages - 1 }, (_, i) =>
      api.consultations.list.query({ from, pageSize: 100, page: i + 2 }),
    ),
  )
  return [first, ...rest].flatMap((page) => page.items)
}
