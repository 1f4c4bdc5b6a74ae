import type { Permission } from '@mejabantu/domain'

/**
 * Every page but sign-in and the published ones needs a session; a one-time password must be changed
 * before anything else; a page that names a permission is for roles that hold it.
 */
export default defineNuxtRouteMiddleware(async (to) => {
  // Published pages are for anyone: no session is asked for, and a staff member's state changes nothing.
  if (to.meta.published === true) return
  const { session, loaded, load, can } = useSession()
  if (!loaded.value) await load()
  const open = to.meta.public === true
  if (!session.value) return open ? undefined : navigateTo({ path: '/login', query: { next: to.fullPath } })
  if (session.value.mustChangePassword && to.path !== '/password') return navigateTo('/password')
  if (to.path === '/login') return navigateTo('/')
  const needs = to.meta.permission as Permission | undefined
  if (needs && !can(needs)) return navigateTo('/')
  if (to.path === '/') {
    const { $queryClient } = useNuxtApp()
    prefetchDashboard($queryClient, useApi(), useOfficeScope().officeId.value)
  }
})
