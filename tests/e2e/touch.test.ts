// A phone (390 × 844, a touch screen): every target a finger must hit is 40 px or more each way, and
// Plotly's mode bar sits above the plot area instead of over the paths.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, type Session } from './browser';
import { CONTOUR, LOSS, plotArea, POLL, quiet } from './plot';

const phone = { width: 390, height: 844 };
let session: Session;

beforeAll(async () => {
  session = await openPage('/', phone, 'en-US', { hasTouch: true, isMobile: true });
});
afterAll(async () => {
  expect(session.errors, 'console errors and uncaught exceptions').toEqual([]);
  await session.close();
});

describe('on a phone', () => {
  it('checkboxes and radio buttons (by their labels), sliders and the EN | RU switch are targets of 40 × 40 px or more', async () => {
    const { page } = session;
    expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true);
    const targets = await page.evaluate(() => {
      const shown = (e: Element) => e.checkVisibility();
      const box = (what: string, e: Element) => {
        const r = e.getBoundingClientRect();
        return { what, width: Math.round(r.width), height: Math.round(r.height) };
      };
      return [
        ...[...document.querySelectorAll('input[type=checkbox]')].filter(shown).map((c) => box(`box ${c.getAttribute('data-testid')}`, c.closest('label') ?? c)),
        ...[...document.querySelectorAll('input[type=radio]')].filter(shown).map((c) => box(`radio ${c.getAttribute('name')}`, c.closest('label') ?? c)),
        ...[...document.querySelectorAll('input[type=range]')].filter(shown).map((r) => box(`slider ${r.id || r.getAttribute('aria-label')}`, r)),
        ...[...document.querySelectorAll('[data-testid^=lang-]')].filter(shown).map((b) => box(b.getAttribute('data-testid')!, b)),
      ];
    });
    // All the kinds are there: the overlays' boxes, the runs' boxes, the runs under the plot, the sliders, both languages.
    expect(targets.filter((t) => t.what.startsWith('box show-')).length).toBeGreaterThanOrEqual(3);
    expect(targets.filter((t) => t.what.startsWith('box run-visible')).length).toBe(3);
    expect(targets.filter((t) => t.what.startsWith('radio focus-run')).length).toBe(3);
    expect(targets.filter((t) => t.what.startsWith('slider')).length).toBeGreaterThanOrEqual(4);
    expect(targets.filter((t) => t.what.startsWith('lang-')).length).toBe(2);
    const small = targets.filter((t) => t.width < 40 || t.height < 40);
    expect(small, JSON.stringify(small)).toEqual([]);
  });

  it('asks to tap the plot, not to click it (Нажмите, not Щёлкните, in Russian)', async () => {
    const { page } = session;
    const tagline = page.locator('header.top p');
    expect(await tagline.textContent()).toContain('Tap the plot to move the start');
    await page.getByTestId('lang-ru').click();
    await expect.poll(() => tagline.textContent(), POLL).toContain('Нажмите на график, чтобы перенести старт');
    expect(await tagline.textContent()).not.toMatch(/щёлкн/i);
    await page.getByTestId('lang-en').click();
    await expect.poll(() => tagline.textContent(), POLL).toContain('Tap the plot');
  });

  it('shows most of the contour’s plot area in the first screen, in English and in Russian (the header on one row)', async () => {
    const { page } = session;
    const measure = () =>
      page.evaluate((sel) => {
        const c = document.querySelector(`${sel} canvas.marks`) as HTMLCanvasElement & { drawn: { frame: { y: { offset: number; length: number } } } };
        const top = c.getBoundingClientRect().top + window.scrollY + c.drawn.frame.y.offset;
        const shown = Math.max(0, Math.min(innerHeight, top + c.drawn.frame.y.length) - top);
        const title = document.querySelector('header.top h1')!.getBoundingClientRect();
        const link = document.querySelector('[data-testid=copy-link]')!.getBoundingClientRect();
        return { share: shown / c.drawn.frame.y.length, sameRow: link.top < title.bottom && link.bottom > title.top };
      }, CONTOUR);
    await page.evaluate(() => window.scrollTo(0, 0));
    const en = await measure();
    await page.getByTestId('lang-ru').click();
    await expect.poll(() => page.getByTestId('copy-link').textContent(), POLL).toContain('Ссылка');
    await quiet(page);
    const ru = await measure();
    await page.getByTestId('lang-en').click();
    await quiet(page);
    expect(en.sameRow).toBe(true);
    expect(ru.sameRow).toBe(true);
    expect(en.share, `EN ${en.share}`).toBeGreaterThan(0.85);
    expect(ru.share, `RU ${ru.share}`).toBeGreaterThan(0.75);
    // The shorter label keeps the button's full name for a screen reader.
    expect(await page.getByTestId('copy-link').getAttribute('aria-label')).toBe('Copy link');
  });

  it('Plotly’s mode bar, once a tap has shown it, lies above the plot area of the contour and of the loss plot', async () => {
    const { page } = session;
    const area = await plotArea(page);
    await page.locator(CONTOUR).tap({ position: { x: area.width / 2, y: 60 } });
    await quiet(page);
    for (const plot of [CONTOUR, LOSS]) {
      const bar = await page.locator(`${plot} .modebar`).boundingBox();
      expect(bar, plot).not.toBeNull();
      expect(bar!.height, plot).toBeGreaterThan(15);
      // The plot area's top, in the window's pixels as the bar's box: the marks canvas's top plus the frame's top margin.
      const top = await page.evaluate((sel) => {
        const c = document.querySelector(`${sel} canvas.marks`) as HTMLCanvasElement & { drawn: { frame: { y: { offset: number } } } };
        return c.getBoundingClientRect().top + c.drawn.frame.y.offset;
      }, plot);
      const barBottom = bar!.y + bar!.height;
      expect(barBottom, `${plot}: mode bar bottom vs plot area top ${top}`).toBeLessThanOrEqual(top);
    }
  });
});
