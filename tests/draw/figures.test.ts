import { describe, expect, it } from 'vitest';
import type { Vec2 } from '../../src/core';
import {
  combinedFigure, contourFigure, contourMarks, lossFigure, seedMarks, PRINT_DASHES, PRINT_MARKERS, PRINT_SIZE, MODEBAR_ROOM, SCREEN_MARGIN, screenFrame, stripFigure,
} from '../../src/draw/figures';
import { thicker, type Mark } from '../../src/draw/marks';
import { cloudMarks, PRINT_PARTS, vectorMarks, type Forces } from '../../src/draw/forces';
import { defaultStrip, readStrip, stripView } from '../../src/state/strip';
import { frameSteps, MAX_FRAMES } from '../../src/state/animation';
import type { PathView } from '../../src/draw/types';
import { en } from '../../src/i18n/en';
import { buildFunction, surface } from '../../src/state/scene';
import { defaultState } from '../../src/state/defaults';

const fn = buildFunction(defaultState().fn);
const view = fn.view; // x ∈ [−3, 3], y ∈ [−2, 2]
const grid = surface(fn);

function mark(points: Vec2[], diverged: number | null): number[][] {
  const path: PathView = { id: 0, name: 'GD', color: '#000', points, loss: points.map(() => 1), f: points.map(() => 1), diverged };
  const marks = contourMarks({ view, paths: [path], playhead: 0, start: points[0] });
  return marks.flatMap((m) => (m.kind === 'dot' && m.symbol === 'cross' ? [[m.x, m.y]] : []));
}

describe('the mark of a diverged run', () => {
  it('is absent while the run keeps going', () => {
    expect(mark([[0, 0], [1, 1]], null)).toEqual([]);
  });

  it('sits on its last iterate when that is in view', () => {
    expect(mark([[0, 0], [1, 1.5]], 2)).toEqual([[1, 1.5]]);
  });

  it('sits where the path left the box when it ran away out of sight', () => {
    // From (1, 1) to (5, 3): x reaches 3 at a half of the way, y reaches 2 at a half too.
    expect(mark([[0, 0], [1, 1], [5, 3], [50, -40]], 4)).toEqual([[3, 2]]);
    // Leaving through the bottom edge: from (0, 0) to (1, −4), y = −2 at a half.
    expect(mark([[0, 0], [1, -4]], 2)).toEqual([[0.5, -2]]);
  });
});

describe("a run's other seeds", () => {
  const own: Vec2[] = [[0, 0], [1, 0], [2, 0], [3, 0]];
  const seed = (x: number[], y: number[]) => ({ x: Float64Array.from(x), y: Float64Array.from(y), losses: Float64Array.from(x, () => 1) });
  const seeds = [seed([0, 1, 2, 3], [0, 1, 2, 3]), seed([0, 1], [0, -1])];
  const path: PathView = { id: 0, name: 'SGD', color: '#f00', points: own, loss: [1, 1, 1, 1], f: [1, 1, 1, 1], diverged: null, seeds };
  const lines = (rest: 'full' | 'faint' | 'hidden') => seedMarks({ paths: [path], playhead: 2, rest });

  it('are one faint line, up to the step its own path is drawn to, a gap between seeds', () => {
    const [faint] = lines('hidden');
    const mine = contourMarks({ view, paths: [path], playhead: 2, start: own[0], rest: 'hidden' }).find((m) => m.kind === 'line')!;
    expect(mine.kind === 'line' && Array.from(mine.x!)).toEqual([0, 1, 2]);
    expect(faint).toMatchObject({ color: '#f00', opacity: 0.3, silent: true });
    expect(faint.kind === 'line' && Array.from(faint.x!)).toEqual([0, 1, 2, NaN, 0, 1]);
    expect(faint.kind === 'line' && Array.from(faint.y)).toEqual([0, 1, 2, NaN, 0, -1]);
  });

  it('are drawn whole when the path is', () => {
    const [faint] = lines('full');
    expect(faint.kind === 'line' && faint.y.length).toBe(4 + 1 + 2);
  });

  it('are drawn to the playhead, or whole, however soon their run\'s own path diverged', () => {
    const diverged: PathView = { ...path, points: own.slice(0, 2), loss: [1, 1], f: [1, 1], diverged: 1 };
    const [whole] = seedMarks({ paths: [diverged], playhead: 0, rest: 'full' });
    expect(whole.kind === 'line' && Array.from(whole.x!)).toEqual([0, 1, 2, 3, NaN, 0, 1]);
    const [toPlayhead] = seedMarks({ paths: [diverged], playhead: 2, rest: 'faint' });
    expect(toPlayhead.kind === 'line' && Array.from(toPlayhead.x!)).toEqual([0, 1, 2, NaN, 0, 1]);
  });

  it('keep their points when only their run\'s name changes (a drag of η, before its seeds arrive)', () => {
    const [before] = seedMarks({ paths: [path], playhead: 2, rest: 'hidden' });
    const [after] = seedMarks({ paths: [{ ...path, name: 'SGD η=0.2' }], playhead: 2, rest: 'hidden' });
    expect(after.name).toBe('SGD η=0.2');
    expect(after.x).toBe(before.x);
    expect(after.y).toBe(before.y);
  });

  it('are absent with one seed', () => {
    expect(seedMarks({ paths: [{ ...path, seeds: [] }], playhead: 2, rest: 'full' })).toEqual([]);
  });

  it('keep their line while the same seeds are drawn to the same step (a slider moves another run)', () => {
    expect(lines('hidden')[0]).toBe(lines('hidden')[0]);
    expect(lines('full')[0]).not.toBe(lines('hidden')[0]);
  });

  it('lie under every path in an export', () => {
    const other: PathView = { ...path, id: 1, name: 'GD', color: '#00f', seeds: undefined };
    const data = contourFigure({ view, surface: grid, fn, paths: [path, other], playhead: 2, start: own[0] }).data as { name?: string; opacity?: number }[];
    const faint = data.findIndex((d) => d.opacity === 0.3);
    expect(faint).toBeGreaterThan(0);
    expect(data.findIndex((d) => d.name === 'SGD' && d.opacity === undefined)).toBeGreaterThan(faint);
    expect(data.findIndex((d) => d.name === 'GD')).toBeGreaterThan(faint);
  });
});

