/** The current time in milliseconds, ticking once a minute, for countdowns. */
export function useNow(intervalMs = 60_000) {
  const now = ref(Date.now())
  let timer: ReturnType<typeof setInterval> | undefined
  onMounted(() => (timer = setInterval(() => (now.value = Date.now()), intervalMs)))
  onBeforeUnmount(() => clearInterval(timer))
  return now
}
