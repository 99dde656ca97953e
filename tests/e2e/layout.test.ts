// The layout at the five screens a class uses, with a screenshot of each in tests/e2e/artifacts/: at one
// scroll position the contour's plot area covers 30 % of the window (25 % on a phone) while the selected
// run's η and α sliders are fully in view beside it; no stray page scroll; touch scrolls, taps pick.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { presets } from '../../src/state/presets';
import { openPage, sharedPage, type Viewport } from './browser';
import { contour, contourPixels, frames, lines, plotArea, POLL } from './plot';

const artifacts = fileURLToPath(new URL('./artifacts/', import.meta.url));
const desktop: Viewport = { width: 1280, height: 800 };
const phone: Viewport = { width: 390, height: 844 };

interface Screen {
  size: Viewport;
  /** A phone: a touch screen, and 25 % is enough. */
  touch: boolean;
  /** Two columns (the panels scroll beside a figure that fills the window) or one (the page scrolls). */
  columns: 1 | 2;
}

const screens: Screen[] = [
  { size: phone, touch: true, columns: 1 },
  { size: { width: 844, height: 390 }, touch: true, columns: 1 },
  { size: { width: 1024, height: 768 }, touch: false, columns: 1 },
  { size: desktop, touch: false, columns: 2 },
  { size: { width: 1920, height: 1080 }, touch: false, columns: 2 },
];

const scrollSize = (page: Page) => page.evaluate(() => [document.scrollingElement!.scrollWidth, document.scrollingElement!.scrollHeight]);

type Rect = { x: number; y: number; width: number; height: number };
const inView = (r: Rect, v: Viewport) => r.x >= 0 && r.y >= 0 && r.x + r.width <= v.width + 0.5 && r.y + r.height <= v.height + 0.5;

/** The part of the contour's plot area inside the window, as a share of the window. */
async function shownShare(page: Page, v: Viewport): Promise<number> {
  const a = await plotArea(page);
  const w = Math.min(a.x + a.width, v.width) - Math.max(a.x, 0), h = Math.min(a.y + a.height, v.height) - Math.max(a.y, 0);
  return (Math.max(0, w) * Math.max(0, h)) / (v.width * v.height);
}

/**
 * How much of the contour's plot area the runs' paths take: their extent's share of the area's width and of
 * its height, in data units (with equal axes one of them is bound to be short of 1).
 */
async function pathShare(page: Page): Promise<{ width: number; height: number }> {
  return page.evaluate(() => {
    const d = (document.querySelector('[data-testid=contour] canvas.marks') as unknown as { drawn: { frame: { x: { range: number[] }; y: { range: number[] } }; lines: { mark: { f?: unknown; x?: number[]; y?: number[] } }[] } }).drawn;
    const xs: number[] = [], ys: number[] = [];
    for (const { mark } of d.lines) if (mark.f && mark.x && mark.y) { xs.push(...mark.x.filter(Number.isFinite)); ys.push(...mark.y.filter(Number.isFinite)); }
    const share = (v: number[], r: number[]) => (Math.max(...v) - Math.min(...v)) / (r[1] - r[0]);
    return { width: share(xs, d.frame.x.range), height: share(ys, d.frame.y.range) };
  });
}

/** The selected run's η and α sliders: the focus bar's under the contour in one column, the run card's in two. */
function knobs(page: Page, columns: 1 | 2): Locator[] {
  return columns === 1
    ? [page.locator('#focus-lr'), page.locator('#focus-alpha')]
    : [page.locator('#run-1-lr-slider'), page.locator('#run-1-alpha-slider')];
}

