import { describe, expect, it } from 'vitest';
import { getTestFunction, simulate, theory } from '../../src/core';
import { addRun, removeRun, selectFunction, setSamples } from '../../src/state/actions';
import { defaultState } from '../../src/state/defaults';
import { runLabel, runStatus } from '../../src/state/labels';
import { FORMULA_ID, limits } from '../../src/state/playground';
import { baseFunction, buildFunction, lossSeries, predictedRate, runTrajectories, surface, surfaceOver } from '../../src/state/scene';

describe('the default page', () => {
  const s = defaultState();
  const fn = buildFunction(s.fn);
  const runs = runTrajectories(fn, s);

  it('compares GD, Momentum and Nesterov from one start on the ravine', () => {
    expect(s.fn.id).toBe('quadratic');
    expect(s.runs.map((r) => r.kind)).toEqual(['gd', 'momentum', 'nesterov']);
    expect(runs.every((t) => t.points[0][0] === s.start[0] && t.points[0][1] === s.start[1])).toBe(true);
    expect(runs.every((t) => t.diverged === null)).toBe(true);
  });

  it('shows GD zig-zagging across the ravine: its step across the floor flips sign every iteration', () => {
    const [gd, mom] = runs;
    const theta = (s.fn.params.theta * Math.PI) / 180;
    // The coordinate across the floor, v = −sinθ x + cosθ y.
    const across = (t: typeof gd) => t.points.map(([x, y]) => -Math.sin(theta) * x + Math.cos(theta) * y);
    const flips = (v: number[]) => v.slice(1, 11).filter((x, i) => Math.sign(x) !== Math.sign(v[i])).length;
    expect(flips(across(gd))).toBe(10);
    expect(flips(across(mom))).toBeLessThan(5);
  });

  it('ends with the inertial methods closer to the minimum than GD', () => {
    const final = runs.map((t) => t.losses[t.losses.length - 1]);
    expect(final[1]).toBeLessThan(final[0]);
    expect(final[2]).toBeLessThan(final[0]);
  });

  it('predicts each run\'s rate from theory, equal to the rate of the same settings', () => {
    const eig = theory.spectrum(fn.quadratic!.hessian).eigenvalues;
    expect(predictedRate(fn, s.runs[0])).toBe(theory.rate('gd', 1.8, 0, eig));
    expect(predictedRate(fn, s.runs[1])).toBe(theory.rate('momentum', s.runs[1].lr, s.runs[1].params.alpha, eig));
  });
});

describe('actions', () => {
  it('adds runs with fresh ids up to the limit, and removes them', () => {
    const s = defaultState();
    addRun(s, 'sgd');
    const added = s.runs[s.runs.length - 1];
    expect(added).toMatchObject({ kind: 'sgd', id: 3, batch: 1, visible: true });
    for (let k = 0; k < limits.runs.max; k++) addRun(s, 'gd');
    expect(s.runs.length).toBe(limits.runs.max);
    removeRun(s, 3);
    expect(s.runs.some((r) => r.id === 3)).toBe(false);
  });

  it('moves the start and η to the new function when the function changes', () => {
    const s = defaultState();
    selectFunction(s, 'rosenbrock');
    const rb = getTestFunction('rosenbrock');
    expect(s.start).toEqual(rb.start);
    expect(s.runs.every((r) => r.lr === rb.lr.default)).toBe(true);
    expect(s.fn.params).toEqual({});
    selectFunction(s, 'quadratic');
    expect(s.fn.params).toEqual({ kappa: 20, theta: 0 });
  });

  it('keeps a full-batch run full when N changes, and a mini-batch within N', () => {
    const s = defaultState();
    addRun(s, 'minibatch');
    setSamples(s, 4);
    expect(s.runs.find((r) => r.kind === 'momentum')!.batch).toBe(4);
    expect(s.runs.find((r) => r.kind === 'minibatch')!.batch).toBe(4);
    setSamples(s, 100);
    expect(s.runs.find((r) => r.kind === 'momentum')!.batch).toBe(100);
    expect(s.runs.find((r) => r.kind === 'minibatch')!.batch).toBe(4);
  });

  it('uses the data set as the finite sum of the least-squares fit', () => {
    const s = defaultState();
    selectFunction(s, 'leastsquares');
    const fn = buildFunction(s.fn);
    expect(fn.n).toBe(40);
    expect(s.runs.every((r) => r.batch === 40)).toBe(true);
  });
});

