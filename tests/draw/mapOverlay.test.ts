// The rate map's lines and markers, built once for the page's canvas and the exported figure: an export
// shows every line the page draws (GD's curve had lost its ρ = 1 and its 1/L, 2/(L + μ), 2/L lines).
import type { Data } from 'plotly.js-dist-min';
import { describe, expect, it } from 'vitest';
import { defaultState } from '../../src/state/defaults';
import { mapAxes, runTheory, theoryValues } from '../../src/state/ratemap';
import { buildFunction } from '../../src/state/scene';
import { rateMapFigure } from '../../src/draw/mapFigure';
import { curveAxis, mapOverlay, RATE } from '../../src/draw/mapOverlay';

const s = defaultState();
const fn = buildFunction(s.fn);

function scene(i: number) {
  const run = s.runs[i];
  const axes = mapAxes(fn, run.kind, 16);
  const theory = runTheory(fn, run, s.start)!;
  const values = theoryValues(theory, axes);
  const input = { axes, values, theory, best: null, run: { lr: run.lr, second: run.params.alpha ?? null, color: '#d95f02', name: run.kind } };
  return { theory, input, overlay: mapOverlay(input), figure: rateMapFigure({ ...input, symbol: 'α', legend: '', decimal: '.' }) };
}

/** The figure's line traces, as [x, y] pairs. */
const lineTraces = (data: Data[]) =>
  (data as { type?: string; mode?: string; x?: number[]; y?: number[] }[]).filter((d) => d.type === 'scatter' && d.mode === 'lines' && d.x!.length > 0 && d !== data[0]);

describe('the rate map\'s overlay', () => {
  it('on GD\'s curve: ρ = 1 across it, theory\'s 1/L, 2/(L + μ) and 2/L, solid where theory is exact; the optimum and the run', () => {
    const { theory: th, overlay } = scene(0);
    expect(th.exact).toBe(true);
    const { L, mu } = th;
    expect(overlay.lines.map((l) => [l.points.map((p) => p[0]), l.points.map((p) => p[1]), l.dashed])).toEqual([
      [[overlay.lines[0].points[0][0], overlay.lines[0].points[1][0]], [1, 1], true],
      [[1 / L, 1 / L], [0, Infinity], false],
      [[2 / (L + mu), 2 / (L + mu)], [0, Infinity], false],
      [[2 / L, 2 / L], [0, Infinity], false],
    ]);
    expect(overlay.markers.map((m) => m.shape)).toEqual(['star', 'dot']);
    // The run sits on theory's curve at its η = 1.8.
    expect(overlay.markers[1].at[0]).toBe(1.8);
    expect(overlay.markers[1].at[1]).toBeCloseTo(Math.max(Math.abs(1 - 1.8 * mu), Math.abs(1 - 1.8 * L)), 12);
  });

  it('the export draws the same lines and markers as the page', () => {
    for (const i of [0, 1]) {
      const { overlay, figure } = scene(i);
      const lines = lineTraces(figure.data);
      expect(lines.map((l) => l.x)).toEqual(overlay.lines.map((l) => l.points.map((p) => p[0])));
      const markers = (figure.data as { mode?: string; x?: number[] }[]).filter((d) => d.mode === 'markers');
      expect(markers.map((m) => m.x![0])).toEqual(overlay.markers.map((m) => m.at[0]));
    }
  });

  it('on Momentum\'s map: the boundary of stability at every α of the axis, and no curve lines', () => {
    const { theory: th, input, overlay } = scene(1);
    expect(overlay.lines).toHaveLength(1);
    const edge = overlay.lines[0].points;
    expect(edge.map((p) => p[1])).toEqual(input.axes.second!.values);
    // Momentum's edge is 2(1 + α)/L.
    for (const [lr, a] of edge) expect(lr).toBeCloseTo((2 * (1 + a)) / th.L, 12);
    expect(overlay.markers.map((m) => [m.shape, m.at[1]])).toEqual([['star', th.optimum.alpha], ['dot', 0.8]]);
  });
});

describe('GD\'s rate curve', () => {
  it('spreads the rates over its height in decades of 1 − q (on a linear axis they filled under a tenth of it), and names the rate q', () => {
    const { theory: th, input, figure } = scene(0);
    const curve = curveAxis(input.values, th);
    const finite = Array.from(input.values).filter((q) => q < 1);
    const spread = (y: (q: number) => number, top: number) => (Math.max(...finite.map(y)) - Math.min(...finite.map(y))) / top;
    // GD's rates run from near its optimum (κ − 1)/(κ + 1) up to 1: all above 0.9.
    expect(th.optimum.rate).toBeCloseTo((th.L / th.mu - 1) / (th.L / th.mu + 1), 12);
    expect(Math.min(...finite)).toBeGreaterThan(0.9);
    expect(spread((q) => q, 1.05)).toBeLessThan(0.08);
    expect(spread(curve.y, curve.top)).toBeGreaterThan(0.5);
    // 0, 0.9, 0.99 … evenly apart, q = 1 at the foot of the band above, diverging rates within it.
    curve.ticks.forEach((q, k) => expect(curve.y(q)).toBeCloseTo(k, 12));
    expect(curve.y(1)).toBe(curve.decades);
    expect(curve.y(1.5)).toBeGreaterThan(curve.decades);
    expect(curve.y(1.5)).toBeLessThan(curve.top);
    // The export: the same axis, titled q (ρ is RMSProp's decay), the band named.
    const yaxis = figure.layout.yaxis as { title: { text: string }; ticktext: string[]; range: number[] };
    expect(RATE).toBe('q');
    expect(yaxis.title.text).toBe('q');
    expect(yaxis.ticktext.at(-1)).toBe('q ≥ 1');
    expect(yaxis.range).toEqual([0, curve.top]);
  });
});
