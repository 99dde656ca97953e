// Every number field of the page, in English and in Russian: an entry typed key by key reaches the state
// only whole, a refused one changes nothing, and a thousands separator is read as the language writes it.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sharedPage } from './browser';
import { POLL, quiet } from './plot';

/** Every kind of field at once: a schedule, a batch and its seed, Adam's settings, the cost's ε. */
const RICH = '?run=minibatch,id:0,lr:0.1,B:4,seed:3,sched:inverse,k:0.05&run=momentum,id:1,lr:0.3,a:0.8&run=adam,id:2,lr:0.1';

/**
 * Types `text` into the field key by key and leaves it, in one task: no timer of the page runs between the
 * keys, as when a user types faster than the field waits for a pause.
 */
async function typeAndLeave(page: Page, id: string, text: string): Promise<void> {
  await page.evaluate(({ id, text }) => {
    const el = document.getElementById(id) as HTMLInputElement;
    el.focus();
    el.value = '';
    el.dispatchEvent(new Event('input', { bubbles: true }));
    for (const c of text) {
      el.value += c;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }
    el.blur();
  }, { id, text });
}

/** The ids of the page's number fields (the stochastic settings' section opened). */
async function fieldIds(page: Page): Promise<string[]> {
  await page.evaluate(() => document.querySelectorAll('.panels details').forEach((d) => ((d as HTMLDetailsElement).open = true)));
  return page.locator('.panels input[inputmode=decimal]').evaluateAll((els) => els.map((e) => e.id));
}

describe('number fields', () => {
  const s = sharedPage();

  for (const [lang, bad, note] of [
    // A decimal field asks for a point; a whole-number one says where its commas may stand.
    ['en', ['1e999', '2,5', '5000000'], { decimal: ', with a point before decimals (0.5)', whole: ', commas only between groups of three digits (10,000)' }],
    ['ru', ['1e999', '2 50', '5000000'], null],
  ] as const) {
    it(`in ${lang}: a refused entry typed key by key leaves every field's state as it was, and says why`, async () => {
      const { page } = s();
      await page.goto(new URL(`/${RICH}&lang=${lang}`, page.url()).href);
      await quiet(page);
      const ids = await fieldIds(page);
      // Both cards' rules, the schedule, the batch, the function, the noise, the start, the box, the cost.
      for (const id of ['run-0-k', 'run-0-batch', 'run-0-seed', 'run-1-alpha', 'run-2-beta1', 'run-2-eps', 'fn-kappa', 'fn-samples', 'fn-noise', 'start-x', 'steps', 'box-x0', 'cost-seeds', 'cost-target']) {
        expect(ids).toContain(id);
      }
      const link = new URL(page.url()).search;
      for (const id of ids) {
        const shown = await page.inputValue(`#${id}`);
        for (const text of bad) {
          await typeAndLeave(page, id, text);
          await quiet(page);
          const alert = page.locator(`#${id}-error`);
          expect(await alert.count(), `${id} ${text}`).toBe(1);
          const message = (await alert.textContent()) ?? '';
          expect(message, `${id} ${text}`).toMatch(lang === 'en' ? /^Enter (a|a whole) number / : /^Введите (целое )?число /);
          if (note && text === '2,5') expect(message.endsWith(message.startsWith('Enter a whole') ? note.whole : note.decimal), message).toBe(true);
          expect(new URL(page.url()).search, `${id} ${text}`).toBe(link);
          // Escape gives the field back its value.
          await page.press(`#${id}`, 'Escape');
          expect(await page.inputValue(`#${id}`)).toBe(shown);
          expect(await alert.count()).toBe(0);
          await page.locator(`#${id}`).blur();
        }
      }
    });
  }

  it('reads a thousands separator as the language writes it: 1,000 in English, 1 000 in Russian', async () => {
    const { page } = s();
    for (const [lang, text, next] of [['en', '1,000', '1000'], ['ru', '1 500', '1500']] as const) {
      await page.goto(new URL(`/?lang=${lang}`, page.url()).href);
      await page.waitForSelector('#steps');
      await quiet(page);
      await typeAndLeave(page, 'steps', text);
      await expect.poll(() => new URL(page.url()).searchParams.get('steps'), POLL).toBe(next);
      expect(await page.inputValue('#steps')).toBe(next);
    }
  });

  it('the keys on the way to an entry never reach the state: κ 5000 is refused and κ stays 25, not 500', async () => {
    const { page } = s();
    await typeAndLeave(page, 'fn-kappa', '5000');
    await quiet(page);
    expect(await page.locator('#fn-kappa-error').count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('kappa')).toBe('25');
    // A valid entry applies once typing pauses, without Enter or leaving the field.
    await page.locator('#fn-kappa').fill('40');
    await expect.poll(() => new URL(page.url()).searchParams.get('kappa'), POLL).toBe('40');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('fn-kappa');
  });

  it('the embed dialog\'s size: a refused width leaves the snippet as it was', async () => {
    const { page } = s();
    await page.getByTestId('copy-embed').click();
    const code = page.getByTestId('embed-code');
    const before = await code.inputValue();
    expect(before).toContain('width="720" height="540"');
    for (const id of ['embed-width', 'embed-height']) {
      await typeAndLeave(page, id, '5000');
      await quiet(page);
      expect(await page.locator(`#${id}-error`).count()).toBe(1);
      expect(await code.inputValue()).toBe(before);
    }
    await page.getByTestId('embed-close').click();
  });
});
