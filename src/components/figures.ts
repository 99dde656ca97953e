// The two figures, for the screen and for print: one description of what a figure shows, so an exported
// image holds exactly what the user saw, restyled for paper.
import type { Data, Layout } from 'plotly.js-dist-min';
import type { Box, LogGrid, Vec2 } from '../core';
import { en, type Messages } from '../i18n/en';
import type { SceneFunction } from '../state/scene';
import type { Margin } from './frame';
import { traces, type Mark } from './marks';
import { contourBands, contourScale } from './palette';
import type { PathView } from './types';

export interface FigureStyle {
  /** White background, larger type, no playhead: a figure for lecture notes. */
  print: boolean;
  title?: string;
}

/**
 * A figure is a backdrop that changes only with the function or the view (Plotly draws it) and marks that
 * move with the input (contourMarks, lossMarks). On screen our canvas layer draws the marks over Plotly's
 * backdrop; an exported figure (contourFigure, lossFigure) is both drawn by Plotly.
 */
export interface Figure {
  data: Data[];
  layout: Partial<Layout>;
}

/** The screen's fixed margins: room for the axes' labels and, on the contour's right, its colour bar. */
export const SCREEN_MARGIN: { contour: Margin; loss: Margin } = {
  contour: { l: 44, r: 72, t: 8, b: 36 },
  loss: { l: 64, r: 8, t: 8, b: 36 },
};

const screen: FigureStyle = { print: false };

/** What a figure says in words, and how it writes numbers: one language's `plot` table (English if none). */
export type FigureLabels = Messages['plot'];

/** A printed figure's size in CSS pixels: a PNG at scale k has k times as many pixels each way. */
export const PRINT_SIZE = { contour: { width: 1200, height: 900 }, loss: { width: 1200, height: 700 } } as const;

function base(style: FigureStyle, size: { width: number; height: number }): Partial<Layout> {
  return style.print
    ? {
        ...size,
        paper_bgcolor: '#fff', plot_bgcolor: '#fff', font: { size: 22, color: '#111' },
        title: style.title
          ? { text: style.title, x: 0.5, xanchor: 'center', yref: 'container', y: 1, yanchor: 'top', pad: { t: 20 }, font: { size: 28 } }
          : undefined,
        margin: { l: 90, r: 30, t: 20, b: 100 },
        // Across the top under the title, in as many rows as the names need: Plotly pushes the plot
        // down below the legend (a legend tied to the plot's top would grow up into the title).
        legend: {
          orientation: 'h', x: 0, xanchor: 'left', yref: 'container', y: 1 - (style.title ? 70 : 12) / size.height,
          yanchor: 'top', font: { size: 20 },
        },
      }
    : { paper_bgcolor: 'rgba(0,0,0,0)' };
}

export interface ContourInput {
  /** The box shown: the function's own view, or the user's zoom. */
  view: Box;
  surface: LogGrid;
  fn: SceneFunction;
  paths: PathView[];
  playhead: number;
  start: Vec2;
  labels?: FigureLabels;
}

/**
 * Where a diverged run's mark goes: its last iterate if that is in the box shown, else the point where
 * the path last crossed into the void, on the box's edge, so the mark is always in sight.
 */
function divergenceMark(points: Vec2[], box: Box): Vec2 | null {
  const inside = ([x, y]: Vec2) => x >= box.x[0] && x <= box.x[1] && y >= box.y[0] && y <= box.y[1];
  let k = points.length - 1;
  if (k < 0) return null;
  if (inside(points[k])) return points[k];
  while (k > 0 && !inside(points[k - 1])) k--;
  if (k === 0) return null;
  const [px, py] = points[k - 1], [qx, qy] = points[k];
  // The fraction of the segment p → q inside the box, by each edge that q lies beyond.
  const s = Math.min(
    qx > box.x[1] ? (box.x[1] - px) / (qx - px) : qx < box.x[0] ? (box.x[0] - px) / (qx - px) : 1,
    qy > box.y[1] ? (box.y[1] - py) / (qy - py) : qy < box.y[0] ? (box.y[0] - py) / (qy - py) : 1,
  );
  return [px + s * (qx - px), py + s * (qy - py)];
}

