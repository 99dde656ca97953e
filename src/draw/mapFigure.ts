// The rate map as a figure Plotly draws, for export: the same cells, boundary, optimum and run marker
// as the canvas on the page, in the print style. η on a log axis; α, β₁ or ρ on log(1 − v), written as v; a curve's
// rate q on log(1 − q) too (curveAxis).
import type { Data, Layout } from 'plotly.js-dist-min';
import type { MapAxes, RunTheory } from '../state/ratemap';
import type { Figure } from './figures';
import { curveAxis, EDGE, mapOverlay, RATE } from './mapOverlay';
import { barTicks, DIVERGED, rateColor, STALLED } from './ratemapDraw';

export const MAP_PRINT_SIZE = { width: 1100, height: 850 } as const;

export interface MapFigureInput {
  axes: MapAxes;
  values: Float64Array;
  /** The setting beside η, as a symbol (α, β₁, ρ). */
  symbol: string | null;
  theory: RunTheory | null;
  best: { lr: number; second: number | null } | null;
  run: { lr: number; second: number | null; color: string; name: string };
  legend: string;
  title?: string;
  /** The language's decimal mark. */
  decimal: string;
}

const warp = (v: number) => -Math.log10(1 - v);
/** A rate q as a colour value: −log₁₀(1 − q) up to 3 (q = 0.999); slower or diverged cells are drawn apart. */
const speed = (rho: number) => (Number.isFinite(rho) && rho < 1 ? Math.min(3, warp(rho)) : null);

export function rateMapFigure(m: MapFigureInput): Figure {
  const { axes, values } = m;
  const n = axes.lrs.length;
  const map = axes.second !== null;
  const ys = map ? axes.second!.values.map((v) => Math.min(warp(v), 4)) : [0];
  const rows = ys.map((_, j) => Array.from(values.subarray(j * n, (j + 1) * n)));
  const colorscale = [0, 0.25, 0.5, 0.75, 1].map((u) => [u, rateColor(1 - 10 ** (-3 * u))] as [number, string]);
  const data: Data[] = [];
  if (map) {
    data.push({
      type: 'heatmap', x: axes.lrs, y: ys, z: rows.map((r) => r.map(speed)), zmin: 0, zmax: 3, colorscale,
      colorbar: { title: { text: RATE, side: 'right' }, tickvals: barTicks.map((r) => (r === 0 ? 0 : warp(r))), ticktext: barTicks.map((v) => String(v).replace('.', m.decimal)), thickness: 16 },
      hoverinfo: 'skip',
    } as Data);
    // Cells that do not converge: pale red where the rate is 1 or more, grey where the run diverged.
    data.push({
      type: 'heatmap', x: axes.lrs, y: ys, showscale: false, hoverinfo: 'skip', zmin: 0, zmax: 1,
      z: rows.map((r) => r.map((v) => (v === Infinity ? 1 : v >= 1 ? 0 : null))), colorscale: [[0, STALLED], [1, DIVERGED]],
    } as Data);
  }
  const curve = curveAxis(values, m.theory);
  if (!map) data.push({ type: 'scatter', mode: 'lines', x: axes.lrs, y: rows[0].map((v) => (Number.isFinite(v) ? curve.y(v) : null)), line: { color: '#2c7fb8', width: 3 }, name: RATE, showlegend: false } as Data);
  // The lines and markers the page draws over the map, on the print's scale.
  const y = (v: number) => (map ? Math.min(warp(v), 4) : curve.y(v));
  const overlay = mapOverlay({ axes, values, theory: m.theory, best: m.best, run: m.run });
  for (const l of overlay.lines) {
    data.push({
      type: 'scatter', mode: 'lines', x: l.points.map(([lr]) => lr), y: l.points.map(([, v]) => y(v)),
      line: { color: EDGE, width: 3, ...(l.dashed ? { dash: 'dash' } : {}) }, hoverinfo: 'skip', showlegend: false,
    } as Data);
  }
  const symbols = { star: 'star', diamond: 'diamond', dot: 'circle' } as const;
  for (const k of overlay.markers) {
    data.push({
      type: 'scatter', mode: 'markers', x: [k.at[0]], y: [y(k.at[1])], name: k.name, showlegend: false,
      marker: { symbol: symbols[k.shape], size: 18, color: k.color, line: { color: '#fff', width: 2 } },
    } as Data);
  }
  const yTicks = [0, 0.5, 0.9, 0.99, 0.999].filter((v) => !map || v <= axes.second!.values.at(-1)!);
  const layout: Partial<Layout> = {
    ...MAP_PRINT_SIZE,
    paper_bgcolor: '#fff', plot_bgcolor: '#fff', font: { size: 20, color: '#111' }, separators: `${m.decimal} `,
    margin: { l: 110, r: 40, t: m.title ? 80 : 30, b: 210 },
    ...(m.title ? { title: { text: m.title, font: { size: 26 } } } : {}),
    xaxis: { type: 'log', title: { text: 'η' }, exponentformat: 'power', range: [Math.log10(axes.lrs[0]), Math.log10(axes.lrs.at(-1)!)] },
    yaxis: map
      ? { title: { text: m.symbol ?? '' }, tickvals: yTicks.map(warp), ticktext: yTicks.map((v) => String(v).replace('.', m.decimal)), range: [ys[0], ys.at(-1)!] }
      : {
          title: { text: RATE }, range: [0, curve.top],
          tickvals: [...curve.ticks.map(curve.y), curve.y(2)], ticktext: [...curve.ticks.map((v) => String(v).replace('.', m.decimal)), `${RATE} ≥ 1`],
        },
    // A curve's band of the rates q ≥ 1, in the map's colour for them.
    shapes: map ? [] : [{ type: 'rect', xref: 'paper', x0: 0, x1: 1, yref: 'y', y0: curve.decades, y1: curve.top, fillcolor: STALLED, line: { width: 0 }, layer: 'below' }],
    annotations: [{ text: wrap(m.legend), xref: 'paper', yref: 'paper', x: 0, y: -0.17, xanchor: 'left', yanchor: 'top', showarrow: false, align: 'left', font: { size: 16 } }],
    showlegend: false,
  };
  return { data, layout };
}

/** Plotly does not wrap annotations: break a text into lines of about `width` characters. */
function wrap(text: string, width = 115): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) (lines.push(line), (line = word));
    else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line].join('<br>');
}
