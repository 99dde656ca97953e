// Where a live plot's axes sit in its box, decided by us and handed to Plotly: a fixed size, fixed
// margins that nothing may push (margin.autoexpand off), explicit axis domains and ranges. Plotly then
// draws its axes exactly where our canvas layer projects the marks — no reading of Plotly's internals.
import type { Layout } from 'plotly.js-dist-min';

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
  /** The axis's share of the plot area (Plotly's domain) and where that lies in the box, in CSS pixels. */
  domain: [number, number];
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

const units = (a: AxisSpec, v: number) => (a.log ? Math.log10(v) : v);

/** `equal`: one data unit as long on both axes, the longer axis shrunk about its centre (Plotly's constrain: 'domain'). */
export function makeFrame(size: { width: number; height: number }, margin: Margin, x: AxisSpec, y: AxisSpec, equal = false): Frame {
  const width = Math.max(1, Math.round(size.width)), height = Math.max(1, Math.round(size.height));
  const w = Math.max(1, width - margin.l - margin.r), h = Math.max(1, height - margin.t - margin.b);
  let dx: [number, number] = [0, 1], dy: [number, number] = [0, 1];
  if (equal) {
    const sx = w / (units(x, x.range[1]) - units(x, x.range[0])), sy = h / (units(y, y.range[1]) - units(y, y.range[0]));
    if (sx > sy) dx = [0.5 - sy / sx / 2, 0.5 + sy / sx / 2];
    else dy = [0.5 - sx / sy / 2, 0.5 + sx / sy / 2];
  }
  return {
    width, height, margin,
    x: { range: x.range, log: !!x.log, domain: dx, offset: margin.l + dx[0] * w, length: (dx[1] - dx[0]) * w },
    // Pixels grow downwards: the axis's top is the domain's upper end.
    y: { range: y.range, log: !!y.log, domain: dy, offset: margin.t + (1 - dy[1]) * h, length: (dy[1] - dy[0]) * h },
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

/** The layout keys that put Plotly's axes on the frame (merged over a figure's own layout). */
export function frameLayout(f: Frame, layout: Partial<Layout>): Partial<Layout> {
  const axis = (a: AxisFrame) => ({
    domain: a.domain, autorange: false,
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
