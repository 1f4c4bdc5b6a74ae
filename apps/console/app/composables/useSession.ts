import type { Permission, SessionView } from '@mejabantu/domain'

export const SIGNED_IN_HINT = 'mejabantu.console.signedIn'

// The one `auth.me` call of a page load, shared by whoever asks first (an early plugin or the middleware).
let asking: Promise<SessionView | null> | null = null

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
    if (view) localStorage.setItem(SIGNED_IN_HINT, '1')
    else localStorage.removeItem(SIGNED_IN_HINT)
  }

  /** Asks the server who is signed in (once per page load); a missing or expired session leaves nobody. */
  function load() {
    asking ??= ask()
    return asking
  }

  async function ask() {
    // The session cookie is out of the page's reach; without the hint this browser has not signed in,
    // so there is nobody to ask about.
    if (!localStorage.getItem(SIGNED_IN_HINT)) {
      remember(null)
      return null
    }
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
    asking = ask()
    await asking
  }

  async function logout() {
    try {
      await api.auth.logout.mutate()
    } finally {
      remember(null)
    }
  }

  const can = (permission: Permission) => !!session.value?.permissions.includes(permission)

  /** Forgets the user once the server says the session has ended. */
  const forget = () => remember(null)

  return { session, loaded, load, login, logout, changePassword, can, forget }
}
