// The two figures, for the screen and for print: one description of what a figure shows, so an exported
// image holds exactly what the user saw, restyled for paper.
import type { Data, Layout } from 'plotly.js-dist-min';
import type { Box, LogGrid, Vec2 } from '../core';
import { power } from '../core/power';
import { axisNames } from '../i18n';
import { en, type Messages } from '../i18n/en';
import { sciNumber } from '../i18n/numbers';
import type { SceneFunction } from '../state/scene';
import type { Margin } from './frame';
import { PRINT_PARTS, type Forces } from './forces';
import { traces, type ForcePart, type LineMark, type Mark } from './marks';
import { COLORBAR } from './colorbar';
import { contourLevels } from './contour';
import { contourScale, EXTREMUM, haloOf, LEVEL_LINE } from './palette';
import type { PathView } from './types';
import type { SeedPath } from '../state/seeds';

export interface FigureStyle {
  /** White background, larger type, no playhead (unless asked below): a figure for lecture notes. */
  print: boolean;
  title?: string;
  /** In print too, each run's mark at the playhead (a frame of an animation, a figure at its t). */
  playhead?: boolean;
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

/** The mode bar's height and its offset from the top (Plotly's buttons are 22 px high, on a 2 px margin). */
export const MODEBAR_ROOM = 30;

/**
 * The screen's margins, type size and stroke (a factor on every mark's width), 1.5 times each in the
 * presentation (read from a lecture hall's back row). On a touch screen (`touch`) the plot leaves room above
 * its area for the mode bar: under a mouse the bar shows only while the pointer is over the plot, but once a
 * finger has tapped the plot it stays, over the paths in the corner.
 */
export function screenFrame(plot: keyof typeof SCREEN_MARGIN, large: boolean, touch = false): { margin: Margin; font: number; stroke: number } {
  const k = large ? 1.5 : 1, m = SCREEN_MARGIN[plot];
  const t = m.t * k + (touch ? MODEBAR_ROOM : 0);
  return { margin: { l: m.l * k, r: m.r * k, t, b: m.b * k }, font: 12 * k, stroke: k };
}

const screen: FigureStyle = { print: false };

/** What a figure says in words, and how it writes numbers: one language's `plot` table (English if none). */
export type FigureLabels = Messages['plot'];

/** A printed figure's size in CSS pixels: a PNG at scale k has k times as many pixels each way. */
export const PRINT_SIZE = {
  contour: { width: 1200, height: 900 }, loss: { width: 1200, height: 700 }, both: { width: 2100, height: 900 },
  strip: { width: 2400, height: 640 }, surface: { width: 1200, height: 900 },
} as const;

/**
 * In print each run also has its own dash pattern (in pixels) and marker shape, in the order the runs are
 * listed, so that the runs stay apart in greyscale (on screen the colours do it, and markers would clutter).
 */
export const PRINT_DASHES: (number[] | undefined)[] = [undefined, [12, 6], [3, 5], [12, 5, 3, 5], [22, 7], [22, 6, 3, 6], [14, 5, 3, 5, 3, 5], [3, 8]];
export const PRINT_MARKERS = ['circle', 'square', 'triangle-up', 'diamond', 'cross', 'pentagon', 'triangle-down', 'star'] as const;
/** Markers on a printed path: about this many, spread along it, so they tag the run without hiding it. */
const PRINT_MARKS = 12;

/** The print look of the i-th run's line: its dash and its sparse markers of its own shape. */
function printLook(i: number, points: number): { dash?: number[]; symbol: string; markEvery: number } {
  const dash = PRINT_DASHES[i % PRINT_DASHES.length];
  return { ...(dash ? { dash } : {}), symbol: PRINT_MARKERS[i % PRINT_MARKERS.length], markEvery: Math.max(1, Math.ceil(points / PRINT_MARKS)) };
}
/**
 * Ticks for a printed log axis over `values`, every label at one size and in one form: the powers of
 * ten when two or more fall in the range (every 2nd, 3rd, 5th, 10th … when there are more than eight), else 1, 2, 5 × 10ⁿ,
 * else every digit × 10ⁿ. (Plotly's own labels 2, 5 between decades in a smaller type.)
 */
function logTicks(values: number[], decimal: string): { tickvals: number[]; ticktext: string[] } | Record<string, never> {
  const positive = values.filter((v) => v > 0 && Number.isFinite(v));
  if (positive.length === 0) return {};
  let lo = Infinity, hi = -Infinity;
  for (const v of positive) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const [a, b] = [Math.ceil(Math.log10(lo) - 1e-9), Math.floor(Math.log10(hi) + 1e-9)];
  const within = (ms: number[]) => {
    const out: number[] = [];
    for (let k = a - 1; k <= b; k++) for (const m of ms) if (m * 10 ** k >= lo * (1 - 1e-12) && m * 10 ** k <= hi * (1 + 1e-12)) out.push(m * 10 ** k);
    return out;
  };
  const every = [1, 2, 3, 5, 10, 20, 50, 100].find((e) => (b - a + 1) / e <= 8) ?? 100;
  const tickvals = b - a >= 1
    ? Array.from({ length: b - a + 1 }, (_, i) => a + i).filter((k) => k % every === 0).map((k) => 10 ** k)
    : [within([1, 2, 5]), within([1, 2, 3, 4, 5, 6, 7, 8, 9])].find((t) => t.length >= 2) ?? within([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  const text = (v: number) => {
    const k = Math.round(Math.log10(v));
    if (Math.abs(v / 10 ** k - 1) > 1e-9) return sciNumber(v, decimal, 1);
    return k === 0 ? '1' : k === 1 ? '10' : power(k);
  };
  return { tickvals, ticktext: tickvals.map(text) };
}

/** One type scale for every number on a printed figure: axes and colour bar alike. */
const PRINT_TICKS = { tickfont: { size: 19 }, exponentformat: 'power' as const };
const PRINT_FONT = 22;


function base(style: FigureStyle, size: { width: number; height: number }): Partial<Layout> {
  return style.print
    ? {
        ...size,
        paper_bgcolor: '#fff', plot_bgcolor: '#fff', font: { size: PRINT_FONT, color: '#111' },
        title: style.title
          ? { text: style.title, x: 0.5, xanchor: 'center', yref: 'container', y: 1, yanchor: 'top', pad: { t: 20 }, font: { size: 28 } }
          : undefined,
        margin: { l: 90, r: 30, t: 20, b: 100 },
        // Across the top under the title, in as many rows as the names need: Plotly pushes the plot
        // down below the legend (a legend tied to the plot's top would grow up into the title).
        legend: {
          orientation: 'h', x: 0, xanchor: 'left', yref: 'container', y: 1 - (style.title ? 70 : 12) / size.height,
          yanchor: 'top', font: { size: 20 }, itemwidth: 60, itemsizing: 'constant',
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
  /** The forces behind the step at the playhead (forces.ts): under the paths, and over each run's own. */
  extra?: Forces;
  /** The part of each path beyond the playhead: in full (the default), faint, or hidden. */
  rest?: 'full' | 'faint' | 'hidden';
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

/** A run as a printed legend names it: its settings and where it stands. */
const legendName = (p: PathView) => (p.status ? `${p.name} · ${p.status}` : p.name);

/** A run's marks: its path (up to the playhead, as the user chose), where the playhead is on it, and where it diverged. */
function pathMarks(p: PathView, i: number, playhead: number, box: Box, style: FigureStyle, rest: ContourInput['rest'] = 'full'): Mark[] {
  const last = p.points.length - 1;
  const upTo = shownTo(p, playhead, rest);
  const x = p.points.slice(0, upTo + 1).map((q) => q[0]);
  const y = p.points.slice(0, upTo + 1).map((q) => q[1]);
  const mark = p.diverged === null || upTo < last ? null : divergenceMark(p.points, box);
  // A dot per iterate shows the steps of a short run; on a long one they merge into the line.
  const marks: Mark[] = [
    style.print
      ? { kind: 'line', name: style.playhead ? p.name : legendName(p), color: p.color, width: 3, x, y, dots: 0, halo: haloOf(p.color), ...printLook(i, x.length) }
      : { kind: 'line', name: p.name, color: p.color, width: 2, x, y, dots: p.points.length <= 300 ? 4 : 0, halo: haloOf(p.color), f: p.f.slice(0, upTo + 1) },
  ];
  if (rest === 'faint' && upTo < last) {
    const beyond = p.points.slice(upTo);
    marks.unshift({ kind: 'line', name: p.name, color: p.color, width: 1.5, x: beyond.map((q) => q[0]), y: beyond.map((q) => q[1]), dots: 0, opacity: 0.25, silent: true });
  }
  // (A playhead out of range for a moment, e.g. a key held at t = 0, shows no dot rather than failing.)
  const head = p.points[Math.min(playhead, last)];
  if (head && (!style.print || style.playhead)) {
    // In print the mark has the run's own shape, to tell the runs apart in greyscale too.
    marks.push(style.print
      ? { kind: 'dot', name: p.name, x: head[0], y: head[1], color: p.color, size: 20, symbol: PRINT_MARKERS[i % PRINT_MARKERS.length], ring: { color: '#fff', width: 2 } }
      : { kind: 'dot', name: p.name, x: head[0], y: head[1], color: p.color, size: 12, symbol: 'circle', ring: { color: '#fff', width: 2 } });
  }
  if (mark) marks.push({ kind: 'dot', name: p.name, x: mark[0], y: mark[1], color: p.color, size: 16, symbol: 'cross', ring: { color: p.color, width: 3 }, unclipped: true });
  return marks;
}

/** The last step of a path drawn in full: before the playhead; beyond it as the user chose, so Play builds the picture step by step. */
function shownTo(p: PathView, playhead: number, rest: ContourInput['rest'] = 'full'): number {
  const last = p.points.length - 1;
  return rest === 'full' ? last : Math.min(Math.max(playhead, 0), last);
}

/** The last seed line made from each run's seeds: a slider moves one run, the others keep theirs. */
const seedLines = new WeakMap<SeedPath[], { upTo: number; mark: LineMark }>();

/**
 * A run's other seeds as one faint line (NaN between paths), each drawn as its own path is (up to the playhead
 * unless the rest is shown in full), and not cut short where its own path diverges: the spread of where the
 * noise takes it. On screen they have a canvas of their own under the paths (hiding none of
 * them, and restroking only the run that changed); an export puts them under the paths too.
 */
function seedMark(p: PathView & { seeds: SeedPath[] }, upTo: number, style: FigureStyle): LineMark {
  const last = seedLines.get(p.seeds);
  const width = style.print ? 1.5 : 1;
  if (last && last.upTo === upTo && last.mark.color === p.color && last.mark.width === width) {
    // Renamed only (its run's η moved, its seeds not yet): the same points.
    if (last.mark.name !== p.name) last.mark = { ...last.mark, name: p.name };
    return last.mark;
  }
  const n = p.seeds.reduce((k, path) => k + Math.min(upTo + 1, path.x.length) + 1, -1);
  const x = new Float64Array(Math.max(n, 0)), y = new Float64Array(Math.max(n, 0));
  let k = 0;
  for (const path of p.seeds) {
    if (k) x[k] = y[k++] = NaN;
    const m = Math.min(upTo + 1, path.x.length);
    x.set(path.x.subarray(0, m), k);
    y.set(path.y.subarray(0, m), k);
    k += m;
  }
  const mark: LineMark = { kind: 'line', name: p.name, color: p.color, width, x, y, dots: 0, opacity: 0.3, silent: true };
  seedLines.set(p.seeds, { upTo, mark });
  return mark;
}

/** Every run's other seeds (K > 1), drawn under every run's own path. */
export function seedMarks({ paths, playhead, rest }: Pick<ContourInput, 'paths' | 'playhead' | 'rest'>, style: FigureStyle = screen): LineMark[] {
  const upTo = rest === 'full' ? Infinity : Math.max(playhead, 0);
  return paths.flatMap((p) => (p.seeds?.length ? [seedMark(p as PathView & { seeds: SeedPath[] }, upTo, style)] : []));
}

/** Everything a contour figure shows, for Plotly to draw whole (an export). */
export function contourFigure(input: ContourInput, style: FigureStyle = screen): Figure {
  const { data, layout } = contourBackdrop(input, style);
  const marks = contourMarks(input, style);
  // In print, the key to the forces drawn: a legend of its own at the foot, its short entries two to a row, in
  // room the bottom margin makes for it under the x axis (Plotly makes none for a legend there).
  const key = style.print && input.extra ? traces(forceKey(marks, input.extra.names)).map((d) => ({ ...d, legend: 'legend2' }) as Data) : [];
  const keyRows = Math.ceil(key.length / 2);
  return {
    data: [...data, ...traces([...seedMarks(input, style), ...marks]), ...key],
    layout: {
      ...layout,
      ...(key.length ? {
        legend2: { ...layout.legend, yref: 'container', y: 0, yanchor: 'bottom' },
        margin: { ...layout.margin, b: (layout.margin?.b ?? 0) + KEY_ROW * keyRows + 10 },
      } : {}),
      ...(style.print && style.playhead ? { annotations: [...(layout.annotations ?? []), clock(input.playhead, input.paths)] } : {}),
    },
  };
}

/** Each print marker shape as a character, for the runs' lines in a figure's corner. */
const MARKER_CHARS: Record<(typeof PRINT_MARKERS)[number], string> = {
  circle: '●', square: '■', 'triangle-up': '▲', diamond: '◆', cross: '✚', pentagon: '⬟', 'triangle-down': '▼', star: '★',
};

/**
 * A printed figure at the playhead says its t in the plot's corner, and under it where each run stands then (its
 * status), in its colour and marker shape, in the legend's order: a GIF's frame, a still of one moment. The legend
 * above names the runs alone, so it keeps one size from frame to frame.
 */
function clock(t: number, paths: PathView[]): NonNullable<Layout['annotations']>[number] {
  const runs = paths.filter((p) => p.status).map((p, i) => `<span style="color:${p.color}">${MARKER_CHARS[PRINT_MARKERS[i % PRINT_MARKERS.length]]}</span> ${p.status}`);
  return {
    text: [`<b>t = ${t}</b>`, ...runs].join('<br>'), align: 'left', xref: 'x domain' as 'x', yref: 'y domain' as 'y', x: 1, y: 1, xanchor: 'right', yanchor: 'top', showarrow: false,
    font: { size: PRINT_FONT, color: '#111' }, bgcolor: 'rgba(255,255,255,0.85)', bordercolor: '#111', borderwidth: 1, borderpad: 6,
  };
}

/** What moves: the start, and every run's path, playhead (screen only) and divergence mark. */
export function contourMarks(
  { view, paths, playhead, start, labels = en.plot, extra, rest }: Omit<ContourInput, 'surface' | 'fn'>,
  style: FigureStyle = screen,
): Mark[] {
  const forces = (p: PathView, i: number) => {
    const marks = extra?.byRun.get(p.id) ?? [];
    return style.print ? marks.map((m) => printPart(m, i)) : marks;
  };
  return [
    { kind: 'dot', name: labels.start, x: start[0], y: start[1], color: '#111', size: 14, symbol: 'circle-open', ring: { color: '#111', width: 2.5 } },
    ...(extra?.under ?? []),
    ...paths.flatMap((p, i) => [...pathMarks(p, i, playhead, view, style, rest), ...forces(p, i)]),
  ];
}

/**
 * A force's print look: the vectors' parts dashed apart from every run's path (PRINT_PARTS), and each run's
 * batch cloud in the run's own marker shape, filled and open by turns, so that two clouds stay apart in greyscale
 * (where their colours are one grey, and small circles and squares alike).
 */
function printPart(m: Mark, i: number): Mark {
  if (m.kind !== 'line' || !m.part) return m;
  if (m.part === 'cloud') {
    const shape = PRINT_MARKERS[i % PRINT_MARKERS.length];
    return { ...m, dots: 0, symbol: i % 2 ? `${shape}-open` : shape, markEvery: 1, markSize: 10, opacity: 0.75 };
  }
  const look = PRINT_PARTS[m.part];
  return look ? { ...m, ...look } : m;
}

/** A row of the forces' key in print, in pixels (its type is the legend's 20 px). */
const KEY_ROW = 30;

/** The key to the forces a printed figure shows: one neutral sample of each part drawn. */
function forceKey(marks: Mark[], names: Forces['names']): LineMark[] {
  const drawn = new Set(marks.flatMap((m) => (m.kind !== 'rule' && m.part ? [m.part] : [])));
  const ink = '#333', none = { x: [NaN], y: [NaN], dots: 0 };
  const sample: Record<ForcePart, Omit<LineMark, 'kind' | 'name' | 'x' | 'y' | 'dots'>> = {
    inertia: { color: ink, ...PRINT_PARTS.inertia! },
    gradient: { color: ink, width: 3 },
    raw: { color: ink, ...PRINT_PARTS.raw! },
    step: { color: ink, width: 3 },
    lookahead: { color: ink, width: 0, symbol: 'circle-open', markEvery: 1, markSize: 10 },
    cloud: { color: ink, width: 1.5, dash: [4, 3], symbol: 'circle', markEvery: 1, markSize: 8 },
    full: { color: '#111', width: 2 },
  };
  return (Object.keys(sample) as ForcePart[]).filter((k) => drawn.has(k)).map((k) => ({ kind: 'line', name: names[k], ...none, ...sample[k] }));
}

/** The contour, its colour bar, the minima and saddles, and the axes: an exported figure's backdrop. */
export function contourBackdrop(
  { view, surface, fn, labels = en.plot }: Pick<ContourInput, 'view' | 'surface' | 'fn' | 'labels'>,
  style: FigureStyle = screen,
): Figure {
  // `meta: 'backdrop'`: what an animation draws once for all its frames (animate.ts).
  const mark = (pts: Vec2[], name: string, symbol: 'star' | 'diamond'): Data => ({
    type: 'scatter', mode: 'markers', name, meta: 'backdrop', x: pts.map((p) => p[0]), y: pts.map((p) => p[1]),
    marker: { symbol, size: EXTREMUM.size, color: EXTREMUM.fill, line: { color: EXTREMUM.ring, width: EXTREMUM.ringWidth } },
    hovertemplate: `${name} (%{x:.4g}, %{y:.4g})<extra></extra>`, showlegend: false,
  });
  const levels = contourLevels(surface);
  const data: Data[] = [
    {
      // Plotly leaves a gap where z is null.
      type: 'contour', meta: 'backdrop', x: surface.x, y: surface.y, z: surface.z.map((row) => Array.from(row, (v) => (v === v ? v : null))), hoverinfo: 'skip',
      colorscale: contourScale, zmin: surface.min, zmax: surface.max,
      contours: { coloring: 'fill', start: levels.start, end: surface.max, size: levels.size },
      line: { color: LEVEL_LINE.color, width: LEVEL_LINE.width, smoothing: style.print ? 1 : 0 },
      colorbar: {
        title: { text: colorBarTitle(fn), side: 'right' },
        tickvals: surface.ticks.values, ticktext: surface.ticks.labels.map((t) => t.replace('.', labels.decimal)),
        thickness: COLORBAR.thickness, len: COLORBAR.len, xpad: COLORBAR.pad,
        ...(style.print ? { tickfont: PRINT_TICKS.tickfont } : {}),
      },
    },
    mark(fn.minima, labels.minimum, 'star'),
    mark(fn.saddles, labels.saddle, 'diamond'),
  ];
  return { data, layout: contourLayout({ view, fn, labels }, style) };
}

/** What the colour bar measures: the height above f*, or above the lowest value seen when f* is unknown. */
export const colorBarTitle = (fn: Pick<SceneFunction, 'fMin'>) => (Number.isNaN(fn.fMin) ? 'f − min' : 'f − f*');

/**
 * The contour's axes. On screen they are all Plotly draws (transparent, no grid: our canvas paints the
 * contour under them); an export's backdrop draws the contour in them.
 */
export function contourLayout(
  { view, fn, labels = en.plot }: Pick<ContourInput, 'view' | 'fn' | 'labels'>,
  style: FigureStyle = screen,
): Partial<Layout> {
  const names = axisNames({ plot: labels }, fn.id);
  const b = base(style, PRINT_SIZE.contour);
  const ticks = style.print ? PRINT_TICKS : { exponentformat: 'power' as const };
  // On screen the area shows through to the contour painted under it, and the axes keep the outside ticks
  // and no grid that Plotly gives axes holding a contour.
  const axis = style.print ? {} : { showgrid: false, ticks: 'outside' as const };
  return {
    ...b,
    ...(style.print ? {} : { plot_bgcolor: 'rgba(0,0,0,0)' }),
    separators: labels.separators,
    xaxis: { range: [...view.x], title: { text: names[0] }, zeroline: false, constrain: 'domain', ...ticks, ...axis },
    yaxis: {
      range: [...view.y], title: { text: names[1] }, zeroline: false, constrain: 'domain', ...ticks, ...axis,
      ...(fn.equalAxes && style.print ? { scaleanchor: 'x' as const, scaleratio: 1 } : {}),
    },
    // In print the legend names every run; on screen the page lists them above the plot.
    showlegend: style.print,
    hovermode: 'closest',
    dragmode: 'zoom',
  };
}

export interface LossInput {
  paths: PathView[];
  playhead: number;
  steps: number;
  /** Whether the values are gaps to a floor, drawn on a log axis. */
  log: boolean;
  /** Whether that floor is the known minimum f* (else the lowest value seen); true if left out. */
  known?: boolean;
  labels?: FigureLabels;
  /** The x-axis' title (the plot's axis: iteration t, evaluations, epochs); labels.iteration if left out. */
  xName?: string;
}

/**
 * The loss plot's y range on screen: whole decades (log) or round numbers around every finite value, so
 * a slider drag seldom changes it and Plotly seldom redraws the axes.
 */
export function lossRange(paths: PathView[], log: boolean): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (const p of paths) {
    for (const values of p.band ? [p.loss, p.band.p10, p.band.p90] : [p.loss]) {
      for (const v of values) {
        if (!Number.isFinite(v) || (log && v <= 0)) continue;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
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

/** Every run's loss curve, for Plotly to draw whole (an export); printed log axes get ticks of one form. */
export function lossFigure(input: LossInput, style: FigureStyle = screen): Figure {
  const { layout } = lossBackdrop(input, style);
  const ticks = input.log && style.print ? logTicks(input.paths.flatMap((p) => p.loss), (input.labels ?? en.plot).decimal) : {};
  return { data: traces([...bandMarks(input.paths), ...lossMarks(input, style)]), layout: { ...layout, yaxis: { ...layout.yaxis, ...ticks } } };
}

/**
 * The loss's name: f − f* above the known minimum; above the lowest f found (a search's or a run's, not a
 * proven minimum) f − f̂, which the axis title spells out; f itself on a linear axis.
 */
const lossName = (log: boolean, known = true) => (log ? (known ? 'f − f*' : 'f − f̂') : 'f');
const lossTitle = (log: boolean, known: boolean | undefined, labels: FigureLabels) => (log && known === false ? labels.lowestFound : lossName(log, known));

/**
 * Each stochastic run's p10 and p90 over its seeds as two faint lines around its median (dashed, so it is not
 * taken for the run's own seed). On screen they have a canvas of their own under the curves: the seeds
 * worker's answers restroke them, the input restrokes the curves, and neither makes the other's bitmaps anew.
 */
export function bandMarks(paths: PathView[]): LineMark[] {
  return paths.flatMap((p) => {
    if (!p.band) return [];
    const spread = (q: 'p10' | 'p50' | 'p90', opacity: number, w: number): LineMark =>
      ({ kind: 'line', name: `${p.name} ${q}`, color: p.color, width: w, x: p.xs ?? null, y: p.band![q], dots: 0, opacity, silent: true });
    return [spread('p10', 0.35, 1), spread('p90', 0.35, 1), { ...spread('p50', 0.7, 1), dash: [4, 3] }];
  });
}

/**
 * What moves: the runs' curves against the chosen axis, and on screen a dot on each curve at the playhead
 * and, when every run's playhead has one x (the axis of steps), a line across the plot there.
 */
export function lossMarks({ paths, playhead, log, known }: LossInput, style: FigureStyle = screen): Mark[] {
  const yName = lossName(log, known);
  const marks: Mark[] = [];
  const xAt = (p: PathView, k: number) => (p.xs ? p.xs[k] : k);
  // The playhead's x on the axis, for each run (a run that diverged earlier still has one).
  const heads = new Set(paths.map((p) => (p.xs ? p.xs[Math.min(playhead, p.xs.length - 1)] : playhead)));
  if (!style.print && heads.size <= 1) marks.push({ kind: 'rule', x: heads.size ? [...heads][0] : playhead, color: 'rgba(0,0,0,0.35)', width: 1 });
  for (const [i, p] of paths.entries()) {
    const x = p.xs ? p.xs.slice(0, p.loss.length) : null;
    marks.push(style.print
      ? { kind: 'line', name: legendName(p), color: p.color, width: 3, x, y: p.loss, dots: 0, yName, ...printLook(i, p.loss.length) }
      : { kind: 'line', name: p.name, color: p.color, width: 2, x, y: p.loss, dots: 0, yName });
    const k = Math.min(playhead, p.loss.length - 1);
    if (!style.print && k >= 0) {
      marks.push({ kind: 'dot', name: p.name, x: xAt(p, k), y: p.loss[k], color: p.color, size: 9, symbol: 'circle', ring: { color: '#fff', width: 1.5 }, unclipped: true });
    }
  }
  return marks;
}

/** The loss plot's x range: 0 to the farthest any visible run gets on the axis (its last step's x). */
export function lossDomain(paths: PathView[], steps: number): number {
  let hi = 0;
  for (const p of paths) hi = Math.max(hi, p.xs ? (p.xs[p.xs.length - 1] ?? 0) : steps);
  return hi > 0 ? hi : Math.max(steps, 1);
}

/** The axes (on screen the page sets the y range, `lossRange`: Plotly draws no curve there to fit). */
export function lossBackdrop(
  { paths, steps, log, known, labels = en.plot, xName = labels.iteration }: Pick<LossInput, 'paths' | 'steps' | 'log' | 'known' | 'labels' | 'xName'>,
  style: FigureStyle = screen,
): Figure {
  const yName = lossTitle(log, known, labels);
  const b = base(style, PRINT_SIZE.loss);
  const ticks = style.print ? PRINT_TICKS : { exponentformat: 'power' as const };
  const layout: Partial<Layout> = {
    ...b,
    separators: labels.separators,
    // Room for powers of ten beside the axis title.
    ...(style.print ? { margin: { ...b.margin, l: 120 } } : {}),
    // Counts of steps or evaluations read best in full (18000, not 1.8×10⁴).
    xaxis: { title: { text: xName }, range: [0, lossDomain(paths, steps)], zeroline: false, ...ticks, exponentformat: 'none' },
    yaxis: { title: { text: yName }, type: log ? 'log' : 'linear', ...ticks },
    // On screen the contour's legend names the colours; a printed loss plot stands alone.
    showlegend: style.print,
    hovermode: 'closest',
  };
  return { data: [], layout };
}

/** A trace moved onto the axes of another subplot ('x2', 'y2', …). */
const onAxes = (d: Data, x: string, y: string) => ({ ...d, xaxis: x, yaxis: y }) as Data;

/**
 * The contour and the loss plot side by side in one print figure: the runs drawn alike in both, named
 * once in the legend above them.
 */
export function combinedFigure(contour: ContourInput, loss: LossInput, style: FigureStyle): Figure {
  const c = contourFigure(contour, style);
  const l = lossFigure(loss, style);
  const split = 0.5;
  const [surface, ...marks] = c.data as (Data & { colorbar?: object })[];
  return {
    data: [
      // The colour bar stands between the two plots.
      { ...surface, colorbar: { ...surface.colorbar, x: split + 0.005, xanchor: 'left' } } as Data,
      ...marks,
      ...l.data.map((d) => ({ ...onAxes(d, 'x2', 'y2'), showlegend: false }) as Data),
    ],
    layout: {
      ...c.layout,
      ...(style.print ? PRINT_SIZE.both : {}),
      xaxis: { ...c.layout.xaxis, domain: [0, split] },
      xaxis2: { ...l.layout.xaxis, domain: [split + 0.14, 1], anchor: 'y2' },
      yaxis2: { ...l.layout.yaxis, anchor: 'x2' },
    },
  };
}

/** A path as it stands at iteration t: its first t steps, and its divergence mark once it has diverged. */
function pathAt(p: PathView, t: number): PathView {
  const n = Math.min(t, p.points.length - 1) + 1;
  return {
    ...p, points: p.points.slice(0, n), f: p.f.slice(0, n), loss: p.loss.slice(0, n),
    diverged: p.diverged !== null && p.diverged <= t ? p.diverged : null,
  };
}

/** The gap between a strip's panels and each panel's width, as shares of the figure's width (the colour bar has the rest). */
const STRIP_GAP = 0.025;
const stripPanel = (n: number) => (0.94 - STRIP_GAP * (n - 1)) / n;

/**
 * A printed strip's panel, width over height, near enough for its box (state/strip.ts) to fill it: the figure less
 * its margins, and above the panels the legend and the panels' heads.
 */
export function stripAspect(n: number): number {
  const { width, height } = PRINT_SIZE.strip;
  return (stripPanel(n) * (width - 120)) / (height - 100 - 110);
}

/**
 * The contour at several iterations side by side, each panel headed "t = …": how the paths grow, for a
 * page that cannot move. The legend (above) and the colour bar (at the right) serve every panel.
 */
export function stripFigure(input: ContourInput, steps: number[], style: FigureStyle): Figure {
  const gap = STRIP_GAP, w = stripPanel(steps.length);
  const data: Data[] = [];
  const layout: Partial<Layout> & Record<string, unknown> = {};
  const annotations: NonNullable<Layout['annotations']> = [];
  steps.forEach((t, i) => {
    const f = contourFigure({ ...input, paths: input.paths.map((p) => pathAt(p, t)), playhead: t }, style);
    const k = i === 0 ? '' : String(i + 1);
    const [x, y] = [`x${k}`, `y${k}`];
    const last = i === steps.length - 1;
    f.data.forEach((d, j) => {
      const bar = j === 0 ? (last ? { colorbar: { ...(d as { colorbar?: object }).colorbar, x: 0.95, xanchor: 'left' } } : { showscale: false }) : {};
      data.push({ ...onAxes(d, x, y), ...(i > 0 ? { showlegend: false } : {}), ...bar } as Data);
    });
    if (i === 0) Object.assign(layout, f.layout, style.print ? PRINT_SIZE.strip : {});
    const { xaxis, yaxis } = f.layout;
    layout[`xaxis${k}`] = { ...xaxis, domain: [i * (w + gap), i * (w + gap) + w], anchor: y };
    layout[`yaxis${k}`] = {
      ...yaxis, anchor: x, ...(yaxis?.scaleanchor ? { scaleanchor: x } : {}), ...(i > 0 ? { title: { text: '' } } : {}),
    };
    annotations.push({
      text: `t = ${t}`, xref: `${x} domain` as 'x', yref: `${y} domain` as 'y', x: 0.5, y: 1, yanchor: 'bottom',
      showarrow: false, font: { size: style.print ? PRINT_FONT : 14 },
    });
  });
  return { data, layout: { ...layout, annotations } };
}
