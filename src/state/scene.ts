import { batchOf, getTestFunction, scheduleCurve, isFiniteSum, logGrid, optimizerDef, sampleGrid, simulate, theory, withNoise } from '../core';
import type { FiniteSum, LogGrid, OptimizerKind, OptimizerSpec, Range, Schedule, TestFunction, Trajectory } from '../core';
import { parseFunction } from '../expr';
import { FORMULA_ID, type FunctionState, type PlaygroundState, type RunState } from './playground';

export type SceneFunction = TestFunction & FiniteSum;

// A typed formula has no known minima or view: show the box most textbook examples live in.
function formulaFunction(text: string): TestFunction {
  const { f, grad } = parseFunction(text);
  return {
    id: FORMULA_ID, f, grad,
    view: { x: [-3, 3], y: [-3, 3] },
    minima: [], fMin: NaN, saddles: [],
    start: [-2, 2],
    lr: { min: 1e-4, max: 1, default: 0.01 },
    noise: 1,
    equalAxes: true,
  };
}

/** The function a state names, before any noise: what the contour shows. */
export function baseFunction(fs: Pick<FunctionState, 'id' | 'params' | 'formula'>): TestFunction {
  return fs.id === FORMULA_ID ? formulaFunction(fs.formula) : getTestFunction(fs.id, fs.params);
}

/** The function as a finite sum: the least-squares fit is one already, others get the state's noise. */
export function finiteSum(base: TestFunction, fs: FunctionState): SceneFunction {
  if (isFiniteSum(base)) return base as SceneFunction;
  return withNoise(base, { n: fs.samples, scale: fs.noise, seed: fs.noiseSeed });
}

export function buildFunction(fs: FunctionState): SceneFunction {
  return finiteSum(baseFunction(fs), fs);
}

/** What the engine runs for a run of the state. */
export function runSpec(run: RunState): OptimizerSpec {
  const schedule = { kind: run.schedule.kind, ...run.schedule.params } as Schedule;
  return { kind: run.kind, lr: run.lr, ...run.params, batchSize: run.batch, schedule } as OptimizerSpec;
}

/** η_1, …, η_steps of a run: its schedule's step sizes. */
export function stepSizes(run: RunState, steps: number): number[] {
  return scheduleCurve({ kind: run.schedule.kind, ...run.schedule.params } as Schedule, run.lr, steps);
}

/** The samples a run's step really averages: N for the full-gradient runs. */
export function runBatch(run: RunState, n: number): number {
  return Math.min(batchOf(runSpec(run)) ?? n, n);
}

/**
 * Step sizes worth trying for a rule on a function: the function's own range for the gradient rules, up to
 * twice as far for the rules with inertia (stable up to 2(1 + α)/L, against GD's 2/L); for the adaptive
 * rules, whose steps are about η long per coordinate, lengths from 1/10,000 of the view to all of it,
 * starting at 1/20 of it.
 */
export function lrRange(fn: TestFunction, kind: OptimizerKind): Range {
  const def = optimizerDef(kind);
  if (def.lrUnit === 'curvature') return def.theory === 'gd' ? fn.lr : { ...fn.lr, max: 2 * fn.lr.max };
  const span = Math.max(fn.view.x[1] - fn.view.x[0], fn.view.y[1] - fn.view.y[0]);
  const round = (v: number) => Number(v.toPrecision(2));
  return { min: round(span / 1e4), max: round(span), default: round(span / 20) };
}

/** Every run of the state, hidden ones too (their legend still reports how they end). */
export function runTrajectories(fn: SceneFunction, s: PlaygroundState): Trajectory[] {
  return s.runs.map((run) =>
    simulate({ objective: fn, optimizer: runSpec(run), start: s.start, steps: s.steps, seed: run.seed }),
  );
}

/** The contour surface: log-spaced levels above the known minimum, or above the grid's lowest value. */
export function surface(fn: TestFunction): LogGrid {
  const grid = sampleGrid(fn.f, fn.view);
  return logGrid(grid, Number.isNaN(fn.fMin) ? grid.min : fn.fMin);
}

/** What the loss plot draws: the gap to the known minimum on a log axis, or f itself when f* is unknown. */
export function lossSeries(fn: SceneFunction, run: Trajectory): { y: number[]; log: boolean } {
  if (Number.isNaN(fn.fMin)) return { y: run.losses, log: false };
  return { y: run.losses.map((l) => l - fn.fMin), log: true };
}

/**
 * For quadratics, the asymptotic rate theory predicts for a run of a rule that has a theory, on full
 * batches and a constant step; null otherwise.
 */
export function predictedRate(fn: SceneFunction, run: RunState): number | null {
  const kind = optimizerDef(run.kind).theory;
  if (!fn.quadratic || !kind || run.schedule.kind !== 'constant' || runBatch(run, fn.n) < fn.n) return null;
  return theory.rate(kind, run.lr, run.params.alpha ?? 0, theory.spectrum(fn.quadratic.hessian).eigenvalues);
}

/**
 * Where theory puts the edge of stability on a run's η slider, on quadratics (full batches or not: the mean
 * step is what the edge bounds): 2/L for the gradient rules, 2(1 + α)/L for Momentum and
 * 2(1 + α)/((1 + 2α) L) for Nesterov. Empty where theory knows no L.
 */
export function lrMarks(fn: SceneFunction, run: RunState): { value: number; label: string }[] {
  const kind = optimizerDef(run.kind).theory;
  if (!fn.quadratic || !kind) return [];
  const L = theory.spectrum(fn.quadratic.hessian).L;
  const label = kind === 'gd' ? '2/L' : kind === 'momentum' ? '2(1+α)/L' : '2(1+α)/((1+2α)L)';
  return [{ value: theory.maxStableLr(kind, L, run.params.alpha ?? 0), label }];
}
