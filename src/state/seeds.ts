// Seeds: one noisy path is luck, so a stochastic run can also run with seeds s + 1 … s + K − 1, and the loss
// plot can draw the spread of f over the K runs as a band of quantiles.
import { simulate, type Trajectory } from '../core';
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
export function seedTrajectories(fn: SceneFunction, s: PlaygroundState, seeds: number): Trajectory[][] {
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
export function quantile(sorted: readonly number[], p: number): number {
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
  const losses = runs.map((t) => lossesThrough(t, steps));
  const band: Band = { p10: [], p50: [], p90: [] };
  for (let i = 0; i <= steps; i++) {
    const at = losses.map((l) => l[i]).sort((a, b) => a - b);
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
  return s.runs.map((_, i) => (extras[i].length > 0 ? lossBand([trajectories[i], ...extras[i]], s.steps) : null));
}

/** A band as the loss plot draws it: minus the floor, as lossSeries does to f (as is when there is none). */
export function bandSeries(band: Band, floor: number | null): Band {
  if (floor === null) return band;
  const less = (v: number[]) => v.map((l) => l - floor);
  return { p10: less(band.p10), p50: less(band.p50), p90: less(band.p90) };
}
