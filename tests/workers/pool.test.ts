// The map pool: rows handed to workers, gathered in order, and a stale request never delivered.
import { describe, expect, it } from 'vitest';
import { addRun } from '../../src/state/actions';
import { defaultState } from '../../src/state/defaults';
import { rangePoint } from '../../src/core';
import { jobParts, mapAxes, measureRow, partCells, type MapJob } from '../../src/state/ratemap';
import { RANGE_PARTS, RANGE_POINTS, rangeJob, rangeSteps } from '../../src/state/rangetest';
import { buildFunction, runSpec } from '../../src/state/scene';
import { createMapPool } from '../../src/workers/pool';
import type { RowRequest, RowResult } from '../../src/workers/ratemap.worker';

/**
 * A worker in this thread: answers each row a tick later, as the real one does after its work. For the job
 * keyed `fails` it fails row 3: it answers with the error as the real worker's catch does ('answer'), or
 * dies with an error it did not catch ('die').
 */
function fakeWorker(log: number[], fails: { key: string; how: 'answer' | 'die' } | null = null): Worker {
  const w = {
    onmessage: null as ((e: MessageEvent<RowResult>) => void) | null,
    onerror: null as ((e: ErrorEvent) => void) | null,
    postMessage(req: RowRequest) {
      log.push(req.row);
      setTimeout(() => {
        if (req.key === fails?.key && req.row === 3) {
          if (fails.how === 'answer') w.onmessage?.({ data: { token: req.token, row: req.row, error: 'no memory left' } } as MessageEvent<RowResult>);
          else w.onerror?.({ message: 'Uncaught RangeError: too deep', preventDefault() {} } as ErrorEvent);
          return;
        }
        w.onmessage?.({ data: { token: req.token, row: req.row, values: measureRow(req.job, req.row) } } as MessageEvent<RowResult>);
      }, 1);
    },
    terminate() {},
  };
  return w as unknown as Worker;
}

function job(fnId: string): MapJob {
  const s = defaultState();
  s.fn.id = fnId;
  s.fn.params = fnId === 'quadratic' ? { kappa: 25, theta: 20 } : {};
  s.runs = [];
  addRun(s, 'momentum');
  const fn = buildFunction(s.fn);
  return { fn: s.fn, run: s.runs[0], start: s.start, steps: 100, axes: mapAxes(fn, 'momentum', 8) };
}

describe('the map pool', () => {
  it('measures every row once, across its workers, into one row-major map equal to measuring in place', async () => {
    const log: number[] = [];
    const pool = createMapPool(2, () => fakeWorker(log));
    const j = job('rosenbrock');
    const rows: number[] = [];
    const map = await pool.measure(j, 'a', (row) => rows.push(row));
    expect(rows.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(log.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const direct = new Float64Array(64);
    for (let r = 0; r < 8; r++) direct.set(measureRow(j, r), r * 8);
    expect(map).toEqual(direct);
  });

  it('a new request cancels the one before: the old promise gives null and none of its rows arrive after', async () => {
    const pool = createMapPool(2, () => fakeWorker([]));
    const seen: string[] = [];
    const first = pool.measure(job('rosenbrock'), 'old', () => seen.push('old'));
    const second = pool.measure(job('himmelblau'), 'new', () => seen.push('new'));
    expect(await first).toBeNull();
    const map = await second;
    expect(map).not.toBeNull();
    expect(seen).toEqual(Array(8).fill('new'));
    pool.cancel();
    expect(await pool.measure(job('quadratic'), 'again')).toHaveLength(64);
  });

  it.each(['answer', 'die'] as const)('a row that fails (the worker says so: %s) fails its map with the reason, and the pool works on', async (how) => {
    const log: number[] = [];
    const pool = createMapPool(2, () => fakeWorker(log, { key: 'bad', how }));
    const rows: number[] = [];
    await expect(pool.measure(job('rosenbrock'), 'bad', (row) => rows.push(row))).rejects.toThrow(how === 'answer' ? 'no memory left' : 'too deep');
    // The rows after the failed one were never handed out.
    expect(rows).not.toContain(3);
    expect(Math.max(...log)).toBeLessThan(6);
    // Both workers are back: the next map is measured whole, by both, equal to measuring in place.
    log.length = 0;
    const j = job('himmelblau');
    const map = await pool.measure(j, 'good');
    const direct = new Float64Array(64);
    for (let r = 0; r < 8; r++) direct.set(measureRow(j, r), r * 8);
    expect(map).toEqual(direct);
    expect(log.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // Twice in a row, as the issue found: the pool still answers.
    await expect(pool.measure(job('rosenbrock'), 'bad')).rejects.toThrow();
    expect(await pool.measure(job('quadratic'), 'again')).toHaveLength(64);
  });
});

describe('the range test in the map pool', () => {
  it('hands a curve out in parts of consecutive η and puts them back in grid order: the losses rangePoint gives', async () => {
    const s = defaultState();
    s.runs = [];
    addRun(s, 'gd');
    const fn = buildFunction(s.fn);
    const j = rangeJob(s.fn, fn, s.runs[0], s.start, s.steps);
    expect(jobParts(j)).toBe(RANGE_PARTS);
    // The parts tile the grid: consecutive, none empty, none overlapping.
    const cells = Array.from({ length: RANGE_PARTS }, (_, k) => partCells(j, k));
    expect(cells[0][0]).toBe(0);
    expect(cells.at(-1)![1]).toBe(RANGE_POINTS);
    cells.forEach(([a, b], k) => {
      expect(b).toBeGreaterThan(a);
      if (k > 0) expect(a).toBe(cells[k - 1][1]);
    });
    const log: number[] = [];
    const losses = await createMapPool(2, () => fakeWorker(log)).measure(j, 'range');
    expect(log.sort((a, b) => a - b)).toEqual(Array.from({ length: RANGE_PARTS }, (_, k) => k));
    expect(losses).toHaveLength(RANGE_POINTS);
    const spec = { objective: fn, optimizer: runSpec(s.runs[0]), start: s.start, steps: rangeSteps(s.steps), seed: s.runs[0].seed };
    for (const i of [0, 17, 100, RANGE_POINTS - 1]) expect(losses![i]).toBe(rangePoint(spec, j.axes.lrs[i]).loss);
  });

  it('a part count above the grid is one η per part; none is one part', () => {
    const base = job('rosenbrock');
    const curve: MapJob = { ...base, axes: { lrs: [0.1, 0.2, 0.3], second: null } };
    expect(jobParts({ ...curve, parts: 10 })).toBe(3);
    expect(partCells({ ...curve, parts: 10 }, 2)).toEqual([2, 3]);
    expect(jobParts(curve)).toBe(1);
    expect(partCells(curve, 0)).toEqual([0, 3]);
    // A map's parts are its rows whatever `parts` says.
    expect(jobParts({ ...base, parts: 3 })).toBe(8);
    expect(partCells(base, 2)).toEqual([16, 24]);
  });
});
