// The two figures as Plotly data and layout, for the screen and for print: one description of what
// a figure shows, so an exported image holds exactly what the user saw, restyled for paper.
import type { Data, Layout } from 'plotly.js-dist-min';
import type { Box, LogGrid, Vec2 } from '../core';
import type { SceneFunction } from '../state/scene';
import { contourScale } from './palette';
import type { PathView } from './types';

export interface FigureStyle {
  /** White background, larger type, no playhead: a figure for lecture notes. */
  print: boolean;
  title?: string;
}

export interface Figure {
  data: Data[];
  layout: Partial<Layout>;
}

const screen: FigureStyle = { print: false };

function base(style: FigureStyle): Partial<Layout> {
  return style.print
    ? {
        paper_bgcolor: '#fff', plot_bgcolor: '#fff', font: { size: 16, color: '#111' },
        title: style.title ? { text: style.title, x: 0.5, xanchor: 'center', font: { size: 20 } } : undefined,
        margin: { l: 70, r: 20, t: style.title ? 100 : 60, b: 60 },
      }
    : { paper_bgcolor: 'rgba(0,0,0,0)', margin: { l: 44, r: 8, t: 8, b: 36 } };
}

export interface ContourInput {
  /** The box shown: the function's own view, or the user's zoom. */
  view: Box;
  surface: LogGrid;
  fn: SceneFunction;
  paths: PathView[];
  playhead: number;
  start: Vec2;
}

/** Traces before the start and the paths: they change only with the function. */
export const CONTOUR_STATIC_TRACES = 3;

/** A run's traces: its path, where the playhead is on it (screen only), and where it diverged. */
function pathTraces(p: PathView, playhead: number, style: FigureStyle): Data[] {
  const x = p.points.map((q) => q[0]);
  const y = p.points.map((q) => q[1]);
  const last = p.points.length - 1;
  const [hx, hy] = p.points[Math.min(playhead, last)] ?? [NaN, NaN];
  const traces: Data[] = [
    {
      type: 'scatter', mode: 'lines+markers', name: p.name, x, y, customdata: p.f,
      line: { color: p.color, width: style.print ? 2.5 : 2 }, marker: { color: p.color, size: style.print ? 5 : 4 },
      hovertemplate: `${p.name}<br>t = %{pointNumber}<br>(%{x:.4g}, %{y:.4g})<br>f = %{customdata:.4g}<extra></extra>`,
    },
    {
      type: 'scatter', mode: 'markers', showlegend: false, hoverinfo: 'skip',
      x: p.diverged === null ? [] : [x[last]], y: p.diverged === null ? [] : [y[last]],
      marker: { color: p.color, size: 16, symbol: 'x-thin-open', line: { color: p.color, width: 3 } },
    },
  ];
  if (!style.print) {
    traces.splice(1, 0, {
      type: 'scatter', mode: 'markers', x: [hx], y: [hy], showlegend: false, hoverinfo: 'skip',
      marker: { color: p.color, size: 12, line: { color: '#fff', width: 2 } },
    });
  }
  return traces;
}

export function contourFigure(
  { view, surface, fn, paths, playhead, start }: ContourInput,
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
      contours: { coloring: 'fill', start: surface.min, end: surface.max, size: (surface.max - surface.min) / 24 },
      line: { color: 'rgba(40, 60, 90, 0.35)', width: 0.6 },
      colorbar: {
        title: { text: Number.isNaN(fn.fMin) ? 'f − min' : 'f − f*', side: 'right' },
        tickvals: surface.ticks.values, ticktext: surface.ticks.labels, thickness: 10, len: 0.9, xpad: 4,
      },
    },
    mark(fn.minima, 'minimum', 'star'),
    mark(fn.saddles, 'saddle point', 'diamond'),
    {
      type: 'scatter', mode: 'markers', name: 'start', x: [start[0]], y: [start[1]], showlegend: false,
      marker: { symbol: 'circle-open', size: 14, color: '#111', line: { width: 2.5 } },
      hovertemplate: 'start (%{x:.4g}, %{y:.4g})<extra></extra>',
    },
    ...paths.flatMap((p) => pathTraces(p, playhead, style)),
  ];
  const names = fn.id === 'leastsquares' ? ['w₀ (intercept)', 'w₁ (slope)'] : ['x', 'y'];
  const layout: Partial<Layout> = {
    ...base(style),
    xaxis: { range: [...view.x], title: { text: names[0] }, zeroline: false, constrain: 'domain' },
    yaxis: {
      range: [...view.y], title: { text: names[1] }, zeroline: false, constrain: 'domain',
      ...(fn.equalAxes ? { scaleanchor: 'x' as const, scaleratio: 1 } : {}),
    },
    // Above the plot, not over it: the paths run anywhere in the box.
    legend: { orientation: 'h', x: 0, y: 1.01, yanchor: 'bottom', font: { size: style.print ? 15 : 12 } },
    showlegend: true,
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
}

export function lossFigure({ paths, playhead, steps, log }: LossInput, style: FigureStyle = screen): Figure {
  const yName = log ? 'f − f*' : 'f';
  const data: Data[] = [];
  if (!style.print) {
    // The playhead: a vertical line on a hidden axis that spans the plot's height whatever the scale.
    data.push({
      type: 'scatter', mode: 'lines', x: [playhead, playhead], y: [0, 1], yaxis: 'y2', hoverinfo: 'skip',
      showlegend: false, line: { color: 'rgba(0,0,0,0.35)', width: 1, dash: 'dot' },
    });
  }
  for (const p of paths) {
    const k = Math.min(playhead, p.loss.length - 1);
    data.push({
      type: 'scatter', mode: 'lines', name: p.name, y: p.loss, line: { color: p.color, width: style.print ? 2.5 : 2 },
      hovertemplate: `${p.name}<br>t = %{x}<br>${yName} = %{y:.4g}<extra></extra>`,
    });
    if (!style.print) {
      data.push({
        type: 'scatter', mode: 'markers', x: [k], y: [p.loss[k]], showlegend: false, hoverinfo: 'skip', cliponaxis: false,
        marker: { color: p.color, size: 9, line: { color: '#fff', width: 1.5 } },
      });
    }
  }
  const b = base(style);
  const layout: Partial<Layout> = {
    ...b,
    // Room for powers of ten beside the axis title.
    margin: { ...b.margin, l: style.print ? 90 : 64 },
    xaxis: { title: { text: 'iteration t' }, range: [0, steps], zeroline: false },
    yaxis: { title: { text: yName }, type: log ? 'log' : 'linear', exponentformat: 'power' },
    yaxis2: { overlaying: 'y', range: [0, 1], visible: false, fixedrange: true },
    // On screen the contour's legend names the colours; a printed loss plot stands alone.
    showlegend: style.print,
    legend: { orientation: 'h', x: 0, y: 1.01, yanchor: 'bottom', font: { size: 15 } },
    hovermode: 'closest',
  };
  return { data, layout };
}
