// Which iterations an iteration strip shows (typed as a list, checked against the run's length), and the box its panels share.
import type { Box, Vec2 } from '../core';

export const STRIP_MAX = 6;

/** The start, two moments on the way and the end: where most runs show their character. */
export function defaultStrip(steps: number): number[] {
  return [...new Set([0, Math.round(steps / 10), Math.round(steps / 3), steps])];
}

/**
 * "0, 10, 50" → [0, 10, 50]: whole numbers from 0 to `steps`, one to STRIP_MAX of them, sorted, each
 * once. Null for anything else.
 */
export function readStrip(text: string, steps: number): number[] | null {
  const parts = text.split(/[,;\s]+/).filter((p) => p !== '');
  if (parts.length === 0 || parts.length > STRIP_MAX || !parts.every((p) => /^\d+$/.test(p))) return null;
  const ts = [...new Set(parts.map(Number))].sort((a, b) => a - b);
  return ts.every((t) => t <= steps) ? ts : null;
}

/** How far a strip's box may reach beyond the function's own: a run that flies off does not shrink the rest to a dot. */
const REACH = 2;
/** The margin around the paths, as a share of the box each way, so no path runs along the frame. */
const PAD = 0.08;

/**
 * The box every panel of a strip shows: the start, each run's path up to the last panel's t (up to where it
 * diverged) and the minima in the function's box, with a margin. One box for all panels, so they compare; the
 * preset's zoom would leave the t = 0 panel empty and let later paths leave the frame. It stays within
 * REACH times the function's box around its centre, and at least a tenth of it wide and high. With equal
 * axes, `aspect` is the panel's width over its height.
 */
export function stripView(
  paths: { points: Vec2[]; diverged: number | null }[], last: number, start: Vec2, view: Box, minima: Vec2[] = [], aspect?: number,
): Box {
  const within = (v: number, [a, b]: [number, number]) => v >= a - REACH * (b - a) && v <= b + REACH * (b - a);
  const lo: Vec2 = [start[0], start[1]], hi: Vec2 = [start[0], start[1]];
  const take = (p: Vec2) => {
    if (!within(p[0], view.x) || !within(p[1], view.y)) return;
    for (const k of [0, 1]) (lo[k] = Math.min(lo[k], p[k]), hi[k] = Math.max(hi[k], p[k]));
  };
  for (const m of minima) if (m[0] >= view.x[0] && m[0] <= view.x[1] && m[1] >= view.y[0] && m[1] <= view.y[1]) take(m);
  for (const p of paths) {
    const end = Math.min(last, p.diverged ?? Infinity, p.points.length - 1);
    for (let t = 0; t <= end; t++) take(p.points[t]);
  }
  const side = (k: 0 | 1, [a, b]: [number, number]): [number, number] => {
    const half = Math.max((hi[k] - lo[k]) * (0.5 + PAD), (b - a) / 20), mid = (lo[k] + hi[k]) / 2;
    return [mid - half, mid + half];
  };
  const box = { x: side(0, view.x), y: side(1, view.y) };
  if (aspect === undefined) return box;
  // Equal axes: the box widened to the panel's shape, which Plotly would otherwise fill by shrinking the panel.
  const [w, h] = [box.x[1] - box.x[0], box.y[1] - box.y[0]];
  const grow = (b: [number, number], size: number): [number, number] => [(b[0] + b[1] - size) / 2, (b[0] + b[1] + size) / 2];
  return w / h < aspect ? { x: grow(box.x, h * aspect), y: box.y } : { x: box.x, y: grow(box.y, w / aspect) };
}
