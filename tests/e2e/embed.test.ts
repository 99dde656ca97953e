// Embedded figures: an embed link shows only what it names, keeps its state in its "Open in Ravine" link,
// and "Copy embed code" gives an iframe that draws the figure with the chosen controls on another page.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildFunction, runTrajectories } from '../../src/state/scene';
import { decode } from '../../src/state/url';
import { openPage, sharedPage, waitForPlots, type Viewport } from './browser';
import { drawnPaths, heads, lines, lossLines, plotArea, POLL, quiet } from './plot';

const artifacts = fileURLToPath(new URL('./artifacts/', import.meta.url));

/** Until the contour and its paths are drawn: an embedded figure may have no loss plot to wait for. */
async function contourDrawn(target: Page | Frame): Promise<void> {
  await target.waitForFunction(
    () => {
      const layer = document.querySelector('[data-testid=contour] canvas.marks') as { drawn?: { lines: unknown[] } } | null;
      const bands = document.querySelector('[data-testid=contour] canvas.bands') as { drawn?: { segments: number } } | null;
      return (bands?.drawn?.segments ?? 0) > 0 && (layer?.drawn?.lines.length ?? 0) > 0;
    },
    undefined,
    { timeout: 30_000 },
  );
}

/** Opens a link (a query) in the page and waits for the contour. */
async function open(page: Page, search: string): Promise<void> {
  await page.goto(new URL(`/${search}`, page.url()).href);
  await contourDrawn(page);
}

/** The ids of every slider on the page or frame, sorted. */
const sliderIds = (target: Page | Frame) =>
  target.evaluate(() => [...document.querySelectorAll<HTMLInputElement>('input[type=range]')].map((i) => i.id).sort());

/** Every form control the reader can change the state with (Plotly's zoom buttons belong to the figure). */
const controlCount = (target: Page | Frame) => target.locator('input, select, textarea, button:not(.modebar-btn)').count();

/** Whether the document scrolls, either way. */
const scrolls = (target: Page | Frame) =>
  target.evaluate(() => document.scrollingElement!.scrollHeight > innerHeight || document.scrollingElement!.scrollWidth > innerWidth);

/** The paths the engine computes for a link (all its runs are visible, its playhead at the end). */
function expectedPaths(search: string): { x: number[]; y: number[] }[] {
  const { state } = decode(search);
  return runTrajectories(buildFunction(state.fn), state).map((t) => ({ x: t.points.map((p) => p[0]), y: t.points.map((p) => p[1]) }));
}

