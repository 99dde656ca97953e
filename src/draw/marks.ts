// Everything that moves with the input, in data coordinates: paths, playhead dots, the start, divergence
// marks, the loss curves. On screen our canvas layer draws them (layer.ts); an exported figure hands the
// same marks to Plotly as scatter traces (`traces`), so print shows what the screen showed.
import type { Data } from 'plotly.js-dist-min';
import type { Messages } from '../i18n/en';

/** Which part of the forces behind a step a mark draws (draw/forces.ts): what an export's key names. */
export type ForcePart = keyof Messages['show']['key'];

/**
 * A polyline through (x[i], y[i]); x null means x = i (a loss curve). A NaN point breaks it, so one mark
 * can hold many segments (the vectors of several runs' steps, a field of arrows, a cloud of dots).
 */
export interface LineMark {
  kind: 'line';
  name: string;
  color: string;
  width: number;
  x: ArrayLike<number> | null;
  y: ArrayLike<number>;
  /** The size of a dot at every point (a short run's steps), 0 for none. */
  dots: number;
  /** A dash pattern in pixels (the inertia part of a step); solid when left out. */
  dash?: number[];
  /** An arrowhead, in pixels, at the end of every segment. */
  heads?: boolean;
  /** A casing under the line, its heads and dots, `width` px beyond them each side: sets a run's colour off the contour. */
  halo?: { color: string; width: number };
  /** Below 1 for what stays in the background: a path beyond the playhead, the field of −∇f. */
  opacity?: number;
  /** Not offered to hover: vectors and fields, whose points are not a run's iterates. */
  silent?: boolean;
  /** Print only: a marker of this Plotly shape at every `markEvery`-th point (and the last), to tell runs apart in greyscale. */
  symbol?: string;
  markEvery?: number;
  /** Print only: those markers' size in pixels (13 when left out). */
  markSize?: number;
  /** The part of a step's forces it draws, if it draws one. */
  part?: ForcePart;
  /** For hover: f at every point (a path), or the name of y (a loss curve). */
  f?: ArrayLike<number>;
  yName?: string;
}

/** One point: a playhead, the start, a divergence cross. */
export interface DotMark {
  kind: 'dot';
  name: string;
  x: number;
  y: number;
  color: string;
  size: number;
  /** On screen a filled or open circle or a cross; in print also a run's own Plotly marker shape. */
  symbol: 'circle' | 'circle-open' | 'cross' | (string & {});
  ring?: { color: string; width: number };
  /** Drawn even where it sticks out of the plot area. */
  unclipped?: boolean;
  /** The part of a step's forces it draws (Nesterov's look-ahead point), if it draws one. */
  part?: ForcePart;
}

/** A vertical line across the whole plot: the loss plot's playhead. */
export interface RuleMark {
  kind: 'rule';
  x: number;
  color: string;
  width: number;
}

export type Mark = LineMark | DotMark | RuleMark;

/** The same marks k times as thick (lines, dots, rings): the presentation's, for a projector. */
export function thicker(marks: Mark[], k: number): Mark[] {
  if (k === 1) return marks;
  return marks.map((m) => {
    if (m.kind === 'dot') return { ...m, size: m.size * k, ...(m.ring ? { ring: { ...m.ring, width: m.ring.width * k } } : {}) };
    if (m.kind === 'rule') return { ...m, width: m.width * k };
    return {
      ...m, width: m.width * k, dots: m.dots * k,
      ...(m.dash ? { dash: m.dash.map((d) => d * k) } : {}),
      ...(m.halo ? { halo: { ...m.halo, width: m.halo.width * k } } : {}),
    };
  });
}

const symbols: Record<string, string> = { circle: 'circle', 'circle-open': 'circle-open', cross: 'x-thin-open' };

/** The marks as Plotly scatter traces, for a figure Plotly draws whole (an export). */
export function traces(marks: Mark[]): Data[] {
  return marks.flatMap((m): Data[] => {
    if (m.kind === 'rule') return [];
    if (m.kind === 'dot') {
      const marker = m.symbol === 'circle-open'
        ? { symbol: symbols[m.symbol], size: m.size, color: m.color, line: { width: m.ring?.width ?? 1 } }
        : { symbol: symbols[m.symbol] ?? m.symbol, size: m.size, color: m.color, ...(m.ring ? { line: m.ring } : {}) };
      return [{
        type: 'scatter', mode: 'markers', name: m.name, x: [m.x], y: [m.y], showlegend: false, marker,
        hovertemplate: `${m.name} (%{x:.4g}, %{y:.4g})<extra></extra>`, ...(m.unclipped ? { cliponaxis: false } : {}),
      } as Data];
    }
    // The halo first, as a wider line of its own under the line (its markers' outlines are the halo's colour).
    const halo: Data[] = m.halo
      ? [{
          type: 'scatter', mode: 'lines', ...(m.x ? { x: Array.from(m.x) } : {}), y: Array.from(m.y),
          line: { color: m.halo.color, width: m.width + 2 * m.halo.width }, hoverinfo: 'skip', showlegend: false,
          ...(m.opacity !== undefined ? { opacity: m.opacity } : {}),
        } as Data]
      : [];
    const outline = m.halo ? { line: { color: m.halo.color, width: m.halo.width } } : {};
    return [...halo, {
      type: 'scatter', mode: m.dots || m.heads || m.symbol ? 'lines+markers' : 'lines', name: m.name,
      ...(m.x ? { x: Array.from(m.x) } : {}), y: Array.from(m.y),
      line: { color: m.color, width: m.width, ...(m.dash ? { dash: m.dash.map((d) => `${d}px`).join(',') } : {}) },
      ...(m.dots ? { marker: { color: m.color, size: m.dots, ...outline } } : {}),
      ...(m.heads ? { marker: { ...arrowheads(m), ...outline } } : {}),
      ...(m.symbol ? { marker: printMarkers(m) } : {}),
      ...(m.opacity !== undefined ? { opacity: m.opacity } : {}),
      ...(m.silent ? { hoverinfo: 'skip' as const, showlegend: false } : {}),
    } as Data];
  });
}

/** Plotly's own arrowheads at the ends of a mark's segments (a point followed by NaN, or the last one). */
function arrowheads(m: LineMark) {
  const end = (i: number) => Number.isFinite(m.y[i]) && (i === m.y.length - 1 || !Number.isFinite(m.y[i + 1]));
  const size = Array.from({ length: m.y.length }, (_, i) => (end(i) ? 3 * m.width + 6 : 0));
  return { symbol: 'arrow', angleref: 'previous', size, color: m.color, line: { width: 0 } };
}

/** A printed run's sparse markers: its own shape at every markEvery-th point and at its end. */
function printMarkers(m: LineMark) {
  const every = m.markEvery ?? 1, n = m.y.length;
  // An open shape is its outline: in the mark's colour.
  return { symbol: m.symbol, color: m.color, line: { color: m.symbol?.endsWith('-open') ? m.color : '#fff', width: m.symbol?.endsWith('-open') ? 2 : 1 }, size: Array.from({ length: n }, (_, t) => (t % every === 0 || t === n - 1 ? (m.markSize ?? 13) : 0)) };
}
