// Two workers (the machine's two cores) that measure a map row by row. A new request cancels the one
// before: its rows not yet handed out are dropped, and rows still in flight come back with an old token
// and are ignored, so a stale map is never shown.
import type { MapJob } from '../state/ratemap';
import type { RowRequest, RowResult } from './ratemap.worker';

export interface MapPool {
  /**
   * Measures every row of `job`, handing each to `onRow` as it arrives; resolves with the whole map
   * (row-major), or with null when a later request (or `cancel`) replaced it.
   */
  measure(job: MapJob, key: string, onRow?: (row: number, values: Float64Array) => void): Promise<Float64Array | null>;
  cancel(): void;
  terminate(): void;
}

/** `spawn` makes a worker; tests pass one of their own. */
export function createMapPool(size: number, spawn: () => Worker): MapPool {
  const workers = Array.from({ length: size }, spawn);
  let token = 0;
  let pending: number[] = [];
  let current: { job: MapJob; key: string; out: Float64Array; left: number; onRow?: (row: number, v: Float64Array) => void; done: (v: Float64Array | null) => void } | null = null;
  const idle = new Set(workers);

  function feed(w: Worker): void {
    const row = pending.shift();
    if (row === undefined || !current) {
      idle.add(w);
      return;
    }
    idle.delete(w);
    const request: RowRequest = { token, key: current.key, job: current.job, row };
    w.postMessage(request);
  }

  for (const w of workers) {
    w.onmessage = (e: MessageEvent<RowResult>) => {
      const { token: t, row, values } = e.data;
      if (t === token && current) {
        current.out.set(values, row * current.job.axes.lrs.length);
        current.onRow?.(row, values);
        if (--current.left === 0) {
          const { out, done } = current;
          current = null;
          done(out);
        }
      }
      feed(w);
    };
  }

  function cancel(): void {
    token++;
    pending = [];
    if (current) {
      const { done } = current;
      current = null;
      done(null);
    }
  }

  return {
    measure(job, key, onRow) {
      cancel();
      const rows = job.axes.second?.values.length ?? 1;
      return new Promise((done) => {
        current = { job, key, out: new Float64Array(rows * job.axes.lrs.length), left: rows, onRow, done };
        pending = Array.from({ length: rows }, (_, j) => j);
        for (const w of [...idle]) feed(w);
      });
    },
    cancel,
    terminate() {
      cancel();
      for (const w of workers) w.terminate();
    },
  };
}