describe('the print style', () => {
  const paths: PathView[] = Array.from({ length: 8 }, (_, i) => ({
    id: i * 3, name: `run ${i}`, color: '#000', points: Array.from({ length: 500 }, (_, t) => [t, t] as Vec2),
    loss: Array.from({ length: 500 }, () => 1), f: Array.from({ length: 500 }, () => 1), diverged: null,
  }));
  type Line = { name?: string; line?: { dash?: string; color: string }; marker?: { symbol?: string; size?: number | number[] } };
  const runLines = (data: unknown[]) => (data as (Line & { mode?: string })[]).filter((d) => d.name?.startsWith('run ') && d.mode?.includes('lines'));

  it('gives each of the most runs a page can hold its own dash and marker, in both figures alike', () => {
    const contour = runLines(contourFigure({ view, surface: grid, fn, paths, playhead: 0, start: [0, 0] }, { print: true }).data);
    const loss = runLines(lossFigure({ paths, playhead: 0, steps: 500, log: true }, { print: true }).data);
    for (const lines of [contour, loss]) {
      expect(lines).toHaveLength(8);
      expect(new Set(lines.map((l) => l.line!.dash)).size).toBe(8);
      expect(new Set(lines.map((l) => l.marker!.symbol)).size).toBe(8);
      // A dozen or so marks along a long path, not one on every iterate.
      const marks = (lines[0].marker!.size as number[]).filter((s) => s > 0).length;
      expect(marks).toBeGreaterThanOrEqual(10);
      expect(marks).toBeLessThanOrEqual(15);
    }
    expect(loss.map((l) => l.line!.dash)).toEqual(contour.map((l) => l.line!.dash));
    expect(PRINT_DASHES).toHaveLength(8);
    expect(PRINT_MARKERS).toHaveLength(8);
  });

  it('labels a log loss axis in one size and one form: powers of ten, or a few digits within a decade', () => {
    const ticks = (loss: number[], decimal = '.') => {
      const path = { ...paths[0], loss };
      const y = lossFigure({ paths: [path], playhead: 0, steps: 1, log: true, labels: { ...en.plot, decimal } }, { print: true }).layout.yaxis!;
      return (y as { ticktext?: string[] }).ticktext;
    };
    expect(ticks([500, 3])).toEqual(['10', '10²']);
    expect(ticks([1, 4e-11])).toEqual(['10⁻¹⁰', '10⁻⁸', '10⁻⁶', '10⁻⁴', '10⁻²', '1']);
    expect(ticks([0.5, 0.3], ',')).toEqual(['0,3', '0,4', '0,5']);
    expect(ticks([3e-7, 2.5e-7])).toEqual(['3·10⁻⁷']);
  });

  it('leaves the screen as it was: colours alone, no dashes', () => {
    const contour = runLines(contourFigure({ view, surface: grid, fn, paths, playhead: 0, start: [0, 0] }).data);
    expect(contour.every((l) => l.line!.dash === undefined)).toBe(true);
  });

  it('puts the contour and the loss side by side, each run drawn alike in both and named once', () => {
    const both = combinedFigure(
      { view, surface: grid, fn, paths: paths.slice(0, 3), playhead: 0, start: [0, 0] },
      { paths: paths.slice(0, 3), playhead: 0, steps: 500, log: true },
      { print: true },
    );
    const lines = runLines(both.data) as (Line & { xaxis?: string; showlegend?: boolean })[];
    expect(lines).toHaveLength(6);
    const [left, right] = [lines.filter((l) => l.xaxis !== 'x2'), lines.filter((l) => l.xaxis === 'x2')];
    expect(right.map((l) => l.line!.dash)).toEqual(left.map((l) => l.line!.dash));
    expect(right.every((l) => l.showlegend === false)).toBe(true);
    expect([both.layout.width, both.layout.height]).toEqual([PRINT_SIZE.both.width, PRINT_SIZE.both.height]);
    expect(both.layout.yaxis2!.type).toBe('log');
    expect((both.layout.xaxis!.domain as number[])[1]).toBeLessThan((both.layout.xaxis2!.domain as number[])[0]);
  });
});

