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
    // The loss plot is on a log axis above the lowest value seen.
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
});