/** A run's marks: its path, where the playhead is on it (screen only), and where it diverged. */
function pathMarks(p: PathView, playhead: number, box: Box, style: FigureStyle): Mark[] {
  const x = p.points.map((q) => q[0]);
  const y = p.points.map((q) => q[1]);
  const last = p.points.length - 1;
  const mark = p.diverged === null ? null : divergenceMark(p.points, box);
  // A dot per iterate shows the steps of a short run; on a long one they merge into the line.
  const marks: Mark[] = [
    { kind: 'line', name: p.name, color: p.color, width: style.print ? 2.5 : 2, x, y, dots: p.points.length <= 300 ? (style.print ? 5 : 4) : 0, f: p.f },
  ];
  // (A playhead out of range for a moment, e.g. a key held at t = 0, shows no dot rather than failing.)
  const head = p.points[Math.min(playhead, last)];
  if (!style.print && head) {
    marks.push({ kind: 'dot', name: p.name, x: head[0], y: head[1], color: p.color, size: 12, symbol: 'circle', ring: { color: '#fff', width: 2 } });
  }
  if (mark) marks.push({ kind: 'dot', name: p.name, x: mark[0], y: mark[1], color: p.color, size: 16, symbol: 'cross', ring: { color: p.color, width: 3 }, unclipped: true });
  return marks;
}

/** Everything a contour figure shows, for Plotly to draw whole (an export). */
export function contourFigure(input: ContourInput, style: FigureStyle = screen): Figure {
  const { data, layout } = contourBackdrop(input, style);
  return { data: [...data, ...traces(contourMarks(input, style))], layout };
}

/** What moves: the start, and every run's path, playhead (screen only) and divergence mark. */
export function contourMarks(
  { view, paths, playhead, start, labels = en.plot }: Omit<ContourInput, 'surface' | 'fn'>,
  style: FigureStyle = screen,
): Mark[] {
  return [
    { kind: 'dot', name: labels.start, x: start[0], y: start[1], color: '#111', size: 14, symbol: 'circle-open', ring: { color: '#111', width: 2.5 } },
    ...paths.flatMap((p) => pathMarks(p, playhead, view, style)),
  ];
}

/** The contour, its colour bar, the minima and saddles, and the axes. */
export function contourBackdrop(
  { view, surface, fn, labels = en.plot }: Pick<ContourInput, 'view' | 'surface' | 'fn' | 'labels'>,
  style: FigureStyle = screen,
): Figure {
  const mark = (pts: Vec2[], name: string, symbol: 'star' | 'diamond'): Data => ({
    type: 'scatter', mode: 'markers', name, x: pts.map((p) => p[0]), y: pts.map((p) => p[1]),
    marker: { symbol, size: 13, color: '#fff', line: { color: '#222', width: 1.5 } },
    hovertemplate: `${name} (%{x:.4g}, %{y:.4g})<extra></extra>`, showlegend: false,
  });
  const data: Data[] = [
    {
      type: 'contour', x: surface.x, y: surface.y, z: surface.z, hoverinfo: 'skip',
      colorscale: contourScale, zmin: surface.min, zmax: surface.max,
      contours: { coloring: 'fill', start: surface.min, end: surface.max, size: (surface.max - surface.min) / contourBands },
      // Smoothing the level lines' splines is half the cost of a redraw; on a 200×200 grid the plain lines
      // look the same on screen. Print, drawn once, gets the smooth ones.
      line: { color: 'rgba(40, 60, 90, 0.35)', width: 0.6, smoothing: style.print ? 1 : 0 },
      colorbar: {
        title: { text: Number.isNaN(fn.fMin) ? 'f − min' : 'f − f*', side: 'right' },
        tickvals: surface.ticks.values, ticktext: surface.ticks.labels.map((t) => t.replace('.', labels.decimal)), thickness: 10, len: 0.9, xpad: 4,
      },
    },
    mark(fn.minima, labels.minimum, 'star'),
    mark(fn.saddles, labels.saddle, 'diamond'),
  ];
  const names = fn.id === 'leastsquares' ? [labels.intercept, labels.slope] : ['x', 'y'];
  const b = base(style, PRINT_SIZE.contour);
  const layout: Partial<Layout> = {
    ...b,
    separators: labels.separators,
    xaxis: { range: [...view.x], title: { text: names[0] }, zeroline: false, constrain: 'domain' },
    yaxis: {
      range: [...view.y], title: { text: names[1] }, zeroline: false, constrain: 'domain',
      ...(fn.equalAxes && style.print ? { scaleanchor: 'x' as const, scaleratio: 1 } : {}),
    },
    // In print the legend names every run; on screen the page lists them above the plot.
    showlegend: style.print,
    hovermode: 'closest',
    dragmode: 'zoom',
  };
  return { data, layout };
}

