// Seeds: one noisy path is luck, so a stochastic run can also run with seeds s + 1 … s + K − 1, and the loss
// plot can draw the spread of f over the K runs as a band of quantiles.
import { simulate, type Trajectory, type Vec2 } from '../core';
import type { PlaygroundState, RunState } from './playground';
import { runBatch, runSpec, type SceneFunction } from './scene';

/** Whether a run's path depends on its seed: it averages fewer than all N samples per step. */
export function isStochastic(run: RunState, n: number): boolean {
  return runBatch(run, n) < n;
}

/** The extra runs of the last call, by what they were computed from (as runTrajectories keeps its own). */
let computed: { fn: SceneFunction; runs: Map<string, Trajectory> } | null = null;

/**
 * For each run of the state (hidden ones too), its runs with seeds s + 1 … s + K − 1, s its own seed: empty
 * for a full-gradient run, whose path no seed changes, and for K = 1. Raising K reuses the runs already made.
 */
export function seedTrajectories(fn: SceneFunction, s: Pick<PlaygroundState, 'start' | 'steps' | 'runs'>, seeds: number): Trajectory[][] {
  const known = computed?.fn === fn ? computed.runs : new Map<string, Trajectory>();
  const runs = new Map<string, Trajectory>();
  const out = s.runs.map((run) => {
    if (!isStochastic(run, fn.n)) return [];
    const optimizer = runSpec(run);
    return Array.from({ length: seeds - 1 }, (_, k) => {
      const seed = run.seed + k + 1;
      const key = JSON.stringify([optimizer, seed, s.start, s.steps]);
      const t = known.get(key) ?? simulate({ objective: fn, optimizer, start: s.start, steps: s.steps, seed });
      runs.set(key, t);
      return t;
    });
  });
  computed = { fn, runs };
  return out;
}

/**
 * The p-quantile of sorted values as numpy's default (method "linear") computes it, to the last bit: the
 * virtual index h = (K − 1) p between the order statistics a_j and a_{j+1}, j = ⌊h⌋, and numpy's lerp with
 * γ = h − j. Values may be +∞ (a run that diverged, or did not reach a target): the quantile is +∞ when it
 * interpolates towards one, the order statistic itself when γ = 0 (where numpy's ∞ · 0 would give NaN).
 */
export function quantile(sorted: ArrayLike<number>, p: number): number {
  const k = sorted.length;
  if (k === 0) return NaN;
  const h = (k - 1) * p;
  if (h >= k - 1) return sorted[k - 1];
  const j = Math.floor(h);
  const gamma = h - j;
  const a = sorted[j], b = sorted[j + 1];
  if (gamma === 0) return a;
  if (b === Infinity) return Infinity;
  const diff = b - a;
  return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
}

/** The 10 %, 50 % and 90 % quantiles of a quantity at each step (or of one value per seed). */
export interface Band {
  p10: number[];
  p50: number[];
  p90: number[];
}

/** What a band and a race read of a run: f at each step up to where it stopped. */
type Losses = { losses: ArrayLike<number> };

/**
 * f at step i of a run, +∞ from the step it diverged on: a diverged seed counts as worse than any that kept
 * going, so a band reaches +∞ only where more than 10 % (50 %, 90 %) of the seeds have diverged.
 */
export function lossAt(t: Losses, i: number): number {
  return i < t.losses.length ? t.losses[i] : Infinity;
}

/** The band of f over runs of one setting with different seeds, at every step 0 … steps. */
export function lossBand(runs: readonly Losses[], steps: number): Band {
  const band: Band = { p10: [], p50: [], p90: [] };
  // One column of K values, sorted in place at every step (a typed array sorts by value, +∞ last).
  const at = new Float64Array(runs.length);
  for (let i = 0; i <= steps; i++) {
    runs.forEach((t, k) => (at[k] = lossAt(t, i)));
    at.sort();
    band.p10.push(quantile(at, 0.1));
    band.p50.push(quantile(at, 0.5));
    band.p90.push(quantile(at, 0.9));
  }
  return band;
}

/** A run with another seed, as the page draws and races it: its path and f, in compact arrays. */
export interface SeedPath {
  x: Float64Array;
  y: Float64Array;
  losses: Float64Array;
}

/** What a stochastic run's K seeds show: the paths of the K − 1 others, and the band of f over all K. */
export interface SeedSpread {
  paths: SeedPath[];
  band: Band;
}

/**
 * What a run's other seeds depend on, as one string: the function, the start, the budget, K and the run's
 * own rule, settings and seed (not its colour or visibility). Null where there is nothing to run: K = 1, or
 * a full-gradient run.
 */
export function seedKey(s: PlaygroundState, run: RunState, n: number, seeds: number): string | null {
  if (seeds <= 1 || !isStochastic(run, n)) return null;
  return JSON.stringify([s.fn, s.start, s.steps, seeds, runSpec(run), run.seed]);
}

/** One run's seedTrajectories and runBands at once: what the seeds worker answers the page. */
export function seedSpread(fn: SceneFunction, start: Vec2, steps: number, run: RunState, seeds: number): SeedSpread {
  const own = simulate({ objective: fn, optimizer: runSpec(run), start, steps, seed: run.seed });
  const extras = seedTrajectories(fn, { start, steps, runs: [run] }, seeds)[0];
  const paths = extras.map((t) => ({
    x: Float64Array.from(t.points, (p) => p[0]), y: Float64Array.from(t.points, (p) => p[1]), losses: Float64Array.from(t.losses),
  }));
  return { paths, band: lossBand([own, ...extras], steps) };
}

/**
 * The band of each run of the state over its K seeds (its own trajectory first, then seedTrajectories'),
 * parallel to s.runs: null for a full-gradient run and for K = 1, where there is no spread to draw.
 */
export function runBands(s: PlaygroundState, trajectories: readonly Trajectory[], extras: readonly Losses[][]): (Band | null)[] {
  return s.runs.map((_, i) => (extras[i].length > 0 ? lossBand([trajectories[i], ...extras[i]], s.steps) : null));
}

/** The last series made of each band: a slider moves one run's band, the others keep theirs (and their lines). */
const series = new WeakMap<Band, { floor: number; band: Band }>();

/** A band as the loss plot draws it: minus the floor, as lossSeries does to f (as is when there is none). */
export function bandSeries(band: Band, floor: number | null): Band {
  if (floor === null) return band;
  const last = series.get(band);
  if (last?.floor === floor) return last.band;
  const less = (v: number[]) => v.map((l) => l - floor);
  const out = { p10: less(band.p10), p50: less(band.p50), p90: less(band.p90) };
  series.set(band, { floor, band: out });
  return out;
}
