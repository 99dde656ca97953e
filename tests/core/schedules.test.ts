// Step-size schedules: their values by hand, warmups, PyTorch's own schedulers, their identity when they do not
// decay, and cos(πu) without Math.cos.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  constantStep, optimizerDef, optimizerKinds, scheduleCurve, scheduleDef, scheduleKinds, simulate, withNoise, getTestFunction,
  type OptimizerSpec, type Schedule, type Vec2,
} from '../../src/core';
import { cosPi } from '../../src/core/schedules';
import reference from './reference/torch.json';
import { diagQuadratic, firstDifference, torchObjectives, worstRelative } from './helpers';

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

describe('a warmup of W steps: η t / W while t < W, then the schedule from its start', () => {
  // Every schedule but the one-cycle, whose rise is a warmup of its own.
  const warmable = scheduleKinds.filter((k) => 'warmup' in scheduleDef(k).params);
  it('goes before every schedule but the one-cycle', () => expect(warmable).toEqual(['constant', 'inverse', 'step', 'cosine']));

  it('before a constant step, and before each decay, by hand', () => {
    expect(scheduleCurve({ kind: 'constant', warmup: 4 }, 2, 6)).toEqual([0.5, 1, 1.5, 2, 2, 2]);
    // φ(t − W): η / (1 + k (t − W)) from t = W on.
    expect(scheduleCurve({ kind: 'inverse', k: 0.5, warmup: 2 }, 3, 5)).toEqual([1.5, 3, 2, 1.5, 1.2]);
    expect(scheduleCurve({ kind: 'step', gamma: 0.5, every: 2, warmup: 4 }, 1, 9)).toEqual([0.25, 0.5, 0.75, 1, 1, 0.5, 0.5, 0.25, 0.25]);
    const c = scheduleCurve({ kind: 'cosine', floor: 0, period: 4, warmup: 2 }, 2, 7);
    expect(c[0]).toBe(1);
    expect(c[1]).toBe(2);
    expect(c[2]).toBeCloseTo(1 + Math.SQRT1_2, 15);
    expect(c[3]).toBeCloseTo(1, 15);
    expect(c.slice(5)).toEqual([0, 0]);
  });

  it('W = 0 is no warmup, and W = 1 is the schedule one step late: η₁ = η, then φ(t − 1)', () => {
    for (const kind of warmable) {
      const s = { kind } as Schedule;
      expect(scheduleCurve({ ...s, warmup: 0 } as Schedule, 0.7, 50), kind).toEqual(scheduleCurve(s, 0.7, 50));
      const late = scheduleCurve({ ...s, warmup: 1 } as Schedule, 0.7, 50);
      expect(late[0], kind).toBeCloseTo(0.7, 15);
      expect(late.slice(1), kind).toEqual(scheduleCurve(s, 0.7, 49));
    }
  });

  it('for any W and settings: the ramp, then exactly the schedule without a warmup, shifted by W', () => {
    const unit = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(fc.constantFrom(...warmable), fc.integer({ min: 1, max: 60 }), unit, unit, unit, (kind, w, a, b, u) => {
        const eta = 1e-3 * 1e4 ** u;
        const own: Partial<Record<string, Schedule>> = {
          constant: { kind: 'constant' },
          inverse: { kind: 'inverse', k: 10 * a },
          step: { kind: 'step', gamma: 0.01 + 0.99 * a, every: 1 + Math.floor(40 * b) },
          cosine: { kind: 'cosine', floor: a, period: 1 + Math.floor(100 * b) },
        };
        const plain = own[kind]!;
        const warm = scheduleCurve({ ...plain, warmup: w } as Schedule, eta, w + 80);
        for (let t = 1; t < w; t++) expect(warm[t - 1]).toBe((eta * t) / w);
        // On step W the ramp has reached η (φ(0), to the last bit or two of the cosine's r + (1 − r)).
        expect(Math.abs(warm[w - 1] - eta)).toBeLessThanOrEqual(2 * eta * Number.EPSILON);
        expect(warm.slice(w)).toEqual(scheduleCurve(plain, eta, 80));
        expect(constantStep({ ...plain, warmup: w } as Schedule)).toBe(false);
      }),
      { seed: 23, numRuns: 300 },
    );
  });

  it('inside a run: GD after a warmup of 2 steps, by hand on ½(x² + 2y²) from (4, 2) with η = 1/2', () => {
    // η₁ = ¼: (4, 2) − ¼(4, 4) = (3, 1); η₂ = ½: (3, 1) − ½(3, 2) = (1.5, 0); η₃ = ½: (0.75, 0).
    const r = simulate({ objective: diagQuadratic(1, 2), optimizer: { kind: 'gd', lr: 0.5, schedule: { kind: 'constant', warmup: 2 } }, start: [4, 2], steps: 3 });
    expect(r.points).toEqual([[4, 2], [3, 1], [1.5, 0], [0.75, 0]]);
    expect(r.lrs).toEqual([0.25, 0.5, 0.5]);
  });

  it('only a constant schedule without a warmup is the constant step', () => {
    expect(constantStep({ kind: 'constant' })).toBe(true);
    expect(constantStep({ kind: 'constant', warmup: 0 })).toBe(true);
    expect(constantStep({ kind: 'constant', warmup: 3 })).toBe(false);
    expect(constantStep({ kind: 'inverse', k: 0 })).toBe(false);
  });
});

