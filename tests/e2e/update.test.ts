// A redeploy reaches the users who have the old version: two builds served one after the other on the same
// address, as a course's server would. The page that came from the old one says a new version is ready, and
// its Reload opens the new one; the reload after that opens it too.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview, type PreviewServer } from 'vite';
import { describe, expect, it } from 'vitest';
import { openPage, waitForPlots } from './browser';
import { POLL } from './plot';

const artifacts = fileURLToPath(new URL('./artifacts/', import.meta.url));

/** The build the help names (the page's own text): which version the page is. */
const buildName = (page: import('playwright-core').Page) => page.getByTestId('build').textContent();

async function serve(outDir: string, port = 0): Promise<PreviewServer> {
  return preview({ build: { outDir }, preview: { host: '127.0.0.1', port, strictPort: port !== 0 }, logLevel: 'error' });
}

describe('an update', () => {
  it('after a redeploy, the old page offers a reload that opens the new version', { timeout: 240_000 }, async () => {
    // The second build: the same sources under another name, as the next deploy would be.
    const second = mkdtempSync(join(tmpdir(), 'ravine-build-b-'));
    const name = process.env.RAVINE_BUILD;
    process.env.RAVINE_BUILD = 'second-build';
    try {
      await build({ build: { outDir: second, emptyOutDir: true }, logLevel: 'error' });
    } finally {
      if (name === undefined) delete process.env.RAVINE_BUILD;
      else process.env.RAVINE_BUILD = name;
    }
    let server = await serve('dist');
    const port = server.httpServer.address() as { port: number };
    const url = `http://127.0.0.1:${port.port}/`;
    const { page, errors, close } = await openPage(url);
    try {
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), POLL).toBe(true);
      const first = await buildName(page);
      expect(first).toMatch(/^Ravine, build /);
      expect(first).not.toBe('Ravine, build second-build');
      // The first worker took over a page that had none: no notice for that.
      expect(await page.getByTestId('update-notice').count()).toBe(0);

      // The redeploy: the same address now serves the second build.
      await server.close();
      server = await serve(second, port.port);
      await page.reload();
      await waitForPlots(page);
      // This page is the old version's (its worker served it); the new worker installs meanwhile, takes
      // over, and the page says so.
      await expect.poll(() => page.getByTestId('update-notice').count(), { ...POLL, timeout: 60_000 }).toBe(1);
      expect(await page.getByTestId('update-notice').textContent()).toContain('A new version of Ravine is ready.');
      mkdirSync(artifacts, { recursive: true });
      await page.screenshot({ path: `${artifacts}update-notice.png`, clip: { x: 0, y: 0, width: 1280, height: 120 } });
      await page.getByTestId('update-reload').click();
      await waitForPlots(page);
      expect(await buildName(page)).toBe('Ravine, build second-build');
      expect(await page.getByTestId('update-notice').count()).toBe(0);
      // And it stays the new one, offline too.
      await page.context().setOffline(true);
      await page.reload();
      await waitForPlots(page);
      expect(await buildName(page)).toBe('Ravine, build second-build');
      expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
    } finally {
      await close();
      await server.close();
      rmSync(second, { recursive: true, force: true });
    }
  });
});
