// A slide deck around the figure: the reveal.js example (examples/reveal/) with the real reveal.js, served from
// another origin than the app. After a click into the figure, → and Space reach the deck as keys (with the
// keyCode reveal.js reads) and turn its fragments, which seek the figure; an arrow on a focused slider of the
// figure moves the slider and stays in the figure.
import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildFunction, runTrajectories } from '../../src/state/scene';
import { decode } from '../../src/state/url';
import { openPage, type Session } from './browser';
import { appBase, courseSite, figureFrame, hear, heard, serveReveal, type CourseSite } from './course';
import { headPoints, POLL } from './plot';

const example = readFileSync(new URL('../../examples/reveal/index.html', import.meta.url), 'utf8');
/** Where the example expects Ravine (`npm run preview`'s address) and reveal.js. */
const RAVINE = 'http://127.0.0.1:4173/';
const cdn = /https:\/\/[^"]*\/reveal\.js@[^/]+\/dist\//.exec(example)![0];

/** Where each run stands at step t of a link. */
function at(link: string, t: number): [number, number][] {
  const { state } = decode(link);
  return runTrajectories(buildFunction(state.fn), state).map((tr) => tr.points[Math.min(t, tr.points.length - 1)] as [number, number]);
}

/**
 * On the deck's page only (not in the figure's frame): every key event its document sees, as a listener there
 * reads it, and every message of the page's frames (as course.ts's `listen`).
 */
function record(origin: string): void {
  if (location.origin !== origin) return;
  const w = window as unknown as { keys: object[]; heard: object[] };
  w.keys = [];
  w.heard = [];
  for (const type of ['keydown', 'keyup']) {
    document.addEventListener(type, (e) => {
      const k = e as KeyboardEvent;
      w.keys.push({ type, key: k.key, code: k.code, keyCode: k.keyCode, which: k.which, shiftKey: k.shiftKey, trusted: k.isTrusted });
    }, true);
  }
  addEventListener('message', (e) => {
    if ([...document.querySelectorAll('iframe')].some((f) => f.contentWindow === e.source)) w.heard.push({ origin: e.origin, data: e.data });
  });
}

const keys = (page: Page) => page.evaluate(() => (window as unknown as { keys: Record<string, unknown>[] }).keys);
const fragment = (page: Page) => page.evaluate(() => (window as unknown as { Reveal: { getIndices(): { h: number; f?: number } } }).Reveal.getIndices());

describe('the reveal.js example', () => {
  let session: Session;
  let site: CourseSite;
  beforeAll(async () => {
    site = await courseSite();
    expect(example.split(RAVINE).length - 1, 'the iframe and the script name Ravine').toBe(2);
    site.pages.set('/reveal/', example.replaceAll(RAVINE, appBase()));
    session = await openPage('/');
    await serveReveal(session.context, cdn);
    await session.context.addInitScript(record, site.course);
  });
  afterAll(async () => {
    await session?.close();
    await site?.close();
  });
  afterEach(() => {
    expect(session.errors.splice(0), 'console errors and uncaught exceptions').toEqual([]);
  });

  /** The deck on its figure's slide, the figure drawn and at the slide's t = 0. */
  async function deck(): Promise<{ page: Page; frame: Frame; link: string }> {
    const { page } = session;
    // A page of its own each time (another hash alone would keep the deck where the last test left it).
    await page.goto('about:blank');
    await page.goto(`${site.course}/reveal/#/1`);
    const ready = await hear(page, 'ready', { timeout: 30_000 });
    expect(ready).toMatchObject({ t: 0, steps: 80, playing: false, dropped: [] });
    expect(await fragment(page)).toMatchObject({ h: 1, f: -1 });
    return { page, frame: await figureFrame(page, 'iframe.ravine'), link: ready.link as string };
  }

  /** A click into the figure beside the plot (on its legend): the figure's frame has the keyboard. */
  async function focusFigure(frame: Frame): Promise<void> {
    await frame.getByTestId('legend').click();
    expect(await frame.evaluate(() => document.hasFocus())).toBe(true);
  }

  /** A key as the deck's document sees it, passed on from the figure (so not the browser's own: untrusted). */
  const passed = (key: string, code: string, keyCode: number) =>
    ['keydown', 'keyup'].map((type) => ({ type, key, code, keyCode, which: keyCode, shiftKey: false, trusted: false }));

  it('turns the fragments with → and Space pressed in the figure, and each fragment seeks the figure', async () => {
    const { page, frame } = await deck();
    // A click on the plot moves the start (as any click there does), and → still turns the deck.
    let n = (await heard(page)).length;
    await frame.getByTestId('contour').click({ position: { x: 150, y: 120 } });
    const link = (await hear(page, 'link', { from: n })).link as string;
    await expect.poll(() => headPoints(frame), POLL).toEqual(at(link, 0));
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => fragment(page), POLL).toMatchObject({ h: 1, f: 0 });
    await expect.poll(() => headPoints(frame), POLL).toEqual(at(link, 3));

    // With the keyboard in the figure's frame, Space and → come to the deck from the figure.
    await focusFigure(frame);
    n = (await keys(page)).length;
    await page.keyboard.press(' ');
    await expect.poll(() => fragment(page), POLL).toMatchObject({ h: 1, f: 1 });
    expect((await keys(page)).slice(n)).toEqual(passed(' ', 'Space', 32));
    await expect.poll(() => headPoints(frame), POLL).toEqual(at(link, 15));
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => fragment(page), POLL).toMatchObject({ h: 1, f: 2 });
    expect((await keys(page)).slice(n + 2)).toEqual(passed('ArrowRight', 'ArrowRight', 39));
    await expect.poll(() => headPoints(frame), POLL).toEqual(at(link, 80));

    // ← hides the fragment again: back to the one before's t.
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => fragment(page), POLL).toMatchObject({ h: 1, f: 1 });
    await expect.poll(() => headPoints(frame), POLL).toEqual(at(link, 15));
    // reveal.js's own messages to the frames on its slide (the string 'slide:start') got no answer.
    expect((await heard(page)).map((m) => m.data.type)).not.toContain('error');
  });

  it('leaves an arrow on a focused slider of the figure to the slider, not the deck', async () => {
    const { page, frame } = await deck();
    await focusFigure(frame);
    await frame.locator('#embed-run-1-lr').focus();
    const n = (await heard(page)).length;
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => frame.locator('label[for=embed-run-1-lr] output').textContent(), POLL).not.toBe('0.3');
    // The figure says its new link; a key passed on would have come before it (one sender's messages keep their order).
    const { link } = await hear(page, 'link', { from: n });
    expect(decode(link as string).state.runs[1].lr).toBeLessThan(0.3);
    expect((await heard(page)).slice(n).map((m) => m.data.type)).not.toContain('key');
    expect(await keys(page)).toEqual([]);
    expect(await fragment(page)).toMatchObject({ h: 1, f: -1 });
    // Off the slider, the same key goes to the deck again (to the slide before: no fragment is shown yet).
    await frame.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => fragment(page), POLL).toMatchObject({ h: 0 });
    expect(await keys(page)).toEqual(passed('ArrowLeft', 'ArrowLeft', 37));
  });
});
