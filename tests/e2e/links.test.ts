// Presets and permalinks in a real browser: what the page draws is, to the last digit, what the engine
// computes for the state its link names.
import { describe, expect, it } from 'vitest';
import { buildFunction, runTrajectories } from '../../src/state/scene';
import { presets } from '../../src/state/presets';
import { decode } from '../../src/state/url';
import { openPage, sharedPage, waitForPlots } from './browser';
import { contour, drawnPaths, plotArea, POLL } from './plot';

/** The paths the engine computes for a link, up to its playhead unless it draws them in full. */
function expectedPaths(search: string): { x: number[]; y: number[] }[] {
  const { state, playhead, show } = decode(search);
  const fn = buildFunction(state.fn);
  const upTo = show?.rest === 'full' || playhead === null ? Infinity : playhead;
  return runTrajectories(fn, state)
    .filter((_, i) => state.runs[i].visible)
    .map((t) => t.points.slice(0, upTo + 1))
    .map((points) => ({ x: points.map((p) => p[0]), y: points.map((p) => p[1]) }));
}

describe('presets and permalinks', () => {
  const s = sharedPage();

  it('each preset loads in one click, with its caption, and draws exactly what the engine computes', async () => {
    const { page } = s();
    for (const p of presets) {
      await page.click(`[data-testid=preset-${p.id}]`);
      await expect.poll(() => page.getAttribute(`[data-testid=preset-${p.id}]`, 'aria-pressed'), POLL).toBe('true');
      await expect.poll(async () => ((await page.locator('[data-testid=preset-caption]').textContent()) ?? '').length, POLL).toBeGreaterThan(30);
      // Every iterate, and so the final one, to the last bit.
      await expect.poll(() => drawnPaths(page), POLL).toEqual(expectedPaths(p.link));
    }
  });

  it('a permalink opened in a fresh browser reproduces the paths exactly', async () => {
    const { page } = s();
    await page.click('[data-testid=add-minibatch]');
    await page.fill('#run-0-lr', '1.234567');
    const area = await plotArea(page);
    await page.mouse.click(Math.round(area.x + area.width * 0.21), Math.round(area.y + area.height * 0.33));
    await expect.poll(() => page.inputValue('#start-x'), POLL).not.toBe('-2.76');
    // The address bar and the drawing both catch up once input rests: wait until they agree.
    await expect.poll(() => new URL(page.url()).searchParams.getAll('run').length, POLL).toBe(4);
    await expect
      .poll(async () => JSON.stringify(await drawnPaths(page)) === JSON.stringify(expectedPaths(new URL(page.url()).search)), POLL)
      .toBe(true);
    const before = await drawnPaths(page);
    const link = new URL(page.url());
    expect(link.searchParams.get('start')).not.toBe('-2.7596557239555737,0.27258078662891827');

    const other = await openPage(`/${link.search}`);
    try {
      await expect.poll(() => drawnPaths(other.page), POLL).toEqual(before);
      expect(before).toEqual(expectedPaths(link.search));
      expect(other.errors).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('Back and Forward move through meaningful changes, not every slider step', async () => {
    const { page } = s();
    // The page writes its link into the address bar (replacing the entry) once it has rested.
    await expect.poll(() => new URL(page.url()).search.length, POLL).toBeGreaterThan(0);
    const start = page.url();
    await page.click('[data-testid=preset-stepsize]');
    // The preset's link has become its own history entry (written once the input rests).
    await expect.poll(() => new URL(page.url()).searchParams.get('steps'), POLL).toBe('50');
    // A slider dragged over many positions in quick succession is one change.
    const slider = page.locator('#run-0-lr-slider');
    await slider.focus();
    const before = page.url();
    for (let i = 0; i < 15; i++) await page.keyboard.press('ArrowRight');
    // The address bar is written once the input rests.
    await expect.poll(() => page.url(), POLL).not.toBe(before);
    const dragged = page.url();
    await page.goBack();
    await expect.poll(() => page.getAttribute('[data-testid=preset-stepsize]', 'aria-pressed'), POLL).toBe('true');
    await page.goBack();
    await expect.poll(() => page.url(), POLL).toBe(start);
    await waitForPlots(page);
    await expect.poll(() => page.locator('[data-testid=run]').count(), POLL).toBe(3);
    await page.goForward();
    await page.goForward();
    await expect.poll(() => page.url(), POLL).toBe(dragged);
    await expect.poll(() => drawnPaths(page), POLL).toEqual(expectedPaths(new URL(dragged).search));
  });
});

describe('damaged links', () => {
  // One browser for all of them: each opens its link in the same page (a launch costs seconds here).
  const s = sharedPage();
  const cases = [
    ['an unknown function and nonsense numbers', '?fn=nope&steps=abc&kappa=1e999', ['function "nope"', 'iterations "abc"', 'kappa "1e999"']],
    ['a run with a negative step', '?run=gd,id:0,lr:-1', ['run "gd,id:0,lr:-1"']],
    ['markup in the formula', `?fn=formula&formula=${encodeURIComponent('<img src=x onerror=alert(1)>')}`, ['formula "<img src=x onerror=alert(1)>"']],
    ['an unknown rule and a broken view', '?run=adadelta,id:0,lr:0.1&view=1,0,2', ['view "1,0,2"', 'run "adadelta,id:0,lr:0.1"']],
    ['a zoom too narrow to draw, a formula with no finite value, an unknown key', '?view=0,5e-324,0,5e-324&fn=formula&formula=1%2F0&kapa=100',
      ['view "0,5e-324,0,5e-324"', 'formula "1/0"', 'kapa "100"']],
  ] as const;

  for (const [what, search, named] of cases) {
    it(`open on the nearest valid state with a notice: ${what}`, async () => {
      const { page, errors } = s();
      await page.goto(new URL(`/${search}`, page.url()).href);
      await waitForPlots(page);
      const notice = page.locator('[data-testid=link-notice]');
      const text = (await notice.textContent()) ?? '';
      for (const n of named) expect(text).toContain(n);
      // The markup is shown as text, never inserted as an element.
      expect(await notice.locator('img').count()).toBe(0);
      await expect.poll(async () => (await drawnPaths(page)).length, POLL).toBeGreaterThan(0);
      expect((await contour(page)).count).toBeGreaterThan(10);
      await notice.getByRole('button').click();
      expect(await notice.count()).toBe(0);
      expect(errors).toEqual([]);
    });
  }

  it('names the first few parts left out and counts the rest: a link of 300 runs gives a short notice', async () => {
    const { page } = s();
    const runs = Array.from({ length: 300 }, (_, i) => `run=gd,id:${i},lr:0.1`).join('&');
    await page.goto(new URL(`/?kapa=100&${runs}`, page.url()).href);
    await waitForPlots(page);
    const notice = page.locator('[data-testid=link-notice]');
    // 8 runs are kept; the other 292 and the unknown key are left out: six named, the rest counted.
    expect(await notice.locator('code').allTextContents()).toEqual(['run "gd,id:8,lr:0.1"', 'run "gd,id:9,lr:0.1"', 'run "gd,id:10,lr:0.1"', 'run "gd,id:11,lr:0.1"', 'run "gd,id:12,lr:0.1"', 'run "gd,id:13,lr:0.1"']);
    expect(await notice.textContent()).toContain('and 287 more.');
    expect((await notice.boundingBox())!.height).toBeLessThan(100);
    expect(await page.locator('[data-testid=run]').count()).toBe(8);
  });

  it('a path that begins with // keeps its changes in the address bar, on this page, with no error', async () => {
    const { page } = s();
    const odd = new URL('/', page.url()).href.replace(/\/$/, '//elsewhere.example/notes/?kappa=30');
    await page.goto(odd);
    await waitForPlots(page);
    await page.fill('#fn-kappa', '40');
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('kappa'), POLL).toBe('40');
    const url = new URL(page.url());
    expect([url.origin, url.pathname]).toEqual([new URL(odd).origin, '//elsewhere.example/notes/']);
    // The copied link is this page's too (the afterEach finds no SecurityError among the errors).
    await page.evaluate(() => navigator.clipboard.writeText = async (text: string) => void ((window as unknown as { copied: string }).copied = text));
    await page.getByTestId('copy-link').click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { copied?: string }).copied), POLL).toBe(page.url());
  });
});

describe('copy link', () => {
  it('puts the page\'s link on the clipboard at once, even before the address bar is written, and it reopens the page', async () => {
    const { page, close } = await openPage('/', { width: 1280, height: 800 }, undefined, { permissions: ['clipboard-read', 'clipboard-write'] });
    try {
      await page.fill('#run-0-lr', '1.5');
      // Straight after the input: the address bar waits for input to rest, the copy does not.
      await page.getByTestId('copy-link').click();
      await expect.poll(() => page.getByTestId('copy-note').textContent(), POLL).toBe('Link copied');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toContain('run=gd,id:0,lr:1.5');
      expect(decode(new URL(copied).search).state.runs[0].lr).toBe(1.5);
      await expect.poll(() => page.url(), POLL).toBe(copied);
    } finally {
      await close();
    }
  });
});
