// The lecture's figures as a 1024×768 projector shows them: every drawn path inside the plot area, and the
// step vectors the captions talk about long enough to read from the back of a room.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presets } from '../../src/state/presets';
import { buildFunction, runTrajectories } from '../../src/state/scene';
import { decode } from '../../src/state/url';
import { openPage, waitForPlots, type Session } from './browser';
import { CONTOUR } from './plot';

const projector = { width: 1024, height: 768 };

interface Figure {
  /** Every run's drawn path, in CSS pixels from the plot area's top left. */
  paths: { color: string; px: number[]; py: number[] }[];
  /** Every drawn step vector's length in CSS pixels, with its run's colour and whether it is dashed (inertia). */
  vectors: { color: string; dashed: boolean; length: number }[];
  area: { width: number; height: number };
}

/** What the contour's layer drew: the runs' paths and the step vectors' segments. */
function figure(page: Page): Promise<Figure> {
  return page.evaluate((sel) => {
    const d = (document.querySelector(`${sel} canvas.marks`) as HTMLCanvasElement & { drawn?: any }).drawn;
    const ox = d.frame.x.offset, oy = d.frame.y.offset;
    const paths = d.lines.filter((l: any) => l.mark.f && !l.mark.silent).map((l: any) => ({
      color: l.mark.color, px: Array.from(l.px as Float32Array, (x) => x - ox), py: Array.from(l.py as Float32Array, (y) => y - oy),
    }));
    const vectors: { color: string; dashed: boolean; length: number }[] = [];
    for (const l of d.lines.filter((l: any) => l.mark.silent && l.mark.heads)) {
      for (let k = 1; k < l.px.length; k++) {
        const length = Math.hypot(l.px[k] - l.px[k - 1], l.py[k] - l.py[k - 1]);
        if (Number.isFinite(length)) vectors.push({ color: l.mark.color, dashed: !!l.mark.dash, length });
      }
    }
    return { paths, vectors, area: { width: d.frame.x.length, height: d.frame.y.length } };
  }, CONTOUR);
}

describe('the lecture figures at 1024×768', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openPage('/', projector);
  });
  afterAll(() => session?.close());

  async function open(id: string): Promise<Figure> {
    const { page } = session;
    await page.goto(new URL(`/?${presets.find((p) => p.id === id)!.link}`, page.url()).href);
    await waitForPlots(page);
    return figure(page);
  }

  // A run that diverges leaves any view: that is what the step-size figure shows.
  const diverges = (id: string) => {
    const { state } = decode(presets.find((p) => p.id === id)!.link);
    return runTrajectories(buildFunction(state.fn), state).some((t) => t.diverged);
  };

  for (const { id } of presets.filter((p) => !diverges(p.id))) {
    it(`"${id}": every drawn path lies inside the plot area`, async () => {
      const { paths, area } = await open(id);
      expect(paths.length).toBeGreaterThan(0);
      for (const { color, px, py } of paths) {
        expect(Math.min(...px), color).toBeGreaterThanOrEqual(-0.5);
        expect(Math.max(...px), color).toBeLessThanOrEqual(area.width + 0.5);
        expect(Math.min(...py), color).toBeGreaterThanOrEqual(-0.5);
        expect(Math.max(...py), color).toBeLessThanOrEqual(area.height + 0.5);
      }
      expect(session.errors).toEqual([]);
    });
  }

  it('"Without / with inertia": GD\'s step and Momentum\'s inertia and gradient step are each at least 60 px', async () => {
    const { vectors } = await open('inertia');
    // GD's one step, Momentum's inertia (dashed) and gradient step.
    expect(vectors.filter((v) => v.dashed)).toHaveLength(1);
    expect(vectors.length).toBeGreaterThanOrEqual(3);
    for (const v of vectors) expect(v.length, `${v.color}${v.dashed ? ' dashed' : ''}`).toBeGreaterThanOrEqual(60);
  });

  it('"Momentum vs Nesterov": both inertias and Nesterov\'s push back are at least 60 px, Momentum\'s brake at least 35', async () => {
    const { vectors } = await open('nesterov');
    const solid = vectors.filter((v) => !v.dashed).map((v) => v.length).sort((a, b) => a - b);
    for (const v of vectors.filter((v) => v.dashed)) expect(v.length).toBeGreaterThanOrEqual(60);
    // Momentum's gradient step is the small one the caption names (half of Nesterov's).
    expect(solid[0]).toBeGreaterThanOrEqual(35);
    expect(solid[1]).toBeGreaterThanOrEqual(60);
  });
});