describe('the one-cycle: OneCycleLR\'s cosine up from η/25 to η until pT, then down to η/(25·10⁴) at T', () => {
  it('by hand, with η = 25 (η₀ = 1, η₁ = 10⁻⁴), T = 10, p = 1/2', () => {
    const c = scheduleCurve({ kind: 'onecycle', period: 10, peak: 0.5 }, 25, 12);
    // t = 1 … 5: 25 − 12 (1 + cos(π (t − 1)/4)); t = 6 … 10: 10⁻⁴ + (25 − 10⁻⁴)/2 · (1 + cos(π (t − 5)/5)); then η₁.
    expect(c[0]).toBe(1);
    expect(c[2]).toBeCloseTo(13, 13);
    expect(c[4]).toBe(25);
    expect(c[5]).toBeCloseTo(1e-4 + ((25 - 1e-4) / 2) * (1 + Math.cos(Math.PI / 5)), 13);
    expect(c.slice(9)).toEqual([1e-4, 1e-4, 1e-4]);
    expect(Math.max(...c)).toBe(25);
  });

  it('is OneCycleLR.get_lr at epoch t − 1, as torch writes it (with Math.cos), for any T and p', () => {
    // torch/optim/lr_scheduler.py, OneCycleLR with three_phase=False and anneal_strategy='cos'.
    const torchLr = (maxLr: number, total: number, pct: number, e: number) => {
      const initial = maxLr / 25, min = initial / 1e4;
      const phases = [{ end: pct * total - 1, start: initial, stop: maxLr }, { end: total - 1, start: maxLr, stop: min }];
      let startStep = 0;
      for (const [i, ph] of phases.entries()) {
        if (e <= ph.end || i === phases.length - 1) {
          const u = (e - startStep) / (ph.end - startStep);
          return ph.stop + ((ph.start - ph.stop) / 2) * (Math.cos(Math.PI * u) + 1);
        }
        startStep = ph.end;
      }
      throw new Error('unreachable');
    };
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 400 }), fc.double({ min: 0, max: 0.9, noNaN: true }), fc.double({ min: -3, max: 1, noNaN: true }), (T, p, logEta) => {
        fc.pre(Math.abs(p * T - 1) > 1e-9); // torch divides by zero at pT = 1
        const eta = 10 ** logEta;
        scheduleCurve({ kind: 'onecycle', period: T, peak: p }, eta, T).forEach((lr, i) => {
          expect(Math.abs(lr - torchLr(eta, T, p, i)), `t = ${i + 1}`).toBeLessThanOrEqual(1e-14 * eta);
        });
      }),
      { seed: 24, numRuns: 200 },
    );
  });

  it('takes no warmup (its rise is one) and refuses settings out of range', () => {
    expect(Object.keys(scheduleDef('onecycle').params)).toEqual(['period', 'peak']);
    for (const schedule of [{ kind: 'onecycle', peak: 0.95 }, { kind: 'onecycle', peak: -0.1 }, { kind: 'onecycle', period: 0 }, { kind: 'onecycle', period: 1.5 }] as Schedule[]) {
      expect(() => scheduleCurve(schedule, 1, 3), JSON.stringify(schedule)).toThrow(/of the onecycle schedule must be/);
    }
    // pT ≤ 1: no rise, the fall from η starts at once; pT = 1, where torch divides by zero, too.
    expect(scheduleCurve({ kind: 'onecycle', period: 10, peak: 0 }, 1, 1)[0]).toBeCloseTo((1 + Math.cos(Math.PI / 10)) / 2, 5);
    expect(scheduleCurve({ kind: 'onecycle', period: 10, peak: 0.1 }, 1, 1)[0]).toBeCloseTo(1, 15);
  });
});

