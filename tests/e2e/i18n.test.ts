// Russian and English: every label, the plots' own texts and numbers, the choice remembered and carried
// in the link; and the keyboard shortcuts with their help dialog.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, sharedPage } from './browser';
import { CONTOUR, LOSS, playhead, POLL, quiet } from './plot';

const s = sharedPage();

/** What the page and its plots say, read from the DOM and Plotly's SVG. */
function look(page: Page) {
  return page.evaluate(
    ([contour, loss]) => ({
      lang: document.documentElement.lang,
      figures: document.querySelector('#presets-heading')?.textContent,
      play: document.querySelector('[data-testid=play]')?.textContent?.trim(),
      lossX: document.querySelector(`${loss} .xtitle`)?.textContent,
      zoomTip: document.querySelector(`${contour} .modebar-btn[data-attr="dragmode"][data-val="zoom"]`)?.getAttribute('data-title'),
      resetTip: [...document.querySelectorAll(`${contour} .modebar-btn`)].map((b) => b.getAttribute('data-title')).find((t) => /^(Reset axes|Сбросить оси)$/.test(t ?? '')),
      yTicks: [...document.querySelectorAll(`${contour} .ytick text`)].map((t) => t.textContent ?? ''),
      status: document.querySelector('[data-testid=run-status]')?.textContent ?? '',
    }),
    [CONTOUR, LOSS],
  );
}

const english = {
  lang: 'en', figures: 'Lecture figures', play: '▶ Play', lossX: 'iteration t', zoomTip: 'Zoom', resetTip: 'Reset axes',
};
const russian = {
  lang: 'ru', figures: 'Рисунки из лекции', play: '▶ Пуск', lossX: 'итерация t', zoomTip: 'Увеличить область', resetTip: 'Сбросить оси',
};

/** Nothing focused: the keys go to the page. */
const blur = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

describe('languages', () => {
  it('switching to Russian translates the labels, the plots, Plotly\'s tooltips and the numbers, and back', async () => {
    const { page } = s();
    await expect.poll(() => look(page), POLL).toMatchObject(english);
    const en = await look(page);
    expect(en.yTicks).toContain('0.5');
    expect(en.status).toMatch(/\d\.\d/);
    expect(await page.getByTestId('lang-en').getAttribute('aria-pressed')).toBe('true');

    await page.getByTestId('lang-ru').click();
    expect(await page.getByTestId('lang-ru').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('lang-en').getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => look(page), POLL).toMatchObject(russian);
    const ru = await look(page);
    // A decimal comma on the plot's axis and in the run's status line.
    expect(ru.yTicks).toContain('0,5');
    expect(ru.yTicks.join(' ')).not.toMatch(/\d\.\d/);
    expect(ru.status).toMatch(/\d,\d/);
    expect(ru.status).not.toMatch(/\d\.\d/);
    expect(await page.locator('#start-y').inputValue()).toMatch(/^\d+,\d+$/);
    expect(await page.getByRole('heading', { name: 'Методы оптимизации' }).count()).toBe(1);
    expect(await page.title()).toMatch(/песочница/);
    // The language travels in the link.
    await expect.poll(() => new URL(page.url()).searchParams.get('lang'), POLL).toBe('ru');

    // After Plotly redrew with the new locale, a zoom still reaches the link.
    const area = (await page.locator(`${CONTOUR} .nsewdrag`).first().boundingBox())!;
    await page.mouse.move(area.x + 100, area.y + 80);
    await page.mouse.down();
    await page.mouse.move(area.x + 260, area.y + 200, { steps: 6 });
    await page.mouse.up();
    await expect.poll(() => new URL(page.url()).searchParams.get('view'), POLL).not.toBeNull();

    await page.getByTestId('lang-en').click();
    await expect.poll(() => look(page), POLL).toMatchObject(english);
    await expect.poll(() => new URL(page.url()).searchParams.get('lang'), POLL).toBe('en');
  });

  it('a typed number may use a decimal comma, and an invalid one is refused in Russian', async () => {
    const { page } = s();
    await page.getByTestId('lang-ru').click();
    try {
      const field = page.locator('#run-0-lr');
      await field.fill('0,5');
      await expect.poll(() => page.locator('#run-0-lr-slider').getAttribute('aria-valuetext'), POLL).toBe('0,5');
      await field.fill('abc');
      const alert = page.locator('#run-0-lr-error');
      await expect.poll(() => alert.textContent(), POLL).toBe('Введите число больше 0 и не больше 100');
      await field.press('Escape');
      expect(await field.inputValue()).toBe('0,5');
    } finally {
      await page.getByTestId('lang-en').click();
    }
  });

  it('the choice is remembered: a later visit without a link opens in it', async () => {
    const { page } = s();
    await page.getByTestId('lang-ru').click();
    try {
      await page.goto(new URL('/', page.url()).href);
      await expect.poll(() => look(page), POLL).toMatchObject(russian);
      expect(await page.evaluate(() => localStorage.getItem('ravine.lang'))).toBe('ru');
      // A link's language wins over the remembered one, and is not remembered itself.
      await page.goto(new URL('/?lang=en', page.url()).href);
      await expect.poll(() => look(page), POLL).toMatchObject(english);
      expect(await page.evaluate(() => localStorage.getItem('ravine.lang'))).toBe('ru');
    } finally {
      await page.getByTestId('lang-en').click();
    }
    await page.goto(new URL('/', page.url()).href);
    await expect.poll(() => look(page), POLL).toMatchObject(english);
  });

  it('a link with lang=ru opens in Russian in a fresh browser; an unknown language is named in the notice', async () => {
    const ru = await openPage('/?lang=ru&fn=leastsquares');
    try {
      await expect.poll(() => look(ru.page), POLL).toMatchObject(russian);
      expect(await ru.page.locator(`${CONTOUR} .xtitle`).textContent()).toBe('w₀ (свободный член)');
      expect(await ru.page.getByTestId('link-notice').count()).toBe(0);
      expect(ru.errors).toEqual([]);
    } finally {
      await ru.close();
    }
    const bad = await openPage('/?lang=xx&steps=abc');
    try {
      await expect.poll(() => look(bad.page), POLL).toMatchObject(english);
      const text = await bad.page.getByTestId('link-notice').textContent();
      expect(text).toContain('language "xx"');
      expect(text).toContain('iterations "abc"');
      expect(bad.errors).toEqual([]);
    } finally {
      await bad.close();
    }
  });

  it('a browser set to Russian opens in Russian on the first visit, with its notice in Russian too', async () => {
    const ru = await openPage('/?steps=abc', undefined, 'ru-RU');
    try {
      expect(await ru.page.evaluate(() => navigator.languages[0])).toMatch(/^ru/);
      await expect.poll(() => look(ru.page), POLL).toMatchObject(russian);
      expect(await ru.page.getByTestId('link-notice').textContent()).toContain('число итераций "abc"');
      expect(ru.errors).toEqual([]);
    } finally {
      await ru.close();
    }
  });
});

