// The learning-rate range test in the browser: opened from a run card by the keyboard, measured by the map's
// workers (loaded only then), GD's edge on the ravine next to theory's 2/L = 2, in English and Russian.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sharedPage } from './browser';
import { POLL } from './plot';

const s = sharedPage();
const PLOT = '[data-testid=range-plot]';

/** Waits until the test's workers have answered: no 'range' work pending, and the plot drawn from them. */
async function measured(page: Page): Promise<void> {
  await page.waitForFunction(
    (sel) => !/\brange\b/.test(document.documentElement.dataset.pending ?? '') && document.querySelector(sel)?.getAttribute('data-state') === 'done',
    PLOT, { timeout: 30_000 },
  );
}

const loadedChunk = (page: Page) =>
  page.evaluate(() => performance.getEntriesByType('resource').some((e) => /RangeTest/.test(e.name)));

describe('the range test', () => {
  it('opens from GD’s card by the keyboard, loaded only then, and finds the edge within a grid step of 2/L = 2', async () => {
    const { page } = s();
    // The first contour came without the test's code.
    expect(await loadedChunk(page)).toBe(false);
    const open = page.getByTestId('run-range').first();
    expect(await open.getAttribute('aria-label')).toBe('Range test of GD');
    await open.focus();
    await page.keyboard.press('Enter');
    await measured(page);
    expect(await loadedChunk(page)).toBe(true);
    // The keyboard's focus went with the reader to the test.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('range-heading');
    await expect.poll(() => page.url(), POLL).toContain('range=0');
    const plot = page.locator(PLOT);
    // 240 η from 0.001 to 2.5: one grid step is a factor 2500^(1/239) = 1.0333.
    const edge = Number(await plot.getAttribute('data-edge'));
    expect(edge).toBeGreaterThan(2);
    expect(edge).toBeLessThan(2 * 1.0334);
    expect(await plot.getAttribute('data-theory-edge')).toBe('2');
    expect(Number(await plot.getAttribute('data-diverged'))).toBeGreaterThan(0);
    const legend = await page.getByTestId('range-legend').innerText();
    expect(legend).toContain(`Divergence edge: η ≈ ${Number(edge.toPrecision(3))}`);
    expect(legend).toContain('the edge is 2/L = 2 (L = 1');
    // A tenth of the edge, taken by its button, is GD's η.
    const tenth = Number((edge / 10).toPrecision(2));
    await page.getByTestId('range-use').click();
    await expect.poll(() => page.locator('#run-0-lr').inputValue(), POLL).toBe(String(tenth));
    // η is not what the test depends on: it is not measured again.
    expect(await plot.getAttribute('data-state')).toBe('done');
  });

  it('another run: Momentum’s edge is 2(1 + α)/L = 3.6; the map takes the workers’ place, and the test comes back by its button', async () => {
    const { page } = s();
    await page.getByTestId('range-show').click();
    await measured(page);
    await page.getByTestId('range-run').selectOption('1');
    await measured(page);
    const plot = page.locator(PLOT);
    expect(Number(await plot.getAttribute('data-theory-edge'))).toBeCloseTo(3.6, 12);
    expect(await page.getByTestId('range-legend').innerText()).toContain('2(1+α)/L = 3.6');
    // The map's slider range stops at 5 for Momentum: the edge found lies within a grid step above 3.6.
    const edge = Number(await plot.getAttribute('data-edge'));
    expect(edge).toBeGreaterThan(3.6);
    expect(edge).toBeLessThan(3.6 * 1.04);
    await page.getByTestId('map-show').click();
    await expect.poll(() => page.locator(PLOT).count(), POLL).toBe(0);
    // The map opens for the run under the contour: Momentum, the first with a knob beside η.
    await expect.poll(() => page.url(), POLL).toContain('map=1');
    expect(page.url()).not.toContain('range=');
    await page.getByTestId('range-show').click();
    await measured(page);
    expect(await page.getByTestId('map-show').isVisible()).toBe(true);
  });

  it('in Russian, from a link', async () => {
    const { page } = s();
    await page.goto(page.url().replace(/\?.*$/, '') + '?fn=quadratic&kappa=25&theta=20&range=0&lang=ru');
    await measured(page);
    const legend = await page.getByTestId('range-legend').innerText();
    expect(legend).toMatch(/Граница расходимости: η ≈ 2,0\d/);
    expect(legend).toContain('граница равна 2/L = 2 (L = 1');
    expect(await page.locator(PLOT).getAttribute('aria-label')).toBe('Значение функции в конце запуска (Градиентный спуск) в зависимости от η, логарифмическая шкала');
    expect(await page.getByTestId('run-range').first().textContent()).toBe('Подбор η');
  });
});
