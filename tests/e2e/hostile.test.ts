// Links and formulas from strangers: hundreds of hostile or broken inputs, and not one may run code,
// open a dialog, throw, or leave the page without a plot or a notice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../vite.config';
import { openPage, waitForPlots, type Session } from './browser';
import { CONTOUR } from './plot';

// Every payload tries to set window.__pwned (the canary) by some route into HTML or JavaScript.
const payloads = [
  '<img src=x onerror="window.__pwned=1">',
  '"><script>window.__pwned=1</script>',
  "'><svg onload=window.__pwned=1>",
  'javascript:window.__pwned=1',
  '{{constructor.constructor("window.__pwned=1")()}}',
  '${window.__pwned=1}',
  'constructor.constructor("window.__pwned=1")()',
  'import({}, {override: true})',
  'evaluate("window.__pwned=1")',
  'cos.constructor("window.__pwned=1")()',
  '__proto__',
  'x.constructor',
  '<iframe src="javascript:window.__pwned=1">',
  '%3Cscript%3Ewindow.__pwned=1%3C/script%3E',
  '%E0%A4%A',
  '\u202Ex^2\u0000',
  'x'.repeat(5000),
  '1e999',
  '-0',
  'NaN',
  '',
];
const keys = ['fn', 'formula', 'kappa', 'theta', 'N', 'noise', 'nseed', 'start', 'steps', 't', 'view', 'box', 'run', 'lang', 'zzz', '__proto__'];

/** A seeded generator, so the same few hundred links are tried on every run. */
function* links(count: number): Generator<string> {
  let s = 12345;
  const pick = <T>(a: readonly T[]) => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return a[s % a.length];
  };
  for (let i = 0; i < count; i++) {
    const parts: string[] = [];
    for (let k = 0; k < 1 + (i % 4); k++) {
      const key = pick(keys);
      const value = key === 'run' ? `${pick(['gd', 'momentum', 'x'])},id:${pick(['0', payloads[0], '-1'])},lr:${pick(payloads)}` : pick(payloads);
      // Half the values raw (as a hand-edited link), half encoded (as a pasted one).
      parts.push(`${key}=${i % 2 ? value : encodeURIComponent(value)}`);
    }
    if (i % 5 === 0) parts.push('fn=formula');
    yield parts.join('&');
  }
}

/** Resolves once the page has rendered two more frames: whatever the last input changed has been drawn. */
function nextFrames(page: import('playwright-core').Page): Promise<void> {
  return page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
}

describe('hostile links and formulas', () => {
  let session: Session;
  const dialogs: string[] = [];
  beforeAll(async () => {
    session = await openPage('/');
    session.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  });
  afterAll(() => session?.close());

  /** After each input: no canary, no dialog, no error, no injected element, and a plot on screen. */
  async function assertSafe(what: string): Promise<void> {
    const { page, errors } = session;
    const state = await page.evaluate((sel) => ({
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      injected: document.querySelectorAll('body script, body iframe, body img[src], [onerror], [onload]').length,
      contour: (document.querySelector(`${sel} canvas.bands`) as unknown as { drawn?: { segments: number } } | null)?.drawn?.segments ?? 0,
    }), CONTOUR);
    expect(state.pwned, what).toBeUndefined();
    expect(state.injected, what).toBe(0);
    expect(state.contour, what).toBeGreaterThan(0);
    expect(dialogs, what).toEqual([]);
    expect(errors.filter((e) => !e.includes('Content Security Policy')), what).toEqual([]);
  }

  it('the built page carries the Content-Security-Policy', async () => {
    const meta = await session.page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    expect(meta).toBe(contentSecurityPolicy);
  });

  // A page load each costs about a second: a dozen cover the start-up path; the rest go through Back/Forward.
  it('opens 12 hostile links from scratch, each on a plot, with a notice whenever something was dropped', async () => {
    const { page } = session;
    let noticed = 0;
    for (const link of links(12)) {
      await page.goto(`/?${link}`.replace(/^\//, new URL(page.url()).origin + '/'));
      await waitForPlots(page);
      await assertSafe(link);
      if (await page.locator('[data-testid=link-notice]').count()) noticed++;
    }
    expect(noticed).toBeGreaterThan(8);
  });

  // Each one recomputes and redraws the whole page (~0.1 s here): 188 keep the file at half its time limit.
  it('follows 188 more through Back/Forward-style navigation without a reload', async () => {
    const { page } = session;
    let i = 0;
    for (const link of links(200)) {
      if (i++ < 12) continue;
      await page.evaluate((q) => {
        history.pushState(null, '', `?${q}`);
        dispatchEvent(new PopStateEvent('popstate'));
      }, link);
      // Every 25th link, let the page draw it (two frames) before checking.
      if (i % 25 === 0) await nextFrames(page);
      await assertSafe(link);
    }
    await nextFrames(page);
    await assertSafe('after all links');
  });

  it('refuses hostile formulas typed into the field, with a message, keeping the last good function', async () => {
    const { page } = session;
    await page.goto(new URL('/', page.url()).href);
    await waitForPlots(page);
    await page.selectOption('[data-testid=function-select]', 'formula');
    const field = page.locator('[data-testid=formula]');
    await field.fill('x^2 + 2*y^2');
    await field.press('Enter');
    const refused = [
      ...payloads.filter((p) => p !== '' && p !== '-0' && p !== '1e999' && p !== 'NaN' && !p.startsWith('x'.repeat(10))),
      'x'.repeat(501), 'f(x) = x', 'a = 1', '[1, 2]', '"x"', 'x.y', 'parse("1")', 'createUnit("q")', 'simplify(x)',
      'derivative(x, x)', 'resolve(x)', 'config({})', '('.repeat(60) + 'x' + ')'.repeat(60),
    ];
    let shown = 0;
    for (const text of refused) {
      await field.fill(text);
      await field.press('Enter');
      await assertSafe(text);
      if (await page.locator('[data-testid=formula-error]').count()) shown++;
    }
    expect(shown).toBe(refused.length);
    // The last good formula is still the function on screen.
    expect(new URL(page.url()).searchParams.get('formula')).toBe('x^2 + 2*y^2');
  });
});
