import tailwindcss from '@tailwindcss/vite'
import { precacheIntoWorker } from './precache'

// Walk-in kiosk: a single-page app served by the Meja Bantu server under /kiosk/, run full-screen on a
// tablet at the help-desk entrance. Plain Vue and Tailwind, one screen component and no router keep the
// tablet's first load small (bench.mjs prints it).
export default defineNuxtConfig({
  extends: ['@mejabantu/nuxt-base'],
  pages: false,
  hooks: {
    'nitro:build:public-assets': (nitro) => precacheIntoWorker(nitro.options.output.publicDir, '/kiosk/'),
  },
  css: ['~/assets/css/main.css'],
  vite: { plugins: [tailwindcss()] },
  app: {
    baseURL: '/kiosk/',
    head: {
      title: 'Meja Bantu — Buku Tamu',
      htmlAttrs: { lang: 'id' },
      link: [
        { rel: 'icon', type: 'image/svg+xml', href: '/kiosk/favicon.svg' },
        { rel: 'manifest', href: '/kiosk/manifest.webmanifest' },
      ],
      // No pinch zoom: the kiosk is a fixed, touch-only surface.
      meta: [
        {
          name: 'viewport',
          content: 'width=device-width, initial-scale=1, maximum-scale=1, user-scalable=no',
        },
        { name: 'theme-color', content: '#065f46' },
      ],
    },
  },
  i18n: {
    locales: [
      { code: 'id', language: 'id-ID', name: 'Bahasa Indonesia', file: 'id.json' },
      { code: 'en', language: 'en-GB', name: 'English', file: 'en.json' },
    ],
  },
})
