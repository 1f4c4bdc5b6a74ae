/** Short confirmations and refusals as toasts, in the user's language. */
export function useNotify() {
  const toast = useToast()
  const { t } = useI18n()
  const { message } = useApiError()
  return {
    done: (key: string) => toast.add({ title: t(key), color: 'success', icon: 'i-lucide-check' }),
    failed: (error: unknown) =>
      toast.add({ title: message(error), color: 'error', icon: 'i-lucide-circle-alert' }),
  }
}
