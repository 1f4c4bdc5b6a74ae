/** After this long without a touch, the kiosk asks whether the visitor is still there. */
export const IDLE_SECONDS = 60
/** How long the "Masih di sini?" question waits before wiping the form. */
export const IDLE_COUNTDOWN_SECONDS = 20

/**
 * Watches for touches while a check-in is in progress. After IDLE_SECONDS without one, `asking` turns on
 * with a countdown; if nobody answers, `onTimeout` runs (the form is wiped).
 */
export function useIdle(active: Ref<boolean>, onTimeout: () => void) {
  const asking = ref(false)
  const remaining = ref(IDLE_COUNTDOWN_SECONDS)
  let idleTimer: ReturnType<typeof setTimeout> | undefined
  let countdown: ReturnType<typeof setInterval> | undefined

  function stop() {
    clearTimeout(idleTimer)
    clearInterval(countdown)
    asking.value = false
  }

  function ask() {
    asking.value = true
    remaining.value = IDLE_COUNTDOWN_SECONDS
    countdown = setInterval(() => {
      remaining.value -= 1
      if (remaining.value <= 0) {
        stop()
        onTimeout()
      }
    }, 1000)
  }

  /** Any touch while the question is not showing restarts the wait. */
  function touched() {
    if (asking.value) return
    clearTimeout(idleTimer)
    if (active.value) idleTimer = setTimeout(ask, IDLE_SECONDS * 1000)
  }

  function stillHere() {
    stop()
    touched()
  }

  const events = ['pointerdown', 'keydown', 'touchstart'] as const
  onMounted(() => events.forEach((e) => window.addEventListener(e, touched, { passive: true })))
  onBeforeUnmount(() => {
    events.forEach((e) => window.removeEventListener(e, touched))
    stop()
  })
  watch(active, (on) => (on ? touched() : stop()))

  return { asking, remaining, stillHere }
}
