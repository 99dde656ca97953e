// Typed formulas that work for real examples: η from the curvature, an editable and fitted box that
// travels in the link, and a log loss axis when f is bounded below.
import { describe, expect, it } from 'vitest';
import { defaultState } from '../../src/state/defaults';
import { applyFormula, fitView, resetBox, selectFunction, setBox, useSuggestedLr } from '../../src/state/actions';
import { FORMULA_ID } from '../../src/state/playground';
import { baseFunction, boxRange, buildFunction, lossFloor, lossSeries, runTrajectories, suggestedLr, surface } from '../../src/state/scene';
import { decode, encode } from '../../src/state/url';

const ROSENBROCK = '(1-x)^2 + 100*(y-x^2)^2';

function formulaState(formula: string) {
  const s = defaultState();
  s.fn.formula = formula;
  selectFunction(s, FORMULA_ID);
  return s;
}

describe('a typed Rosenbrock from (−2, 2)', () => {
  it('gets η from the curvature at the start, and every default run converges with it', () => {
    const s = formulaState(ROSENBROCK);
    expect(s.start).toEqual([-2, 2]);
    const fn = buildFunction(s.fn);
    expect(fn.lr.default).toBeCloseTo(1 / 4170, 6);
    expect(fn.lr.min).toBeLessThan(fn.lr.default);
    for (const r of s.runs) expect(r.lr).toBe(fn.lr.default);
    s.steps = 2000;
    const runs = runTrajectories(fn, s);
    runs.forEach((t, i) => {
      const kind = s.runs[i].kind;
      expect(t.diverged, kind).toBeNull();
      // Every run keeps going down the valley; with inertia it gets near the minimum (1, 1).
      expect(t.losses[2000], kind).toBeLessThan(t.losses[0] / 50);
      if (kind !== 'gd') expect(t.losses[2000], kind).toBeLessThan(0.2);
    });
  });

  it('typed over another formula, brings its own η', () => {
    const s = formulaState('x^2 + 10*y^2');
    expect(s.runs[0].lr).toBeCloseTo(1 / 20, 6);
    applyFormula(s, ROSENBROCK);
    for (const r of s.runs) expect(r.lr).toBeCloseTo(1 / 4170, 6);
    expect(s.fn.formula).toBe(ROSENBROCK);
  });

  it('used to diverge at step 2 with the old default η = 0.01', () => {
    const s = formulaState(ROSENBROCK);
    for (const r of s.runs) r.lr = 0.01;
    for (const t of runTrajectories(buildFunction(s.fn), s)) expect(t.diverged!.step).toBeLessThanOrEqual(3);
  });

  it('offers η for the start where it is now, for every run', () => {
    const s = formulaState(ROSENBROCK);
    s.start = [1, 1];
    const fn = buildFunction(s.fn);
    // At the minimum the largest curvature is ≈ 1001.6.
    expect(suggestedLr(fn, s)).toBeCloseTo(1 / 1001.6, 5);
    s.runs[1].params.alpha = 0.5;
    useSuggestedLr(s);
    for (const r of s.runs) expect(r.lr).toBe(suggestedLr(fn, s));
    expect(s.runs[1].params.alpha).toBe(0.5);
  });
});

describe('the box', () => {
  it('is fitted around the start and the minimum, and travels in the link', () => {
    const s = formulaState(ROSENBROCK);
    fitView(s);
    const box = s.fn.view!;
    expect(box.x[0]).toBeLessThan(-2);
    expect(box.x[1]).toBeGreaterThan(1);
    expect(baseFunction(s.fn).view).toEqual(box);
    const link = encode({ state: s, playhead: null, view: null });
    expect(new URLSearchParams(link).get('box')).toBe([...box.x, ...box.y].join(','));
    const back = decode(link);
    expect(back.dropped).toEqual([]);
    expect(back.state).toEqual(s);
    expect(encode({ state: back.state, playhead: null, view: null })).toBe(link);
  });

  it('refuses an empty box, and goes back to the function’s own', () => {
    const s = defaultState();
    expect(setBox(s, { x: [1, 1], y: [0, 2] })).toBe(false);
    expect(s.fn.view).toBeUndefined();
    expect(setBox(s, { x: [-10, 10], y: [-5, 5] })).toBe(true);
    expect(buildFunction(s.fn).view).toEqual({ x: [-10, 10], y: [-5, 5] });
    resetBox(s);
    expect(buildFunction(s.fn).view).toEqual({ x: [-3, 3], y: [-2, 2] });
  });

  it('is left out of links without one, which decode as before', () => {
    const s = defaultState();
    const link = encode({ state: s, playhead: null, view: null });
    expect(link).not.toContain('box=');
    expect('view' in decode(link).state.fn).toBe(false);
    expect(decode('?box=1,0,2,3').dropped).toEqual(['box "1,0,2,3"']);
  });

  it('resets when the function changes', () => {
    const s = defaultState();
    setBox(s, { x: [-10, 10], y: [-5, 5] });
    selectFunction(s, 'rosenbrock');
    expect(buildFunction(s.fn).view).toEqual(baseFunction({ id: 'rosenbrock', params: {}, formula: '' }).view);
  });
});

