// Part of the service worker (vite.config.ts, `installable`, imports it):
// requests to the API go straight to the network, without waking the
// worker at all (the Service Worker Static Routing API, where the browser
// has it; elsewhere the worker lets them pass untouched).
self.addEventListener('install', function (event) {
  if (!('addRoutes' in event) || typeof URLPattern === 'undefined') return;
  event.addRoutes({
    condition: { urlPattern: new URLPattern({ pathname: '/api/*' }) },
    source: 'network',
  });
});