describe('scene', () => {
  it('runs every run with its own settings, exactly as simulate does', () => {
    const s = defaultState();
    addRun(s, 'minibatch');
    const fn = buildFunction(s.fn);
    const last = s.runs[s.runs.length - 1];
    const direct = simulate({
      objective: fn, optimizer: { kind: 'minibatch', lr: last.lr, batchSize: last.batch },
      start: s.start, steps: s.steps, seed: last.seed,
    });
    expect(runTrajectories(fn, s).at(-1)).toEqual(direct);
  });

  it('draws a typed formula over a default box with its lowest grid value as the contour floor', () => {
    const base = baseFunction({ id: FORMULA_ID, params: {}, formula: '(x-1)^2 + (y+0.5)^2 + 3' });
    const g = surface(base);
    expect(base.view).toEqual({ x: [-3, 3], y: [-3, 3] });
    expect(Number.isNaN(base.fMin)).toBe(true);
    // The floor is the grid's minimum, so the lowest level sits at log10(δ), far below the walls.
    expect(g.min).toBeLessThan(g.max - 3);
  });

  it('samples a draft of the surface with fewer points on nearly the same levels, and a wider box at the draft\'s size', () => {
    const fn = getTestFunction('quadratic', { kappa: 25, theta: 20 });
    const full = surface(fn), draft = surface(fn, 100);
    expect([full.x.length, full.y.length, draft.x.length, draft.y.length]).toEqual([200, 200, 100, 100]);
    // The same box, its corners (the highest values) included: the colour range moves by a hair only (δ
    // follows the median).
    expect(draft.max).toBeCloseTo(full.max, 5);
    expect(Math.abs(draft.min - full.min)).toBeLessThan(0.05 * (full.max - full.min));
    const wide = surfaceOver(fn, draft, { x: [-4, 4], y: [-2, 2] });
    expect([wide.x.length, wide.y.length, wide.min, wide.max]).toEqual([100, 100, draft.min, draft.max]);
  });

  it('draws a wider box on the levels of the function’s own box, and the box itself as its own grid', () => {
    const fn = getTestFunction('rosenbrock');
    const own = surface(fn);
    expect(surfaceOver(fn, own, { x: [...fn.view.x], y: [...fn.view.y] })).toBe(own);
    const wide = surfaceOver(fn, own, { x: [-4, 4], y: [-1, 3] });
    // Same colours: range, ticks and transform; the grid itself spans the wider box and reaches higher.
    expect([wide.min, wide.max, wide.ticks, wide.floor, wide.delta]).toEqual([own.min, own.max, own.ticks, own.floor, own.delta]);
    expect([wide.x[0], wide.x.at(-1), wide.y[0], wide.y.at(-1)]).toEqual([-4, 4, -1, 3]);
    expect(wide.raw.max).toBeGreaterThan(own.raw.max);
    // Each value on the same log scale as the box's: log10(f − f* + δ).
    const [i, j] = [17, 140];
    const v = fn.f([wide.x[i], wide.y[j]]);
    expect(wide.z[j][i]).toBeCloseTo(Math.log10(v - fn.fMin + own.delta), 12);
  });

  it('plots the gap to a known minimum on a log axis, and f itself when the minimum is unknown', () => {
    const fn = buildFunction(defaultState().fn);
    const t = simulate({ objective: fn, optimizer: { kind: 'gd', lr: 1 }, start: [1, 1], steps: 3 });
    expect(lossSeries(fn, t)).toEqual({ y: t.losses, log: true });
    const saddle = buildFunction({ ...defaultState().fn, id: 'saddle', params: {} });
    const u = simulate({ objective: saddle, optimizer: { kind: 'gd', lr: 0.1 }, start: [1, 1], steps: 3 });
    expect(lossSeries(saddle, u).y).toEqual(u.losses.map((l) => l + 0.25));
  });

  it('labels a run with every setting that shapes its path, and says how it ended', () => {
    const s = defaultState();
    expect(runLabel(s.runs[0], 32)).toBe('GD η=1.8');
    expect(runLabel(s.runs[1], 32)).toBe('Momentum η=0.3 α=0.8');
    expect(runLabel({ ...s.runs[1], batch: 4 }, 32)).toBe('Momentum η=0.3 α=0.8 B=4');
    expect(runStatus({ losses: [1], diverged: { step: 7 } }, 0)).toBe('diverged at step 7');
    // Not a step taken: the start itself has no finite f.
    expect(runStatus({ losses: [], diverged: { step: 0 } }, NaN)).toBe('no step: f is not finite at the start (click the contour to move it)');
    expect(runStatus({ losses: [], diverged: { step: 0 } }, NaN, 'ru')).toMatch(/^ни одного шага: f в стартовой точке не конечна/);
    expect(runStatus({ losses: [0.5, 0.000123456], diverged: null }, 0)).toBe('f − f* = 0.000123');
  });
});

describe('runTrajectories reuses what did not change', () => {
  it('recomputes only the run whose settings moved, and its results equal a fresh computation', () => {
    const s = defaultState();
    const fn = buildFunction(s.fn);
    const a = runTrajectories(fn, s);
    s.runs[0].lr = 1.7;
    const b = runTrajectories(fn, s);
    expect(b[0]).not.toBe(a[0]);
    expect(b[1]).toBe(a[1]);
    expect(b[2]).toBe(a[2]);
    expect(b[0]).toEqual(simulate({ objective: fn, optimizer: { kind: 'gd', lr: 1.7 }, start: s.start, steps: s.steps, seed: s.runs[0].seed }));
    // Another function (or start, or iterations) recomputes every run.
    const other = buildFunction(s.fn);
    expect(runTrajectories(other, s)[1]).not.toBe(b[1]);
    s.steps = 50;
    expect(runTrajectories(other, s)[1].points).toHaveLength(51);
  });
});
