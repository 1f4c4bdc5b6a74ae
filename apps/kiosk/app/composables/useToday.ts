/** Today's date written out in the visitor's language, e.g. "Jumat, 6 September 2024". */
export function useToday() {
  const { locale } = useI18n()
  return computed(() =>
    new Intl.DateTimeFormat(locale.value === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'full' }).format(
      new Date(),
    ),
  )
}
