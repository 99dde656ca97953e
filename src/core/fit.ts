// A box that shows what matters about a function seen from a start point: where a short run goes.
import { suggestLr } from './curvature';
import { searchMinima } from './minima';
import { simulate } from './run';
import type { Box, Objective, Vec2 } from './types';

const FIT_STEPS = 1000;

/** Edges on a grid of a tenth of the span's order of magnitude, so the box reads well in a link. */
function roundOut(lo: number, hi: number): [number, number] {
  const step = 10 ** (Math.floor(Math.log10(hi - lo)) - 1);
  const r = (v: number) => Number(v.toPrecision(12));
  return [r(Math.floor(lo / step) * step), r(Math.ceil(hi / step) * step)];
}

/**
 * The box around the start and the path of a short heavy-ball run at η from the local curvature, which
 * finds the nearby minimum or valley floor: the points no higher than the start (not the overshoots),
 * padded by a fifth each way, at least ±1 around a run that barely moved. A run that does not settle
 * (diverges, or still falls steeply at its end: f unbounded below) says only that the function falls
 * away; the box then keeps `fallback`'s size, centred on the start.
 */
export function fitBox(o: Objective, start: Vec2, fallback: Box): Box {
  // Only f and its gradient: the run's divergence bound must not depend on the box being replaced.
  const objective: Objective = { f: (p) => o.f(p), grad: (p) => o.grad(p) };
  const lr = suggestLr(objective, start, { min: 1e-8, max: 10, default: 1e-2 });
  const run = simulate({ objective, optimizer: { kind: 'momentum', lr, alpha: 0.9 }, start, steps: FIT_STEPS });
  const slope = (p: Vec2) => Math.hypot(...o.grad(p));
  if (run.diverged || !(slope(run.points[run.points.length - 1]) <= 0.1 * slope(start) + 1e-9)) {
    const hx = (fallback.x[1] - fallback.x[0]) / 2, hy = (fallback.y[1] - fallback.y[0]) / 2;
    return { x: roundOut(start[0] - hx, start[0] + hx), y: roundOut(start[1] - hy, start[1] + hy) };
  }
  const below = run.points.filter((p, t) => run.losses[t] <= run.losses[0]);
  const side = (v: number[]): [number, number] => {
    const lo = Math.min(...v), hi = Math.max(...v);
    const pad = Math.max((hi - lo) / 5, 1 - (hi - lo) / 2);
    return roundOut(lo - pad, hi + pad);
  };
  return { x: side(below.map((p) => p[0])), y: side(below.map((p) => p[1])) };
}

/**
 * The box around the start and every minimum descents find from a grid of starts over `around` (see
 * searchMinima), padded by a fifth each way, at least 1; null where none is found (the descents did not settle:
 * a slow valley such as Rosenbrock's, or f unbounded below), and fitBox is left to find a box.
 */
export function minimaBox(o: Objective, start: Vec2, around: Box): Box | null {
  const found = searchMinima(o, around, [start]);
  if (found.length === 0) return null;
  const side = (v: number[]): [number, number] => {
    const lo = Math.min(...v), hi = Math.max(...v);
    const pad = Math.max((hi - lo) / 5, 1);
    return roundOut(lo - pad, hi + pad);
  };
  const pts = [start, ...found.map((m) => m.at)];
  return { x: side(pts.map((p) => p[0])), y: side(pts.map((p) => p[1])) };
}
