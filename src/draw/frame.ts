// Where a live plot's axes sit in its box, decided by us and handed to Plotly: a fixed size, fixed
// margins that nothing may push (margin.autoexpand off), explicit axis domains and ranges. Plotly then
// draws its axes exactly where our canvas layer projects the marks — no reading of Plotly's internals.
import type { Layout } from 'plotly.js-dist-min';
import type { Box } from '../core';

export interface Margin {
  l: number;
  r: number;
  t: number;
  b: number;
}

export interface AxisFrame {
  /** In data units (also on a log axis). */
  range: [number, number];
  log: boolean;
  /** Where the plot area lies along the axis in the box, in CSS pixels. */
  offset: number;
  length: number;
}

export interface Frame {
  width: number;
  height: number;
  margin: Margin;
  x: AxisFrame;
  y: AxisFrame;
}

interface AxisSpec {
  range: [number, number];
  log?: boolean;
}

/**
 * `equal`: one data unit as long on both axes, the plot area kept whole and the shorter range widened
 * about its centre (Plotly's constrain: 'range'): the figure fills its box, the box asked for stays in view.
 * (Linear axes: the contour plot's.)
 */
export function makeFrame(size: { width: number; height: number }, margin: Margin, x: AxisSpec, y: AxisSpec, equal = false): Frame {
  const width = Math.max(1, Math.round(size.width)), height = Math.max(1, Math.round(size.height));
  const w = Math.max(1, width - margin.l - margin.r), h = Math.max(1, height - margin.t - margin.b);
  let xr = x.range, yr = y.range;
  if (equal) {
    // Units per pixel: the larger of the two fits the whole box.
    const k = Math.max((xr[1] - xr[0]) / w, (yr[1] - yr[0]) / h);
    const widen = (r: [number, number], px: number): [number, number] => {
      const c = (r[0] + r[1]) / 2, half = (k * px) / 2;
      return (r[1] - r[0]) / px === k ? r : [c - half, c + half];
    };
    xr = widen(xr, w);
    yr = widen(yr, h);
  }
  return {
    width, height, margin,
    x: { range: xr, log: !!x.log, offset: margin.l, length: w },
    // Pixels grow downwards: the axis's top is the domain's upper end.
    y: { range: yr, log: !!y.log, offset: margin.t, length: h },
  };
}

/** Data → CSS pixels in the plot's box, one function per axis (the layer calls them per point). */
export function projection(f: Frame): { px: (v: number) => number; py: (v: number) => number } {
  const axis = (a: AxisFrame, flip: boolean) => {
    const lo = a.log ? Math.log10(a.range[0]) : a.range[0];
    const k = a.length / ((a.log ? Math.log10(a.range[1]) : a.range[1]) - lo);
    if (flip) return a.log ? (v: number) => a.offset + a.length - (Math.log10(v) - lo) * k : (v: number) => a.offset + a.length - (v - lo) * k;
    return a.log ? (v: number) => a.offset + (Math.log10(v) - lo) * k : (v: number) => a.offset + (v - lo) * k;
  };
  return { px: axis(f.x, false), py: axis(f.y, true) };
}

/** CSS pixels in the box → data, or null outside the plot area. (Linear axes: the contour plot's.) */
export function toData(f: Frame, px: number, py: number): [number, number] | null {
  const u = (px - f.x.offset) / f.x.length, v = 1 - (py - f.y.offset) / f.y.length;
  if (!(u >= 0 && u <= 1 && v >= 0 && v <= 1)) return null;
  const dx = f.x.range[1] - f.x.range[0], dy = f.y.range[1] - f.y.range[0];
  return [toPixel(f.x.range[0] + u * dx, dx / f.x.length), toPixel(f.y.range[0] + v * dy, dy / f.y.length)];
}

/**
 * A clicked coordinate kept to the precision the click had: the decimal place of a tenth of a pixel,
 * so a link holds -1.234 rather than -1.2338157894736843.
 */
export function toPixel(v: number, pixel: number): number {
  const digits = Math.max(0, Math.ceil(-Math.log10(pixel / 10)));
  return Number(v.toFixed(Math.min(digits, 15)));
}

/**
 * The layout keys that put Plotly's axes on the frame (merged over a figure's own layout). `labelsFit`: the
 * margins hold every tick label (the contour's linear axes), so Plotly need not measure each label to hide
 * those past the page, which costs ~20 ms a redraw; the loss plot's log axis has labels to hide.
 */
export function frameLayout(f: Frame, layout: Partial<Layout>, labelsFit = false): Partial<Layout> {
  const axis = (a: AxisFrame) => ({
    ...(labelsFit ? { ticklabeloverflow: 'allow' as const } : {}),
    domain: [0, 1] as [number, number], autorange: false,
    range: (a.log ? [Math.log10(a.range[0]), Math.log10(a.range[1])] : [...a.range]) as [number, number],
  });
  return {
    ...layout,
    width: f.width, height: f.height, autosize: false,
    margin: { ...f.margin, pad: 0, autoexpand: false },
    xaxis: { ...layout.xaxis, ...axis(f.x) },
    yaxis: { ...layout.yaxis, ...axis(f.y) },
  };
}

/**
 * How wide, in px, the widest tick label of a linear axis over `range` may be, at `font` px: Plotly's ticks
 * are multiples of 1, 2 or 5 × 10ᵏ, at most about ten of them, so their decimals follow from the finest such
 * step; a label is its digits, a point and a minus sign, each about 0.62 em. An upper estimate, for a margin.
 */
