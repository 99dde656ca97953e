// A fair race between batch sizes: how many steps, and how many per-sample gradient evaluations, each run
// needs to reach f − f* ≤ ε; with K seeds, their median and spread, since one seed's path is luck.
import type { Trajectory, Vec2 } from '../core';
import type { PlaygroundState } from './playground';
import { runBatch, type SceneFunction } from './scene';
import { quantile } from './seeds';
import type { ShowState } from './show';

/**
 * ε when the link sets none: a thousandth of the start's gap f(x₀) − f*, to one significant digit (so the
 * table reads ε = 0.002, not 0.0018734…). Null where the race cannot be run: f* unknown (a typed formula),
 * or a start already at the minimum.
 */
export function defaultTarget(fn: Pick<SceneFunction, 'f' | 'fMin'>, start: Vec2): number | null {
  const gap = fn.f(start) - fn.fMin;
  if (!(gap > 0) || !Number.isFinite(gap)) return null;
  return Number((gap / 1000).toPrecision(1));
}

/** The ε a state's race uses: the link's, else the default; null without a known f*. */
export function raceTarget(fn: Pick<SceneFunction, 'f' | 'fMin'>, s: Pick<PlaygroundState, 'start'>, show: Pick<ShowState, 'target'>): number | null {
  if (Number.isNaN(fn.fMin)) return null;
  return show.target ?? defaultTarget(fn, s.start);
}

/** The first step t with f(x_t) − f* ≤ ε; null when the run never gets there (or diverged first). */
export function reachStep(t: { losses: ArrayLike<number> }, fMin: number, eps: number): number | null {
  for (let i = 0; i < t.losses.length; i++) if (t.losses[i] - fMin <= eps) return i;
  return null;
}

/** Quantiles over the seeds; null stands for +∞: not reached by enough of them. */
export interface Spread {
  p10: number | null;
  p50: number | null;
  p90: number | null;
}

export interface RaceEntry {
  /** The run's id. */
  id: number;
  /** With the run's own seed: the first step with f − f* ≤ ε and the evaluations B·t spent by then (null: not reached). */
  steps: number | null;
  evals: number | null;
  /**
   * Over the K seeds (own first) of a stochastic run when K > 1: how many reached ε, and the 10 %, 50 % and
   * 90 % quantiles of their steps and evaluations, a seed that did not reach counting as +∞. Null otherwise.
   */
  seeds: { k: number; reached: number; steps: Spread; evals: Spread } | null;
}

const spread = (values: number[]): Spread => {
  const sorted = [...values].sort((a, b) => a - b);
  const q = (p: number) => {
    const v = quantile(sorted, p);
    return Number.isFinite(v) ? v : null;
  };
  return { p10: q(0.1), p50: q(0.5), p90: q(0.9) };
};

/**
 * The race table, one entry per run of the state (hidden ones too), from its trajectory and its other seeds'
 * f (seedTrajectories, or the seeds worker's paths); null when f* is unknown, since "f − f* ≤ ε" then means nothing.
 */
export function race(
  fn: Pick<SceneFunction, 'n' | 'fMin'>, s: PlaygroundState, trajectories: readonly Trajectory[], extras: readonly { losses: ArrayLike<number> }[][], eps: number,
): RaceEntry[] | null {
  if (Number.isNaN(fn.fMin)) return null;
  return s.runs.map((run, i) => {
    const b = runBatch(run, fn.n);
    const own = reachStep(trajectories[i], fn.fMin, eps);
    const all = [trajectories[i], ...extras[i]].map((t) => reachStep(t, fn.fMin, eps) ?? Infinity);
    return {
      id: run.id,
      steps: own,
      evals: own === null ? null : b * own,
      seeds: extras[i].length === 0 ? null : {
        k: all.length,
        reached: all.filter(Number.isFinite).length,
        steps: spread(all),
        evals: spread(all.map((t) => b * t)),
      },
    };
  });
}
