// The desk's keyboard moves: one table that both the key handling and the help overlay read, so a listed
// shortcut always works and a working one is always listed. Pages lend the handler of the moves they offer.

/** A move on the keyboard: its keys (a sequence when `chain`), where it applies, and its label's key. */
export interface DeskShortcut {
  id: string
  keys: string[]
  chain?: boolean
  /** Also while typing in a field (a send shortcut is pressed from inside the answer). */
  usingInput?: boolean
  scope: 'everywhere' | 'queue' | 'sheet'
  to?: string
}

export const DESK_SHORTCUTS: DeskShortcut[] = [
  { id: 'help', keys: ['?'], scope: 'everywhere' },
  { id: 'goDashboard', keys: ['g', 'd'], chain: true, scope: 'everywhere', to: '/' },
  { id: 'goQueue', keys: ['g', 'q'], chain: true, scope: 'everywhere', to: '/queue' },
  { id: 'goConsultations', keys: ['g', 'k'], chain: true, scope: 'everywhere', to: '/consultations' },
  { id: 'goKnowledge', keys: ['g', 'b'], chain: true, scope: 'everywhere', to: '/knowledge' },
  { id: 'newConsultation', keys: ['g', 'n'], chain: true, scope: 'everywhere', to: '/consultations/new' },
  { id: 'callNext', keys: ['n'], scope: 'queue' },
  { id: 'serve', keys: ['s'], scope: 'queue' },
  { id: 'answer', keys: ['a'], scope: 'sheet' },
  { id: 'sendAnswer', keys: ['meta', 'enter'], usingInput: true, scope: 'sheet' },
  { id: 'close', keys: ['c'], scope: 'sheet' },
]

const handlers = shallowReactive(new Map<string, () => unknown>())

/** Lends `handler` to the shortcut `id` while the calling component is mounted. */
export function useDeskShortcut(id: string, handler: () => unknown) {
  onMounted(() => handlers.set(id, handler))
  onBeforeUnmount(() => {
    if (handlers.get(id) === handler) handlers.delete(id)
  })
}

/** Binds every shortcut of the table once, in the layout: a page's move runs only while it lends one. */
export function useDeskShortcutKeys(openHelp: () => void) {
  const config = computed(() =>
    Object.fromEntries(
      DESK_SHORTCUTS.map((shortcut) => {
        const run = () => {
          if (shortcut.id === 'help') return openHelp()
          if (shortcut.to) return navigateTo(shortcut.to)
          return handlers.get(shortcut.id)?.()
        }
        const key = shortcut.keys.join(shortcut.chain ? '-' : '_')
        return [key, { usingInput: shortcut.usingInput ?? false, handler: run }]
      }),
    ),
  )
  defineShortcuts(config)
  /** Whether the shortcut can run here and now: navigation always, a page's move while lent. */
  return (shortcut: DeskShortcut) => shortcut.scope === 'everywhere' || handlers.has(shortcut.id)
}