export function tickLabelWidth(range: readonly [number, number], font: number): number {
  const lo = Math.min(range[0], range[1]), hi = Math.max(range[0], range[1]);
  if (!(hi > lo) || !Number.isFinite(hi - lo)) return 0;
  const raw = (hi - lo) / 10, k = Math.floor(Math.log10(raw)), f = raw / 10 ** k;
  const step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * 10 ** k;
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  let chars = 0;
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) {
    chars = Math.max(chars, (Math.abs(v) < step / 2 ? '0' : v.toFixed(decimals)).length);
  }
  return Math.ceil(chars * 0.62 * font);
}

/**
 * The contour's left margin: at least `base`, and room for the y ticks (5 px), their widest label, a gap and
 * the rotated axis title (one line of `font`), so that the title never covers a label's minus sign.
 */
export function leftMargin(base: number, yRange: readonly [number, number], font: number): number {
  return Math.max(base, 5 + tickLabelWidth(yRange, font) + Y_TITLE_GAP + Math.ceil(1.2 * font));
}

/** The gap between the y axis' tick labels and its title (Plotly's title.standoff). */
export const Y_TITLE_GAP = 4;

/**
 * The box of every finite point of the paths (and the start) that lies inside `within`; null when none does.
 * A diverging run's points beyond the function's box do not count: they leave any view.
 */
export function pathsBox(paths: readonly { points: readonly (readonly [number, number])[] }[], within: Box, start?: readonly [number, number]): Box | null {
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  const add = ([x, y]: readonly [number, number]) => {
    if (!(x >= within.x[0] && x <= within.x[1] && y >= within.y[0] && y <= within.y[1])) return;
    x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
  };
  for (const p of paths) for (const q of p.points) add(q);
  if (start) add(start);
  return x0 <= x1 ? { x: [x0, x1], y: [y0, y1] } : null;
}

/** The smallest box holding both. */
export function union(a: Box, b: Box): Box {
  return { x: [Math.min(a.x[0], b.x[0]), Math.max(a.x[1], b.x[1])], y: [Math.min(a.y[0], b.y[0]), Math.max(a.y[1], b.y[1])] };
}

/** Whether `outer` holds all of `inner`. */
export function contains(outer: Box, inner: Box): boolean {
  return inner.x[0] >= outer.x[0] && inner.x[1] <= outer.x[1] && inner.y[0] >= outer.y[0] && inner.y[1] <= outer.y[1];
}

/** Below this share of the plot area's width and height both, equal axes over the function's box waste it. */
export const FIT_SHARE = 0.6;

/**
 * What an unzoomed contour with equal axes shows on a plot area of `size` px: the function's `box`, unless
 * the paths' box `content` would then cover less than FIT_SHARE of the area's width and of its height (a
 * short, wide screen widens x to ±10 around paths a few units long); then the paths' box with a margin,
 * its edges on a grid of a sixteenth of the box (so a drag of η moves the view in steps, not every tick),
 * within the function's box, zoomed in at most 8 times.
 */
export function fitToPaths(box: Box, content: Box | null, size: { width: number; height: number }): Box {
  if (!content) return box;
  const [bw, bh] = [box.x[1] - box.x[0], box.y[1] - box.y[0]];
  const k = Math.max(bw / size.width, bh / size.height);
  const [cw, ch] = [content.x[1] - content.x[0], content.y[1] - content.y[0]];
  if (cw / (k * size.width) >= FIT_SHARE || ch / (k * size.height) >= FIT_SHARE) return box;
  const pad = Math.max(0.08 * Math.max(cw, ch), Math.min(bw, bh) / 32);
  const snap = (r: readonly [number, number], lo: number, span: number): [number, number] => {
    const g = span / 16, min = span / 8;
    let a = lo + Math.floor((r[0] - pad - lo) / g) * g, b = lo + Math.ceil((r[1] + pad - lo) / g) * g;
    if (b - a < min) [a, b] = [(a + b - min) / 2, (a + b + min) / 2];
    return [Math.max(lo, a), Math.min(lo + span, b)];
  };
  return { x: snap(content.x, box.x[0], bw), y: snap(content.y, box.y[0], bh) };
}

/** Decades between labelled ticks on a log axis: nice steps only, so the labels read 1, 10⁻³, 10⁻⁶, … */
const DECADE_STEPS = [1, 2, 3, 5, 10, 20, 25, 50, 100];

/**
 * The tick step, in decades, of a log axis over `range` (data units): the smallest nice step that leaves at
 * least `gap` px between labels along `length` px (a power of ten's label is two lines of type high; Plotly's
 * own choice put 10⁻²⁸, 10⁻²¹, … 35 px apart on a phone, and 1, 10⁻⁶, … 10⁻³⁰ 35 px apart at 1024×768), but
 * one that still labels two ticks inside the range. Null for an axis that is not log or spans no decade.
 */
export function logTickStep(axis: Pick<AxisFrame, 'range' | 'log' | 'length'>, gap = 40): number | null {
  if (!axis.log) return null;
  const [lo, hi] = [Math.log10(axis.range[0]), Math.log10(axis.range[1])];
  if (!(hi > lo) || !Number.isFinite(hi - lo)) return null;
  const perDecade = axis.length / (hi - lo);
  const ticks = (step: number) => Math.floor(hi / step) - Math.ceil(lo / step) + 1;
  let pick = DECADE_STEPS.find((step) => step * perDecade >= gap) ?? DECADE_STEPS[DECADE_STEPS.length - 1];
  while (ticks(pick) < 2 && pick > 1) pick = DECADE_STEPS[DECADE_STEPS.indexOf(pick) - 1];
  return pick;
}
