import { childLevelOf, type OfficeRecord } from '@mejabantu/domain'
import { useQuery } from '@tanstack/vue-query'

/**
 * The admin's part of the office tree: their own office, the offices below it, and those a new office
 * may go under (every one but a Kab/Kota). The server decides what is in reach; this only arranges it.
 */
export function useOfficeTree() {
  const api = useApi()
  const { session } = useSession()
  const offices = useQuery({
    queryKey: ['admin.offices.list'],
    queryFn: () => api.admin.offices.list.query(),
  })
  const all = computed<OfficeRecord[]>(() => offices.data.value ?? [])
  const own = computed(() => all.value.find((o) => o.id === session.value?.office.id))
  const below = computed(() => all.value.filter((o) => o.id !== session.value?.office.id))
  const parents = computed(() => all.value.filter((o) => childLevelOf(o.level) !== null))
  const byId = computed(() => new Map(all.value.map((o) => [o.id, o])))
  /** An office as a select shows it: name and Kemendagri code, since names repeat across provinces. */
  const label = (office: OfficeRecord) => `${office.name} (${office.regionCode})`
  const items = computed(() => all.value.map((o) => ({ value: o.id, label: label(o) })))
  return { offices, all, own, below, parents, byId, label, items }
}