describe('the loss axis of a formula', () => {
  it('is log above the lowest value seen when f is bounded below on the box', () => {
    const s = formulaState('(x-1)^2 + (y+0.5)^2 + 3');
    const fn = buildFunction(s.fn);
    const runs = runTrajectories(fn, s);
    const floor = lossFloor(fn, () => boxRange(fn), runs)!;
    expect(floor).toBeGreaterThanOrEqual(3);
    expect(floor).toBeLessThan(3.01);
    const series = lossSeries(fn, runs[0], floor);
    expect(series.log).toBe(true);
    expect(Math.min(...series.y)).toBeGreaterThanOrEqual(0);
  });

  it('stays linear on f itself when f falls away below the box', () => {
    const s = formulaState('x + y');
    const fn = buildFunction(s.fn);
    s.steps = 2000;
    expect(lossFloor(fn, () => boxRange(fn), runTrajectories(fn, s))).toBeNull();
  });

  it('reads the box\'s range from the same grid as the contour\'s surface, without its log scale', () => {
    const fn = buildFunction(formulaState('log(x) + y^2').fn);
    expect(boxRange(fn)).toEqual(surface(fn).raw);
  });

  it('uses f* of a test function', () => {
    const s = defaultState();
    const fn = buildFunction(s.fn);
    expect(lossFloor(fn, () => boxRange(fn), runTrajectories(fn, s))).toBe(0);
  });
});

describe('Himmelblau typed after Rosenbrock', () => {
  const HIMMELBLAU = '(x^2+y-11)^2+(x+y^2-7)^2';
  const minima: [number, number][] = [[3, 2], [-2.805118, 3.131312], [-3.77931, -3.283186], [3.584428, -1.848126]];
  const typed = () => {
    const s = defaultState();
    applyFormula(s, ROSENBROCK);
    applyFormula(s, HIMMELBLAU);
    return s;
  };

  it('gets a box of its own that holds its four minima and the start (Rosenbrock\'s left three out)', () => {
    const s = typed();
    const inside = ([x, y]: [number, number]) => x > s.fn.view!.x[0] && x < s.fn.view!.x[1] && y > s.fn.view!.y[0] && y < s.fn.view!.y[1];
    for (const m of minima) expect(inside(m), `(${m})`).toBe(true);
    expect(inside(s.start)).toBe(true);
  });

  it('gets an η at which no run diverges, where 1/L at the start diverged in 3 steps', () => {
    const s = typed();
    const fn = buildFunction(s.fn);
    const atStart = suggestedLr(fn, s);
    const first = { ...s, runs: s.runs.map((r) => ({ ...r, lr: atStart })) };
    expect(runTrajectories(fn, first).map((t) => t.diverged?.step ?? null)).toEqual([3, 3, 3]);
    expect(s.runs[0].lr).toBeLessThan(atStart);
    expect(runTrajectories(fn, s).map((t) => t.diverged)).toEqual([null, null, null]);
    // GD reaches a minimum: the η is not merely small.
    expect(runTrajectories(fn, s)[0].losses.at(-1)).toBeLessThan(1e-6);
  });

  it('measures the loss above the lowest minimum found, so a run stuck on the way does not read as converged', () => {
    const s = typed();
    // GD crawling at a hundredth of the η: its lowest f is far above any minimum's 0.
    s.runs = [{ ...s.runs[0], lr: s.runs[0].lr / 100 }];
    const fn = buildFunction(s.fn);
    const runs = runTrajectories(fn, s);
    const floor = lossFloor(fn, () => boxRange(fn), runs)!;
    expect(floor).toBeLessThan(1e-9);
    expect(Math.min(...lossSeries(fn, runs[0], floor).y)).toBeGreaterThan(0.1);
  });
});
