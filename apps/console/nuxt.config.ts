// Staff console: a single-page app served by the Meja Bantu server under /console/.
export default defineNuxtConfig({
  extends: ['@mejabantu/nuxt-base'],
  css: ['~/assets/css/main.css'],
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
