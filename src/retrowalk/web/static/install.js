// The installable app: its service worker is registered only in a secure context (https, or
// this computer), where browsers allow one at all. Plain http on a home network has none, and
// retrowalk works the same without it.
(() => {
  "use strict";
  if (window.isSecureContext && "serviceWorker" in navigator) {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => { /* works without it */ });
  }
})();
