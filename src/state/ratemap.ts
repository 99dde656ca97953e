// The rate map of a run: which settings it spans, what theory says where theory applies, and the job a
// worker measures elsewhere. Pure, so the workers, the page and the tests share it.
import { hessianAt, measuredRate, optimizerDef, rangePoint, simulate, spaced, theory, theoryMap } from '../core';
import type { HyperName, OptimizerKind, Vec2 } from '../core';
import type { FunctionState, RunState } from './playground';
import { reachStep } from './race';
import { buildFunction, constantRun, lrRange, runBatch, runSpec, surface, type SceneFunction } from './scene';
import { quantile } from './seeds';

/** The setting beside η that a rule's map spans (α, β₁, ρ), if it has one. */
export function secondAxis(kind: OptimizerKind): HyperName | null {
  return (optimizerDef(kind).map as HyperName | undefined) ?? null;
}

/** The settings a map spans: η on a log axis over its slider's range, and the second setting over its own. */
export interface MapAxes {
  lrs: number[];
  /** The second setting's name and values; null for a curve over η alone. */
  second: { name: HyperName; values: number[] } | null;
}

export function mapAxes(fn: SceneFunction, kind: OptimizerKind, n: number): MapAxes {
  const range = lrRange(fn, kind);
  const name = secondAxis(kind);
  const spec = name ? optimizerDef(kind).hyper[name] : null;
  return {
    lrs: spaced(range.min, range.max, n, 'log'),
    second: name && spec ? { name, values: spaced(spec.min, spec.max, n, spec.scale) } : null,
  };
}

/** What theory knows of a run: exact on a quadratic, local (from the Hessian at a minimum) elsewhere. */
export interface RunTheory {
  /** Whether the map's values are theory's own (a quadratic, full batches, a constant step) or measured. */
  exact: boolean;
  kind: 'gd' | 'momentum' | 'nesterov';
  L: number;
  mu: number;
  eigenvalues: [number, number];
  /** Where the Hessian was taken. */
  at: Vec2;
  optimum: { lr: number; alpha: number; rate: number };
}

export function runTheory(fn: SceneFunction, run: RunState, start: Vec2): RunTheory | null {
  const kind = optimizerDef(run.kind).theory;
  if (!kind) return null;
  const exact = !!fn.quadratic && constantRun(run) && runBatch(run, fn.n) >= fn.n;
  let at: Vec2, hessian;
  if (fn.quadratic) [at, hessian] = [fn.quadratic.center, fn.quadratic.hessian];
  else {
    if (fn.minima.length === 0) return null;
    // The minimum nearest the start: where a run from there most likely ends.
    at = fn.minima.reduce((a, m) => (Math.hypot(m[0] - start[0], m[1] - start[1]) < Math.hypot(a[0] - start[0], a[1] - start[1]) ? m : a));
    hessian = hessianAt(fn, at);
  }
  const sp = theory.spectrum(hessian);
  if (!(sp.mu > 0)) return null;
  return { exact, kind, L: sp.L, mu: sp.mu, eigenvalues: sp.eigenvalues, at, optimum: theory.optimal(kind, sp.L, sp.mu) };
}

/** Theory's map (or curve, one row) over the axes: every cell's exact ρ. */
export function theoryValues(t: RunTheory, axes: MapAxes): Float64Array {
  return theoryMap(t.kind, t.eigenvalues, axes.lrs, axes.second?.values ?? [0]);
}

/**
 * What a tuning search minimises in each cell: the measured rate (the map's own values), or the per-sample
 * gradient evaluations B·t needed to reach f − f_ref ≤ eps, the median over the seeds s, s + 1 … s + K − 1
 * (a seed that does not reach counts as +∞, so a cell where most seeds fall short is never the best).
 */
export type TuneTarget = { kind: 'rate' } | { kind: 'evals'; eps: number; seeds: number };

/** What a cell of a job holds: a tuning target, or the loss a run reaches (the range test, core/rangetest). */
export type CellTarget = TuneTarget | { kind: 'loss' };

/** What a worker needs to measure a map: plain data, rebuilt there. */
export interface MapJob {
  fn: FunctionState;
  run: RunState;
  start: Vec2;
  steps: number;
  axes: MapAxes;
  /** What each cell holds; the rate when left out. */
  target?: CellTarget;
  /**
   * A curve over η alone (no second setting) is handed out in this many parts of consecutive η, as a map is
   * in rows, so every worker of the pool shares a long curve (the range test's few hundred η); one when left out.
   */
  parts?: number;
}

/** How many parts a job is handed out in: a map's rows, or a curve's parts. */
export function jobParts(job: MapJob): number {
  return job.axes.second?.values.length ?? Math.max(1, Math.min(job.parts ?? 1, job.axes.lrs.length));
}

/** The cells part `part` of a job holds: [from, to) in its row-major values. */
export function partCells(job: MapJob, part: number): [number, number] {
  const n = job.axes.lrs.length;
  if (job.axes.second) return [part * n, part * n + n];
  const size = Math.ceil(n / jobParts(job));
  return [Math.min(n, part * size), Math.min(n, part * size + size)];
}

/** The loss a measured rate counts down to: the known minimum, else the lowest value of the contour's grid. */
export function referenceLoss(fn: SceneFunction): number {
  return Number.isNaN(fn.fMin) ? surface(fn).min : fn.fMin;
}

/**
 * Measures one row of a map (one value of the second setting) or one part of a curve: each cell real runs
 * from the start with the job's budget, scored by measuredRate, by the evaluations to reach the target, or
 * by the loss reached (the range test's rangePoint).
 */
