import { useQuery } from '@tanstack/vue-query'

type Api = ReturnType<typeof useApi>
/** A topic as the admin screen lists it. */
export type TopicRow = Awaited<ReturnType<Api['topics']['list']['query']>>[number]
/** What the add form sends. */
export type TopicDraft = Parameters<Api['topics']['create']['mutate']>[0]
/** What the edit dialog sends. */
export type TopicPatch = Parameters<Api['topics']['update']['mutate']>[0]

/**
 * The admin's topic screen: every topic the office reads, archived ones included, in the catalogue's order
 * with each topic's sub-topics after it, and the changes an admin makes to those the office owns.
 */
export function useTopicAdmin() {
  const api = useApi()
  const list = useQuery({
    queryKey: ['topics.list', true],
    queryFn: () => api.topics.list.query({ includeArchived: true }),
  })
  const rows = computed(() => {
    const all = list.data.value ?? []
    return all
      .filter((t) => t.parentCode === null)
      .flatMap((topic) => [topic, ...all.filter((s) => s.parentCode === topic.code)])
  })
  const touches = ['topics.list']
  return {
    list,
    rows,
    create: useAdminMutation(
      (input: TopicDraft) => api.topics.create.mutate(input),
      touches,
      'topics.created',
    ),
    update: useAdminMutation((input: TopicPatch) => api.topics.update.mutate(input), touches, 'topics.saved'),
    archive: useAdminMutation(
      (code: string) => api.topics.archive.mutate({ code }),
      touches,
      'topics.archivedDone',
    ),
    restore: useAdminMutation(
      (code: string) => api.topics.restore.mutate({ code }),
      touches,
      'topics.restored',
    ),
  }
}
