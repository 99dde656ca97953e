// A course site for the embedded figure: pages the tests write, served by a small server of their own on another
// port than the app's (so on other origins: 127.0.0.1:<its port>, and localhost:<its port> as a stranger). The
// app's figure in their iframes comes from the real server of the built app.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { inject } from 'vitest';
import { POLL } from './plot';

/** The built app's address (tests/e2e/server.ts), ending in '/'. */
export const appBase = () => new URL('/', inject('baseURL')).href;

export interface CourseSite {
  /** The course's origin, and a stranger's: the same server under another name. */
  course: string;
  other: string;
  /** What it serves: path → HTML (any other path is a 404). */
  pages: Map<string, string>;
  close(): Promise<void>;
}

export async function courseSite(): Promise<CourseSite> {
  const pages = new Map<string, string>();
  const server = createServer((req, res) => {
    const html = pages.get(new URL(req.url ?? '/', 'http://site').pathname);
    res.writeHead(html === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html ?? '');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    course: `http://127.0.0.1:${port}`, other: `http://localhost:${port}`, pages,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** reveal.js from node_modules (the pinned devDependency) for the CDN address a deck loads it from; the versions must agree. */
export async function serveReveal(context: BrowserContext, cdn: string): Promise<void> {
  const dist = fileURLToPath(new URL('../../node_modules/reveal.js/dist/', import.meta.url));
  const { version } = JSON.parse(readFileSync(new URL('../../node_modules/reveal.js/package.json', import.meta.url), 'utf8')) as { version: string };
  if (!cdn.includes(`reveal.js@${version}/`)) throw new Error(`the deck loads ${cdn}, but reveal.js ${version} is installed`);
  await context.route(`${cdn}**`, (route) => {
    const path = new URL(route.request().url()).pathname.replace(/^.*\/dist\//, '');
    try {
      const body = readFileSync(`${dist}${path}`);
      return route.fulfill({ body, contentType: path.endsWith('.css') ? 'text/css' : 'text/javascript' });
    } catch {
      return route.fulfill({ status: 404, body: '' });
    }
  });
}

/**
 * A page's script that keeps what the app's frames tell it: `window.heard`, each message's origin and data, in
 * order (only messages from the page's own iframes).
 */
export const listen = `<script>
  window.heard = [];
  addEventListener('message', (e) => {
    if ([...document.querySelectorAll('iframe')].some((f) => f.contentWindow === e.source)) heard.push({ origin: e.origin, data: e.data });
  });
</script>`;

export interface Heard {
  origin: string;
  data: { ravine: number; type: string } & Record<string, unknown>;
}

/** Everything the page has heard so far. */
export const heard = (page: Page | Frame): Promise<Heard[]> => page.evaluate(() => (window as unknown as { heard: Heard[] }).heard);

/**
 * The first message of `type` the page hears after its first `from` messages (with the fields of `match`, if
 * given), once it comes: within POLL's timeout, or `timeout` ms.
 */
export async function hear(page: Page | Frame, type: string, { from = 0, match = {}, timeout = POLL.timeout }: { from?: number; match?: Record<string, unknown>; timeout?: number } = {}): Promise<Heard['data']> {
  const found = await page.waitForFunction(
    ({ type, from, match }) => (window as unknown as { heard: Heard[] }).heard.slice(from)
      .find((m) => m.data?.type === type && Object.entries(match).every(([k, v]) => m.data[k] === v))?.data,
    { type, from, match },
    { ...POLL, timeout },
  );
  return (await found.jsonValue()) as Heard['data'];
}

/** The app's figure in a page's iframe. */
export async function figureFrame(page: Page, selector = 'iframe'): Promise<Frame> {
  const frame = await (await page.locator(selector).elementHandle())?.contentFrame();
  if (!frame) throw new Error(`no frame in ${selector}`);
  return frame;
}