describe('PyTorch’s own schedulers (torch.optim.lr_scheduler in float64, tests/core/reference/torch_reference.py)', () => {
  const scheduled = reference.cases.flatMap((c) =>
    'schedule' in c && 'lrs' in c && c.lrs ? [{ ...c, lrs: c.lrs, name: `${c.function} ${c.kind} η=${c.lr} ${JSON.stringify(c.schedule)}` }] : []);

  it('covers a warmup before every decay, W = 1 and W = 0', () => {
    const schedules = scheduled.map((c) => c.schedule as Schedule & { warmup?: number });
    expect(new Set(schedules.filter((s) => (s.warmup ?? 0) >= 2).map((s) => s.kind))).toEqual(new Set(['constant', 'inverse', 'step', 'cosine']));
    expect(schedules.some((s) => s.warmup === 1)).toBe(true);
    expect(schedules.some((s) => s.warmup === undefined && s.kind !== 'onecycle')).toBe(true);
    expect(schedules.filter((s) => s.kind === 'onecycle').length).toBeGreaterThanOrEqual(3);
  });

  it.each(scheduled)('$name', (c) => {
    const schedule = c.schedule as Schedule;
    // η_t against the lr torch's t-th optimizer.step() used.
    const lrs = scheduleCurve(schedule, c.lr, c.steps);
    lrs.forEach((lr, t) => expect(Math.abs(lr - c.lrs[t]), `t = ${t + 1}`).toBeLessThanOrEqual(1e-12 * c.lr));
    const spec = { kind: c.kind, lr: c.lr, ...c.settings, schedule } as OptimizerSpec;
    const r = simulate({ objective: torchObjectives[c.function], optimizer: spec, start: c.start as Vec2, steps: c.steps });
    expect(r.diverged).toBeNull();
    expect(r.points).toHaveLength(c.points.length);
    expect(worstRelative(r.points, c.points)).toBeLessThan(1e-10);
    // The schedule matters: the same run at a constant η ends elsewhere.
    const flat = simulate({ objective: torchObjectives[c.function], optimizer: { ...spec, schedule: undefined }, start: c.start as Vec2, steps: c.steps });
    const [x, y] = flat.points[flat.points.length - 1], [u, v] = c.points[c.steps];
    expect(Math.hypot(x - u, y - v)).toBeGreaterThan(1e-3);
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
  const none: Schedule[] = [
    { kind: 'inverse', k: 0 }, { kind: 'step', gamma: 1, every: 3 }, { kind: 'cosine', floor: 1, period: 10 }, { kind: 'constant', warmup: 0 },
  ];
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
    // A warmup of 0 steps is the schedule without one, bit for bit; of 10 steps, another path.
    for (const schedule of [{ kind: 'cosine', floor: 0.1, period: 200 }, { kind: 'step', gamma: 0.5, every: 40 }] as Schedule[]) {
      const plain = simulate({ objective: noisy, optimizer: { ...base, schedule }, start: fn.start, steps: 300, seed: 9 });
      const w0 = simulate({ objective: noisy, optimizer: { ...base, schedule: { ...schedule, warmup: 0 } as Schedule }, start: fn.start, steps: 300, seed: 9 });
      expect(firstDifference(w0.points, plain.points), schedule.kind).toBeNull();
      expect(w0.lrs).toEqual(plain.lrs);
      const w10 = simulate({ objective: noisy, optimizer: { ...base, schedule: { ...schedule, warmup: 10 } as Schedule }, start: fn.start, steps: 300, seed: 9 });
      expect(firstDifference(w10.points, plain.points), schedule.kind).not.toBeNull();
    }
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
      { kind: 'constant', warmup: -1 }, { kind: 'cosine', warmup: 2.5 }, { kind: 'step', warmup: 10_001 }, { kind: 'inverse', warmup: NaN },
    ];
    for (const schedule of bad) {
      expect(() => simulate({ objective: fn, optimizer: { kind: 'gd', lr: 1, schedule }, start: fn.start, steps: 3 }), JSON.stringify(schedule))
        .toThrow(/of the (constant|inverse|step|cosine) schedule must be/);
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
