import type { Permission, SessionView } from '@mejabantu/domain'

/** Who is signed in (null when nobody), loaded once from `auth.me` and kept for the whole app. */
export function useSession() {
  const api = useApi()
  const csrf = useCsrfToken()
  const session = useState<SessionView | null>('session', () => null)
  const loaded = useState('session-loaded', () => false)

  function remember(view: SessionView | null) {
    session.value = view
    csrf.value = view?.csrfToken ?? null
    loaded.value = true
  }

  /** Asks the server who is signed in; a missing or expired session leaves nobody. */
  async function load() {
    try {
      remember(await api.auth.me.query())
    } catch {
      remember(null)
    }
    return session.value
  }

  async function login(username: string, password: string) {
    remember(await api.auth.login.mutate({ username, password }))
    return session.value!
  }

  async function changePassword(currentPassword: string, newPassword: string) {
    await api.auth.changePassword.mutate({ currentPassword, newPassword })
    await load()
  }

  async function logout() {
    try {
      await api.auth.logout.mutate()
    } finally {
      remember(null)
    }
  }

  const can = (permission: Permission) => !!session.value?.permissions.includes(permission)

  return { session, loaded, load, login, logout, changePassword, can }
}
