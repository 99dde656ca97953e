// The presentation for a projector: the figure fills the screen in large type and the keyboard drives it.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sharedPage } from './browser';
import { dictionaries, presetText, runIn } from '../../src/i18n';
import { presets } from '../../src/state/presets';
import { decode } from '../../src/state/url';
import { CONTOUR, frames, lines, plotArea, POLL, quiet } from './plot';

const artifacts = fileURLToPath(new URL('./artifacts/', import.meta.url));
const projector = { width: 1024, height: 768 };
const s = sharedPage(projector);

const presenting = (page: Page) => page.getByTestId('app').evaluate((e) => e.classList.contains('presenting'));
const param = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);
/** The plot area's share of the window. */
const share = async (page: Page) => {
  const a = await plotArea(page);
  return (a.width * a.height) / (projector.width * projector.height);
};

describe('the presentation', () => {
  it('fills the screen with the figure in large type, full screen; Esc brings the page back', async () => {
    const { page } = s();
    await page.getByTestId('present').click();
    await expect.poll(() => presenting(page), POLL).toBe(true);
    expect(await page.evaluate(() => document.fullscreenElement === document.documentElement)).toBe(true);
    // Header and panels gone; the figure, the playback and the focused run's knobs stay.
    expect(await page.locator('header.top').isVisible()).toBe(false);
    expect(await page.locator('aside.panels').isVisible()).toBe(false);
    expect(await page.getByTestId('focus-bar').isVisible()).toBe(true);
    expect(await page.getByTestId('loss').count()).toBe(0);
    await expect.poll(() => share(page), POLL).toBeGreaterThan(0.42);
    // Large type: the legend, the page's text, and the axes' tick labels (Plotly's layout font).
    const legend = await page.getByTestId('legend').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(legend).toBeGreaterThanOrEqual(18);
    await expect
      .poll(() => page.evaluate(() => (document.querySelector('[data-testid=contour] .js-plotly-plot') as unknown as { layout: { font: { size: number } } }).layout.font.size), POLL)
      .toBe(18);
    // The paths are drawn thicker: 1.5 × the page's 2 px.
    expect(await page.evaluate(() => (document.querySelector('[data-testid=contour] canvas.marks') as unknown as { drawn: { lines: { mark: { width: number; silent?: boolean } }[] } }).drawn.lines.filter((l) => !l.mark.silent).map((l) => l.mark.width))).toEqual([3, 3, 3]);
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: `${artifacts}present-1024x768.png` });

    await page.keyboard.press('Escape');
    await expect.poll(() => presenting(page), POLL).toBe(false);
    expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
    expect(await page.locator('header.top').isVisible()).toBe(true);
    expect(await page.getByTestId('loss').count()).toBe(1);
  });

  it('the keyboard drives it: η and α of the run under the plot, a run by its number, the loss plot, the vectors', async () => {
    const { page } = s();
    await quiet(page);
    // Outside the presentation the arrows are the page's own: η stays.
    await page.keyboard.press('ArrowUp');
    await quiet(page);
    expect(await page.inputValue('#run-1-lr')).toBe('0.3');

    await page.keyboard.press('p');
    await expect.poll(() => presenting(page), POLL).toBe(true);
    const path = (await lines(page))[1].d;
    // Momentum is under the plot: ↑ raises its η by 1 % of the slider, Shift + ↑ its α.
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => page.inputValue('#run-1-lr'), POLL).not.toBe('0.3');
    expect(Number(await page.inputValue('#run-1-lr'))).toBeGreaterThan(0.3);
    expect(await page.inputValue('#run-0-lr')).toBe('1.8');
    await page.keyboard.press('Shift+ArrowUp');
    await expect.poll(async () => Number(await page.inputValue('#run-1-alpha')), POLL).toBeGreaterThan(0.8);
    await expect.poll(async () => (await lines(page))[1].d, POLL).not.toBe(path);
    // 3 puts Nesterov under the plot; ↓ lowers its η.
    await page.keyboard.press('3');
    await expect.poll(() => page.getByTestId('focus-bar').locator('input:checked').inputValue(), POLL).toBe('2');
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => Number(await page.inputValue('#run-2-lr')), POLL).toBeLessThan(0.3);
    // L shows the loss plot, V the step vectors (kept in the link); again hides them.
    await page.keyboard.press('l');
    await expect.poll(() => page.getByTestId('loss').count(), POLL).toBe(1);
    await page.keyboard.press('v');
    await expect.poll(() => param(page, 'vec'), POLL).toBe('1');
    await page.keyboard.press('v');
    await page.keyboard.press('l');
    await expect.poll(() => page.getByTestId('loss').count(), POLL).toBe(0);
    await expect.poll(() => param(page, 'vec'), POLL).toBeNull();
    // P leaves as Esc does.
    await page.keyboard.press('p');
    await expect.poll(() => presenting(page), POLL).toBe(false);
  });

  it('M shows the rate map of the run under the plot beside the figure, large, in place of the loss plot; again hides it', async () => {
    const { page } = s();
    await page.goto(new URL('/?fn=quadratic&kappa=25&theta=20&steps=80&run=gd,id:0,lr:1.8&run=momentum,id:1,lr:0.36,a:0.8&lang=en', page.url()).href);
    await quiet(page);
    // Outside the presentation M is nothing.
    await page.keyboard.press('m');
    expect(param(page, 'map')).toBeNull();
    await page.keyboard.press('p');
    await expect.poll(() => presenting(page), POLL).toBe(true);
    await page.keyboard.press('l');
    await expect.poll(() => page.getByTestId('loss').count(), POLL).toBe(1);
    // Momentum is under the plot: its map, measured by theory, in the loss plot's place.
    await page.keyboard.press('m');
    await expect.poll(() => param(page, 'map'), POLL).toBe('1');
    const map = page.getByTestId('present-map').getByTestId('rate-map');
    await expect.poll(() => map.getAttribute('data-source'), POLL).toBe('theory');
    expect(await page.getByTestId('loss').count()).toBe(0);
    // A third of the projector's width or more (the side panel's map is 295 px wide at 1280 × 800), in large type.
    const box = (await map.boundingBox())!;
    expect(box.width).toBeGreaterThan(projector.width / 3);
    expect(box.y + box.height).toBeLessThanOrEqual(projector.height);
    expect(await page.getByTestId('present-map').getByTestId('rate-map-legend').evaluate((e) => parseFloat(getComputedStyle(e).fontSize))).toBeGreaterThanOrEqual(16);
    await page.screenshot({ path: `${artifacts}present-map-1024x768.png` });
    // The help lists M among the presentation's keys.
    const helpOpen = () => page.evaluate(() => !!document.querySelector('dialog[open]'));
    await page.keyboard.press('?');
    await expect.poll(helpOpen, POLL).toBe(true);
    expect(await page.getByTestId('help').textContent()).toContain('the rate map');
    // Closed before the next key: a key pressed in a dialog never reaches the figure behind it.
    await page.keyboard.press('?');
    await expect.poll(helpOpen, POLL).toBe(false);
    // M again hides it; L brings the loss plot back.
    await page.keyboard.press('m');
    await expect.poll(() => param(page, 'map'), POLL).toBeNull();
    expect(await page.getByTestId('present-map').count()).toBe(0);
    await page.keyboard.press('l');
    await expect.poll(() => page.getByTestId('loss').count(), POLL).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => presenting(page), POLL).toBe(false);
  });

  it('leaving full screen the browser’s way (its own Esc) leaves the presentation too', async () => {
    const { page } = s();
    await page.getByTestId('present').click();
    await expect.poll(() => page.evaluate(() => !!document.fullscreenElement), POLL).toBe(true);
    await page.evaluate(() => document.exitFullscreen());
    await expect.poll(() => presenting(page), POLL).toBe(false);
    await frames(page, 2);
    expect(await page.locator('aside.panels').isVisible()).toBe(true);
  });
});

