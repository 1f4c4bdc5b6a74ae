/**
 * Kiosk procedures know the device, never a signed-in user: every call from a paired tablet carries its
 * token as `Authorization: Bearer`. Pairing sets it; a revoked device forgets it.
 */
export default defineNuxtPlugin(() => {
  const token = useDeviceToken()
  const headers = useApiHeaders()
  watch(
    token,
    (value) => {
      headers.value = value ? { authorization: `Bearer ${value}` } : {}
    },
    { immediate: true },
  )
})