describe('the layout at the five screens', () => {
  for (const { size, touch, columns } of screens) {
    it(`${size.width}×${size.height}: the contour and the selected run's η and α in view together; screenshot layout-${size.width}x${size.height}.png`, async () => {
      const { page, close, errors } = await openPage('/', size, undefined, touch ? { hasTouch: true, isMobile: true } : {});
      try {
        const [width, height] = await scrollSize(page);
        expect(width, 'no sideways scroll').toBeLessThanOrEqual(size.width);
        // Two columns fill the window: the panels scroll on their own, the page not at all.
        if (columns === 2) expect(height, 'no page scroll').toBeLessThanOrEqual(size.height);
        expect(await page.getByTestId('focus-bar').count()).toBe(columns === 1 ? 1 : 0);

        // The scroll position: the knobs' lower end at the window's (the page's in one column, the panels' in two).
        const [lr, alpha] = knobs(page, columns);
        await (columns === 1 ? page.getByTestId('focus-bar') : alpha).evaluate((e) => e.scrollIntoView({ block: 'end' }));
        await frames(page, 2);
        for (const k of [lr, alpha]) expect(inView((await k.boundingBox())!, size), 'slider fully in view').toBe(true);
        expect(await shownShare(page, size)).toBeGreaterThanOrEqual(touch ? 0.25 : 0.3);
        // The paths fill the plot area one way at least (over the ravine's whole box, equal axes left them
        // 46–49 % of it on every screen, and 13 % of the width at 844×390).
        const paths = await pathShare(page);
        expect(Math.max(paths.width, paths.height), JSON.stringify(paths)).toBeGreaterThanOrEqual(0.75);
        // The figure is drawn, with the default page's three paths.
        expect((await contour(page)).count).toBeGreaterThan(10);
        expect(await lines(page)).toHaveLength(3);
        mkdirSync(artifacts, { recursive: true });
        await page.screenshot({ path: `${artifacts}layout-${size.width}x${size.height}.png` });
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });
  }

  it('the focus bar moves the run it names: pick Nesterov, drag its α, and the run card and the path follow', async () => {
    const { page, close } = await openPage('/', phone, undefined, { hasTouch: true, isMobile: true });
    try {
      // Opened on the first run with α: Momentum (run 1 of ids 0, 1, 2), each chip numbered.
      expect(await page.locator('[data-testid=focus-bar] input[type=radio]:checked').inputValue()).toBe('1');
      const chips = await page.locator('[data-testid=focus-bar] [role=radiogroup] label').allTextContents();
      expect(chips.map((c) => c.replace(/\s+/g, ''))).toEqual(['1GD', '2Momentum', '3Nesterov']);
      await page.getByTestId('focus-bar').getByText('Nesterov').click();
      const before = (await lines(page))[2].d;
      await page.locator('#focus-alpha').focus();
      await page.keyboard.press('End');
      await expect.poll(() => page.inputValue('#run-2-alpha'), POLL).toBe('0.999');
      expect(await page.inputValue('#run-1-alpha')).toBe('0.8');
      await expect.poll(async () => (await lines(page))[2].d, POLL).not.toBe(before);
      expect(await page.getByTestId('focus-bar').textContent()).toContain(`α = ${await page.inputValue('#run-2-alpha')}`);
    } finally {
      await close();
    }
  });
});

describe('a preset’s caption', () => {
  it('keeps to two lines beside the plots until asked for more, then shows in full', async () => {
    const batch = presets.find((p) => p.id === 'batch')!;
    const { page, close } = await openPage(`/?${batch.link}`, desktop);
    try {
      const caption = page.getByTestId('preset-caption');
      const lineHeight = await caption.evaluate((e) => parseFloat(getComputedStyle(e).lineHeight));
      const short = (await caption.boundingBox())!.height;
      expect(short).toBeLessThanOrEqual(2 * lineHeight + 1);
      const area = await plotArea(page);
      await page.getByTestId('caption-more').click();
      await expect.poll(async () => (await caption.boundingBox())!.height, POLL).toBeGreaterThan(short + lineHeight);
      expect(await page.getByTestId('caption-more').getAttribute('aria-expanded')).toBe('true');
      // The full caption takes its room from the contour, and gives it back.
      await expect.poll(async () => (await plotArea(page)).height, POLL).toBeLessThan(area.height);
      await page.getByTestId('caption-more').click();
      await expect.poll(async () => (await plotArea(page)).height, POLL).toBe(area.height);
    } finally {
      await close();
    }
  });
});

describe('a preset\'s caption in the presentation at 1024×768', () => {
  it('keeps to two lines (in full it took 110 px of the contour\'s height), and opens when asked', async () => {
    const inertia = presets.find((p) => p.id === 'inertia')!;
    const { page, close } = await openPage(`/?${inertia.link}`, { width: 1024, height: 768 });
    try {
      await page.keyboard.press('p');
      await page.locator('.app.presenting [data-testid=focus-bar]').waitFor();
      const caption = page.getByTestId('preset-caption');
      const lineHeight = await caption.evaluate((e) => parseFloat(getComputedStyle(e).lineHeight));
      await expect.poll(async () => (await caption.boundingBox())!.height, POLL).toBeLessThanOrEqual(2 * lineHeight + 1);
      const area = await plotArea(page);
      expect(area.height).toBeGreaterThanOrEqual(380);
      await page.getByTestId('caption-more').click();
      await expect.poll(async () => (await caption.boundingBox())!.height, POLL).toBeGreaterThan(3 * lineHeight);
    } finally {
      await close();
    }
  });
});

describe('on a touch screen', () => {
  /** A one-finger swipe upwards by `dy` px from (x, y), as Chromium's touch screen delivers it. */
  async function swipe(page: Page, x: number, y: number, dy: number): Promise<void> {
    const cdp = await page.context().newCDPSession(page);
    const at = (k: number) => [{ x: Math.round(x), y: Math.round(y - (dy * k) / 10) }];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) });
    for (let k = 1; k <= 10; k++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(k) });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await cdp.detach();
  }

  it('a swipe on the contour or the loss plot scrolls the page instead of zooming the plot', async () => {
    const { page, close } = await openPage('/', phone, undefined, { hasTouch: true, isMobile: true });
    try {
      for (const plot of ['contour', 'loss']) {
        const box = (await page.getByTestId(plot).boundingBox())!;
        const y0 = await page.evaluate(() => scrollY);
        const visible = Math.min(box.y + box.height, phone.height);
        await swipe(page, box.x + box.width / 2, (Math.max(box.y, 0) + visible) / 2, 150);
        await expect.poll(() => page.evaluate(() => scrollY), POLL).toBeGreaterThan(y0 + 100);
      }
      // Nothing zoomed: the link holds no view.
      await frames(page, 2);
      expect(new URL(page.url()).searchParams.has('view')).toBe(false);
    } finally {
      await close();
    }
  });
});

