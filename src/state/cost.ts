// What a run costs: a step of a batch of B averages B per-sample gradients, so a larger batch pays more per
// step. The loss plot's x-axis and the race count in these units.
import type { RunState } from './playground';
import { runBatch } from './scene';
import type { CostAxis } from './show';

/**
 * The per-sample gradient evaluations spent by each iterate x_t, t = 0 … length − 1: B·t for a batch of B,
 * N·t for the full-gradient rules (every rule takes one gradient per step, Nesterov's at its look-ahead).
 */
export function runEvals(run: RunState, n: number, length: number): number[] {
  const b = runBatch(run, n);
  return Array.from({ length }, (_, t) => b * t);
}

/**
 * The x of each iterate on the loss plot's axis: the evaluations B·t or epochs B·t / N; undefined on the
 * step axis, where x is the index t itself (no array to build and compare on every frame of a drag).
 */
export function axisValues(axis: CostAxis, run: RunState, n: number, length: number): number[] | undefined {
  if (axis === 'step') return undefined;
  const evals = runEvals(run, n, length);
  return axis === 'evals' ? evals : evals.map((e) => e / n);
}
