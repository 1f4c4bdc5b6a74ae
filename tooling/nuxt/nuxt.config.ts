// The Nuxt layer both browser apps extend: a single-page app served by the Meja Bantu server on the same
// origin as /trpc, able to run on an office network without internet. Component libraries are each
// app's own choice (the console uses Nuxt UI; the kiosk stays plain to keep its first load small).
export default defineNuxtConfig({
  compatibilityDate: '2026-11-01',
  ssr: false,
  telemetry: false,
  devtools: { enabled: false },
  modules: ['@nuxtjs/i18n'],
  // Bahasa Indonesia unless the visitor switches; the apps list their locale files. Messages are
  // precompiled at build time, so the browser needs no message compiler.
  i18n: {
    defaultLocale: 'id',
    strategy: 'no_prefix',
    detectBrowserLanguage: false,
    bundle: { runtimeOnly: true },
  },
  // `nuxt dev` runs beside the server (port 3000); the built apps are served by it on the same origin.
  vite: { server: { proxy: { '/trpc': 'http://127.0.0.1:3000' } } },
})
