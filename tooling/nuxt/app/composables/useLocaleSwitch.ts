/** Two languages, one button: the locale the button switches to, and the switch itself. */
export function useLocaleSwitch() {
  const { locale, locales, setLocale } = useI18n()
  const next = computed(() => locales.value.find((l) => l.code !== locale.value)!)
  return { next, switchLocale: () => setLocale(next.value.code) }
}
