// Staff console: a single-page app served by the Meja Bantu server under /console/.
export default defineNuxtConfig({
  compatibilityDate: '2026-11-01',
  ssr: false,
  telemetry: false,
  devtools: { enabled: false },
  modules: ['@nuxt/ui', '@nuxtjs/i18n'],
  css: ['~/assets/css/main.css'],
  app: {
    baseURL: '/console/',
    head: {
      title: 'Meja Bantu — Konsol Petugas',
      htmlAttrs: { lang: 'id' },
      link: [{ rel: 'icon', type: 'image/svg+xml', href: '/console/favicon.svg' }],
    },
  },
  // Offices may run without internet: no web fonts, icons bundled from @iconify-json/lucide.
  ui: { fonts: false },
  icon: { provider: 'none', clientBundle: { scan: true } },
  i18n: {
    defaultLocale: 'id',
    strategy: 'no_prefix',
    detectBrowserLanguage: false,
    locales: [
      { code: 'id', language: 'id-ID', name: 'Bahasa Indonesia', file: 'id.json' },
      { code: 'en', language: 'en-GB', name: 'English', file: 'en.json' },
    ],
  },
  nitro: { devProxy: { '/trpc': { target: 'http://127.0.0.1:3000/trpc', changeOrigin: true } } },
})