describe('keyboard shortcuts', () => {
  it('? opens the help dialog with the focus in it; Esc closes it and the focus goes back', async () => {
    const { page } = s();
    const dialog = page.getByRole('dialog');
    expect(await dialog.count()).toBe(0);
    const step = page.getByTestId('step');
    await step.focus();
    await page.keyboard.press('?');
    await expect.poll(() => dialog.count(), POLL).toBe(1);
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    expect(await dialog.getByRole('heading').textContent()).toBe('Keyboard shortcuts');
    expect(await dialog.textContent()).toMatch(/Space.*Play or pause/);
    expect(await page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);

    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count(), POLL).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('step');

    // The header's button opens it too, and its Close button gives the focus back to it.
    await page.getByTestId('help-open').click();
    await expect.poll(() => dialog.count(), POLL).toBe(1);
    await page.getByTestId('help-close').click();
    await expect.poll(() => dialog.count(), POLL).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('help-open');
  });

  it('Space plays and pauses, → and ← step by exactly one, R and Home reset, End goes to the end', async () => {
    const { page } = s();
    await blur(page);
    await page.keyboard.press('r');
    await expect.poll(async () => (await playhead(page)).t, POLL).toBe(0);

    await page.keyboard.press(' ');
    expect(await page.getByTestId('play').getAttribute('aria-label')).toBe('Pause');
    await expect.poll(async () => (await playhead(page)).t, POLL).toBeGreaterThanOrEqual(3);
    await page.keyboard.press(' ');
    expect(await page.getByTestId('play').getAttribute('aria-label')).toBe('Play');
    const paused = (await playhead(page)).t;
    expect(paused).toBeLessThan(100);
    await quiet(page);
    expect((await playhead(page)).t).toBe(paused);
    // Space did not scroll the page either.
    expect(await page.evaluate(() => document.scrollingElement!.scrollTop)).toBe(0);

    await page.keyboard.press('ArrowRight');
    expect((await playhead(page)).t).toBe(paused + 1);
    await page.keyboard.press('.');
    expect((await playhead(page)).t).toBe(paused + 2);
    await page.keyboard.press('ArrowLeft');
    expect((await playhead(page)).t).toBe(paused + 1);
    await page.keyboard.press('End');
    expect((await playhead(page)).t).toBe(100);
    await page.keyboard.press('ArrowRight');
    expect((await playhead(page)).t).toBe(100);
    await page.keyboard.press('Home');
    expect((await playhead(page)).t).toBe(0);
    await page.keyboard.press('ArrowLeft');
    expect((await playhead(page)).t).toBe(0);

    // Space on the focused Play button presses it once, not twice.
    await page.getByTestId('play').focus();
    await page.keyboard.press(' ');
    expect(await page.getByTestId('play').getAttribute('aria-label')).toBe('Pause');
    await page.keyboard.press(' ');
    expect(await page.getByTestId('play').getAttribute('aria-label')).toBe('Play');
  });

  it('none of them acts while typing in the η field or moving a slider', async () => {
    const { page } = s();
    await blur(page);
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect((await playhead(page)).t).toBe(2);

    const field = page.locator('#run-0-lr');
    await field.focus();
    await field.press('End');
    await page.keyboard.type(' r.?R');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Home');
    await page.keyboard.press('End');
    expect(await field.inputValue()).toBe('1.8 r.?R');
    expect((await playhead(page)).t).toBe(2);
    expect(await page.getByTestId('play').getAttribute('aria-label')).toBe('Play');
    expect(await page.getByRole('dialog').count()).toBe(0);
    await field.press('Escape');
    expect(await field.inputValue()).toBe('1.8');

    // A slider keeps its arrow keys: η moves, the playhead does not.
    const slider = page.locator('#run-0-lr-slider');
    const before = await slider.getAttribute('aria-valuetext');
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press(' ');
    await expect.poll(() => slider.getAttribute('aria-valuetext'), POLL).not.toBe(before);
    await quiet(page);
    expect((await playhead(page)).t).toBe(2);
    expect(await page.getByTestId('play').getAttribute('aria-label')).toBe('Play');
  });
});
