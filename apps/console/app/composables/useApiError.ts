import type { Locale } from '@mejabantu/domain'

interface RefusalData {
  rule?: string
  params?: Record<string, unknown>
  message?: { id: string; en: string }
  issues?: { path: (string | number)[]; message: { id: string; en: string } }[]
}

/** The server's refusal in the user's language (`error.data.message[locale]`), or a generic text. */
export function useApiError() {
  const { t, locale } = useI18n()
  const dataOf = (error: unknown): RefusalData | undefined =>
    (error as { data?: RefusalData } | null)?.data ?? undefined

  function message(error: unknown): string {
    const data = dataOf(error)
    const issue = data?.issues?.[0]
    if (issue) return issue.message[locale.value as Locale]
    return data?.message?.[locale.value as Locale] ?? t('errors.generic')
  }

  const rule = (error: unknown) => dataOf(error)?.rule
  return { message, rule }
}
