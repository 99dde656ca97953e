import { batchSize, constantStep, getTestFunction, isFiniteSum, logGrid, optimizerDef, sampleGrid, scheduleCurve, searchMinima, simulate, suggestLr, theory, withNoise } from '../core';
import type { Box, FiniteSum, LogGrid, OptimizerKind, OptimizerSpec, Range, Schedule, TestFunction, Trajectory, Vec2 } from '../core';
import { FORMULA_VIEW, parseFunction } from '../expr';
import { FORMULA_ID, type FunctionState, type PlaygroundState, type RunState } from './playground';

export type SceneFunction = TestFunction & FiniteSum;

// A typed formula has no known minima or view: show the box most textbook examples live in. Its η is
// the one the curvature at the start allows (a steep formula such as Rosenbrock's needs far less than
// a gentle one), and the slider reaches ten times below it.
function formulaFunction(text: string): TestFunction {
  const { f, grad } = parseFunction(text);
  const start: Vec2 = [-2, 2];
  const lr = suggestLr({ f, grad }, start, { min: 1e-6, max: 1, default: 0.01 });
  return {
    id: FORMULA_ID, f, grad,
    view: { x: [...FORMULA_VIEW.x], y: [...FORMULA_VIEW.y] },
    minima: [], fMin: NaN, saddles: [],
    start,
    lr: { min: Math.min(1e-4, lr / 10), max: 1, default: lr },
    noise: 1,
    equalAxes: true,
  };
}

/** The function a state names, before any noise: what the contour shows, over the user's box if set. */
export function baseFunction(fs: Pick<FunctionState, 'id' | 'params' | 'formula' | 'view'>): TestFunction {
  const fn = fs.id === FORMULA_ID ? formulaFunction(fs.formula) : getTestFunction(fs.id, fs.params);
  return fs.view ? { ...fn, view: { x: [...fs.view.x], y: [...fs.view.y] } } : fn;
}

/** How many samples the function's sum has: a least-squares fit's own data, else the state's noise samples. */
export function sumSize(base: TestFunction, fs: Pick<FunctionState, 'samples'>): number {
  return isFiniteSum(base) ? base.n : fs.samples;
}

/** The function as a finite sum: the least-squares fit is one already, others get the state's noise. */
export function finiteSum(base: TestFunction, fs: FunctionState): SceneFunction {
  if (isFiniteSum(base)) return base as SceneFunction;
  return withNoise(base, { n: fs.samples, scale: fs.noise, seed: fs.noiseSeed });
}

export function buildFunction(fs: FunctionState): SceneFunction {
  return finiteSum(baseFunction(fs), fs);
}

/** A run's schedule as the engine takes it. */
export function runSchedule(run: Pick<RunState, 'schedule'>): Schedule {
  return { kind: run.schedule.kind, ...run.schedule.params } as Schedule;
}

/** Whether a run's η is the same at every step (no schedule, no warmup). */
export function constantRun(run: Pick<RunState, 'schedule'>): boolean {
  return constantStep(runSchedule(run));
}

/** What the engine runs for a run of the state. */
export function runSpec(run: RunState): OptimizerSpec {
  return { kind: run.kind, lr: run.lr, ...run.params, batchSize: run.batch, schedule: runSchedule(run) } as OptimizerSpec;
}

/** η_1, …, η_steps of a run: its schedule's step sizes. */
export function stepSizes(run: RunState, steps: number): number[] {
  return scheduleCurve(runSchedule(run), run.lr, steps);
}

