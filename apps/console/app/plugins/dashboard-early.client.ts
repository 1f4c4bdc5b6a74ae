/**
 * Opening the dashboard with a session: who is signed in and the dashboard's figures are asked for at
 * once, in one batch, while the rest of the app is still loading, instead of after the route's middleware.
 */
export default defineNuxtPlugin({
  name: 'dashboard-early',
  dependsOn: ['vue-query'],
  setup(nuxtApp) {
    const base = useRuntimeConfig().app.baseURL
    if (window.location.pathname !== base || !localStorage.getItem(SIGNED_IN_HINT)) return
    void useSession().load()
    prefetchDashboard(nuxtApp.$queryClient, useApi(), undefined)
  },
})
