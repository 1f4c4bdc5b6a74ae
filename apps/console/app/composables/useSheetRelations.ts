import { useMutation, useQuery, useQueryClient } from '@tanstack/vue-query'
import { refDebounced } from '@vueuse/core'
import type { ConsultationDetail } from '~/types/api'

/**
 * What staff do to a sheet's relations: label it, merge it into the sheet it duplicates, link and unlink
 * related sheets. Each refreshes the sheets it touches, the list and the sheet's history.
 */
export function useSheetRelations(id: Ref<string>) {
  const api = useApi()
  const client = useQueryClient()
  const notify = useNotify()
  const key = computed(() => ['consultations.get', id.value])
  const refresh = (...others: string[]) =>
    Promise.all([
      client.invalidateQueries({ queryKey: key.value }),
      client.invalidateQueries({ queryKey: ['audit.list', id.value] }),
      client.invalidateQueries({ queryKey: ['consultations.list'] }),
      client.invalidateQueries({ queryKey: ['consultations.tags'] }),
      ...others.map((other) => client.invalidateQueries({ queryKey: ['consultations.get', other] })),
    ])

  // Optimistic: the chips change at once and fall back if the server refuses.
  const setTags = useMutation({
    mutationFn: (tags: string[]) => api.consultations.setTags.mutate({ consultationId: id.value, tags }),
    onMutate: (tags) => {
      const before = client.getQueryData<ConsultationDetail>(key.value)
      if (before) {
        client.setQueryData<ConsultationDetail>(key.value, {
          ...before,
          consultation: { ...before.consultation, tags },
        })
      }
      return { before }
    },
    onSuccess: () => notify.done('relations.tagsSaved'),
    onError: (error, _tags, context) => {
      if (context?.before) client.setQueryData(key.value, context.before)
      notify.failed(error)
    },
    onSettled: () => refresh(),
  })
  const merge = useMutation({
    mutationFn: (input: { keptId: string; note?: string | undefined }) =>
      api.consultations.merge.mutate({ duplicateId: id.value, ...input }),
    onSuccess: () => notify.done('relations.merged'),
    onError: (error) => notify.failed(error),
    onSettled: (_data, _error, input) => refresh(input.keptId),
  })
  const link = useMutation({
    mutationFn: (otherId: string) => api.consultations.link.mutate({ consultationId: id.value, otherId }),
    onSuccess: () => notify.done('relations.linked'),
    onError: (error) => notify.failed(error),
    onSettled: (_data, _error, otherId) => refresh(otherId),
  })
  const unlink = useMutation({
    mutationFn: (otherId: string) => api.consultations.unlink.mutate({ consultationId: id.value, otherId }),
    onSuccess: () => notify.done('relations.unlinked'),
    onError: (error) => notify.failed(error),
    onSettled: (_data, _error, otherId) => refresh(otherId),
  })
  return { setTags, merge, link, unlink }
}

/** The tags in use at an office (the user's own when none is given), most used first. */
export function useOfficeTags(officeId: Ref<string | undefined>) {
  const api = useApi()
  return useQuery({
    queryKey: computed(() => ['consultations.tags', officeId.value]),
    queryFn: () => api.consultations.tags.query(officeId.value ? { officeId: officeId.value } : {}),
    staleTime: 30_000,
  })
}

/**
 * Sheets of an office matching what was typed (number, asker or question words), for picking the sheet
 * a duplicate is merged into or one to link; merged duplicates and the sheet itself are left out.
 */
export function useSheetSearch(term: Ref<string>, exclude: Ref<string>, officeId: Ref<string | undefined>) {
  const api = useApi()
  const typed = refDebounced(term, 250)
  const query = useQuery({
    queryKey: computed(() => ['consultations.list', 'pick', officeId.value, typed.value.trim()]),
    queryFn: () =>
      api.consultations.list.query({
        ...(officeId.value ? { officeId: officeId.value } : {}),
        q: typed.value.trim(),
        merged: 'hide',
        pageSize: 10,
      }),
    enabled: computed(() => typed.value.trim().length >= 2),
    placeholderData: (previous) => previous,
  })
  const items = computed(() => (query.data.value?.items ?? []).filter((item) => item.id !== exclude.value))
  return { query, items }
}
