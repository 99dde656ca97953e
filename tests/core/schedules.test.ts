// Step-size schedules: their values by hand, their identity when they do not decay, and cos(πu) without Math.cos.
import { describe, expect, it } from 'vitest';
import { optimizerDef, optimizerKinds, scheduleCurve, simulate, withNoise, getTestFunction, type OptimizerSpec, type Schedule, type Vec2 } from '../../src/core';
import { cosPi } from '../../src/core/schedules';
import { diagQuadratic, firstDifference } from './helpers';

describe('η_t by hand', () => {
  it('constant: η at every step', () => {
    expect(scheduleCurve({ kind: 'constant' }, 0.3, 4)).toEqual([0.3, 0.3, 0.3, 0.3]);
  });
  it('inverse time: η / (1 + k t)', () => {
    expect(scheduleCurve({ kind: 'inverse', k: 0.5 }, 3, 4)).toEqual([2, 1.5, 1.2, 1]);
  });
  it('step decay: η γ^⌊t/s⌋', () => {
    expect(scheduleCurve({ kind: 'step', gamma: 0.5, every: 2 }, 1, 7)).toEqual([1, 0.5, 0.5, 0.25, 0.25, 0.125, 0.125]);
    expect(scheduleCurve({ kind: 'step', gamma: 0.1, every: 1 }, 1, 3)[2]).toBeCloseTo(1e-3, 15);
  });
  it('cosine: from η to r η over T steps, then r η', () => {
    const c = scheduleCurve({ kind: 'cosine', floor: 0, period: 4 }, 2, 6);
    expect(c[0]).toBeCloseTo(1 + Math.SQRT1_2, 15); // η (1 + cos π/4) / 2
    expect(c[1]).toBeCloseTo(1, 15);
    expect(c[2]).toBeCloseTo(1 - Math.SQRT1_2, 15);
    expect(c.slice(3)).toEqual([0, 0, 0]);
    const floored = scheduleCurve({ kind: 'cosine', floor: 0.25, period: 2 }, 4, 3);
    expect(floored[0]).toBeCloseTo(4 * (0.25 + 0.75 * 0.5), 15);
    expect(floored.slice(1)).toEqual([1, 1]);
  });
  it('defaults each setting it is not given', () => {
    expect(scheduleCurve({ kind: 'inverse' }, 1, 2)).toEqual(scheduleCurve({ kind: 'inverse', k: 0.05 }, 1, 2));
    expect(scheduleCurve({ kind: 'cosine' }, 1, 100)[99]).toBe(0);
  });
});