describe('the iteration strip', () => {
  const points: Vec2[] = Array.from({ length: 11 }, (_, t) => [t / 10, 0]);
  const path: PathView = { id: 0, name: 'GD', color: '#000', points, loss: points.map(() => 1), f: points.map(() => 1), diverged: 9 };

  it('shows each chosen t in a panel of its own, with the paths as they stood then', () => {
    const { data, layout } = stripFigure({ view, surface: grid, fn, paths: [path], playhead: 10, start: [0, 0] }, [0, 5, 10], { print: true });
    const lines = (data as { name?: string; mode?: string; x?: number[]; xaxis?: string; showlegend?: boolean }[]).filter((d) => d.name === 'GD' && d.mode?.includes('lines'));
    expect(lines.map((l) => l.xaxis)).toEqual(['x', 'x2', 'x3']);
    expect(lines.map((l) => l.x!.length)).toEqual([1, 6, 11]);
    expect(lines.map((l) => l.showlegend)).toEqual([undefined, false, false]);
    expect((layout.annotations ?? []).map((a) => a.text)).toEqual(['t = 0', 't = 5', 't = 10']);
    // The divergence mark appears only in the panel after the run diverged.
    const marks = (data as { xaxis?: string; marker?: { symbol?: string } }[]).filter((d) => d.marker?.symbol === 'x-thin-open');
    expect(marks.map((m) => m.xaxis)).toEqual(['x3']);
    // One colour bar, on the last panel.
    const contours = (data as { type?: string; showscale?: boolean }[]).filter((d) => d.type === 'contour');
    expect(contours.map((c) => c.showscale)).toEqual([false, false, undefined]);
  });

  it('shares one box that holds every panel’s paths, the start and the minimum in sight, whatever the preset’s zoom', () => {
    const box = { x: [-1, 1] as [number, number], y: [-1, 1] as [number, number] };
    // A path from (−3, 2) out of the zoom to (0, 0), and one that diverges at t = 3.
    const a = { points: [[-3, 2], [-1, 1], [0, 0]] as Vec2[], diverged: null };
    const b = { points: [[-3, 2], [2, -1], [40, 1], [1e9, 1e9]] as Vec2[], diverged: 3 };
    const v = stripView([a, b], 2, [-3, 2], box, [[0, 0]]);
    for (const p of [...a.points, [2, -1], [-3, 2]] as Vec2[]) {
      expect(p[0]).toBeGreaterThan(v.x[0]);
      expect(p[0]).toBeLessThan(v.x[1]);
      expect(p[1]).toBeGreaterThan(v.y[0]);
      expect(p[1]).toBeLessThan(v.y[1]);
    }
    // The margin: 8 % of the paths' extent each side (x from −3 to 2, y from −1 to 2).
    expect(v.x[0]).toBeCloseTo(-3 - 0.4, 12);
    expect(v.y[1]).toBeCloseTo(2 + 0.24, 12);
    // Only the steps up to the last panel's t: (40, 1) at t = 2 is beyond twice the box's reach, and counted only within it.
    expect(stripView([b], 3, [-3, 2], box).x[1]).toBeLessThan(3);
    // A path that barely moves still gets a box a tenth of the function's each way.
    const still = stripView([{ points: [[0, 0], [0, 0]], diverged: null }], 1, [0, 0], box);
    expect(still.x[1] - still.x[0]).toBeCloseTo(0.2, 12);
    // With equal axes, widened to the panel's shape about the same centre.
    const wide = stripView([a, b], 2, [-3, 2], box, [[0, 0]], 2);
    expect((wide.x[1] - wide.x[0]) / (wide.y[1] - wide.y[0])).toBeCloseTo(2, 12);
    expect(wide.y).toEqual(v.y);
    expect(wide.x[0] + wide.x[1]).toBeCloseTo(v.x[0] + v.x[1], 12);
  });

  it('takes the iterations as typed: whole numbers within the run, a few of them', () => {
    expect(readStrip('0, 10, 50', 100)).toEqual([0, 10, 50]);
    expect(readStrip('50 10 10 0', 100)).toEqual([0, 10, 50]);
    expect(readStrip('0, 101', 100)).toBeNull();
    expect(readStrip('1.5', 100)).toBeNull();
    expect(readStrip('', 100)).toBeNull();
    expect(readStrip('1,2,3,4,5,6,7', 100)).toBeNull();
    expect(defaultStrip(100)).toEqual([0, 10, 33, 100]);
    expect(defaultStrip(1)).toEqual([0, 1]);
  });
});

