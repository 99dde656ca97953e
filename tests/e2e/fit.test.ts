// The unzoomed contour's view on the paths: a function opened is fitted at once, as its link opens it; after
// that the view follows its paths only once input rests, and only grows (bench:ui checks that no drag of η,
// κ or θ costs a Plotly drawing meanwhile).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildFunction, runTrajectories } from '../../src/state/scene';
import { decode } from '../../src/state/url';
import { sharedPage } from './browser';
import { quiet, shownBox } from './plot';

const s = sharedPage();
type Box = { x: [number, number]; y: [number, number] };
const holds = (outer: Box, inner: Box) => inner.x[0] >= outer.x[0] && inner.x[1] <= outer.x[1] && inner.y[0] >= outer.y[0] && inner.y[1] <= outer.y[1];

/** The box of every iterate of the link's runs inside the function's own box (a diverging run leaves any view). */
function pathsBox(page: Page): Box {
  const { state } = decode(new URL(page.url()).search);
  const fn = buildFunction(state.fn);
  const inside = runTrajectories(fn, state).flatMap((t) => t.points)
    .filter(([x, y]) => x >= fn.view.x[0] && x <= fn.view.x[1] && y >= fn.view.y[0] && y <= fn.view.y[1]);
  const xs = inside.map((p) => p[0]), ys = inside.map((p) => p[1]);
  return { x: [Math.min(...xs), Math.max(...xs)], y: [Math.min(...ys), Math.max(...ys)] };
}

describe('the contour’s view of the paths', () => {
  it('grows to hold the paths once a change of θ rests, keeping what it showed', async () => {
    const { page } = s();
    await quiet(page);
    const before = await shownBox(page);
    expect(holds(before, pathsBox(page))).toBe(true);
    for (const theta of ['80', '-40']) {
      const was = await shownBox(page);
      await page.locator('#fn-theta').fill(theta);
      await page.locator('#fn-theta').press('Enter');
      await expect.poll(() => new URL(page.url()).searchParams.get('theta')).toBe(theta);
      await quiet(page);
      const now = await shownBox(page);
      expect(holds(now, was), `θ = ${theta}: the view only grew`).toBe(true);
      expect(holds(now, pathsBox(page)), `θ = ${theta}: every path inside`).toBe(true);
    }
  });

  it('shows a preset as its link shows it when opened', async () => {
    const { page } = s();
    await page.locator('#fn-theta').fill('80');
    await page.locator('#fn-theta').press('Enter');
    await quiet(page);
    await page.getByTestId('preset-ravine').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('kappa')).toBe('50');
    await quiet(page);
    const clicked = await shownBox(page);
    await page.goto(page.url());
    await page.waitForSelector('#fn-theta');
    await quiet(page);
    expect(await shownBox(page)).toEqual(clicked);
  });
});
