// Walk-in kiosk: a single-page app served by the Meja Bantu server under /kiosk/, run full-screen on a
// tablet at the help-desk entrance.
export default defineNuxtConfig({
  extends: ['@mejabantu/nuxt-base'],
  css: ['~/assets/css/main.css'],
  app: {
    baseURL: '/kiosk/',
    head: {
      title: 'Meja Bantu — Buku Tamu',
      htmlAttrs: { lang: 'id' },
      link: [{ rel: 'icon', type: 'image/svg+xml', href: '/kiosk/favicon.svg' }],
      // No pinch zoom: the kiosk is a fixed, touch-only surface.
      meta: [
        {
          name: 'viewport',
          content: 'width=device-width, initial-scale=1, maximum-scale=1, user-scalable=no',
        },
      ],
    },
  },
  ui: { colorMode: false },
  i18n: {
    locales: [
      { code: 'id', language: 'id-ID', name: 'Bahasa Indonesia', file: 'id.json' },
      { code: 'en', language: 'en-GB', name: 'English', file: 'en.json' },
    ],
  },
})
