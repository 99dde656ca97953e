// "Tune every run": each run's best setting searched on its measured maps (state/ratemap's tuneSearch), in
// a pool of workers of its own, so the rate map on screen keeps measuring meanwhile.
import type { HyperName } from '../core';
import type { PlaygroundState } from '../state/playground';
import { runJob, TUNE_GRID, tuneSearch, type TuneTarget } from '../state/ratemap';
import type { SceneFunction } from '../state/scene';
import { createMapPool } from '../workers/pool';
import { poolSize, spawnMapWorker } from './mapPool';

export interface Tuned {
  id: number;
  lr: number;
  param?: { name: HyperName; value: number };
}

/** Tunes every run of `s` for `target`: the fastest rate, or the fewest evaluations to reach ε. */
export async function tuneRuns(s: PlaygroundState, fn: SceneFunction, target: TuneTarget, progress: (k: number, n: number) => void): Promise<Tuned[]> {
  const pool = createMapPool(poolSize(), spawnMapWorker);
  const out: Tuned[] = [];
  try {
    for (const [k, run] of s.runs.entries()) {
      progress(k + 1, s.runs.length);
      const job = runJob(s.fn, fn, run, s.start, s.steps, TUNE_GRID, target);
      const best = await tuneSearch(job, (j) => pool.measure(j, JSON.stringify({ fn: s.fn, k })));
      if (!best) continue;
      const second = job.axes.second;
      out.push({ id: run.id, lr: best.lr, ...(second && best.second !== null ? { param: { name: second.name, value: best.second } } : {}) });
    }
  } finally {
    pool.terminate();
  }
  return out;
}
