/** A form's save: busy while it runs, and a toast when the server refuses it. */
export function useSaving() {
  const busy = ref(false)
  const notify = useNotify()
  async function saving(act: () => Promise<unknown>) {
    busy.value = true
    try {
      await act()
    } catch (e) {
      notify.failed(e)
    } finally {
      busy.value = false
    }
  }
  return { busy, saving }
}
