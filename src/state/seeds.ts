// Seeds: one noisy path is luck, so a stochastic run can also run with seeds s + 1 … s + K − 1, and the loss
// plot can draw the spread of f over the K runs as a band of quantiles.
import { simulate, type Trajectory } from '../core';
import type { PlaygroundState, RunState } from './playground';
import { runBatch, runSpec, type SceneFunction } from './scene';

/** Whether a run's path depends on its seed: it averages fewer than all N samples per step. */
export function isStochastic(run: RunState, n: number): boolean {
  return runBatch(run, n) < n;
}

/**
 * The extra runs of the last call, by what they were computed from (as runTrajectories keeps its own), and
 * each run's list of them, so a run a slider did not move keeps its very list (and its band and faint paths).
 */
let computed: { fn: SceneFunction; runs: Map<string, Trajectory>; lists: Map<string, Trajectory[]> } | null = null;

/**
 * For each run of the state (hidden ones too), its runs with seeds s + 1 … s + K − 1, s its own seed: empty
 * for a full-gradient run, whose path no seed changes, and for K = 1. Raising K reuses the runs already made.
 */
export function seedTrajectories(fn: SceneFunction, s: PlaygroundState, seeds: number): Trajectory[][] {
  const known = computed?.fn === fn ? computed : { runs: new Map<string, Trajectory>(), lists: new Map<string, Trajectory[]>() };
  const runs = new Map<string, Trajectory>(), lists = new Map<string, Trajectory[]>();
  const out = s.runs.map((run) => {
    if (!isStochastic(run, fn.n)) return [];
    const optimizer = runSpec(run);
    const key = JSON.stringify([optimizer, run.seed, seeds, s.start, s.steps]);
    const list = known.lists.get(key) ?? Array.from({ length: seeds - 1 }, (_, k) => {
      const seed = run.seed + k + 1;
      const one = JSON.stringify([optimizer, seed, s.start, s.steps]);
      return known.runs.get(one) ?? simulate({ objective: fn, optimizer, start: s.start, steps: s.steps, seed });
    });
    list.forEach((t, k) => runs.set(JSON.stringify([optimizer, run.seed + k + 1, s.start, s.steps]), t));
    lists.set(key, list);
    return list;
  });
  computed = { fn, runs, lists };
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

/**
 * f at steps 0 … steps of a run, +∞ from the step it diverged on: a diverged seed counts as worse than any
 * that kept going, so a band reaches +∞ only where more than 10 % (50 %, 90 %) of the seeds have diverged.
 */
export function lossesThrough(t: Trajectory, steps: number): number[] {
  return Array.from({ length: steps + 1 }, (_, i) => (i < t.losses.length ? t.losses[i] : Infinity));
}

/** The band of f over runs of one setting with different seeds, at every step 0 … steps. */
export function lossBand(runs: readonly Trajectory[], steps: number): Band {
  const band: Band = { p10: [], p50: [], p90: [] };
  // One column of K values, sorted in place at every step (a typed array sorts by value, +∞ last).
  const at = new Float64Array(runs.length);
  for (let i = 0; i <= steps; i++) {
    runs.forEach((t, k) => (at[k] = i < t.losses.length ? t.losses[i] : Infinity));
    at.sort();
    band.p10.push(quantile(at, 0.1));
    band.p50.push(quantile(at, 0.5));
    band.p90.push(quantile(at, 0.9));
  }
  return band;
}

/**
 * The band of each run of the state over its K seeds (its own trajectory first, then seedTrajectories'),
 * parallel to s.runs: null for a full-gradient run and for K = 1, where there is no spread to draw.
 */
export function runBands(s: PlaygroundState, trajectories: readonly Trajectory[], extras: readonly Trajectory[][]): (Band | null)[] {
  return s.runs.map((_, i) => {
    if (extras[i].length === 0) return null;
    // A run whose own path and seeds did not change keeps its band (a slider moves one run).
    const last = bands.get(extras[i]);
    if (last?.own === trajectories[i] && last.steps === s.steps) return last.band;
    const band = lossBand([trajectories[i], ...extras[i]], s.steps);
    bands.set(extras[i], { own: trajectories[i], steps: s.steps, band });
    return band;
  });
}

/** The last band of each list of seeds (seedTrajectories keeps a list while its run is unchanged). */
const bands = new WeakMap<Trajectory[], { own: Trajectory; steps: number; band: Band }>();

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
