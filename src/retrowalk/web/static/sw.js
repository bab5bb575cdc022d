// retrowalk's service worker (served at /sw.js; installed only where the page is a secure
// context). It keeps the static files (scripts, styles, icons, the media the live page plays)
// so the app opens fast and the page's own files survive a flaky connection. It never keeps a
// page or an API answer: those carry health data, and they must be fresh.
const CACHE = "retrowalk-static-__VERSION__";

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});
self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  const ours = url.origin === self.location.origin && url.pathname.startsWith("/static/");
  if (!ours || event.request.method !== "GET" || event.request.headers.has("range")) return; // the network, untouched
  event.respondWith(caches.open(CACHE).then(async (cache) => {
    const kept = await cache.match(event.request);
    if (kept) return kept;
    const fresh = await fetch(event.request);
    if (fresh.ok && fresh.status === 200) cache.put(event.request, fresh.clone());
    return fresh;
  }));
});
