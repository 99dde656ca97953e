// A worker that runs the stochastic runs' other seeds (state/seeds' seedSpread) for the page: K − 1 runs
// of thousands of steps each would cost the page's thread several frames for every move of a slider.
import type { Vec2 } from '../core';
import type { FunctionState, RunState } from '../state/playground';
import { buildFunction, type SceneFunction } from '../state/scene';
import { seedSpread, type SeedSpread } from '../state/seeds';

/** The runs whose seeds the page needs, `key` naming each (page/seedRuns' seedKey). */
export interface SeedRequest {
  fn: FunctionState;
  start: Vec2;
  steps: number;
  seeds: number;
  jobs: { key: string; run: RunState }[];
}

export type SeedAnswer = { key: string; id: number; spread: SeedSpread }[];

let built: { key: string; fn: SceneFunction } | null = null;

self.onmessage = (e: MessageEvent<SeedRequest>) => {
  const { fn: fs, start, steps, seeds, jobs } = e.data;
  const key = JSON.stringify(fs);
  if (built?.key !== key) built = { key, fn: buildFunction(fs) };
  const fn = built.fn;
  const answer: SeedAnswer = jobs.map(({ key, run }) => ({ key, id: run.id, spread: seedSpread(fn, start, steps, run, seeds) }));
  const buffers = answer.flatMap((a) => a.spread.paths.flatMap((p) => [p.x.buffer, p.y.buffer, p.losses.buffer]));
  (self as unknown as Worker).postMessage(answer, buffers);
};
