import type { TimeZone } from '@mejabantu/domain'
import type { BoardView } from '~/components/display/QueueBoardScreen.vue'

/** Where the paired display keeps its device token; cleared when the device is revoked. */
const DISPLAY_TOKEN_KEY = 'mejabantu.display.token'

interface DisplayBoard extends BoardView {
  office: { name: string; timeZone: TimeZone }
}

/** A refusal the server sent (it carries a rule), as opposed to a dropped connection. */
const ruleOf = (error: unknown) => (error as { data?: { rule?: string } } | null)?.data?.rule ?? null

/**
 * The waiting-room display: paired once with the admin's one-time code, then pushed its board over SSE
 * for as long as it stays on. A revoked device, or a kiosk's code, goes back to pairing.
 */
export function useDisplayDevice() {
  const api = useApi()
  const token = ref<string | null>(localStorage.getItem(DISPLAY_TOKEN_KEY))
  const board = ref<DisplayBoard | null>(null)
  const connected = ref(false)
  const refusal = ref<string | null>(null)
  const streams = useSubscriptionApi(() => token.value)
  let subscription: { unsubscribe(): void } | null = null

  function forget(rule: string) {
    localStorage.removeItem(DISPLAY_TOKEN_KEY)
    token.value = null
    board.value = null
    refusal.value = rule
  }

  function listen() {
    subscription?.unsubscribe()
    if (!token.value) return
    subscription = streams.display.board.subscribe(undefined, {
      onData: (next) => {
        board.value = next
        connected.value = true
      },
      onError: (error) => {
        connected.value = false
        const rule = ruleOf(error)
        if (rule?.startsWith('kiosk.')) forget(rule)
      },
      onConnectionStateChange: (state) => {
        if (state.state !== 'pending') connected.value = false
      },
    })
  }

  async function pair(code: string) {
    const paired = await api.kiosk.pair.mutate({ code })
    localStorage.setItem(DISPLAY_TOKEN_KEY, paired.token)
    token.value = paired.token
    refusal.value = null
    listen()
  }

  onMounted(listen)
  onBeforeUnmount(() => subscription?.unsubscribe())
  return { token, board, connected, refusal, pair }
}
