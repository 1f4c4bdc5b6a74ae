import { useMutation, useQuery, useQueryClient } from '@tanstack/vue-query'
import { refDebounced } from '@vueuse/core'

type Api = ReturnType<typeof useApi>
/** The list's search and filters, as the procedure takes them. */
export type ArticleListQuery = Exclude<Parameters<Api['knowledge']['list']['query']>[0], void | undefined>
/** An article as the editor saves it (the create procedure's input). */
export type ArticleDraft = Parameters<Api['knowledge']['create']['mutate']>[0]

/** The knowledge base the office reads: its own articles and those of the offices above it. */
export function useArticleList(query: Ref<ArticleListQuery>) {
  const api = useApi()
  return useQuery({
    queryKey: computed(() => ['knowledge.list', query.value]),
    queryFn: () => api.knowledge.list.query(query.value),
    placeholderData: (previous) => previous,
  })
}

/** One article with its history, and what staff do with it: save, archive, restore, copy. */
export function useArticle(id: Ref<string>) {
  const api = useApi()
  const client = useQueryClient()
  const notify = useNotify()
  const key = computed(() => ['knowledge.get', id.value])
  const detail = useQuery({ queryKey: key, queryFn: () => api.knowledge.get.query({ id: id.value }) })
  const settle = (doneKey: string) => ({
    onSuccess: () => {
      notify.done(doneKey)
      client.invalidateQueries({ queryKey: ['knowledge.list'] })
    },
    onError: (error: unknown) => notify.failed(error),
    onSettled: () => client.invalidateQueries({ queryKey: key.value }),
  })
  const update = useMutation({
    mutationFn: (input: Omit<Parameters<Api['knowledge']['update']['mutate']>[0], 'id'>) =>
      api.knowledge.update.mutate({ ...input, id: id.value }),
    ...settle('knowledge.saved'),
  })
  const archive = useMutation({
    mutationFn: () => api.knowledge.archive.mutate({ id: id.value }),
    ...settle('knowledge.archived'),
  })
  const restore = useMutation({
    mutationFn: () => api.knowledge.restore.mutate({ id: id.value }),
    ...settle('knowledge.restored'),
  })
  const copy = useMutation({
    mutationFn: () => api.knowledge.copy.mutate({ id: id.value }),
    ...settle('knowledge.copied'),
    onSuccess: (copied: { id: string }) => {
      notify.done('knowledge.copied')
      client.invalidateQueries({ queryKey: ['knowledge.list'] })
      return navigateTo(`/knowledge/${copied.id}`)
    },
  })
  return { detail, update, archive, restore, copy }
}

/** Writing a new article, or one drafted from an answered referral; both open the saved article. */
export function useNewArticle() {
  const api = useApi()
  const client = useQueryClient()
  const notify = useNotify()
  const opened = (article: { id: string }) => {
    client.invalidateQueries({ queryKey: ['knowledge.list'] })
    return navigateTo(`/knowledge/${article.id}`)
  }
  const create = useMutation({
    mutationFn: (draft: ArticleDraft) => api.knowledge.create.mutate(draft),
    onSuccess: (article) => (notify.done('knowledge.created'), opened(article)),
    onError: (error) => notify.failed(error),
  })
  const promote = useMutation({
    mutationFn: (consultationId: string) => api.knowledge.promote.mutate({ consultationId }),
    onSuccess: (article) => (notify.done('knowledge.promoted'), opened(article)),
    onError: (error) => notify.failed(error),
  })
  return { create, promote }
}

/** Articles that may answer the question on a sheet, best first; none until the question has words. */
export function useArticleSuggestions(question: Ref<string>, topic: Ref<string | undefined>) {
  const api = useApi()
  const typed = refDebounced(question, 300)
  return useQuery({
    queryKey: computed(() => ['knowledge.suggest', typed.value, topic.value]),
    queryFn: () =>
      api.knowledge.suggest.query({
        question: typed.value,
        topic: topic.value as Parameters<Api['knowledge']['suggest']['query']>[0]['topic'],
      }),
    enabled: computed(() => typed.value.trim().length >= 3),
    placeholderData: (previous) => previous,
  })
}
