// The service worker that makes the page work offline after one visit (vite-plugin-pwa builds it). After a
// redeploy, the next visit finds the new worker, which installs in the background and takes over at once;
// the page then running is the old version's, so it offers a reload, which opens the new one.

class Update {
  /** A new version has taken over from the one this page came from. */
  ready = $state(false);
}

export const update = new Update();

/** Registers the worker once the page has loaded (its precaching should not slow the first contour). */
export function registerWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // The first worker takes over a page that had none: that is no new version.
  const hadOne = !!navigator.serviceWorker.controller;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (hadOne) update.ready = true;
  });
  addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((e) => console.warn('service worker:', e));
  });
}