describe('frames of the animated export', () => {
  it('are evenly spaced iterations from the start to the end, a few dozen at most', () => {
    expect(frameSteps(12)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const long = frameSteps(2000);
    expect(long).toHaveLength(MAX_FRAMES);
    expect([long[0], long[long.length - 1]]).toEqual([0, 2000]);
    expect(frameSteps(0)).toEqual([0]);
  });

  it("mark each run where the playhead is, in the run's own shape, over the print figure", () => {
    const points: Vec2[] = Array.from({ length: 11 }, (_, t) => [t / 10, 0]);
    const paths: PathView[] = [0, 1].map((i) => ({ id: i, name: `run ${i}`, color: '#000', points, loss: points.map(() => 1), f: points.map(() => 1), diverged: null }));
    const input = { view, surface: grid, fn, paths, playhead: 4, start: [0, 0] as Vec2 };
    const frame = contourFigure(input, { print: true, playhead: true }).data as { x?: number[]; marker?: { symbol?: string; size?: number } }[];
    const heads = frame.filter((d) => d.marker?.size === 20);
    expect(heads.map((h) => h.x)).toEqual([[0.4], [0.4]]);
    expect(heads.map((h) => h.marker!.symbol)).toEqual([PRINT_MARKERS[0], PRINT_MARKERS[1]]);
    // Without the playhead, the print figure is the one for notes: no marks.
    expect((contourFigure(input, { print: true }).data as typeof frame).filter((d) => d.marker?.size === 20)).toEqual([]);
  });
});

describe('the presentation’s look', () => {
  it('draws every mark 1.5 times as thick, and the axes with 1.5 times the margins and type', () => {
    const marks: Mark[] = [
      { kind: 'line', name: 'GD', color: '#000', width: 2, x: [0, 1], y: [0, 1], dots: 4, dash: [6, 4] },
      { kind: 'dot', name: 'GD', x: 0, y: 0, color: '#000', size: 12, symbol: 'circle', ring: { color: '#fff', width: 2 } },
      { kind: 'rule', x: 3, color: '#000', width: 1 },
    ];
    expect(thicker(marks, 1)).toBe(marks);
    const big = thicker(marks, 1.5);
    expect(big[0]).toMatchObject({ width: 3, dots: 6, dash: [9, 6], x: [0, 1] });
    expect(big[1]).toMatchObject({ size: 18, ring: { color: '#fff', width: 3 } });
    expect(big[2]).toMatchObject({ width: 1.5, x: 3 });
    expect(screenFrame('contour', false)).toEqual({ margin: SCREEN_MARGIN.contour, font: 12, stroke: 1 });
    expect(screenFrame('loss', true)).toEqual({ margin: { l: 96, r: 12, t: 12, b: 54 }, font: 18, stroke: 1.5 });
    // On a touch screen the plot keeps its mode bar above the plot area; under a mouse it lends it the corner.
    expect(screenFrame('contour', false, true).margin.t).toBe(SCREEN_MARGIN.contour.t + MODEBAR_ROOM);
    expect(screenFrame('loss', true, true).margin.t).toBe(12 + MODEBAR_ROOM);
    expect(screenFrame('contour', false, false).margin.t).toBe(SCREEN_MARGIN.contour.t);
  });
});

describe('the contour\'s axis titles', () => {
  it('name a fit\'s weights in the figure\'s language', async () => {
    const { contourLayout } = await import('../../src/draw/figures');
    const { ru } = await import('../../src/i18n/ru');
    const titles = (id: string, labels = en.plot) => {
      const l = contourLayout({ view, fn: { ...fn, id }, labels });
      return [l.xaxis?.title, l.yaxis?.title].map((x) => (x as { text: string }).text);
    };
    expect(titles('logistic', ru.plot)).toEqual([ru.plot.petalLength, ru.plot.petalWidth]);
    expect(titles('leastsquares')).toEqual([en.plot.intercept, en.plot.slope]);
    expect(titles('rosenbrock')).toEqual(['x', 'y']);
  });
});

describe('the forces in print', () => {
  const line = (id: number, name: string): PathView => {
    const points: Vec2[] = [[-2, 1], [-1, 0.5], [0, 0]];
    return { id, name, color: id ? '#0072B2' : '#D55E00', points, loss: [1, 0.5, 0], f: [1, 0.5, 0], diverged: null };
  };
  const paths = [line(0, 'B = 4'), line(1, 'Momentum')];
  const cloud = { from: [-2, 1] as Vec2, full: [-1, 0.5] as Vec2, ends: [[-1, 0.4], [-1.1, 0.6]] as Vec2[], ellipse: [[-1, 0.5], [-1.1, 0.5]] as Vec2[] };
  const extra: Forces = {
    under: [],
    byRun: new Map([
      [0, cloudMarks({ name: 'B = 4', color: '#D55E00' }, cloud, en.show.key.full)],
      [1, [
        ...vectorMarks({ name: 'Momentum', color: '#0072B2' }, [{ t: 1, parts: [{ kind: 'inertia', from: [-2, 1], to: [-1.5, 0.8] }, { kind: 'gradient', from: [-1.5, 0.8], to: [-1, 0.5] }], lookahead: null, inertia: 1, gradient: 1, angle: 10 }]),
        ...cloudMarks({ name: 'Momentum', color: '#0072B2' }, cloud, en.show.key.full),
      ]],
    ]),
    names: en.show.key,
  };
  const input = { view, surface: grid, fn, paths, playhead: 1, start: [-2, 1] as Vec2, extra };
  type Trace = { name?: string; showlegend?: boolean; line?: { dash?: string }; marker?: { symbol?: string } };

  it('has a key naming each part drawn, after the runs, and only in print', () => {
    const named = (contourFigure(input, { print: true }).data as Trace[]).filter((d) => d.showlegend !== false && d.name).map((d) => d.name);
    expect(named).toEqual(['B = 4', 'Momentum', en.show.key.inertia, en.show.key.gradient, en.show.key.cloud, en.show.key.full]);
    const screen = (contourFigure(input).data as Trace[]).map((d) => d.name);
    expect(screen).not.toContain(en.show.key.inertia);
  });

  it('dashes the inertia apart from every run’s path: a pattern no run has, repeating in under 8 px where every path’s takes 8 or more', () => {
    const traces = contourFigure(input, { print: true }).data as Trace[];
    const inertia = traces.filter((d) => d.name === 'Momentum' && d.line?.dash?.startsWith('1.5px'));
    expect(inertia.length).toBe(1);
    const period = (dash: number[]) => dash.reduce((a, b) => a + b, 0);
    const paths = PRINT_DASHES.filter((d): d is number[] => d !== undefined);
    for (const part of [PRINT_PARTS.inertia!, PRINT_PARTS.raw!]) {
      expect(paths.map((d) => d.join())).not.toContain(part.dash.join());
      expect(period(part.dash)).toBeLessThan(Math.min(...paths.map(period)));
    }
  });

  it('draws each run’s batch cloud in the run’s own marker shape, filled and open by turns, so two clouds stay apart in greyscale', () => {
    const marks = contourMarks(input, { print: true });
    const clouds = marks.filter((m) => m.kind === 'line' && m.part === 'cloud');
    expect(clouds.map((m) => (m.kind === 'line' ? m.symbol : ''))).toEqual([PRINT_MARKERS[0], `${PRINT_MARKERS[1]}-open`]);
    // On screen the colour tells them apart: plain dots.
    expect(contourMarks(input).filter((m) => m.kind === 'line' && m.part === 'cloud').map((m) => (m.kind === 'line' ? m.symbol : ''))).toEqual([undefined, undefined]);
  });
});
