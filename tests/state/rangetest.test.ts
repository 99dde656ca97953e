import { describe, expect, it } from 'vitest';
import { rangeTest } from '../../src/core';
import { addRun, changeRun } from '../../src/state/actions';
import { defaultState } from '../../src/state/defaults';
import { measureRow } from '../../src/state/ratemap';
import { RANGE_POINTS, RANGE_STEPS, rangeJob, rangeLrs, rangeResult, rangeSteps, rangeTheory } from '../../src/state/rangetest';
import { buildFunction, runSpec } from '../../src/state/scene';

function gdOnQuadratic() {
  const s = defaultState();
  s.fn = { ...s.fn, id: 'quadratic', params: { kappa: 20, theta: 0 } };
  s.runs = [];
  addRun(s, 'gd');
  return s;
}

describe('the range test of a run', () => {
  it('sweeps the η slider’s range in a few hundred short runs', () => {
    const s = gdOnQuadratic();
    const fn = buildFunction(s.fn);
    const lrs = rangeLrs(fn, s.runs[0]);
    expect(lrs).toHaveLength(RANGE_POINTS);
    expect(RANGE_POINTS).toBeGreaterThanOrEqual(200);
    expect([lrs[0], lrs.at(-1)]).toEqual([fn.lr.min, fn.lr.max]);
    expect(rangeSteps(1000)).toBe(RANGE_STEPS);
    expect(rangeSteps(30)).toBe(30);
  });

  it('measured in parts, gives the engine’s own test; GD’s edge on the quadratic is 2/L within one grid step', () => {
    const s = gdOnQuadratic();
    const fn = buildFunction(s.fn);
    const job = rangeJob(s.fn, fn, s.runs[0], s.start, s.steps);
    const losses = new Float64Array(RANGE_POINTS);
    let at = 0;
    for (let k = 0; k < job.parts!; k++) {
      const part = measureRow(job, k, fn);
      losses.set(part, at);
      at += part.length;
    }
    expect(at).toBe(RANGE_POINTS);
    const got = rangeResult(job.axes.lrs, losses, fn.f(s.start));
    const want = rangeTest({ objective: fn, optimizer: runSpec(s.runs[0]), start: s.start, steps: job.steps }, job.axes.lrs);
    expect(got).toEqual(want);
    const th = rangeTheory(fn, s.runs[0], s.start)!;
    expect(th).toEqual({ lr: 2, label: '2/L', L: 1 });
    const r = job.axes.lrs[1] / job.axes.lrs[0];
    expect(got.edge!).toBeGreaterThan(th.lr);
    expect(got.edge!).toBeLessThan(th.lr * r * 1.002);
  });

  it('says nothing of theory where it is not exact: a schedule, a mini-batch, Adam, Rosenbrock', () => {
    const s = gdOnQuadratic();
    const fn = buildFunction(s.fn);
    changeRun(s, s.runs[0].id, { schedule: 'cosine' });
    expect(rangeTheory(fn, s.runs[0], s.start)).toBeNull();
    const adam = gdOnQuadratic();
    adam.runs = [];
    addRun(adam, 'adam');
    expect(rangeTheory(fn, adam.runs[0], adam.start)).toBeNull();
    const rosen = defaultState();
    rosen.fn = { ...rosen.fn, id: 'rosenbrock', params: {} };
    expect(rangeTheory(buildFunction(rosen.fn), rosen.runs[0], rosen.start)).toBeNull();
  });

  it('Momentum’s edge on the quadratic is 2(1 + α)/L', () => {
    const s = gdOnQuadratic();
    s.runs = [];
    addRun(s, 'momentum');
    changeRun(s, s.runs[0].id, { param: 'alpha', value: 0.5 });
    expect(rangeTheory(buildFunction(s.fn), s.runs[0], s.start)).toEqual({ lr: 3, label: '2(1+α)/L', L: 1 });
  });

  it('reads a loss above f(x₀), +∞ or NaN as diverged', () => {
    const r = rangeResult([1, 2, 3, 4], [0.5, 1, 1.5, NaN], 1);
    expect(r.points.map((p) => p.diverged)).toEqual([false, false, true, true]);
    expect(r.edge).toBe(3);
    expect(rangeResult([1, 2], [Infinity, 0.1], 1).edge).toBeNull();
  });
});
