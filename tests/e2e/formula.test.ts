// A typed formula in a real browser: the field shows the state's formula whatever brought it there.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sharedPage } from './browser';
import { POLL, QUIET_MS } from './plot';

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
    await page.waitForTimeout(QUIET_MS);
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
    await page.waitForTimeout(QUIET_MS);
    await page.goBack();
    const field = page.getByTestId('formula');
    await expect.poll(() => field.inputValue(), POLL).toBe('x^2 + 3*y^2');
    await field.focus();
    await field.blur();
    await page.waitForTimeout(QUIET_MS);
    expect(formulaInLink(page)).toBe('x^2 + 3*y^2');
    expect(new URL(page.url()).searchParams.get('fn')).toBe('formula');
  });
});
