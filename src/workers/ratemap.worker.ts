// A worker that measures rows of rate maps: each row a set of real runs (state/ratemap's measureRow), so
// the page's thread never waits for them.
import { measureRow, referenceLoss, type MapJob } from '../state/ratemap';
import { buildFunction, type SceneFunction } from '../state/scene';

export interface RowRequest {
  token: number;
  /** Names the job's function, start and budget: the function is rebuilt only when it changes. */
  key: string;
  job: MapJob;
  row: number;
}

/** A row's values, or why it could not be measured (the pool then gives up the map and says so). */
export type RowResult = { token: number; row: number } & ({ values: Float64Array } | { error: string });

let built: { key: string; fn: SceneFunction; fRef: number } | null = null;

self.onmessage = (e: MessageEvent<RowRequest>) => {
  const { token, key, job, row } = e.data;
  try {
    if (built?.key !== key) {
      built = null;
      const fn = buildFunction(job.fn);
      built = { key, fn, fRef: referenceLoss(fn) };
    }
    const values = measureRow(job, row, built.fn, built.fRef);
    const result: RowResult = { token, row, values };
    (self as unknown as Worker).postMessage(result, [values.buffer]);
  } catch (err) {
    const result: RowResult = { token, row, error: err instanceof Error ? err.message : String(err) };
    (self as unknown as Worker).postMessage(result);
  }
};
