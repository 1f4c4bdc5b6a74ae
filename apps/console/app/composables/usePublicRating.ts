import { useMutation, useQuery } from '@tanstack/vue-query'

type Api = ReturnType<typeof useApi>
/** What the rating page of a closing message's link shows: the sheet's number, topic and office. */
export type RatingFormView = Awaited<ReturnType<Api['public']['ratingForm']['query']>>
/** A rating as saved, for the thank-you. */
export type SavedRatingView = Awaited<ReturnType<Api['public']['rate']['mutate']>>

/**
 * The rating form of a link's token, and saving the rating. Read once, never retried nor refetched: every
 * wrong token counts against the visitor's address, and after rating the thank-you stands on its own.
 */
export function usePublicRating(token: Ref<string>) {
  const api = useApi()
  const form = useQuery(
    computed(() => ({
      queryKey: ['public.ratingForm', token.value],
      queryFn: () => api.public.ratingForm.query({ token: token.value }),
      retry: false,
      staleTime: Infinity,
      refetchOnWindowFocus: false,
    })),
  )
  const rate = useMutation({
    mutationFn: (rating: { score: number; comment?: string }) =>
      api.public.rate.mutate({ token: token.value, ...rating }),
  })
  return { form, rate }
}
