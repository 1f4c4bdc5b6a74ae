// Staff console: a single-page app served by the Meja Bantu server under /console/.
export default defineNuxtConfig({
  extends: ['@mejabantu/nuxt-base'],
  modules: ['@nuxt/ui'],
  // No web fonts; icons are bundled from @iconify-json/lucide instead of fetched.
  ui: { fonts: false },
  icon: { provider: 'none', clientBundle: { scan: true } },
  css: ['~/assets/css/main.css'],
  // Components are grouped by feature in folders, but named by their file alone.
  components: [{ path: '~/components', pathPrefix: false }],
  app: {
    baseURL: '/console/',
    head: {
      title: 'Meja Bantu — Konsol Petugas',
      htmlAttrs: { lang: 'id' },
      link: [{ rel: 'icon', type: 'image/svg+xml', href: '/console/favicon.svg' }],
    },
  },
  i18n: {
    locales: [
      { code: 'id', language: 'id-ID', name: 'Bahasa Indonesia', file: 'id.json' },
      { code: 'en', language: 'en-GB', name: 'English', file: 'en.json' },
    ],
  },
})