/** The samples a run's step really averages: N for the full-gradient runs. */
export function runBatch(run: RunState, n: number): number {
  return batchSize(run.kind, n, run.batch);
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

/**
 * The trajectories of the last call, by what they were computed from: a drag of one run's η recomputes
 * that run alone (the others' runs are pure functions of unchanged inputs, so reusing them is exact).
 */
let computed: { fn: SceneFunction; runs: Map<string, Trajectory> } | null = null;

/** Every run of the state, hidden ones too (their legend still reports how they end). */
export function runTrajectories(fn: SceneFunction, s: PlaygroundState): Trajectory[] {
  const known = computed?.fn === fn ? computed.runs : new Map<string, Trajectory>();
  const runs = new Map<string, Trajectory>();
  const out = s.runs.map((run) => {
    const optimizer = runSpec(run);
    const key = JSON.stringify([optimizer, run.seed, s.start, s.steps]);
    const t = known.get(key) ?? simulate({ objective: fn, optimizer, start: s.start, steps: s.steps, seed: run.seed });
    runs.set(key, t);
    return t;
  });
  computed = { fn, runs };
  return out;
}

/**
 * The contour surface: log-spaced levels above the known minimum, or above the grid's lowest value, from
 * `n` × `n` samples (fewer only for the live contour's drafts during a drag).
 */
export function surface(fn: TestFunction, n = 200): LogGrid {
  const grid = sampleGrid(fn.f, fn.view, n, n);
  return logGrid(grid, Number.isNaN(fn.fMin) ? grid.min : fn.fMin);
}

/**
 * The contour over the box a plot shows (the function's box widened to the plot's shape, or a zoom), on
 * the levels of the function's own box (`levels`, its `surface`, whose size it takes): the colours mean
 * the same heights whatever the window's shape.
 */
export function surfaceOver(fn: TestFunction, levels: LogGrid, box: Box): LogGrid {
  const same = [0, 1].every((i) => box.x[i] === fn.view.x[i] && box.y[i] === fn.view.y[i]);
  return same ? levels : logGrid(sampleGrid(fn.f, box, levels.x.length, levels.y.length), levels.floor, levels);
}

/**
 * f's lowest and highest values over the box: the highest on the surface's grid, the lowest there or at the
 * lowest flat point inside the box that descents from a grid of starts reach (a grid point only comes near a
 * minimum: a run stuck a little above it would otherwise read as converged).
 */
export function boxRange(fn: TestFunction, n = 200): { min: number; max: number } {
  const { min, max } = sampleGrid(fn.f, fn.view, n, n);
  const inside = ([x, y]: Vec2) => x >= fn.view.x[0] && x <= fn.view.x[1] && y >= fn.view.y[0] && y <= fn.view.y[1];
  const found = searchMinima(fn, fn.view).find((m) => inside(m.at));
  return { min: found && !(found.f >= min) ? found.f : min, max };
}

/**
 * The floor of the loss plot's log axis: f* when it is known. Else, when f is bounded below on the box,
 * the lowest value found: by descents from a grid of starts (boxRange), or by a run that went lower. Null when
 * a run fell further below the box's lowest value than the box's whole range (f unbounded below): then
 * the plot shows f itself on a linear axis. `range` (f's range on the box, boxRange) is asked for only
 * then: the page samples no grid of its own while f* is known (the contour worker samples its own).
 */
export function lossFloor(fn: TestFunction, range: () => { min: number; max: number }, runs: Trajectory[]): number | null {
  if (!Number.isNaN(fn.fMin)) return fn.fMin;
  const { min, max } = range();
  if (Number.isNaN(min)) return null;
  let lowest = min;
  for (const r of runs) for (const l of r.losses) if (l < lowest) lowest = l;
  return lowest >= min - (max - min) ? lowest : null;
}

/** What the loss plot draws: the gap to the floor on a log axis, or f itself when there is none. */
export function lossSeries(
  fn: SceneFunction, run: Trajectory, floor: number | null = Number.isNaN(fn.fMin) ? null : fn.fMin,
): { y: number[]; log: boolean } {
  if (floor === null) return { y: run.losses, log: false };
  return { y: run.losses.map((l) => l - floor), log: true };
}

/**
 * For quadratics, the asymptotic rate theory predicts for a run of a rule that has a theory, on full
 * batches and a constant step; null otherwise.
 */
export function predictedRate(fn: SceneFunction, run: RunState): number | null {
  const kind = optimizerDef(run.kind).theory;
  if (!fn.quadratic || !kind || !constantRun(run) || runBatch(run, fn.n) < fn.n) return null;
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
  return [{ value: theory.maxStableLr(kind, L, run.params.alpha ?? 0), label: theory.edgeLabel(kind) }];
}

/** η ≈ 1/L from the curvature at the state's start, within the function's η range. */
export function suggestedLr(fn: SceneFunction, s: Pick<PlaygroundState, 'start'>): number {
  return suggestLr(fn, s.start, fn.lr);
}

/** Steps a suggested η is tried over: enough for the curvature on the way to have grown. */
const TRIAL_STEPS = 200;

/**
 * The largest of lr, lr/2, lr/4, … (down to the function's η minimum) at which none of `runs` diverges over
 * its first steps: 1/L at the start allows what the curvature there allows, and a formula's grows on the way
 * (Himmelblau's from (−2, 2) diverged in 3 steps at 1/L).
 */
export function stableLr(fn: SceneFunction, s: Pick<PlaygroundState, 'start' | 'steps'>, runs: readonly RunState[], lr: number): number {
  const steps = Math.min(s.steps, TRIAL_STEPS);
  const diverges = (eta: number) =>
    runs.some((run) => simulate({ objective: fn, optimizer: runSpec({ ...run, lr: eta }), start: s.start, steps, seed: run.seed }).diverged !== null);
  while (lr / 2 >= fn.lr.min && diverges(lr)) lr /= 2;
  return lr;
}

/** The η the page suggests for the gradient runs: 1/L at the start, halved until none of them diverges. */
export function safeLr(fn: SceneFunction, s: Pick<PlaygroundState, 'start' | 'steps' | 'runs'>): number {
  return stableLr(fn, s, s.runs.filter((r) => optimizerDef(r.kind).lrUnit === 'curvature'), suggestedLr(fn, s));
}
