// The embed message API in a real browser: a course page on another origin than the app drives the embedded
// figure only by postMessage, and the figure's contour layer shows each command's effect; its announcements
// reach the page; a bad command is answered with what was wrong; a message from another window, or from a
// page of another origin than the link names, changes nothing.
import type { Frame, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildFunction, runTrajectories } from '../../src/state/scene';
import { decode } from '../../src/state/url';
import { openPage, type Session } from './browser';
import { appBase, courseSite, figureFrame, hear, heard, listen, type CourseSite } from './course';
import { drawnPaths, headPoints, POLL, quiet } from './plot';

// 200 steps: played at 20 steps a second, ten seconds, so a pause comes well before the end.
const FIGURE = 'fn=quadratic&kappa=25&theta=20&steps=200&run=gd,id:0,lr:1.8&run=momentum,id:1,lr:0.3,a:0.8';

/** Each run's path, as the engine computes it for a link. */
function paths(link: string): [number, number][][] {
  const { state } = decode(link);
  return runTrajectories(buildFunction(state.fn), state).map((t) => t.points as [number, number][]);
}
/** Where each run stands at step t of a link. */
const at = (link: string, t: number) => paths(link).map((p) => p[Math.min(t, p.length - 1)]);
/** Each run's path as the contour draws it with the playhead at t: up to t (beyond it, faint and not a path). */
const xy = (link: string, t: number) => paths(link).map((p) => p.slice(0, t + 1)).map((p) => ({ x: p.map((q) => q[0]), y: p.map((q) => q[1]) }));

/** A page holding the figure (and, if asked, a second frame of the page's own origin). */
const coursePage = (src: string, sibling = '') =>
  `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>Lecture 5</title>${listen}<h1>Lecture 5</h1><iframe id="figure" src="${src}" width="720" height="540"></iframe>${sibling}`;

/** A message to the figure from the course page (`child`), or from the page's other frame (`sibling`). */
const send = (from: Page | Frame, message: unknown, via: 'child' | 'sibling' = 'child') =>
  from.evaluate(({ message, via }) => {
    const figure = via === 'child' ? (document.getElementById('figure') as HTMLIFrameElement).contentWindow! : window.parent.frames[0];
    figure.postMessage(message, '*');
  }, { message, via });

