import { z } from 'zod'
import { en, id } from 'zod/locales'

/** Form errors from the domain's Zod schemas follow the interface language. */
export default defineNuxtPlugin((nuxtApp) => {
  const i18n = nuxtApp.$i18n as { locale: Ref<string> }
  watch(i18n.locale, (locale) => z.config(locale === 'en' ? en() : id()), { immediate: true })
})
