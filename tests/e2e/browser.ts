import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';

// Debian's Chromium, started the way this closed machine needs (no background network, no sandbox as root).
const launch = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync',
  ],
};

export type Viewport = { width: number; height: number };

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
  /** Loads the page afresh (at `viewport` if given) and waits for both plots. */
  reload(viewport?: Viewport): Promise<void>;
  close(): Promise<void>;
}

/**
 * Waits until Plotly (loaded lazily) has drawn the contour's axes, our canvas the contour under them, and
 * the layers the paths and loss curves, with the other seeds' runs where the link asks for them.
 */
export async function waitForPlots(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const drew = (sel: string) => ((document.querySelector(`${sel} canvas.marks`) as { drawn?: { lines: unknown[] } } | null)?.drawn?.lines.length ?? 0) > 0;
      const bands = document.querySelector('[data-testid=contour] canvas.bands') as { drawn?: { segments: number } } | null;
      // The other seeds, when the link asks for them, and the contour's full painting come from workers:
      // until they do, the page is pending.
      const seeds = /\b(seeds|contour)\b/.test(document.documentElement.dataset.pending ?? '');
      return !!document.querySelector('[data-testid=contour] .xtick') && (bands?.drawn?.segments ?? 0) > 0 && drew('[data-testid=contour]') && drew('[data-testid=loss]') && !seeds;
    },
    undefined,
    { timeout: 30_000 },
  );
}

/**
 * `locale`: the browser's language (navigator.languages), e.g. 'ru-RU'; the system's when left out.
 * `device`: a touch screen (hasTouch, isMobile) instead of a mouse, permissions (the clipboard's), or no
 * service worker (so that `page.route` sees every request, the workers' scripts too).
 */
export async function openPage(
  path = '/', viewport: Viewport = { width: 1280, height: 800 }, locale?: string,
  device: { hasTouch?: boolean; isMobile?: boolean; permissions?: string[]; serviceWorkers?: 'block' } = {},
): Promise<Session> {
  const base = inject('baseURL');
  if (!base) throw new Error('no baseURL: run the browser tests with `vitest run --project e2e` (globalSetup serves dist/)');
  const url = new URL(path, base).href;
  const dir = mkdtempSync(join(tmpdir(), 'ravine-e2e-'));
  const context = await chromium.launchPersistentContext(dir, { ...launch, viewport, ...device, ...(locale ? { locale } : {}) });
  const close = async () => {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  };
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e.stack ?? e)));
  // goto, not page.reload(): whatever the app wrote into the URL must not carry over to the next test.
  const load = async () => {
    await page.goto(url);
    await waitForPlots(page);
  };
  try {
    await load();
  } catch (e) {
    await close();
    throw new Error(`the page did not draw its plots; errors seen: ${JSON.stringify(errors)}`, { cause: e });
  }
  return {
    context, page, errors, close,
    async reload(size?: Viewport) {
      if (size) await page.setViewportSize(size);
      await load();
    },
  };
}

/**
 * One browser for a whole test file: launched once, the page loaded afresh before each test, and every
 * test ends with no console error and no uncaught exception. Use `s()` inside tests.
 */
export function sharedPage(viewport?: Viewport): () => Session {
  let session: Session | undefined;
  let first = true;
  beforeAll(async () => {
    session = await openPage('/', viewport);
  });
  afterAll(async () => {
    await session?.close();
  });
  beforeEach(async () => {
    // The first test gets the page openPage loaded: it checks the very first, cold load.
    if (!first) await session!.reload(viewport);
    first = false;
  });
  afterEach(() => {
    const errors = session?.errors.splice(0) ?? [];
    expect(errors, 'console errors and uncaught exceptions').toEqual([]);
  });
  return () => {
    if (!session) throw new Error('the browser did not start');
    return session;
  };
}
