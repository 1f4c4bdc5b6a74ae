// The Nuxt layer both browser apps extend: a single-page app served by the Meja Bantu server on the same
// origin as /trpc, able to run on an office network without internet.
export default defineNuxtConfig({
  compatibilityDate: '2026-11-01',
  ssr: false,
  telemetry: false,
  devtools: { enabled: false },
  modules: ['@nuxt/ui', '@nuxtjs/i18n'],
  // No web fonts; icons are bundled from @iconify-json/lucide instead of fetched.
  ui: { fonts: false },
  icon: { provider: 'none', clientBundle: { scan: true } },
  // Bahasa Indonesia unless the visitor switches; the apps list their locale files.
  i18n: { defaultLocale: 'id', strategy: 'no_prefix', detectBrowserLanguage: false },
  // `nuxt dev` runs beside the server (port 3000); the built apps are served by it on the same origin.
  vite: { server: { proxy: { '/trpc': 'http://127.0.0.1:3000' } } },
})
