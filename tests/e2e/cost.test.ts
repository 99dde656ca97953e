// The cost of a batch size in a real browser: the cost preset draws each stochastic run's band over its
// seeds against gradient evaluations, and its race table says what the engine computes for the link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presets } from '../../src/state/presets';
import { race, raceTarget, type Spread } from '../../src/state/race';
import { measureRow, runJob, TUNE_GRID, tuneSearch, type MapJob } from '../../src/state/ratemap';
import { buildFunction, runTrajectories } from '../../src/state/scene';
import { bandSeries, runBands, seedTrajectories } from '../../src/state/seeds';
import { roundSetting } from '../../src/state/sliders';
import { decode } from '../../src/state/url';
import { openPage, type Session } from './browser';
import { CONTOUR, LOSS, POLL, quiet } from './plot';

const link = presets.find((p) => p.id === 'cost')!.link;
let session: Session;
beforeAll(async () => {
  session = await openPage(`/?${link}`);
});
afterAll(async () => {
  expect(session.errors, 'console errors and uncaught exceptions').toEqual([]);
  await session.close();
});

/** What the engine computes for a link: the runs, their extra seeds, bands and race. */
function computed(search: string) {
  const { state, show } = decode(search);
  const fn = buildFunction(state.fn);
  const runs = runTrajectories(fn, state);
  const extras = seedTrajectories(fn, state, show!.seeds);
  const eps = raceTarget(fn, state, show!)!;
  return { state, show: show!, fn, bands: runBands(state, runs, extras), race: race(fn, state, runs, extras, eps)!, eps };
}

/** The loss plot's lines as its two layers drew them (bands, curves): name, the y it was given, how many points it kept; and the x range. */
const drawnLoss = () =>
  session.page.evaluate((sel) => {
    const drawn = (layer: string) => (document.querySelector(`${sel} canvas.${layer}`) as HTMLCanvasElement & { drawn?: any }).drawn;
    const [bands, curves] = [drawn('seeds'), drawn('marks')];
    return {
      lines: [...bands.lines, ...curves.lines].map((l: any) => ({ name: l.mark.name as string, y: Array.from(l.mark.y as number[]), kept: l.px.length as number })),
      xRange: curves.frame.x.range as [number, number],
    };
  }, LOSS);

// The table's text as RaceTable writes it in English.
const num = (v: number) => String(Number(v.toPrecision(6)));
const end = (v: number | null) => (v === null ? '∞' : num(v));
const spread = (s: Spread) => (s.p50 === null ? 'not reached' : `${num(s.p50)} (${end(s.p10)}–${end(s.p90)})`);

