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

export interface RowResult {
  token: number;
  row: number;
  values: Float64Array;
}

let built: { key: string; fn: SceneFunction; fRef: number } | null = null;

self.onmessage = (e: MessageEvent<RowRequest>) => {
  const { token, key, job, row } = e.data;
  if (built?.key !== key) {
    const fn = buildFunction(job.fn);
    built = { key, fn, fRef: referenceLoss(fn) };
  }
  const values = measureRow(job, row, built.fn, built.fRef);
  const result: RowResult = { token, row, values };
  (self as unknown as Worker).postMessage(result, [values.buffer]);
};
