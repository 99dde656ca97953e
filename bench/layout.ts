// `npm run bench:layout` — how much of the window the contour's plot area takes on the default page at the
// five screens of issue 10, at the scroll position where the selected run's η and α sliders are in view
// (the focus bar's on one column, the run card's beside the figure on two), and in the presentation.
// The layout tests assert the floors (30 %, 25 % on a phone); this prints the figures, and beside each the
// share of the plot area's width × height the runs' paths span (equal axes leave one of them short of 100 %),
// in the presentation with the loss plot (L) too.
//
// It builds the app into a temporary directory, serves it with `vite preview` on 127.0.0.1 and drives
// Debian's headless Chromium.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { build, preview } from 'vite';

const screens = [
  { width: 390, height: 844, touch: true },
  { width: 844, height: 390, touch: true },
  { width: 1024, height: 768, touch: false },
  { width: 1280, height: 800, touch: false },
  { width: 1920, height: 1080, touch: false },
];

/** The plot area's part inside the window, as a share of the window, whether both knobs are fully in view, and the paths' share of the area's width and height. */
function measure(page: Page): Promise<{ share: number; knobs: boolean; paths: string }> {
  return page.evaluate(() => {
    type Axis = { offset: number; length: number; range: number[] };
    const canvas = document.querySelector('[data-testid=contour] canvas.marks') as HTMLCanvasElement & { drawn: { frame: { x: Axis; y: Axis }; lines: { mark: { f?: unknown; x?: number[]; y?: number[] } }[] } };
    const box = canvas.getBoundingClientRect(), f = canvas.drawn.frame;
    const x0 = Math.max(0, box.x + f.x.offset), x1 = Math.min(innerWidth, box.x + f.x.offset + f.x.length);
    const y0 = Math.max(0, box.y + f.y.offset), y1 = Math.min(innerHeight, box.y + f.y.offset + f.y.length);
    const knobs = ['#focus-lr', '#focus-alpha', '#run-1-lr-slider', '#run-1-alpha-slider']
      .map((s) => document.querySelector(s)?.getBoundingClientRect())
      .filter((r): r is DOMRect => !!r && r.width > 0);
    const inView = knobs.slice(0, 2).every((r) => r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth);
    const xs: number[] = [], ys: number[] = [];
    for (const { mark } of canvas.drawn.lines) if (mark.f && mark.x && mark.y) { xs.push(...mark.x.filter(Number.isFinite)); ys.push(...mark.y.filter(Number.isFinite)); }
    const part = (v: number[], r: number[]) => Math.round((100 * (Math.max(...v) - Math.min(...v))) / (r[1] - r[0]));
    const paths = `${part(xs, f.x.range)} × ${part(ys, f.y.range)} %`;
    return { share: (Math.max(0, x1 - x0) * Math.max(0, y1 - y0)) / (innerWidth * innerHeight), knobs: inView, paths };
  });
}

async function main(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'ravine-bench-layout-'));
  await build({ logLevel: 'error', build: { outDir, emptyOutDir: true } });
  const server = await preview({ preview: { host: '127.0.0.1', port: 0 }, build: { outDir }, logLevel: 'error' });
  const base = server.resolvedUrls!.local[0];
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    console.log('screen       plot area (knobs in view)   paths        presentation (paths)       with L (paths)');
    for (const s of screens) {
      const context = await browser.newContext({ viewport: { width: s.width, height: s.height }, hasTouch: s.touch, isMobile: s.touch });
      const page = await context.newPage();
      await page.goto(base);
      await page.waitForFunction(() => (document.querySelector('[data-testid=contour] canvas.marks') as { drawn?: unknown } | null)?.drawn && document.querySelector('[data-testid=contour] .contourlayer path[d]'));
      // The scroll position: the knobs' lower end at the window's (the page's on one column, the panels' on two).
      await page.evaluate(() => (document.querySelector('[data-testid=focus-bar]') ?? document.querySelector('#run-1-alpha-slider'))!.scrollIntoView({ block: 'end' }));
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const at = await measure(page);
      let presented = '—', withLoss = '—';
      if (!s.touch) {
        await page.evaluate(() => scrollTo(0, 0));
        await page.keyboard.press('p');
        await page.waitForFunction(() => document.querySelector('.app.presenting [data-testid=focus-bar]'));
        await page.waitForFunction(() => {
          const c = document.querySelector('[data-testid=contour] canvas.marks') as { drawn?: { frame: { height: number } } } | null;
          return c?.drawn && c.drawn.frame.height === Math.round((document.querySelector('[data-testid=contour]') as HTMLElement).clientHeight);
        });
        const p = await measure(page);
        presented = `${(p.share * 100).toFixed(1)} % (${p.paths})`;
        await page.keyboard.press('l');
        await page.waitForFunction(() => document.querySelector('.app.presenting [data-testid=loss] canvas.marks'));
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const l = await measure(page);
        withLoss = `${(l.share * 100).toFixed(1)} % (${l.paths})`;
      }
      const size = `${s.width}×${s.height}`.padEnd(12);
      console.log(`${size} ${`${(at.share * 100).toFixed(1)} % (${at.knobs ? 'yes' : 'NO'})`.padEnd(27)} ${at.paths.padEnd(12)} ${presented.padEnd(26)} ${withLoss}`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
