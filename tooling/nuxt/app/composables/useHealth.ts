/** The server's health, fetched once on load and again on demand. */
export function useHealth() {
  const api = useApi()
  return useAsyncData('health', () => api.health.query(), { server: false })
}
