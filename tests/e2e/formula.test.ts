// A typed formula in a real browser: the field shows the state's formula whatever brought it there, a
// real example (Rosenbrock) runs with the η its curvature allows, and the box can be fitted to it.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { decode } from '../../src/state/url';
import { sharedPage } from './browser';
import { POLL, quiet, shownBox } from './plot';

const formulaInLink = (page: Page) => new URL(page.url()).searchParams.get('formula');

/** Types a formula, applies it, and waits until the address bar has it (a history entry of its own). */
async function apply(page: Page, text: string): Promise<void> {
  const field = page.getByTestId('formula');
  await field.fill(text);
  await field.press('Enter');
  await expect.poll(() => formulaInLink(page), POLL).toBe(text);
}

describe('the formula field', () => {
  const s = sharedPage();

  it('follows Back and Forward, and leaving it afterwards undoes nothing', async () => {
    const { page } = s();
    await page.getByTestId('function-select').selectOption('formula');
    await apply(page, 'x^2 + 3*y^2');
    await apply(page, 'x^2 + y^2/4');
    const field = page.getByTestId('formula');

    await page.goBack();
    await expect.poll(() => field.inputValue(), POLL).toBe('x^2 + 3*y^2');
    // Clicking into the field and out again must not bring back the formula Back left.
    await field.focus();
    await field.blur();
    await quiet(page);
    expect(formulaInLink(page)).toBe('x^2 + 3*y^2');
    expect(await field.inputValue()).toBe('x^2 + 3*y^2');

    await page.goForward();
    await expect.poll(() => field.inputValue(), POLL).toBe('x^2 + y^2/4');
  });

  it('follows a preset and Back to the formula', async () => {
    const { page } = s();
    await page.getByTestId('function-select').selectOption('formula');
    await apply(page, 'x^2 + 3*y^2');
    await page.click('[data-testid=preset-ravine]');
    await expect.poll(() => page.getByTestId('formula').count(), POLL).toBe(0);
    await quiet(page);
    await page.goBack();
    const field = page.getByTestId('formula');
    await expect.poll(() => field.inputValue(), POLL).toBe('x^2 + 3*y^2');
    await field.focus();
    await field.blur();
    await quiet(page);
    expect(formulaInLink(page)).toBe('x^2 + 3*y^2');
    expect(new URL(page.url()).searchParams.get('fn')).toBe('formula');
  });

  it('says to write ^ for a power, in English and in Russian', async () => {
    const { page } = s();
    await page.getByTestId('function-select').selectOption('formula');
    const field = page.getByTestId('formula');
    await field.fill('(1-x)**2 + y**2');
    await field.press('Enter');
    const error = page.getByTestId('formula-error');
    await expect.poll(() => error.count(), POLL).toBe(1);
    expect(await error.textContent()).toContain('write powers with ^');
    // The offending "**" is marked, and what was typed stays in the field.
    expect(await error.locator('mark').textContent()).toBe('**');
    expect(await field.inputValue()).toBe('(1-x)**2 + y**2');
    await page.getByTestId('lang-ru').click();
    await expect.poll(() => error.textContent(), POLL).toContain('степень пишется через ^');
    // The choice is remembered: the next test starts in English again.
    await page.getByTestId('lang-en').click();
  });

  it('runs a typed Rosenbrock from (−2, 2) with η from its curvature, and fits the box to it', async () => {
    const { page } = s();
    await page.getByTestId('function-select').selectOption('formula');
    await apply(page, '(1-x)^2 + 100*(y-x^2)^2');
    await page.fill('#steps', '1000');
    await expect.poll(() => new URL(page.url()).searchParams.get('steps'), POLL).toBe('1000');
    expect(await page.getByTestId('lr-hint').textContent()).toMatch(/η\s≈\s0\.00024\b/);
    const { state } = decode(new URL(page.url()).search);
    expect(state.start).toEqual([-2, 2]);
    for (const r of state.runs) expect(r.lr).toBeCloseTo(2.4e-4, 5);
    const statuses = await page.getByTestId('run-status').allTextContents();
    expect(statuses).toHaveLength(3);
    for (const t of statuses) expect(t).not.toContain('diverged');
    // The loss plot is on a log axis above the lowest value found.
    await expect.poll(() => page.evaluate(() => (document.querySelector('[data-testid=loss] .js-plotly-plot') as unknown as { layout: { yaxis: { type: string } } }).layout.yaxis.type), POLL).toBe('log');

    await page.getByTestId('box-fit').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('box'), POLL).toBe('-2.6,1.5,-0.6,2.8');
    expect(await page.inputValue('#box-x0')).toBe('-2.6');
    // The plot shows the new box: whole on one axis, widened about its centre on the other (equal axes).
    await expect
      .poll(async () => {
        const { x, y } = await shownBox(page);
        const inside = x[0] <= -2.6 && x[1] >= 1.5 && y[0] <= -0.6 && y[1] >= 2.8;
        const tight = (x[0] === -2.6 && x[1] === 1.5) || (y[0] === -0.6 && y[1] === 2.8);
        const centred = Math.abs(x[0] + x[1] - (-2.6 + 1.5)) < 1e-9 && Math.abs(y[0] + y[1] - (-0.6 + 2.8)) < 1e-9;
        return inside && tight && centred;
      }, POLL)
      .toBe(true);
    await page.getByTestId('box-reset').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('box'), POLL).toBeNull();
  });

  it('gives Himmelblau typed after Rosenbrock a box with its four minima, an η that converges, and an honest log axis', async () => {
    const { page } = s();
    await page.getByTestId('function-select').selectOption('formula');
    await apply(page, '(1-x)^2 + 100*(y-x^2)^2');
    await apply(page, '(x^2+y-11)^2+(x+y^2-7)^2');
    // The four minima lie in the link's box and in the plot (Rosenbrock's box left three out).
    const minima = [[3, 2], [-2.805, 3.131], [-3.779, -3.283], [3.584, -1.848]];
    const box = new URL(page.url()).searchParams.get('box')!.split(',').map(Number);
    await expect.poll(async () => {
      const { x, y } = await shownBox(page);
      return minima.every(([a, b]) => a > box[0] && a < box[1] && b > box[2] && b < box[3] && a > x[0] && a < x[1] && b > y[0] && b < y[1]);
    }, POLL).toBe(true);
    // No run diverges (at 1/L of the start, 0.071, all three did at step 3), and the hint names the η they took.
    const { state } = decode(new URL(page.url()).search);
    for (const r of state.runs) expect(r.lr).toBeCloseTo(0.0714 / 4, 3);
    await expect.poll(() => page.getByTestId('run-status').allTextContents(), POLL).toHaveLength(3);
    for (const t of await page.getByTestId('run-status').allTextContents()) expect(t).not.toContain('diverged');
    expect(await page.getByTestId('lr-hint').textContent()).toMatch(/η\s≈\s0\.018\b/);
    // The loss axis says what its floor is, and its powers of ten stand at least 40 px apart.
    const loss = page.locator('[data-testid=loss]');
    await expect.poll(() => loss.locator('.ytitle').textContent(), POLL).toBe('f − f̂ (f̂: the lowest f found)');
    const ys = (await loss.locator('.ytick text').evaluateAll((ts) => ts.map((t) => t.getBoundingClientRect()).filter((r) => r.height > 0).map((r) => r.y))).sort((a, b) => a - b);
    expect(ys.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < ys.length; i++) expect(ys[i] - ys[i - 1]).toBeGreaterThanOrEqual(40);
  });
});
