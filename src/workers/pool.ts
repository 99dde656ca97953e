// Two workers (the machine's two cores) that measure a map row by row (a long curve part by part). A new request cancels the one
// before: its rows not yet handed out are dropped, and rows still in flight come back with an old token
// and are ignored, so a stale map is never shown. A row that fails (the worker says why, or dies) fails
// its map: the promise rejects, the other rows are dropped, and the worker goes back to the pool.
import { jobParts, partCells, type MapJob } from '../state/ratemap';
import type { RowRequest, RowResult } from './ratemap.worker';

export interface MapPool {
  /**
   * Measures every row of `job`, handing each to `onRow` as it arrives; resolves with the whole map
   * (row-major), or with null when a later request (or `cancel`) replaced it; rejects when a row failed.
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
  let current: {
    job: MapJob; key: string; out: Float64Array; left: number; onRow?: (row: number, v: Float64Array) => void;
    done: (v: Float64Array | null) => void; fail: (e: Error) => void;
  } | null = null;
  const idle = new Set(workers);
  /** The request each busy worker holds: a worker that dies fails that row. */
  const held = new Map<Worker, number>();

  function feed(w: Worker): void {
    held.delete(w);
    const row = pending.shift();
    if (row === undefined || !current) {
      idle.add(w);
      return;
    }
    idle.delete(w);
    held.set(w, token);
    const request: RowRequest = { token, key: current.key, job: current.job, row };
    w.postMessage(request);
  }

  /** Ends the current map: with its values, null (replaced) or an error; its other rows are dropped. */
  function end(result: Float64Array | null | Error): void {
    token++;
    pending = [];
    if (!current) return;
    const { done, fail } = current;
    current = null;
    if (result instanceof Error) fail(result);
    else done(result);
  }

  for (const w of workers) {
    w.onmessage = (e: MessageEvent<RowResult>) => {
      const r = e.data;
      if (r.token === token && current) {
        if ('error' in r) end(new Error(r.error));
        else {
          current.out.set(r.values, partCells(current.job, r.row)[0]);
          current.onRow?.(r.row, r.values);
          if (--current.left === 0) end(current.out);
        }
      }
      feed(w);
    };
    // An error the worker did not catch (its script failed to load, or it ran out of memory).
    w.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      if (held.get(w) === token && current) end(new Error(e.message || 'the worker stopped'));
      feed(w);
    };
  }

  return {
    measure(job, key, onRow) {
      end(null);
      const rows = jobParts(job);
      return new Promise((done, fail) => {
        current = { job, key, out: new Float64Array(partCells(job, rows - 1)[1]), left: rows, onRow, done, fail };
        pending = Array.from({ length: rows }, (_, j) => j);
        for (const w of [...idle]) feed(w);
      });
    },
    cancel: () => end(null),
    terminate() {
      end(null);
      for (const w of workers) w.terminate();
    },
  };
}