export function measureRow(job: MapJob, row: number, fn = buildFunction(job.fn), fRef = referenceLoss(fn)): Float64Array {
  const second = job.axes.second;
  const [from, to] = second ? [0, job.axes.lrs.length] : partCells(job, row);
  const out = new Float64Array(to - from);
  const target = job.target ?? { kind: 'rate' };
  job.axes.lrs.slice(from, to).forEach((lr, i) => {
    const params = second ? { ...job.run.params, [second.name]: second.values[row] } : job.run.params;
    const run = { ...job.run, lr, params };
    if (target.kind === 'loss') {
      out[i] = rangePoint({ objective: fn, optimizer: runSpec(run), start: job.start, steps: job.steps, seed: run.seed }, lr).loss;
    } else if (target.kind === 'rate') {
      const r = simulate({ objective: fn, optimizer: runSpec(run), start: job.start, steps: job.steps, seed: run.seed });
      out[i] = measuredRate(r.losses, r.diverged !== null, fRef);
    } else {
      out[i] = evalsToReach(run, fn, job.start, job.steps, fRef, target);
    }
  });
  return out;
}

/**
 * The median over the target's seeds of the evaluations B·t a run needs to reach f − f_ref ≤ eps (+∞ when
 * the median seed does not get there). A full-gradient run takes no seeds: its one path is the answer.
 */
export function evalsToReach(
  run: RunState, fn: SceneFunction, start: Vec2, steps: number, fRef: number, target: { eps: number; seeds: number },
): number {
  const b = runBatch(run, fn.n);
  const seeds = b < fn.n ? target.seeds : 1;
  const spent = Array.from({ length: seeds }, (_, k) => {
    const r = simulate({ objective: fn, optimizer: runSpec(run), start, steps, seed: run.seed + k });
    const t = reachStep(r, fRef, target.eps);
    return t === null ? Infinity : b * t;
  }).sort((x, y) => x - y);
  return quantile(spent, 0.5);
}

/** The cell with the smallest value (the fastest), as settings; null when every cell diverged. */
export function bestCell(values: Float64Array, axes: MapAxes): { lr: number; second: number | null } | null {
  let best = -1;
  values.forEach((v, k) => {
    if (Number.isFinite(v) && (best < 0 || v < values[best])) best = k;
  });
  if (best < 0) return null;
  const n = axes.lrs.length;
  return { lr: axes.lrs[best % n], second: axes.second ? axes.second.values[Math.floor(best / n)] : null };
}

/**
 * The grids "Tune every run" measures each run on, the same for every run so the race is fair: a coarse
 * one, then finer ones around the best cell so far (a sharp optimum such as Polyak's falls between cells).
 */
export const TUNE_GRID = 32;
export const TUNE_REFINE = 9;
export const TUNE_ROUNDS = 3;

/** Axes spanning the cells next to a chosen one, n values each: where a finer search looks. */
export function around(axes: MapAxes, at: { lr: number; second: number | null }, kind: OptimizerKind, n: number): MapAxes {
  const near = (values: number[], v: number) => {
    const k = values.indexOf(v);
    return [values[Math.max(0, k - 1)], values[Math.min(values.length - 1, k + 1)]];
  };
  const [lo, hi] = near(axes.lrs, at.lr);
  const spec = axes.second ? optimizerDef(kind).hyper[axes.second.name] : null;
  return {
    lrs: spaced(lo, hi, n, 'log'),
    second: axes.second && spec && at.second !== null
      ? { name: axes.second.name, values: spaced(...(near(axes.second.values, at.second) as [number, number]), n, spec.scale) }
      : null,
  };
}

/** A run's map job on the function and budget at hand; a tuning job may name what it minimises. */
export function runJob(
  fnState: FunctionState, fn: SceneFunction, run: RunState, start: Vec2, steps: number, n: number, target?: TuneTarget,
): MapJob {
  return { fn: fnState, run, start, steps, axes: mapAxes(fn, run.kind, n), ...(target ? { target } : {}) };
}

/** Measures a whole map: a pool of workers on the page, measureRow row by row in tests. */
export type MeasureMap = (job: MapJob) => Promise<Float64Array | null>;

/**
 * A run's best setting on the function and budget of its job: the best cell of a coarse map, then of
 * finer ones around it, by the job's target (the fastest rate, or the fewest evaluations to reach ε); null
 * when no cell scored (every one diverged or fell short), or the measuring was cancelled.
 */
export async function tuneSearch(job: MapJob, measure: MeasureMap): Promise<{ lr: number; second: number | null } | null> {
  let axes = job.axes;
  let best: { lr: number; second: number | null } | null = null;
  for (let round = 0; round <= TUNE_ROUNDS; round++) {
    const values = await measure({ ...job, axes });
    const cell = values && bestCell(values, axes);
    if (!cell) break;
    best = cell;
    axes = around(axes, cell, job.run.kind, TUNE_REFINE);
  }
  return best;
}

/** Theory's edge ρ = 1 over the second setting: the largest stable η at each of its values, as (η, α) points. */
export function stabilityEdge(t: RunTheory, seconds: readonly number[]): [number, number][] {
  return seconds.map((a) => [theory.maxStableLr(t.kind, t.L, a), a]);
}

/**
 * A curve's rate at η, where a marker on it goes: theory's own when it is exact, else the measured cell
 * nearest in log η (1.05, just above the top, for a cell that diverged or is missing).
 */
export function curveRate(t: RunTheory | null, axes: MapAxes, values: Float64Array | null, lr: number): number {
  if (t?.exact) return theory.rate(t.kind, lr, 0, t.eigenvalues);
  if (!values) return 1.05;
  let best = 0;
  axes.lrs.forEach((v, i) => {
    if (Math.abs(Math.log(v / lr)) < Math.abs(Math.log(axes.lrs[best] / lr))) best = i;
  });
  return Number.isFinite(values[best]) ? values[best] : 1.05;
}