describe('an embed link', () => {
  const s = sharedPage();

  it('shows the contour, η for every run and α for the runs that have it (embed=lr,a), and nothing else', async () => {
    const { page } = s();
    // GD has no α; Adam has settings of its own, which `a` does not name.
    await open(page, '?run=gd,id:0,lr:1.8&run=momentum,id:1,lr:0.3,a:0.8&run=adam,id:2,lr:0.3&embed=lr,a');
    await expect.poll(async () => (await lines(page)).length, POLL).toBe(3);
    expect(await sliderIds(page)).toEqual(['embed-run-0-lr', 'embed-run-1-alpha', 'embed-run-1-lr', 'embed-run-2-lr']);
    // The four sliders are all there is to change.
    expect(await controlCount(page)).toBe(4);
    expect(await page.locator('[data-testid=embed-run]').count()).toBe(3);
    for (const gone of ['header', 'aside.panels', '[data-testid=loss]', '[data-testid=play]', '[data-testid=playhead]', '[data-testid=link-notice]']) {
      expect(await page.locator(gone).count(), gone).toBe(0);
    }
    expect(await page.getByTestId('legend').locator('li').count()).toBe(3);
    expect(await scrolls(page)).toBe(false);
  });

  it('shows the playback bar and the loss plot, and no slider, for embed=play,loss', async () => {
    const { page } = s();
    await open(page, '?embed=play,loss');
    await waitForPlots(page);
    await expect.poll(async () => (await lossLines(page)).length, POLL).toBe(3);
    expect(await page.getByTestId('play').count()).toBe(1);
    await expect.poll(() => page.getByTestId('playhead').textContent(), POLL).toBe('t = 100 / 100');
    // The playback bar's own slider, and no run's.
    expect(await sliderIds(page)).toEqual(['']);
    expect(await page.locator('[data-testid=embed-run]').count()).toBe(0);
    expect(await page.locator('header, aside.panels').count()).toBe(0);
    // The bar plays: Reset goes back to t = 0.
    await page.getByTestId('reset').click();
    await expect.poll(() => page.getByTestId('playhead').textContent(), POLL).toBe('t = 0 / 100');
  });

  it('shows the figure alone for embed=, and no key moves it', async () => {
    const { page } = s();
    await open(page, '?embed=');
    await expect.poll(async () => (await lines(page)).length, POLL).toBe(3);
    expect(await controlCount(page)).toBe(0);
    expect(await page.locator('[data-testid=loss], [data-testid=embed-run]').count()).toBe(0);
    // The playhead dots rest at the paths' ends: Home (t = 0) would move them to the start.
    const before = await heads(page);
    expect(before).toHaveLength(3);
    await page.keyboard.press('Home');
    await quiet(page);
    expect(await heads(page)).toEqual(before);
  });

  it('moves a run\'s path when its embedded η slider moves, and the others stay', async () => {
    const { page } = s();
    const link = '?embed=lr,a';
    await open(page, link);
    await expect.poll(() => drawnPaths(page), POLL).toEqual(expectedPaths(link));
    const before = await drawnPaths(page);
    await page.locator('#embed-run-1-lr').focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.locator('label[for=embed-run-1-lr] output').textContent(), POLL).not.toBe('0.3');
    await expect.poll(async () => JSON.stringify((await drawnPaths(page))[1]) !== JSON.stringify(before[1]), POLL).toBe(true);
    const after = await drawnPaths(page);
    expect(after[0]).toEqual(before[0]);
    expect(after[2]).toEqual(before[2]);
    // Exactly the engine's path for the state "Open in Ravine" now carries.
    const full = (await page.getByTestId('embed-open-full').getAttribute('href'))!;
    expect(decode(new URL(full).search).state.runs[1].lr).toBeLessThan(0.3);
    expect(after).toEqual(expectedPaths(new URL(full).search));
    // An embedded figure leaves the address (and so the course page's history) alone.
    await quiet(page);
    expect(new URL(page.url()).search).toBe(link);
  });

  it('opens the same state without `embed` in Ravine, in a new tab', async () => {
    const { page, context } = s();
    const link = '?fn=rosenbrock&run=momentum,id:3,lr:0.0005,a:0.9&t=40&vec=2&lang=ru&embed=play,a';
    await open(page, link);
    const a = page.getByTestId('embed-open-full');
    expect(await a.getAttribute('target')).toBe('_blank');
    expect(await a.getAttribute('rel')).toBe('noopener');
    expect(await a.textContent()).toBe('Открыть в Ravine ↗');
    const full = new URL((await a.getAttribute('href'))!);
    expect(full.searchParams.has('embed')).toBe(false);
    const { embed, dropped, ...rest } = decode(link);
    expect(embed).toEqual(['play', 'a']);
    expect(dropped).toEqual([]);
    expect(decode(full.search)).toEqual({ ...rest, dropped: [] });
    const [tab] = await Promise.all([context.waitForEvent('page'), a.click()]);
    try {
      await waitForPlots(tab);
      expect(await tab.locator('aside.panels').count()).toBe(1);
      expect(decode(new URL(tab.url()).search).state).toEqual(rest.state);
    } finally {
      await tab.close();
    }
  });

  it('names an unknown item in the link notice, and embeds the rest', async () => {
    const { page } = s();
    await open(page, '?embed=lr,zoom');
    const notice = page.getByTestId('link-notice');
    await expect.poll(() => notice.textContent(), POLL).toContain('embedded control "zoom"');
    expect(await sliderIds(page)).toHaveLength(3);
    expect(await page.locator('header').count()).toBe(0);
    expect(await scrolls(page)).toBe(false);
    await notice.getByRole('button').click();
    expect(await notice.count()).toBe(0);
  });

  for (const size of [{ width: 720, height: 540 }, { width: 480, height: 400 }] satisfies Viewport[]) {
    it(`fills a ${size.width}×${size.height} frame with no scrolling, the contour largest; screenshot embed-${size.width}x${size.height}.png`, async () => {
      const { page } = s();
      await page.setViewportSize(size);
      try {
        // What "Copy embed code" ticks first on the default page.
        await open(page, '?embed=play,lr,a');
        await quiet(page);
        expect(await scrolls(page)).toBe(false);
        const area = await plotArea(page);
        // The plot area lies in the frame, and is the largest thing in it.
        expect(area.x).toBeGreaterThanOrEqual(0);
        expect(area.x + area.width).toBeLessThanOrEqual(size.width);
        expect(area.y + area.height).toBeLessThanOrEqual(size.height);
        expect(area.height, 'plot area height').toBeGreaterThan((size.width > 600 ? 0.4 : 0.25) * size.height);
        // Every named control is in the frame, the sliders in their own scrolling block if they must.
        for (const id of ['play', 'embed-open-full']) {
          const box = (await page.getByTestId(id).boundingBox())!;
          expect(box.y + box.height, id).toBeLessThanOrEqual(size.height);
        }
        mkdirSync(artifacts, { recursive: true });
        await page.screenshot({ path: `${artifacts}embed-${size.width}x${size.height}.png` });
      } finally {
        await page.setViewportSize({ width: 1280, height: 800 });
      }
    });
  }
});

