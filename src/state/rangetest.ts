// The learning-rate range test of a run (core/rangetest) on the page: the job the map's workers measure, in
// parts, and what its losses say (each point's divergence, the edge, and theory's edge where it is exact).
// Pure, so the page and the tests share it.
import { rangeEdge, rangeGrid, theory, type RangePoint, type Vec2 } from '../core';
import type { FunctionState, RunState } from './playground';
import { runTheory, type MapJob } from './ratemap';
import { lrRange, type SceneFunction } from './scene';

/** A few hundred step sizes, each a short run: fast.ai's lr_find takes 100 steps. */
export const RANGE_POINTS = 240;
export const RANGE_STEPS = 100;
/** The parts the workers share the grid in: enough that both stay busy and a change cancels little. */
export const RANGE_PARTS = 12;

/** The grid of η a run's test sweeps: its η slider's range, in log. */
export function rangeLrs(fn: SceneFunction, run: RunState): number[] {
  const r = lrRange(fn, run.kind);
  return rangeGrid(r.min, r.max, RANGE_POINTS);
}

/** The runs of the test are the run's own (rule, settings, schedule, batch, seed) with at most RANGE_STEPS steps. */
export function rangeSteps(steps: number): number {
  return Math.min(steps, RANGE_STEPS);
}

/** The job the map's workers measure: each cell the loss a run reaches (+∞ for one that blew up). */
export function rangeJob(fnState: FunctionState, fn: SceneFunction, run: RunState, start: Vec2, steps: number): MapJob {
  return {
    fn: fnState, run, start, steps: rangeSteps(steps), axes: { lrs: rangeLrs(fn, run), second: null }, target: { kind: 'loss' }, parts: RANGE_PARTS,
  };
}

/**
 * The test from the losses the workers measured: a run diverged that blew up or ended above f(x₀), as
 * rangePoint decides, and the edge rangeEdge reads.
 */
export function rangeResult(lrs: readonly number[], losses: ArrayLike<number>, f0: number): { points: RangePoint[]; edge: number | null } {
  const points = lrs.map((lr, i) => ({ lr, loss: losses[i], diverged: !(losses[i] <= f0) }));
  return { points, edge: rangeEdge(points) };
}

/** Theory's edge where it is exact (a quadratic, full batches, a constant step): 2/L for GD, with L. */
export function rangeTheory(fn: SceneFunction, run: RunState, start: Vec2): { lr: number; label: string; L: number } | null {
  const th = runTheory(fn, run, start);
  if (!th?.exact) return null;
  const alpha = run.params.alpha ?? 0;
  return { lr: theory.maxStableLr(th.kind, th.L, alpha), label: theory.edgeLabel(th.kind), L: th.L };
}