describe('the embed message API', () => {
  let session: Session;
  let site: CourseSite;
  let src: string;
  beforeAll(async () => {
    site = await courseSite();
    // The figure talks to the course's origin only.
    src = `${appBase()}?${FIGURE}&embed=&origin=${site.course}`;
    site.pages.set('/', coursePage(src));
    site.pages.set('/sibling.html', coursePage(src, '<iframe id="sibling" src="/empty.html"></iframe>'));
    site.pages.set('/empty.html', '<!doctype html><link rel="icon" href="data:,"><title>notes</title>');
    session = await openPage('/');
  });
  afterAll(async () => {
    await session?.close();
    await site?.close();
  });
  afterEach(() => {
    expect(session.errors.splice(0), 'console errors and uncaught exceptions').toEqual([]);
  });

  /** Opens a course page and waits for the figure's `ready`. */
  async function course(path = '/'): Promise<{ page: Page; frame: Frame; ready: Awaited<ReturnType<typeof hear>> }> {
    const { page } = session;
    await page.goto(`${site.course}${path}`);
    // The first load of the figure (Plotly's bundle on two busy cores) takes seconds.
    const ready = await hear(page, 'ready', { timeout: 30_000 });
    return { page, frame: await figureFrame(page, '#figure'), ready };
  }

  it('says ready once the figure is drawn, with its link, t and playing, to the page it names', async () => {
    const { page, frame, ready } = await course();
    expect(ready).toMatchObject({ ravine: 1, type: 'ready', t: 200, steps: 200, playing: false, dropped: [] });
    const link = ready.link as string;
    expect(decode(link)).toMatchObject({ state: decode(FIGURE).state, playhead: null, view: null, embed: [], origin: site.course, dropped: [] });
    // The figure draws the link's paths, its playheads at their ends; the page heard it from the app's origin.
    await expect.poll(() => drawnPaths(frame), POLL).toEqual(xy(link, 200));
    expect(await headPoints(frame)).toEqual(at(link, 200));
    expect(new Set((await heard(page)).map((m) => m.origin))).toEqual(new Set([new URL(appBase()).origin]));
  });

  it('seeks, sets η and α by index or id, plays and pauses, and announces each change', async () => {
    const { page, frame, ready } = await course();
    let n = (await heard(page)).length;
    await send(page, { ravine: 1, type: 'seek', t: 12 });
    expect(await hear(page, 'playhead', { from: n })).toEqual({ ravine: 1, type: 'playhead', t: 12, steps: 200, playing: false });
    await expect.poll(() => headPoints(frame), POLL).toEqual(at(ready.link as string, 12));
    expect(await drawnPaths(frame)).toEqual(xy(ready.link as string, 12));

    // Momentum (index 1) gets η = 0.1 and α = 0.5; GD (id 0) η = 1.9. The link says so once input rests.
    n = (await heard(page)).length;
    await send(page, { ravine: 1, type: 'set', index: 1, lr: 0.1, alpha: 0.5 });
    await send(page, { ravine: 1, type: 'set', id: 0, lr: 1.9 });
    const { link } = await hear(page, 'link', { from: n });
    const runs = decode(link as string).state.runs;
    expect(runs.map((r) => [r.lr, r.params.alpha])).toEqual([[1.9, undefined], [0.1, 0.5]]);
    await expect.poll(() => drawnPaths(frame), POLL).toEqual(xy(link as string, 12));
    expect(xy(link as string, 12)).not.toEqual(xy(ready.link as string, 12));
    expect(await headPoints(frame)).toEqual(at(link as string, 12));

    // Play from t = 12, pause on the way: both are announced, and the figure rests where the pause found it.
    n = (await heard(page)).length;
    await send(page, { ravine: 1, type: 'play' });
    expect(await hear(page, 'playhead', { from: n })).toMatchObject({ playing: true });
    await expect.poll(async () => (await heard(page)).slice(n).some((m) => m.data.type === 'playhead' && (m.data.t as number) >= 15), POLL).toBe(true);
    n = (await heard(page)).length;
    await send(page, { ravine: 1, type: 'pause' });
    const t = (await hear(page, 'playhead', { from: n, match: { playing: false } })).t as number;
    expect(t).toBeGreaterThanOrEqual(15);
    expect(t).toBeLessThan(200);
    await quiet(frame);
    expect(await headPoints(frame)).toEqual(at(link as string, t));
  });

  it('opens a link sent whole through decode, and names what it dropped', async () => {
    const { page, frame } = await course();
    const n = (await heard(page)).length;
    const sent = '?fn=rosenbrock&kapa=3&steps=30&t=10&run=momentum,id:5,lr:0.0005,a:0.9&run=adadelta,id:6';
    await send(page, { ravine: 1, type: 'link', link: sent });
    expect(await hear(page, 'dropped', { from: n })).toEqual({ ravine: 1, type: 'dropped', dropped: ['run "adadelta,id:6"', 'kapa "3"'] });
    expect(await hear(page, 'playhead', { from: n })).toEqual({ ravine: 1, type: 'playhead', t: 10, steps: 30, playing: false });
    const { link } = await hear(page, 'link', { from: n });
    // The figure keeps its own embed options: the page it talks to stays the one its frame's link named.
    expect(decode(link as string)).toMatchObject({ state: decode(sent).state, playhead: 10, embed: [], origin: site.course, dropped: [] });
    await expect.poll(() => drawnPaths(frame), POLL).toEqual(xy(sent, 10));
    expect(await headPoints(frame)).toEqual(at(sent, 10));
    // The figure names the dropped parts too, as for its own link.
    expect(await frame.getByTestId('link-notice').textContent()).toContain('kapa "3"');
  });

  it('answers a bad command with what was wrong, and changes nothing', async () => {
    const { page, frame, ready } = await course();
    const n = (await heard(page)).length;
    const bad: [object, string | null, string][] = [
      [{ type: 'seek', t: 201 }, 'seek', 'seek: t must be a whole number from 0 to 200, got 201'],
      [{ type: 'set', index: 1, lr: 0 }, 'set', 'set: lr must be a number greater than 0 and at most 100, got 0'],
      [{ type: 'set', index: 0, alpha: 0.5 }, 'set', 'set: run 0 (gd) has no alpha'],
      [{ type: 'set', id: 7, lr: 1 }, 'set', 'set: no run has id 7 (the ids are 0, 1)'],
      [{ type: 'rewind' }, null, 'unknown command "rewind": the commands are link, play, pause, seek, set'],
    ];
    for (const [m] of bad) await send(page, { ravine: 1, ...m });
    await page.waitForFunction((k) => (window as unknown as { heard: unknown[] }).heard.length >= k, n + bad.length, POLL);
    await quiet(frame);
    // An error for each, in order, and nothing else: no change was announced.
    expect((await heard(page)).slice(n).map((m) => m.data)).toEqual(bad.map(([, command, message]) => ({ ravine: 1, type: 'error', command, message })));
    expect(await drawnPaths(frame)).toEqual(xy(ready.link as string, 200));
    expect(await headPoints(frame)).toEqual(at(ready.link as string, 200));
    // Other frameworks' messages (reveal.js posts strings) get no answer at all.
    await send(page, 'slide:start');
    await send(page, { namespace: 'reveal', type: 'seek', t: 3 });
    await quiet(frame);
    expect(await heard(page)).toHaveLength(n + bad.length);
  });

  it('ignores another window of the same page, and a page of another origin than the link names', async () => {
    // A second frame of the course page (its origin is the right one, but it is not the figure's parent).
    const { page, frame, ready } = await course('/sibling.html');
    const sibling = await figureFrame(page, '#sibling');
    const n = (await heard(page)).length;
    await send(sibling, { ravine: 1, type: 'seek', t: 3 }, 'sibling');
    await send(sibling, { ravine: 1, type: 'rewind' }, 'sibling');
    await quiet(frame);
    expect(await headPoints(frame)).toEqual(at(ready.link as string, 200));
    expect(await heard(page)).toHaveLength(n);
    // The same command from the parent does move it: the test could fail.
    await send(page, { ravine: 1, type: 'seek', t: 3 });
    await expect.poll(() => headPoints(frame), POLL).toEqual(at(ready.link as string, 3));

    // A page of another origin framing the same link: its commands change nothing, and it hears nothing,
    // not even `ready` (the figure's messages are addressed to the course's origin alone).
    await page.goto(`${site.other}/`);
    const other = await figureFrame(page, '#figure');
    await other.waitForFunction(() => !!document.querySelector('[data-testid=contour] .xtick'), undefined, { timeout: 30_000 });
    await send(page, { ravine: 1, type: 'seek', t: 3 });
    await send(page, { ravine: 1, type: 'rewind' });
    await quiet(other);
    expect(await headPoints(other)).toEqual(at(ready.link as string, 200));
    expect(await heard(page)).toEqual([]);
  });
});
