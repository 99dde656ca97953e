import { describe, expect, it } from 'vitest';
import {
  batchChosen, batchOf, batchSize, fullByDefault, getTestFunction, mayBatch, optimizerDef, optimizerKinds, simulate, withNoise,
  type Objective, type OptimizerSpec, type UpdateRule, type Vec2,
} from '../../src/core';
import { adagradRule, adamRule, adamwRule, gdRule, lionRule, momentumRule, nesterovRule, rmspropRule, signRule } from '../../src/core/optimizers';
import { diagQuadratic, firstDifference, spyFiniteSum } from './helpers';

const run = (objective: Objective, optimizer: OptimizerSpec, start: Vec2, steps: number, seed?: number) =>
  simulate({ objective, optimizer, start, steps, seed });

const problems: { id: string; lr: number; start?: Vec2 }[] = [
  { id: 'quadratic', lr: 1.5 },
  { id: 'rosenbrock', lr: 1e-3 },
  { id: 'beale', lr: 0.01 },
  { id: 'himmelblau', lr: 0.01, start: [0.3, -4.1] },
  { id: 'rastrigin', lr: 0.002 },
  { id: 'leastsquares', lr: 0.05 },
];

describe('update rules: the lecture’s, bit for bit', () => {
  it.each(problems)('$id: Momentum and Nesterov with α = 0 follow GD bit for bit', ({ id, lr, start }) => {
    const fn = getTestFunction(id);
    const s = start ?? fn.start;
    const ref = run(fn, { kind: 'gd', lr }, s, 2000);
    expect(ref.points.length).toBeGreaterThan(100);
    for (const kind of ['momentum', 'nesterov'] as const) {
      const r = run(fn, { kind, lr, alpha: 0 }, s, 2000);
      expect(firstDifference(r.points, ref.points), kind).toBeNull();
      expect(r.losses).toEqual(ref.losses);
      expect(r.diverged).toEqual(ref.diverged);
    }
  });

  it.each(problems)('$id: mini-batch with B = N, and Momentum with B = N, are the full-batch runs on a withNoise objective', ({ id, lr, start }) => {
    const fn = getTestFunction(id);
    const s = start ?? fn.start;
    const noisy = withNoise(fn, { n: 32, scale: fn.noise || 1, seed: 5 });
    const ref = run(fn, { kind: 'gd', lr }, s, 1500);
    const mb = run(noisy, { kind: 'minibatch', lr, batchSize: 32 }, s, 1500, 77);
    expect(firstDifference(mb.points, ref.points)).toBeNull();
    expect(mb.losses).toEqual(ref.losses);
    expect(firstDifference(run(noisy, { kind: 'gd', lr }, s, 1500).points, ref.points)).toBeNull();
    const mref = run(fn, { kind: 'momentum', lr, alpha: 0.5 }, s, 1500);
    const mm = run(noisy, { kind: 'momentum', lr, alpha: 0.5, batchSize: 32 }, s, 1500, 3);
    expect(firstDifference(mm.points, mref.points)).toBeNull();
  });

  it('on a finite sum, the stochastic kinds really are stochastic and really are seeded', () => {
    const fn = getTestFunction('quadratic');
    const noisy = withNoise(fn, { n: 32, scale: 0.3, seed: 1 });
    const gdRun = run(noisy, { kind: 'gd', lr: 0.5 }, fn.start, 500);
    const specs: OptimizerSpec[] = [
      { kind: 'sgd', lr: 0.5 },
      { kind: 'minibatch', lr: 0.5, batchSize: 4 },
      { kind: 'momentum', lr: 0.1, alpha: 0.8, batchSize: 2 },
      { kind: 'nesterov', lr: 0.1, alpha: 0.8, batchSize: 8 },
    ];
    for (const spec of specs) {
      const a = run(noisy, spec, fn.start, 500, 11);
      const b = run(noisy, spec, fn.start, 500, 11);
      const c = run(noisy, spec, fn.start, 500, 12);
      expect(firstDifference(a.points, b.points), spec.kind).toBeNull();
      expect(a.losses).toEqual(b.losses);
      expect(a.velocities).toEqual(b.velocities);
      expect(firstDifference(a.points, c.points), spec.kind).not.toBeNull();
      expect(a.points[500]).not.toEqual(c.points[500]);
      if (spec.kind === 'sgd' || spec.kind === 'minibatch') {
        expect(firstDifference(a.points, gdRun.points), spec.kind).not.toBeNull();
      }
    }
  });

  it('SGD draws one sample per step, mini-batch its batch size (8 when left out)', () => {
    const xi: Vec2[] = Array.from({ length: 16 }, (_, i) => [i % 2 ? 1 : -1, 0]);
    const count = (spec: OptimizerSpec) => {
      const fs = spyFiniteSum(diagQuadratic(1, 1), xi);
      run(fs, spec, [1, 1], 10);
      expect(fs.calls).toHaveLength(10);
      return fs.calls[0].idx.length;
    };
    expect(count({ kind: 'sgd', lr: 0.1 })).toBe(1);
    expect(count({ kind: 'sgd', lr: 0.1, batchSize: 4 })).toBe(1);
    expect(count({ kind: 'minibatch', lr: 0.1 })).toBe(8);
    expect(count({ kind: 'minibatch', lr: 0.1, batchSize: 5 })).toBe(5);
    expect(count({ kind: 'momentum', lr: 0.1, batchSize: 3 })).toBe(3);
    expect(count({ kind: 'nesterov', lr: 0.1, batchSize: 2 })).toBe(2);
  });

  it('Momentum and Nesterov default to α = 0.9', () => {
    const fn = getTestFunction('rosenbrock');
    for (const kind of ['momentum', 'nesterov'] as const) {
      expect(run(fn, { kind, lr: 1e-4 }, fn.start, 300)).toEqual(run(fn, { kind, lr: 1e-4, alpha: 0.9 }, fn.start, 300));
      expect(run(fn, { kind, lr: 1e-4 }, fn.start, 300)).not.toEqual(run(fn, { kind, lr: 1e-4, alpha: 0.5 }, fn.start, 300));
    }
  });

  it('Nesterov takes its gradient at the look-ahead point x_{t−1} − α h_{t−1}; Momentum at x_{t−1}', () => {
    const fn = getTestFunction('rosenbrock');
    const alpha = 0.85;
    for (const kind of ['nesterov', 'momentum'] as const) {
      const seen: Vec2[] = [];
      const spy: Objective = { f: fn.f, grad: (p) => (seen.push([p[0], p[1]]), fn.grad(p)) };
      const r = run(spy, { kind, lr: 5e-4, alpha }, fn.start, 400);
      expect(r.diverged).toBeNull();
      expect(seen).toHaveLength(400);
      const h = r.velocities!;
      const expected = r.points.slice(0, -1).map((x, t): Vec2 =>
        kind === 'nesterov' ? [x[0] - alpha * h[t][0], x[1] - alpha * h[t][1]] : x);
      expect(firstDifference(seen, expected), kind).toBeNull();
    }
  });

  it('Nesterov on mini-batches hands the look-ahead point to the batch gradient', () => {
    const xi: Vec2[] = Array.from({ length: 8 }, (_, i) => [Math.cos(i), Math.sin(i)]);
    const fs = spyFiniteSum(diagQuadratic(1, 4), xi);
    const alpha = 0.7;
    const r = run(fs, { kind: 'nesterov', lr: 0.05, alpha, batchSize: 2 }, [2, -1], 50, 4);
    const h = r.velocities!;
    const expected = r.points.slice(0, -1).map((x, t): Vec2 => [x[0] - alpha * h[t][0], x[1] - alpha * h[t][1]]);
    expect(firstDifference(fs.calls.map((c) => c.p), expected)).toBeNull();
  });

  // f = ½ (x² + 2y²) from (4, 2) with η = 1/4, α = 1/2: every number below is a dyadic fraction, exact in
  // binary floating point, so the engine must hit them exactly.
  describe('the first three steps, by hand, on ½(x² + 2y²) from (4, 2) with η = 1/4, α = 1/2', () => {
    const f = diagQuadratic(1, 2);
    const start: Vec2 = [4, 2];
    it('GD: x_t = x_{t−1} − η g(x_{t−1})', () => {
      // g = (x, 2y): (4,2) → (4,2)−¼(4,4) = (3,1) → (3,1)−¼(3,2) = (2.25,0.5) → −¼(2.25,1) = (1.6875,0.25)
      const r = run(f, { kind: 'gd', lr: 0.25 }, start, 3);
      expect(r.points).toEqual([[4, 2], [3, 1], [2.25, 0.5], [1.6875, 0.25]]);
      expect(r.losses).toEqual([12, 5.5, 2.78125, 1.486328125]);
      expect(r.velocities).toBeNull();
    });
    it('Momentum: h_t = α h_{t−1} + η g(x_{t−1}), x_t = x_{t−1} − h_t', () => {
      // h1 = ¼(4,4) = (1,1), x1 = (3,1)
      // h2 = ½(1,1) + ¼(3,2) = (1.25,1), x2 = (1.75,0)
      // h3 = ½(1.25,1) + ¼(1.75,0) = (1.0625,0.5), x3 = (0.6875,−0.5)
      const r = run(f, { kind: 'momentum', lr: 0.25, alpha: 0.5 }, start, 3);
      expect(r.points).toEqual([[4, 2], [3, 1], [1.75, 0], [0.6875, -0.5]]);
      expect(r.velocities).toEqual([[0, 0], [1, 1], [1.25, 1], [1.0625, 0.5]]);
    });
    it('Nesterov: h_t = α h_{t−1} + η g(x_{t−1} − α h_{t−1}), x_t = x_{t−1} − h_t', () => {
      // look (4,2),          g (4,4),         h1 = (1,1),                           x1 = (3,1)
      // look (2.5,0.5),      g (2.5,1),       h2 = (0.5,0.5)+(0.625,0.25) = (1.125,0.75),   x2 = (1.875,0.25)
      // look (1.3125,−0.125), g (1.3125,−0.25), h3 = (0.5625,0.375)+(0.328125,−0.0625) = (0.890625,0.3125),
      //                                                                          x3 = (0.984375,−0.0625)
      const r = run(f, { kind: 'nesterov', lr: 0.25, alpha: 0.5 }, start, 3);
      expect(r.points).toEqual([[4, 2], [3, 1], [1.875, 0.25], [0.984375, -0.0625]]);
      expect(r.velocities).toEqual([[0, 0], [1, 1], [1.125, 0.75], [0.890625, 0.3125]]);
    });
  });

  it.each(['momentum', 'nesterov'] as const)('%s: velocities[t] = h_t with h_0 = 0 and points[t] = points[t−1] − velocities[t]', (kind) => {
    const fn = getTestFunction('beale');
    const r = run(fn, { kind, lr: 2e-3, alpha: 0.9 }, fn.start, 1000);
    expect(r.diverged).toBeNull();
    const h = r.velocities!;
    expect(h).toHaveLength(r.points.length);
    expect(h[0]).toEqual([0, 0]);
    for (let t = 1; t < r.points.length; t++) {
      expect(Object.is(r.points[t][0], r.points[t - 1][0] - h[t][0])).toBe(true);
      expect(Object.is(r.points[t][1], r.points[t - 1][1] - h[t][1])).toBe(true);
    }
    // And h obeys its own recursion: h_t − α h_{t−1} = η g(where the gradient was taken).
    for (let t = 1; t < 20; t++) {
      const at: Vec2 = kind === 'momentum'
        ? r.points[t - 1]
        : [r.points[t - 1][0] - 0.9 * h[t - 1][0], r.points[t - 1][1] - 0.9 * h[t - 1][1]];
      const g = fn.grad(at);
      expect(h[t][0]).toBeCloseTo(0.9 * h[t - 1][0] + 2e-3 * g[0], 12);
      expect(h[t][1]).toBeCloseTo(0.9 * h[t - 1][1] + 2e-3 * g[1], 12);
    }
  });

  it('update rules are pure: a step does not touch its inputs and gives the same answer twice', () => {
    const grad = (p: Vec2): Vec2 => [p[0] * 2, p[1] - 1];
    const rules: UpdateRule<unknown>[] = [
      gdRule(), momentumRule({ alpha: 0.6 }), nesterovRule({ alpha: 0.6 }),
      adamRule({ beta1: 0.9, beta2: 0.999, eps: 1e-8 }), rmspropRule({ rho: 0.9, eps: 1e-8 }), adagradRule({ eps: 1e-10 }),
      adamwRule({ beta1: 0.9, beta2: 0.999, eps: 1e-8, lambda: 0.1 }), lionRule({ beta1: 0.9, beta2: 0.99, lambda: 0.1 }), signRule(),
    ];
    for (const rule of rules) {
      const x: Vec2 = [1, 2];
      const s0 = rule.init();
      const a = rule.step(x, s0, grad, 0.1);
      const b = rule.step(x, s0, grad, 0.1);
      expect(x).toEqual([1, 2]);
      expect(s0).toEqual(rule.init());
      expect(a).toEqual(b);
      const s1 = structuredClone(a.state);
      rule.step(a.x, a.state, grad, 0.1);
      expect(a.state).toEqual(s1);
      if (s0 !== null) expect(rule.init()).not.toBe(s0); // a fresh state each time
    }
  });

  it('the table says which settings and batches each rule has, with torch.optim\'s defaults', () => {
    expect(optimizerKinds).toEqual(['gd', 'sgd', 'minibatch', 'momentum', 'nesterov', 'adam', 'rmsprop', 'adagrad', 'adamw', 'lion', 'sign']);
    const settings = (k: (typeof optimizerKinds)[number]) =>
      Object.fromEntries(Object.entries(optimizerDef(k).hyper).map(([name, s]) => [name, s.default]));
    expect(settings('gd')).toEqual({});
    expect(settings('momentum')).toEqual({ alpha: 0.9 });
    expect(settings('nesterov')).toEqual({ alpha: 0.9 });
    expect(settings('adam')).toEqual({ beta1: 0.9, beta2: 0.999, eps: 1e-8 });
    expect(settings('rmsprop')).toEqual({ rho: 0.99, eps: 1e-8 });
    expect(settings('adagrad')).toEqual({ eps: 1e-10 });
    expect(settings('adamw')).toEqual({ beta1: 0.9, beta2: 0.999, eps: 1e-8, lambda: 0.01 });
    expect(settings('lion')).toEqual({ beta1: 0.9, beta2: 0.99, lambda: 0 });
    expect(settings('sign')).toEqual({});
    expect(batchOf({ kind: 'gd', batchSize: 3 })).toBeUndefined();
    expect(batchOf({ kind: 'sgd' })).toBe(1);
    expect(batchOf({ kind: 'sgd', batchSize: 4 })).toBe(1);
    expect(batchOf({ kind: 'minibatch' })).toBe(8);
    expect(batchOf({ kind: 'momentum' })).toBeUndefined();
    expect(batchOf({ kind: 'adam', batchSize: 4 })).toBe(4);
    // The batch rule as every part of the page reads it: [size on N = 32 by default, with B = 4, chosen,
    // all by default, may batch] for each rule.
    expect(Object.fromEntries(optimizerKinds.map((k) => [k, [batchSize(k, 32), batchSize(k, 32, 4), batchChosen(k), fullByDefault(k), mayBatch(k)]]))).toEqual({
      gd: [32, 32, false, true, false],
      sgd: [1, 1, false, false, true],
      minibatch: [8, 4, true, false, true],
      momentum: [32, 4, true, true, true],
      nesterov: [32, 4, true, true, true],
      adam: [32, 4, true, true, true],
      rmsprop: [32, 4, true, true, true],
      adagrad: [32, 4, true, true, true],
      adamw: [32, 4, true, true, true],
      lion: [32, 4, true, true, true],
      sign: [32, 4, true, true, true],
    });
    // Never more than the N there are.
    expect([batchSize('minibatch', 5), batchSize('adam', 3, 10)]).toEqual([5, 3]);
    // Every link key is unique within a rule, and a setting shared by rules keeps its key.
    const keys = new Map<string, string>();
    for (const k of optimizerKinds) {
      const own = Object.entries(optimizerDef(k).hyper).map(([name, s]) => [name, s.key] as const);
      expect(new Set(own.map(([, key]) => key)).size).toBe(own.length);
      for (const [name, key] of own) expect(keys.get(name) ?? key, name).toBe(key), keys.set(name, key);
    }
  });
});