describe('copy embed code', () => {
  it('copies an iframe that draws the figure with only the chosen controls on another page', async () => {
    const { page, context, errors, close } = await openPage('/', { width: 1280, height: 800 }, undefined, { permissions: ['clipboard-read', 'clipboard-write'] });
    try {
      const button = page.getByTestId('copy-embed');
      await button.click();
      const dialog = page.getByTestId('embed-dialog');
      expect(await dialog.evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
      // Playback, η and the runs' α first; the loss plot is offered, and so is nothing the runs lack.
      const ticked = () => dialog.locator('input[type=checkbox]').evaluateAll((boxes: HTMLInputElement[]) => boxes.map((b) => `${b.dataset.testid}:${b.checked}`));
      expect(await ticked()).toEqual(['embed-item-play:true', 'embed-item-loss:false', 'embed-item-lr:true', 'embed-item-a:true', 'embed-item-keys:false']);
      await page.getByTestId('embed-item-play').uncheck();
      await page.getByTestId('embed-item-loss').check();
      // For a slide deck: the keys item comes last in the link, and the code ends with the page's script, served beside the app.
      await page.getByTestId('embed-item-keys').check();
      const deck = await page.getByTestId('embed-code').inputValue();
      const base = new URL('/', page.url()).href;
      expect(deck).toMatch(/&amp;embed=loss,lr,a,keys" width="720" height="540" [^\n]*><\/iframe>\n<script src="([^"]*)"><\/script>$/);
      const script = /<script src="([^"]*)">/.exec(deck)![1];
      expect(script).toBe(`${base}ravine-embed.js`);
      expect((await page.request.get(script)).status()).toBe(200);
      expect(await page.getByTestId('embed-dialog').textContent()).toContain('In a slide deck: pass the arrow keys, Space, Page Up / Page Down, Home and End on to the deck');
      await page.getByTestId('embed-item-keys').uncheck();
      // A bad width is named beside its field and changes nothing; a good one takes its place.
      const code = page.getByTestId('embed-code');
      await page.fill('#embed-width', '99999');
      await expect.poll(() => page.locator('#embed-width-error').textContent(), POLL).toBe('Enter a whole number from 320 to 3840');
      expect(await code.inputValue()).toContain('width="720" height="540"');
      await page.fill('#embed-width', '640');
      await expect.poll(() => page.locator('#embed-width-error').count(), POLL).toBe(0);
      await expect.poll(() => code.inputValue(), POLL).toContain('width="640" height="540"');
      // Keys pressed in the dialog are its own: R does not take the figure behind it back to t = 0.
      await page.getByTestId('embed-copy').focus();
      await page.keyboard.press('r');
      await page.getByTestId('embed-copy').click();
      await expect.poll(() => page.getByTestId('embed-note').textContent(), POLL).toBe('Code copied');
      const snippet = await page.evaluate(() => navigator.clipboard.readText());
      expect(snippet).toBe(await code.inputValue());
      expect(snippet).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?fn=quadratic&amp;[^"]*&amp;embed=loss,lr,a" width="640" height="540" style="border:0;max-width:100%" title="Ravine: GD η=1\.8; Momentum η=0\.3 α=0\.8; Nesterov η=0\.3 α=0\.8" loading="lazy"><\/iframe>$/);
      // Esc closes the dialog and gives the focus back to its button; the playhead did not move.
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.evaluate((d: HTMLDialogElement) => d.open), POLL).toBe(false);
      expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);
      await quiet(page);
      expect(await page.getByTestId('playhead').textContent()).toBe('t = 100 / 100');

      // A course page with the snippet in it.
      const course = await context.newPage();
      const courseErrors: string[] = [];
      course.on('console', (m) => m.type() === 'error' && courseErrors.push(m.text()));
      course.on('pageerror', (e) => courseErrors.push(String(e)));
      try {
        await course.setContent(`<!doctype html><title>Lecture 5</title><h1>Lecture 5: optimization</h1>${snippet}<p>Drag η.</p>`);
        const frame = (await (await course.locator('iframe').elementHandle())!.contentFrame())!;
        await frame.waitForURL(/embed=loss,lr,a/);
        await contourDrawn(frame);
        await expect.poll(async () => (await lines(frame)).length, POLL).toBe(3);
        await expect.poll(async () => (await lossLines(frame)).length, POLL).toBe(3);
        expect(await sliderIds(frame)).toEqual(['embed-run-0-lr', 'embed-run-1-alpha', 'embed-run-1-lr', 'embed-run-2-alpha', 'embed-run-2-lr']);
        expect(await frame.locator('[data-testid=play], header, aside.panels').count()).toBe(0);
        expect(await scrolls(frame)).toBe(false);
        const box = (await course.locator('iframe').boundingBox())!;
        expect([box.width, box.height]).toEqual([640, 540]);
        await course.screenshot({ path: `${artifacts}embed-course-page.png` });
        expect(courseErrors).toEqual([]);
      } finally {
        await course.close();
      }
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
