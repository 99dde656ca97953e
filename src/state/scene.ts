import { getTestFunction, isFiniteSum, logGrid, sampleGrid, simulate, theory, withNoise } from '../core';
import type { FiniteSum, LogGrid, TestFunction, Trajectory } from '../core';
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

/** Every run of the state, hidden ones too (their legend still reports how they end). */
export function runTrajectories(fn: SceneFunction, s: PlaygroundState): Trajectory[] {
  return s.runs.map((run) =>
    simulate({
      objective: fn,
      optimizer: { kind: run.kind, lr: run.lr, alpha: run.alpha, batchSize: run.batch },
      start: s.start, steps: s.steps, seed: run.seed,
    }),
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

/** For quadratics, the asymptotic rate theory predicts for a full-gradient run; null otherwise. */
export function predictedRate(fn: SceneFunction, run: RunState): number | null {
  if (!fn.quadratic || run.kind === 'sgd' || run.kind === 'minibatch' || run.batch < fn.n) return null;
  return theory.rate(run.kind, run.lr, run.alpha, theory.spectrum(fn.quadratic.hessian).eigenvalues);
}