describe('resizing and the colour bar', () => {
  const s = sharedPage(desktop);

  // A grid track sized by Plotly's last drawn SVG would never let the plots narrow again.
  it('narrowing a desktop window to a phone shrinks the plots (no horizontal scrolling)', async () => {
    const { page } = s();
    await page.setViewportSize(phone);
    try {
      await expect.poll(async () => (await scrollSize(page))[0], { ...POLL, timeout: 3_000 }).toBeLessThanOrEqual(phone.width);
      const box = (await page.getByTestId('contour').boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(phone.width);
      const svg = (await page.locator('[data-testid=contour] svg.main-svg').first().boundingBox())!;
      expect(svg.x + svg.width).toBeLessThanOrEqual(box.x + box.width + 1);
    } finally {
      await page.setViewportSize(desktop);
    }
  });

  it('the colour bar sits right beside the plot area, however wide the window', async () => {
    const { page, reload } = s();
    for (const size of [phone, desktop, { width: 1920, height: 1080 }]) {
      await reload(size);
      const area = await plotArea(page);
      const bar = (await page.locator('[data-testid=contour] .colorbar').boundingBox())!;
      expect(bar.x - (area.x + area.width), `${size.width}×${size.height}`).toBeGreaterThanOrEqual(0);
      expect(bar.x - (area.x + area.width), `${size.width}×${size.height}`).toBeLessThan(30);
    }
  });

  it('with equal axes the plot area is whole and one unit is as long across as up, at every shape', async () => {
    const { page, reload } = s();
    for (const size of [phone, { width: 844, height: 390 }, desktop]) {
      await reload(size);
      const f = await page.evaluate(() => (document.querySelector('[data-testid=contour] canvas.marks') as unknown as { drawn: { frame: { x: { range: number[]; length: number }; y: { range: number[]; length: number } } } }).drawn.frame);
      const across = f.x.length / (f.x.range[1] - f.x.range[0]), up = f.y.length / (f.y.range[1] - f.y.range[0]);
      expect(across / up).toBeCloseTo(1, 9);
      // The paths stay in view: their share of each axis is at most 1, and it is most of one of them.
      const paths = await pathShare(page);
      expect(Math.max(paths.width, paths.height)).toBeLessThanOrEqual(1);
      expect(Math.max(paths.width, paths.height)).toBeGreaterThanOrEqual(0.75);
      // The contour fills the widened area: its grid covers what is shown, not the box alone, and the
      // canvas has painted the plot area's four corners.
      const { frame, box } = await page.evaluate(() => (document.querySelector('[data-testid=contour] canvas.bands') as HTMLCanvasElement & {
        drawn: { box: { x: number[]; y: number[] }; frame: { x: { offset: number; length: number }; y: { offset: number; length: number } } };
      }).drawn);
      const [x0, x1, y0, y1] = [frame.x.offset + 1, frame.x.offset + frame.x.length - 2, frame.y.offset + 1, frame.y.offset + frame.y.length - 2];
      const painted = { box, corners: (await contourPixels(page, [[x0, y0], [x1, y0], [x0, y1], [x1, y1]])).map((p) => p[3]) };
      // (to the last bits: the painter's grid steps from one end to the other)
      painted.box.x.forEach((v, i) => expect(v).toBeCloseTo(f.x.range[i], 12));
      painted.box.y.forEach((v, i) => expect(v).toBeCloseTo(f.y.range[i], 12));
      expect(painted.corners).toEqual([255, 255, 255, 255]);
    }
  });
});

describe('the presentation at 1024×768', () => {
  it('the paths fill most of the contour with the loss plot and without; with it, the two stand side by side', async () => {
    const { page, close, errors } = await openPage('/', { width: 1024, height: 768 });
    try {
      await page.keyboard.press('p');
      await page.locator('.app.presenting [data-testid=focus-bar]').waitFor();
      const before = await plotArea(page);
      await expect.poll(async () => Math.max(...Object.values(await pathShare(page))), POLL).toBeGreaterThanOrEqual(0.75);
      await page.keyboard.press('l');
      await page.getByTestId('loss').waitFor();
      // Beside the contour, not under it: under it the plot area was 809 × 219 px and the paths took 19 % of its width.
      await expect.poll(async () => (await plotArea(page)).height, POLL).toBeGreaterThanOrEqual(before.height - 1);
      const loss = (await page.getByTestId('loss').boundingBox())!, contourBox = (await page.getByTestId('contour').boundingBox())!;
      expect(loss.x).toBeGreaterThanOrEqual(contourBox.x + contourBox.width - 1);
      await expect.poll(async () => Math.max(...Object.values(await pathShare(page))), POLL).toBeGreaterThanOrEqual(0.75);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