/** The preset whose caption the figure shows, by its title (null: no caption, no preset). */
const shownPreset = async (page: Page) => {
  const caption = page.getByTestId('preset-caption');
  if ((await caption.count()) === 0) return null;
  const title = await caption.locator('strong').textContent();
  return presets.find((p) => runIn(presetText(dictionaries.en, p.id).title) === title)?.id ?? `unknown: ${title}`;
};

describe('the lecture presets on a projector', () => {
  it('a click on a preset brings its figure into view: the whole contour in the 1024 × 768 window, the caption above it', async () => {
    const { page } = s();
    const seen: Record<string, [number, number]> = {};
    for (const p of presets) {
      const button = page.getByTestId(`preset-${p.id}`);
      await button.scrollIntoViewIfNeeded();
      // From the gallery (under the figure in one column) the contour is out of view, wholly or in part.
      const before = (await page.locator(CONTOUR).boundingBox())!;
      expect(before.y < 0 || before.y + before.height > projector.height, `${p.id}: contour in view before the click`).toBe(true);
      await button.click();
      await quiet(page);
      expect(await shownPreset(page)).toBe(p.id);
      const box = (await page.locator(CONTOUR).boundingBox())!;
      seen[p.id] = [Math.round(box.y), Math.round(box.y + box.height)];
      expect(box.y, p.id).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height, p.id).toBeLessThanOrEqual(projector.height);
      expect(box.height, p.id).toBeGreaterThan(300);
      const caption = (await page.getByTestId('preset-caption').boundingBox())!;
      expect(caption.y, p.id).toBeGreaterThanOrEqual(0);
    }
    console.log('contour top and bottom after each preset click (1024 × 768):', JSON.stringify(seen));
  });

  it('in the presentation Page Down and Page Up (a clicker’s buttons) step through the presets, and stop at the ends', async () => {
    const { page } = s();
    // Outside the presentation Page Down is the page's: it scrolls and changes nothing.
    await page.getByTestId(`preset-${presets[0].id}`).click();
    await quiet(page);
    await page.keyboard.press('PageDown');
    await quiet(page);
    expect(await shownPreset(page)).toBe(presets[0].id);

    await page.keyboard.press('p');
    await expect.poll(() => presenting(page), POLL).toBe(true);
    const order: (string | null)[] = [await shownPreset(page)];
    for (let k = 0; k < presets.length; k++) {
      await page.keyboard.press('PageDown');
      await quiet(page);
      order.push(await shownPreset(page));
    }
    // The last figure stays on a press past the end.
    expect(order).toEqual([...presets.map((p) => p.id), presets.at(-1)!.id]);
    expect(await presenting(page)).toBe(true);
    await page.keyboard.press('PageUp');
    await quiet(page);
    expect(await shownPreset(page)).toBe(presets.at(-2)!.id);
    // Each figure arrives whole: its runs drawn.
    expect((await lines(page)).length).toBe(decode(presets.at(-2)!.link).state.runs.length);
  });
});
