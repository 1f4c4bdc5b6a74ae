import { topicLabel, topicOptions, type CatalogTopic, type Locale } from '@mejabantu/domain'
import { useQuery } from '@tanstack/vue-query'

/**
 * The topics the office reads (national, its superiors', its own), as every screen that names a topic
 * shows them: labels in the chosen language, the active ones offered with their sub-topics. A code the
 * catalogue no longer lists reads as stored.
 */
export function useTopics() {
  const api = useApi()
  const { locale } = useI18n()
  const loc = computed(() => locale.value as Locale)
  const query = useQuery({
    queryKey: ['topics.list', true],
    queryFn: () => api.topics.list.query({ includeArchived: true }),
    staleTime: 5 * 60_000,
  })
  const catalog = computed<CatalogTopic[]>(() => query.data.value ?? [])
  const options = computed(() => topicOptions(catalog.value, loc.value))
  return {
    query,
    catalog,
    options,
    label: (code: string | null | undefined) => (code ? topicLabel(catalog.value, code, loc.value) : ''),
    subOptions: (code: string | null | undefined) =>
      options.value.find((o) => o.value === code)?.subTopics ?? [],
  }
}