export interface LossInput {
  paths: PathView[];
  playhead: number;
  steps: number;
  /** Whether the values are gaps to a known minimum, drawn on a log axis. */
  log: boolean;
  labels?: FigureLabels;
}

/**
 * The loss plot's y range on screen: whole decades (log) or round numbers around every finite value, so
 * a slider drag seldom changes it and Plotly seldom redraws the axes.
 */
export function lossRange(paths: PathView[], log: boolean): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (const p of paths) {
    for (const v of p.loss) {
      if (!Number.isFinite(v) || (log && v <= 0)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (log) {
    if (!(lo <= hi)) return [1e-3, 1];
    const a = Math.floor(Math.log10(lo)), b = Math.max(a + 1, Math.ceil(Math.log10(hi)));
    return [10 ** a, 10 ** b];
  }
  if (!(lo <= hi)) return [0, 1];
  if (lo === hi) return [lo - 1, hi + 1];
  const step = 10 ** Math.floor(Math.log10(hi - lo));
  return [Math.floor(lo / step) * step, Math.ceil(hi / step) * step];
}

/** Every run's loss curve, for Plotly to draw whole (an export). */
export function lossFigure(input: LossInput, style: FigureStyle = screen): Figure {
  return { data: traces(lossMarks(input, style)), layout: lossBackdrop(input, style).layout };
}

const lossName = (log: boolean) => (log ? 'f − f*' : 'f');

/** What moves: the runs' curves, and on screen the playhead's line and a dot on each curve. */
export function lossMarks({ paths, playhead, log }: LossInput, style: FigureStyle = screen): Mark[] {
  const yName = lossName(log);
  const marks: Mark[] = [];
  // The playhead: a vertical line across the plot (screen only).
  if (!style.print) marks.push({ kind: 'rule', x: playhead, color: 'rgba(0,0,0,0.35)', width: 1 });
  for (const p of paths) {
    marks.push({ kind: 'line', name: p.name, color: p.color, width: style.print ? 2.5 : 2, x: null, y: p.loss, dots: 0, yName });
    const k = Math.min(playhead, p.loss.length - 1);
    if (!style.print && k >= 0) {
      marks.push({ kind: 'dot', name: p.name, x: k, y: p.loss[k], color: p.color, size: 9, symbol: 'circle', ring: { color: '#fff', width: 1.5 }, unclipped: true });
    }
  }
  return marks;
}

/** The axes (on screen the page sets the y range, `lossRange`: Plotly draws no curve there to fit). */
export function lossBackdrop({ steps, log, labels = en.plot }: Pick<LossInput, 'steps' | 'log' | 'labels'>, style: FigureStyle = screen): Figure {
  const yName = lossName(log);
  const b = base(style, PRINT_SIZE.loss);
  const layout: Partial<Layout> = {
    ...b,
    separators: labels.separators,
    // Room for powers of ten beside the axis title.
    ...(style.print ? { margin: { ...b.margin, l: 120 } } : {}),
    xaxis: { title: { text: labels.iteration }, range: [0, steps], zeroline: false },
    yaxis: { title: { text: yName }, type: log ? 'log' : 'linear', exponentformat: 'power' },
    // On screen the contour's legend names the colours; a printed loss plot stands alone.
    showlegend: style.print,
    hovermode: 'closest',
  };
  return { data: [], layout };
}
