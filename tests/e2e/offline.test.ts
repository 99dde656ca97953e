// After one visit the page works offline, as in a classroom whose Wi-Fi fails: the service worker serves
// the page, Plotly, KaTeX and the map workers from its cache. The page installs as an app.
import { describe, expect, it } from 'vitest';
import { openPage, waitForPlots } from './browser';
import { POLL } from './plot';

describe('offline', () => {
  it('reloads with no network after one visit and draws the contour, the paths and the typeset rules', async () => {
    const { page, context, errors, close } = await openPage('/?fn=rosenbrock&run=momentum,id:1,lr:0.0005,a:0.9&map=1');
    try {
      // The worker has installed (precaching everything) and controls the page.
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), POLL).toBe(true);
      await context.setOffline(true);
      await page.reload();
      await waitForPlots(page);
      await expect.poll(() => page.locator('[data-testid=run-rule] .katex').count(), POLL).toBeGreaterThan(0);
      // The rate map's workers come from the cache too.
      await expect.poll(() => page.locator('[data-testid=rate-map]').getAttribute('data-level'), POLL).toBe('fine');
      // A link never visited before opens offline as well: the page is one, its state is in the link.
      await page.goto(page.url().replace(/\?.*$/, '?fn=himmelblau&steps=50'));
      await waitForPlots(page);
      expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
    } finally {
      await close();
    }
  });

  it('names itself as an app: a manifest with its icons', async () => {
    const { page, close } = await openPage('/');
    try {
      const href = await page.locator('link[rel=manifest]').getAttribute('href');
      const manifest = await page.evaluate((h) => fetch(h!).then((r) => r.json()), href);
      expect(manifest).toMatchObject({ short_name: 'Ravine', display: 'standalone' });
      const sizes = await page.evaluate(
        (icons: { src: string }[]) => Promise.all(icons.map((i) => fetch(i.src).then((r) => r.blob()).then((b) => createImageBitmap(b)).then((im) => im.width))),
        manifest.icons,
      );
      expect(sizes).toEqual([192, 512, 512]);
    } finally {
      await close();
    }
  });
});