describe('the cost preset', () => {
  it('draws each stochastic run\'s band over its seeds, as the engine computes it, against evaluations up to the most any run spends', async () => {
    const { page } = session;
    const want = computed(link);
    expect(want.show).toMatchObject({ seeds: 16, axis: 'evals' });
    const drawn = await drawnLoss();
    for (const [i, run] of want.state.runs.entries()) {
      const band = want.bands[i];
      const lines = drawn.lines.filter((l: { name: string }) => l.name.endsWith(' p10') || l.name.endsWith(' p90'));
      // GD has no spread to draw; the three stochastic runs have their p10 and p90.
      expect(band === null).toBe(run.kind === 'gd');
      if (!band) continue;
      const shown = bandSeries(band, want.fn.fMin);
      expect(lines.some((l: { y: number[]; kept: number }) => l.kept > 10 && JSON.stringify(l.y) === JSON.stringify(shown.p90))).toBe(true);
      expect(lines.some((l: { y: number[]; kept: number }) => l.kept > 10 && JSON.stringify(l.y) === JSON.stringify(shown.p10))).toBe(true);
    }
    expect(drawn.lines.filter((l: { name: string; kept: number }) => / p(10|50|90)$/.test(l.name) && l.kept > 10)).toHaveLength(9);
    // GD spends N = 64 evaluations per step, 300 steps: the axis reaches 19200, and says what it counts.
    expect(drawn.xRange).toEqual([0, 64 * 300]);
    expect(await page.locator(`${LOSS} .xtitle`).textContent()).toBe('gradient evaluations');
  });

  it('races to ε: the table\'s steps, evaluations and seeds reached are the engine\'s', async () => {
    const { page } = session;
    const want = computed(link);
    expect(await page.getByTestId('race').locator('caption').textContent()).toBe('Race to f − f* ≤ 0.0001');
    const rows = page.getByTestId('race-row');
    await expect.poll(() => rows.count(), POLL).toBe(4);
    for (const [i, e] of want.race.entries()) {
      const row = rows.nth(i);
      expect(await row.getAttribute('data-id')).toBe(String(e.id));
      const cells = await Promise.all(['race-steps', 'race-evals', 'race-reached'].map((id) => row.getByTestId(id).textContent()));
      expect(cells).toEqual(e.seeds
        ? [spread(e.seeds.steps), spread(e.seeds.evals), `${e.seeds.reached} of ${e.seeds.k} seeds`]
        : [e.steps === null ? 'not reached' : num(e.steps), e.evals === null ? 'not reached' : num(e.evals), '']);
    }
    // The preset's caption tells of GD's 79 steps and 5056 evaluations, and of SGD's few seeds arriving.
    expect(want.race[0]).toMatchObject({ steps: 79, evals: 5056, seeds: null });
  });

  it('draws each stochastic run\'s other seeds faintly under the paths on the contour, where the engine puts them', async () => {
    const { page } = session;
    const want = computed(link);
    const fn = buildFunction(want.state.fn);
    const extras = seedTrajectories(fn, want.state, 16);
    const faint = await page.evaluate((sel) => {
      const canvas = document.querySelector(`${sel} canvas.seeds`) as HTMLCanvasElement & { drawn?: any };
      const d = canvas.drawn;
      const dpr = canvas.width / d.frame.width;
      const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      return d.lines
        .filter((l: any) => l.mark.silent && l.mark.opacity === 0.3)
        .map((l: any) => ({
          color: l.mark.color as string,
          x: Array.from(l.mark.x as number[], (v) => (Number.isNaN(v) ? null : v)),
          y: Array.from(l.mark.y as number[], (v) => (Number.isNaN(v) ? null : v)),
          // Of its drawn points inside the plot area, how many the canvas covers (not transparent there).
          ...(() => {
            const inside = Array.from(l.px as Float32Array, (x, k) => [x, l.py[k]] as [number, number]).filter(([x, y]) =>
              x >= d.frame.x.offset + 1 && x <= d.frame.x.offset + d.frame.x.length - 1 && y >= d.frame.y.offset + 1 && y <= d.frame.y.offset + d.frame.y.length - 1);
            // Covered within a pixel: where antialiasing put a stroke's edge depends on rounding.
            const near = (x: number, y: number) => [-1, 0, 1].some((dy) => [-1, 0, 1].some((dx) =>
              pixels[4 * (Math.round((y + dy) * dpr) * canvas.width + Math.round((x + dx) * dpr)) + 3] > 0));
            const painted = inside.filter(([x, y]) => near(x, y));
            return { painted: painted.length, kept: inside.length };
          })(),
        }));
    }, CONTOUR);
    // The three stochastic runs, 15 other seeds each, their 301 points apart by a gap (NaN, null in JSON).
    expect(faint).toHaveLength(3);
    for (const [k, line] of faint.entries()) {
      const seeds = extras[k + 1];
      expect(seeds).toHaveLength(15);
      const gap = (xs: number[][]) => xs.flatMap((v, j) => (j ? [null, ...v] : v));
      expect(line.x).toEqual(gap(seeds.map((t) => t.points.map((p) => p[0]))));
      expect(line.y).toEqual(gap(seeds.map((t) => t.points.map((p) => p[1]))));
      expect(line.kept).toBeGreaterThan(100);
      expect(line.painted).toBe(line.kept);
    }
    expect(new Set(faint.map((l: { color: string }) => l.color)).size).toBe(3);
  });

  it('tunes every run for the fewest evaluations to ε: the setting the engine\'s search finds, and no more evaluations than before', async () => {
    const { page } = session;
    const before = computed(link);
    await page.getByTestId('tune-for').selectOption('evals');
    await page.getByTestId('tune-all').click();
    await expect.poll(() => page.getByTestId('tune-note').textContent(), { ...POLL, timeout: 30_000 }).toMatch(/^Tuned: /);
    await quiet(page);
    const after = computed(new URL(page.url()).search);
    const measure = async (job: MapJob) => {
      const n = job.axes.lrs.length;
      const out = new Float64Array(n * (job.axes.second?.values.length ?? 1));
      (job.axes.second?.values ?? [0]).forEach((_, j) => out.set(measureRow(job, j), j * n));
      return out;
    };
    for (const [i, run] of before.state.runs.entries()) {
      const job = runJob(before.state.fn, before.fn, run, before.state.start, before.state.steps, TUNE_GRID, { kind: 'evals', eps: before.eps, seeds: 16 });
      const found = await tuneSearch(job, measure);
      // (Chromium's Math.exp may differ from Node's in the last bit, so the grid's η may too; the link carries
      // it to four digits, as every computed setting.)
      expect(after.state.runs[i].lr, `run ${run.id}`).toBeCloseTo(found ? roundSetting(found.lr) : run.lr, 12);
      const evals = (r: typeof after) => r.race[i].seeds?.evals.p50 ?? r.race[i].evals ?? Infinity;
      expect(evals(after), `run ${run.id}`).toBeLessThanOrEqual(evals(before));
    }
    // Each batch got a step of its own: the race is now between every batch at its best.
    expect(new Set(after.state.runs.map((r) => r.lr)).size).toBe(4);
    await page.goto(new URL(`/?${link}`, page.url()).href);
    await quiet(page);
  });

  it('follows a slider: once input rests, the moved run\'s seeds and band are the engine\'s for its new η, and the other runs keep theirs', async () => {
    const { page } = session;
    const before = computed(new URL(page.url()).search);
    const slider = page.locator('#run-3-lr-slider');
    await slider.focus();
    for (let k = 0; k < 5; k++) await slider.press('ArrowLeft');
    await quiet(page);
    const want = computed(new URL(page.url()).search);
    expect(want.state.runs[3].lr).toBeLessThan(before.state.runs[3].lr);
    const fn = buildFunction(want.state.fn);
    const extras = seedTrajectories(fn, want.state, 16);
    const faint = await page.evaluate((sel) => {
      const d = (document.querySelector(`${sel} canvas.seeds`) as HTMLCanvasElement & { drawn?: any }).drawn;
      return d.lines.map((l: any) => ({ name: l.mark.name as string, x: Array.from(l.mark.x as number[], (v) => (Number.isNaN(v) ? null : v)) }));
    }, CONTOUR);
    const gap = (xs: number[][]) => xs.flatMap((v, j) => (j ? [null, ...v] : v));
    expect(faint.map((l: { x: unknown }) => l.x)).toEqual([1, 2, 3].map((i) => gap(extras[i].map((t) => t.points.map((q) => q[0])))));
    // Its faint line has the run's present name (η with it), as hover and the legend do.
    const legend = await page.getByTestId('legend').locator('li').nth(3).textContent();
    expect(legend).toContain('η=');
    expect(legend!.startsWith(faint[2].name)).toBe(true);
    expect(extras[1]).toEqual(seedTrajectories(fn, before.state, 16)[1]);
    const drawn = await drawnLoss();
    for (const i of [1, 2, 3]) {
      const shown = bandSeries(want.bands[i]!, want.fn.fMin);
      expect(drawn.lines.some((l: { y: number[] }) => JSON.stringify(l.y) === JSON.stringify(shown.p90)), `run ${i}'s p90`).toBe(true);
    }
    expect(JSON.stringify(want.bands[3])).not.toBe(JSON.stringify(before.bands[3]));
  });

  it('takes a new K from the seeds field into the link, the bands and the table', async () => {
    const { page } = session;
    await page.locator('#cost-seeds').fill('4');
    await expect.poll(() => new URL(page.url()).searchParams.get('seeds'), POLL).toBe('4');
    await quiet(page);
    const want = computed(new URL(page.url()).search);
    expect(want.show.seeds).toBe(4);
    await expect.poll(() => page.getByTestId('race-reached').nth(1).textContent(), POLL).toBe(`${want.race[1].seeds!.reached} of 4 seeds`);
    const drawn = await drawnLoss();
    const shown = bandSeries(want.bands[1]!, want.fn.fMin);
    expect(drawn.lines.some((l: { y: number[] }) => JSON.stringify(l.y) === JSON.stringify(shown.p90))).toBe(true);
  });
});
