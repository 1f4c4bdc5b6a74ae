import { QueryClient, VueQueryPlugin } from '@tanstack/vue-query'

/** Server state: cached a short while, refetched when the window regains focus. */
export default defineNuxtPlugin((nuxtApp) => {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { staleTime: 5_000, retry: 1, refetchOnWindowFocus: true } },
  })
  nuxtApp.vueApp.use(VueQueryPlugin, { queryClient })
})