describe('a schedule inside a run', () => {
  it('GD with η_t = η / (1 + t): the first three steps by hand on ½(x² + 2y²) from (4, 2), η = 1', () => {
    // η₁ = 1/2: (4,2) − ½(4,4) = (2,0); η₂ = 1/3: (2,0) − ⅓(2,0) = (4/3, 0); η₃ = 1/4: − ¼(4/3, 0) = (1, 0).
    const r = simulate({ objective: diagQuadratic(1, 2), optimizer: { kind: 'gd', lr: 1, schedule: { kind: 'inverse', k: 1 } }, start: [4, 2], steps: 3 });
    expect(r.points[1]).toEqual([2, 0]);
    expect(r.points[2][0]).toBeCloseTo(4 / 3, 15);
    expect(r.points[3][0]).toBeCloseTo(1, 15);
  });

  it('Momentum with step decay: h_t = α h_{t−1} + η_t g, the step size changing at t = s', () => {
    // η = 1/4, γ = 1/2, s = 2: η₁ = 1/4, η₂ = η₃ = 1/8. α = 1/2 on ½(x² + 2y²) from (4, 2):
    // h1 = ¼(4,4) = (1,1), x1 = (3,1); h2 = ½(1,1) + ⅛(3,2) = (0.875,0.75), x2 = (2.125,0.25);
    // h3 = ½(0.875,0.75) + ⅛(2.125,0.5) = (0.703125,0.4375), x3 = (1.421875,−0.1875).
    const r = simulate({
      objective: diagQuadratic(1, 2), start: [4, 2], steps: 3,
      optimizer: { kind: 'momentum', lr: 0.25, alpha: 0.5, schedule: { kind: 'step', gamma: 0.5, every: 2 } },
    });
    expect(r.points).toEqual([[4, 2], [3, 1], [2.125, 0.25], [1.421875, -0.1875]]);
  });

  const fn = getTestFunction('quadratic', { kappa: 25, theta: 20 });
  const noisy = withNoise(fn, { n: 16, scale: 0.3, seed: 2 });
  const none: Schedule[] = [{ kind: 'inverse', k: 0 }, { kind: 'step', gamma: 1, every: 3 }, { kind: 'cosine', floor: 1, period: 10 }];
  it.each(optimizerKinds)('%s: a schedule that does not decay is the constant-step run, bit for bit', (kind) => {
    const lr = optimizerDef(kind).lrUnit === 'length' ? 0.1 : 0.5;
    const base = { kind, lr, batchSize: 4 } as OptimizerSpec;
    const ref = simulate({ objective: noisy, optimizer: base, start: fn.start, steps: 300, seed: 9 });
    for (const schedule of none) {
      const r = simulate({ objective: noisy, optimizer: { ...base, schedule }, start: fn.start, steps: 300, seed: 9 });
      expect(firstDifference(r.points, ref.points), schedule.kind).toBeNull();
      expect(r.losses).toEqual(ref.losses);
    }
    // And one that decays does change the path.
    const decayed = simulate({ objective: noisy, optimizer: { ...base, schedule: { kind: 'inverse', k: 0.1 } }, start: fn.start, steps: 300, seed: 9 });
    expect(firstDifference(decayed.points, ref.points)).not.toBeNull();
  });

  it('lets SGD settle: with η_t = η/(1 + k t) the noise around the minimum shrinks, with a constant η it does not', () => {
    const round = getTestFunction('quadratic', { kappa: 2, theta: 0 });
    const sum = withNoise(round, { n: 16, scale: 0.3, seed: 2 });
    const spread = (schedule?: Schedule) => {
      const r = simulate({ objective: sum, optimizer: { kind: 'sgd', lr: 0.5, schedule }, start: round.start, steps: 2000, seed: 3 });
      const tail = r.points.slice(1500);
      return Math.max(...tail.map((p: Vec2) => Math.hypot(p[0] - round.minima[0][0], p[1] - round.minima[0][1])));
    };
    expect(spread({ kind: 'inverse', k: 0.05 })).toBeLessThan(spread() / 3);
  });

  it('refuses settings that would make η_t meaningless, naming the setting', () => {
    const bad: Schedule[] = [
      { kind: 'inverse', k: -1 }, { kind: 'step', gamma: 0 }, { kind: 'step', every: 0 }, { kind: 'step', every: 2.5 },
      { kind: 'cosine', floor: 2 }, { kind: 'cosine', period: 0 }, { kind: 'inverse', k: Infinity },
    ];
    for (const schedule of bad) {
      expect(() => simulate({ objective: fn, optimizer: { kind: 'gd', lr: 1, schedule }, start: fn.start, steps: 3 }), JSON.stringify(schedule))
        .toThrow(/of the (inverse|step|cosine) schedule must be/);
    }
  });
});

describe('cos(πu) with + − × ÷ only', () => {
  it('agrees with Math.cos to within a few ulps over [0, 1], and is exact at 0 and 1', () => {
    for (let i = 0; i <= 4000; i++) {
      const u = i / 4000;
      expect(Math.abs(cosPi(u) - Math.cos(Math.PI * u)), `u = ${u}`).toBeLessThan(4.5e-16);
    }
    expect(cosPi(0)).toBe(1);
    expect(cosPi(1)).toBe(-1);
    expect(Math.abs(cosPi(0.5))).toBeLessThan(1e-16);
  });
});
