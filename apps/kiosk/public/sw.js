/* global self, caches */
// The kiosk's service worker: it installs with every file of the build (the list is written in at build
// time), so the tablet starts and walks through every step without the server. The API (/trpc) is never
// cached; check-ins made offline wait in the app's IndexedDB outbox instead.
const PRECACHE = '__PRECACHE__'
const VERSION = '__VERSION__'
const CACHE = `mejabantu-kiosk-${VERSION}`
const SHELL = PRECACHE[0]

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)))
  self.skipWaiting()
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  )
})

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url)
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return
  if (!url.pathname.startsWith(SHELL)) return
  // The page: network first, so a new build shows at once; the stored shell when the server is away.
  if (event.request.mode === 'navigate') {
    event.respondWith(fetch(event.request).catch(() => caches.match(SHELL)))
    return
  }
  // Hashed assets and static files: from the cache, else the network.
  event.respondWith(caches.match(event.request).then((hit) => hit || fetch(event.request)))
})
