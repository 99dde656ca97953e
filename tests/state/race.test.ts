import { describe, expect, it } from 'vitest';
import { applyFormula } from '../../src/state/actions';
import { defaultState } from '../../src/state/defaults';
import { defaultTarget, race, raceTarget, reachStep } from '../../src/state/race';
import { buildFunction, runTrajectories } from '../../src/state/scene';
import { seedTrajectories } from '../../src/state/seeds';
import { defaultShow } from '../../src/state/show';
import { decode } from '../../src/state/url';

const link = 'fn=quadratic&kappa=10&theta=0&N=64&noise=1&start=-2.5,1.2&steps=200&run=gd,id:0,lr:0.5&run=minibatch,id:4,lr:0.5,B:8&run=sgd,id:2,lr:0.5&run=gd,id:3,lr:0.001';

describe('the race to f − f* ≤ ε', () => {
  const { state: s } = decode(link);
  const fn = buildFunction(s.fn);
  const runs = runTrajectories(fn, s);
  const eps = 1e-3;
  /** The first t with f − f* ≤ ε, by a plain loop. */
  const first = (losses: number[]) => {
    for (let t = 0; t < losses.length; t++) if (losses[t] - fn.fMin <= eps) return t;
    return null;
  };

  it('gives each run the steps and evaluations its own path needs, null where it never gets there', () => {
    const table = race(fn, s, runs, seedTrajectories(fn, s, 1), eps)!;
    expect(table.map((e) => e.id)).toEqual([0, 4, 2, 3]);
    const batches = [64, 8, 1, 64];
    table.forEach((e, i) => {
      const t = first(runs[i].losses);
      expect(e.steps, `run ${e.id}`).toBe(t);
      expect(e.evals, `run ${e.id}`).toBe(t === null ? null : batches[i] * t);
      expect(e.seeds).toBeNull();
      if (t !== null) {
        expect(runs[i].losses[t] - fn.fMin).toBeLessThanOrEqual(eps);
        expect(runs[i].losses[t - 1] - fn.fMin).toBeGreaterThan(eps);
      }
    });
    // GD at η = 0.001 crawls: not reached in 200 steps.
    expect(table[3]).toMatchObject({ steps: null, evals: null });
    expect(table[0].steps).not.toBeNull();
  });

  it('with K seeds gives the median and the 10–90 % spread of the single-seed runs, and how many arrived', () => {
    const K = 11;
    const extras = seedTrajectories(fn, s, K);
    const table = race(fn, s, runs, extras, eps)!;
    expect(table[0].seeds).toBeNull();
    for (const i of [1, 2]) {
      const steps = [runs[i], ...extras[i]].map((t) => first(t.losses) ?? Infinity).sort((a, b) => a - b);
      const b = s.runs[i].batch;
      const seeds = table[i].seeds!;
      expect(seeds.k).toBe(K);
      expect(seeds.reached).toBe(steps.filter(Number.isFinite).length);
      // K = 11: the quantiles are order statistics, the 2nd, 6th and 10th.
      const or = (v: number) => (Number.isFinite(v) ? v : null);
      expect(seeds.steps).toEqual({ p10: or(steps[1]), p50: or(steps[5]), p90: or(steps[9]) });
      expect(seeds.evals).toEqual({ p10: or(b * steps[1]), p50: or(b * steps[5]), p90: or(b * steps[9]) });
      expect(table[i].steps).toBe(first(runs[i].losses));
    }
  });

  it('takes ε from the link, else a thousandth of the start\'s gap to one digit', () => {
    const gap = fn.f(s.start) - fn.fMin;
    // ½ (0.1 · 2.5² + 1.2²) = 1.0325, a thousandth of it 0.0010325 → 0.001.
    expect(gap).toBeCloseTo(1.0325, 12);
    expect(defaultTarget(fn, s.start)).toBe(0.001);
    expect(raceTarget(fn, s, defaultShow())).toBe(0.001);
    expect(defaultTarget(fn, [-2.5, 3])).toBe(0.005);
    expect(raceTarget(fn, s, { target: 0.05 })).toBe(0.05);
    expect(defaultTarget(fn, [0, 0])).toBeNull();
    expect(reachStep({ losses: [1, 0.5, 0.1, 0.2] }, 0, 0.1)).toBe(2);
    expect(reachStep({ losses: [1, 0.5] }, 0, 0.1)).toBeNull();
  });

  it('holds no race where f* is unknown: a typed formula', () => {
    const t = defaultState();
    applyFormula(t, 'x^2 + 3*y^2');
    const f = buildFunction(t.fn);
    expect(raceTarget(f, t, { target: 0.1 })).toBeNull();
    expect(race(f, t, runTrajectories(f, t), seedTrajectories(f, t, 4), 0.1)).toBeNull();
  });
});
