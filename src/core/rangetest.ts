// The learning-rate range test (Smith 2017; fast.ai's lr_find): short runs from one start, one for each step size
// of a log grid, and the loss each reaches. Where the loss stops falling and where the runs blow up bound the
// step sizes worth trying. Pure; one η at a time (rangePoint), so a worker pool can split the grid into parts as
// it splits a rate map into rows, and put the parts back in grid order (rangeEdge reads them in that order).
import { spaced } from './ratemap';
import { simulate, type SimulateSpec } from './run';

/** What one short run at step size `lr` reached. */
export interface RangePoint {
  lr: number;
  /**
   * The loss reached: f at the run's last iterate, f(x_steps), as fast.ai's test records the loss after its
   * steps (not the lowest f on the way); +∞ for a run that blew up.
   */
  loss: number;
  /**
   * Whether the run diverged: it blew up (a value that is not finite, or |x| past simulate's bound) or ended
   * higher than it started, f(x_steps) > f(x_0). A short run just past the edge of stability grows too slowly to
   * blow up; it does end above its start.
   */
  diverged: boolean;
}

/** The most step sizes a grid may hold: a few hundred is what the test needs. */
export const RANGE_POINTS_MAX = 1000;

/** n step sizes from min to max, evenly in log η (min and max exact): the test's grid. */
export function rangeGrid(min: number, max: number, n: number): number[] {
  if (!(min > 0) || !(max > min) || !Number.isFinite(max)) throw new RangeError(`The range must be 0 < min < max < ∞, got ${min} … ${max}`);
  if (!Number.isInteger(n) || n < 2 || n > RANGE_POINTS_MAX) throw new RangeError(`The grid must have from 2 to ${RANGE_POINTS_MAX} points, got ${n}`);
  return spaced(min, max, n, 'log');
}

/** One point of the test: the run of `spec` (its optimizer, schedule, start, steps and seed) with η = lr. */
export function rangePoint(spec: SimulateSpec, lr: number): RangePoint {
  const r = simulate({ ...spec, optimizer: { ...spec.optimizer, lr } });
  if (r.diverged) return { lr, loss: Infinity, diverged: true };
  const loss = r.losses[r.losses.length - 1];
  return { lr, loss, diverged: loss > r.losses[0] };
}

/**
 * The divergence edge: the smallest η from which on every run of the grid (in grid order) diverged; null when
 * the largest did not. A lone diverged run below runs that did not (a lucky or unlucky path on a non-convex f)
 * does not make the edge.
 */
export function rangeEdge(points: readonly RangePoint[]): number | null {
  let edge: number | null = null;
  for (let i = points.length - 1; i >= 0 && points[i].diverged; i--) edge = points[i].lr;
  return edge;
}

/** The whole test in one call: every point of the grid, in its order, and the edge. */
export function rangeTest(spec: SimulateSpec, lrs: readonly number[]): { points: RangePoint[]; edge: number | null } {
  const points = lrs.map((lr) => rangePoint(spec, lr));
  return { points, edge: rangeEdge(points) };
}
