// The keyboard's way to the figure: the page's first tab stop skips the header and the panels (76 stops
// before Play without it) to the playback, where Space and the arrows drive the figure.
import { describe, expect, it } from 'vitest';
import { openPage, sharedPage } from './browser';

describe('the skip link', () => {
  const s = sharedPage({ width: 1280, height: 800 });

  it('is the first tab stop, shows when reached, and Enter puts the focus on Play; the next Tab is +1 step', async () => {
    const { page } = s();
    const skip = page.getByTestId('skip');
    expect((await skip.boundingBox())!.y + (await skip.boundingBox())!.height).toBeLessThanOrEqual(0);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('skip');
    const shown = (await skip.boundingBox())!;
    expect(shown.y).toBeGreaterThanOrEqual(0);
    expect(await skip.textContent()).toBe('Skip to the figure');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('play');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('step');
  });

  it('passing it by, Play lies over 20 tab stops in (the header and the panels first)', async () => {
    const { page } = s();
    let stops = 0;
    for (; stops < 200; stops++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'play')) break;
    }
    expect(stops).toBeGreaterThan(20);
  });

  it('speaks Russian on a Russian page', async () => {
    const { page, close } = await openPage('/?lang=ru', { width: 390, height: 844 });
    try {
      await page.keyboard.press('Tab');
      expect(await page.getByTestId('skip').textContent()).toBe('Перейти к графику');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('play');
    } finally {
      await close();
    }
  });
});
