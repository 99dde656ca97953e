import { describe, expect, it } from 'vitest';
import { getTestFunction, MAX_STEPS, simulate, withNoise, type Objective, type OptimizerSpec, type SimulateSpec, type Vec2 } from '../../src/core';
import { diagQuadratic } from './helpers';

// ---- The closed form of a linear iteration on one eigen-component, written independently of theory.ts.
// Every rule here, on f = ½ λ u², from u_0 with h_0 = 0, gives u_1 = (1 − ηλ) u_0 and then follows
// u_t = tr · u_{t−1} − det · u_{t−2}; so u_t = A z₁ᵗ + B z₂ᵗ with z₁, z₂ the roots of z² − tr z + det.
type C = [number, number];
const cmul = (a: C, b: C): C => [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]];
const cdiv = (a: C, b: C): C => {
  const d = b[0] * b[0] + b[1] * b[1];
  return [(a[0] * b[0] + a[1] * b[1]) / d, (a[1] * b[0] - a[0] * b[1]) / d];
};
const cpow = (z: C, t: number): C => {
  const r = Math.hypot(z[0], z[1]) ** t, phi = Math.atan2(z[1], z[0]) * t;
  return [r * Math.cos(phi), r * Math.sin(phi)];
};

function closedForm(kind: 'gd' | 'momentum' | 'nesterov', lr: number, alpha: number, lambda: number, u0: number) {
  const c = 1 - lr * lambda;
  if (kind === 'gd') return (t: number) => c ** t * u0;
  const tr = kind === 'momentum' ? c + alpha : (1 + alpha) * c;
  const det = kind === 'momentum' ? alpha : alpha * c;
  const disc = tr * tr - 4 * det;
  const sq: C = disc >= 0 ? [Math.sqrt(disc), 0] : [0, Math.sqrt(-disc)];
  const z1: C = [(tr + sq[0]) / 2, sq[1] / 2];
  const z2: C = [(tr - sq[0]) / 2, -sq[1] / 2];
  // A + B = u0, A z1 + B z2 = c u0.
  const A = cdiv([c * u0 - z2[0] * u0, -z2[1] * u0], [z1[0] - z2[0], z1[1] - z2[1]]);
  const B: C = [u0 - A[0], -A[1]];
  return (t: number) => {
    const a = cmul(A, cpow(z1, t)), b = cmul(B, cpow(z2, t));
    return a[0] + b[0];
  };
}

/** The quadratic(κ, θ)'s iterates in closed form: turn the start into the eigenbasis and back. */
function quadraticIterates(kind: 'gd' | 'momentum' | 'nesterov', lr: number, alpha: number, kappa: number, theta: number) {
  const fn = getTestFunction('quadratic', { kappa, theta });
  const c = Math.cos((theta * Math.PI) / 180), s = Math.sin((theta * Math.PI) / 180);
  const [x0, y0] = fn.start;
  const u = closedForm(kind, lr, alpha, 1 / kappa, c * x0 + s * y0); // along the floor, λ = μ
  const v = closedForm(kind, lr, alpha, 1, -s * x0 + c * y0); // across it, λ = L = 1
  return { fn, at: (t: number): Vec2 => [c * u(t) - s * v(t), s * u(t) + c * v(t)] };
}

describe('simulate: divergence found at the right step', () => {
  it('GD on the quadratic converges for η = 1.9 < 2/L', () => {
    const fn = getTestFunction('quadratic', { kappa: 20, theta: 30 });
    const r = simulate({ objective: fn, optimizer: { kind: 'gd', lr: 1.9 }, start: fn.start, steps: 1000 });
    expect(r.diverged).toBeNull();
    expect(r.points).toHaveLength(1001);
    // rate max(|1 − 1.9|, |1 − 1.9/20|) = 0.905: 0.905^2000 of the start loss is ~1e-87.
    expect(r.losses[1000]).toBeLessThan(1e-80);
    expect(r.losses[1000]).toBeGreaterThanOrEqual(0);
  });

  const cases: [kind: 'gd' | 'momentum' | 'nesterov', lr: number, alpha: number, kappa: number, theta: number][] = [
    ['gd', 2.1, 0, 20, 0],
    ['gd', 2.02, 0, 20, 0],
    ['gd', 2.5, 0, 1000, 30],
    ['gd', 3, 0, 1, -60],
    ['gd', 2.3, 0, 137.5, 85],
    ['momentum', 3.3, 0.5, 20, 0],
    ['momentum', 3.9, 0.9, 50, 45],
    ['momentum', 2.5, 0.2, 5, -20],
    ['nesterov', 1.7, 0.5, 20, 0],
    ['nesterov', 1.5, 0.9, 300, 70],
    ['nesterov', 1.9, 0.1, 2, -85],
  ];
  it.each(cases)('%s η=%s α=%s on the quadratic κ=%s θ=%s: diverged.step is the first t with max(|x_t|, |y_t|) > 300', (kind, lr, alpha, kappa, theta) => {
    const { fn, at } = quadraticIterates(kind, lr, alpha, kappa, theta);
    const bound = 300; // 100 × the largest |coordinate| of the view [−3, 3] × [−2, 2]
    expect(100 * Math.max(...fn.view.x.map(Math.abs), ...fn.view.y.map(Math.abs))).toBe(bound);
    const size = (p: Vec2) => Math.max(Math.abs(p[0]), Math.abs(p[1]));
    let first = 0;
    while (size(at(first)) <= bound && first < MAX_STEPS) first++;
    expect(first).toBeLessThan(MAX_STEPS);
    // The crossing must be clear of rounding: the closed form and the iteration agree to ~1e-12.
    expect(Math.abs(size(at(first)) / bound - 1)).toBeGreaterThan(1e-6);
    expect(Math.abs(size(at(first - 1)) / bound - 1)).toBeGreaterThan(1e-6);
    expect(first).toBeGreaterThan(3);

    const spec: OptimizerSpec = { kind, lr, alpha };
    const r = simulate({ objective: fn, optimizer: spec, start: fn.start, steps: 5000 });
    expect(r.diverged).toEqual({ step: first });
    expect(r.points).toHaveLength(first);
    expect(r.losses).toHaveLength(first);
    for (const l of r.losses) expect(Number.isFinite(l)).toBe(true);
    for (let t = 0; t < first; t++) {
      const p = at(t);
      const tol = 1e-9 * (1 + size(p));
      expect(Math.abs(r.points[t][0] - p[0]), `x_${t}`).toBeLessThan(tol);
      expect(Math.abs(r.points[t][1] - p[1]), `y_${t}`).toBeLessThan(tol);
    }
    if (r.velocities) expect(r.velocities).toHaveLength(first);
  });

  it('honours a bound given in the spec, and uses 1e6 for an objective without a view', () => {
    const f = diagQuadratic(1, 1);
    // GD with η = 3: u_t = (−2)^t u_0, from (1, 0): |x_t| = 2^t. 2^10 = 1024 > 1000, 2^20 > 1e6.
    expect(simulate({ objective: f, optimizer: { kind: 'gd', lr: 3 }, start: [1, 0], steps: 100, bound: 1000 }).diverged)
      .toEqual({ step: 10 });
    expect(simulate({ objective: f, optimizer: { kind: 'gd', lr: 3 }, start: [1, 0], steps: 100 }).diverged)
      .toEqual({ step: 20 });
    // Exactly on the bound is still inside: 2^10 = 1024.
    expect(simulate({ objective: f, optimizer: { kind: 'gd', lr: 3 }, start: [1, 0], steps: 100, bound: 1024 }).diverged)
      .toEqual({ step: 11 });
  });

  it('a noisy objective keeps its view, so its bound, and its diverged.step is the noiseless one for B = N', () => {
    const fn = getTestFunction('quadratic');
    const noisy = withNoise(fn, { n: 16, scale: 0.3, seed: 1 });
    const a = simulate({ objective: fn, optimizer: { kind: 'gd', lr: 2.2 }, start: fn.start, steps: 500 });
    const b = simulate({ objective: noisy, optimizer: { kind: 'minibatch', lr: 2.2, batchSize: 16 }, start: fn.start, steps: 500 });
    expect(a.diverged).not.toBeNull();
    expect(b.diverged).toEqual(a.diverged);
  });
});

describe('simulate: non-finite values end the run where they appear', () => {
  // ½ (x − 5)² + ½ y², undefined (NaN) for x > 2. GD from the origin: x_t = 5 − 5 (1 − η)^t.
  const walled = (bad: number): Objective => ({
    f: ([x, y]) => (x > 2 ? bad : 0.5 * (x - 5) ** 2 + 0.5 * y * y),
    grad: ([x, y]) => [x - 5, y],
  });
  it.each([NaN, Infinity, -Infinity])('a loss of %s stops the run at the first step past the wall', (bad) => {
    for (const lr of [0.01, 0.1, 0.37]) {
      let first = 0;
      while (5 - 5 * (1 - lr) ** first <= 2 && first < 1000) first++;
      const r = simulate({ objective: walled(bad), optimizer: { kind: 'gd', lr }, start: [0, 0], steps: 1000 });
      expect(r.diverged).toEqual({ step: first });
      expect(r.points).toHaveLength(first);
      expect(r.losses.every(Number.isFinite)).toBe(true);
      expect(r.points[first - 1][0]).toBeLessThanOrEqual(2);
    }
  });

  it('a gradient that turns NaN stops the run at the step whose iterate it poisons', () => {
    const f: Objective = {
      f: ([x, y]) => 0.5 * (x * x + y * y),
      grad: ([x, y]) => (x < 0.5 ? [NaN, y] : [x, y]),
    };
    // x_t = 0.8^t: 0.8^3 = 0.512 ≥ 0.5, 0.8^4 < 0.5, so the gradient at x_4 is NaN and x_5 is NaN.
    const r = simulate({ objective: f, optimizer: { kind: 'momentum', lr: 0.2, alpha: 0 }, start: [1, 1], steps: 50 });
    expect(r.diverged).toEqual({ step: 5 });
    expect(r.points).toHaveLength(5);
    expect(r.velocities).toHaveLength(5);
  });

  it('a start where f is not finite, or outside the bound, gives diverged {step: 0} and nothing else', () => {
    const f = walled(NaN);
    const r = simulate({ objective: f, optimizer: { kind: 'momentum', lr: 0.1 }, start: [3, 0], steps: 10 });
    const none = { gradients: [], gradientPoints: [], lrs: [] };
    expect(r).toEqual({ points: [], losses: [], velocities: [], ...none, diverged: { step: 0 } });
    const g = simulate({ objective: f, optimizer: { kind: 'gd', lr: 0.1 }, start: [0, 1e7], steps: 10 });
    expect(g).toEqual({ points: [], losses: [], velocities: null, ...none, diverged: { step: 0 } });
    const q = getTestFunction('quadratic');
    expect(simulate({ objective: q, optimizer: { kind: 'gd', lr: 0.1 }, start: [0, -301], steps: 10 }).diverged).toEqual({ step: 0 });
  });
});

describe('simulate: the shape of a run', () => {
  const fn = getTestFunction('himmelblau');

  it('steps = 0 gives just the start (and h_0 = 0)', () => {
    const r = simulate({ objective: fn, optimizer: { kind: 'nesterov', lr: 0.01 }, start: [1, 2], steps: 0 });
    expect(r).toEqual({ points: [[1, 2]], losses: [fn.f([1, 2])], velocities: [[0, 0]], gradients: [], gradientPoints: [], lrs: [], diverged: null });
  });

  it('points[0] is the start, losses[t] = f(points[t]) exactly, the lengths are steps + 1', () => {
    const noisy = withNoise(fn, { n: 8, scale: 5, seed: 2 });
    for (const kind of ['gd', 'sgd', 'minibatch', 'momentum', 'nesterov'] as const) {
      const start: Vec2 = [0.5, -4];
      const r = simulate({ objective: noisy, optimizer: { kind, lr: 0.005, batchSize: 2 }, start, steps: 321, seed: 4 });
      expect(r.diverged).toBeNull();
      expect(r.points).toHaveLength(322);
      expect(r.losses).toHaveLength(322);
      expect(r.points[0]).toEqual(start);
      expect(r.points[0]).not.toBe(start);
      r.points.forEach((p, t) => expect(Object.is(r.losses[t], fn.f(p))).toBe(true));
      // Every iterate is its own array, so a consumer may keep or change one without touching another.
      expect(new Set(r.points).size).toBe(322);
      expect(r.velocities === null).toBe(kind !== 'momentum' && kind !== 'nesterov');
    }
  });

  it('does not change the spec it is given', () => {
    const spec: SimulateSpec = { objective: fn, optimizer: { kind: 'momentum', lr: 0.01, alpha: 0.5 }, start: [1, 1], steps: 50 };
    const copy = { ...spec, optimizer: { ...spec.optimizer }, start: [...spec.start] };
    simulate(spec);
    expect(spec).toEqual(copy);
  });

  it('runs MAX_STEPS = 10 000 steps and not one more', () => {
    expect(MAX_STEPS).toBe(10_000);
    const r = simulate({ objective: fn, optimizer: { kind: 'gd', lr: 0.001 }, start: [0, 0], steps: MAX_STEPS });
    expect(r.points).toHaveLength(10_001);
  });

  const base: SimulateSpec = { objective: fn, optimizer: { kind: 'momentum', lr: 0.01, alpha: 0.5 }, start: [1, 1], steps: 10 };
  it.each<[string, Partial<SimulateSpec> & { optimizer?: OptimizerSpec }]>([
    ['steps 10001', { steps: 10_001 }],
    ['steps −1', { steps: -1 }],
    ['steps 2.5', { steps: 2.5 }],
    ['steps NaN', { steps: NaN }],
    ['steps Infinity', { steps: Infinity }],
    ['lr 0', { optimizer: { kind: 'gd', lr: 0 } }],
    ['lr −0.1', { optimizer: { kind: 'gd', lr: -0.1 } }],
    ['lr NaN', { optimizer: { kind: 'gd', lr: NaN } }],
    ['lr Infinity', { optimizer: { kind: 'gd', lr: Infinity } }],
    ['α = 1', { optimizer: { kind: 'momentum', lr: 0.01, alpha: 1 } }],
    ['α = −0.1', { optimizer: { kind: 'nesterov', lr: 0.01, alpha: -0.1 } }],
    ['α NaN', { optimizer: { kind: 'momentum', lr: 0.01, alpha: NaN } }],
    ['start NaN', { start: [NaN, 0] }],
    ['start Infinity', { start: [0, Infinity] }],
    ['batch 0 on a finite sum', { objective: withNoise(fn, { n: 8, scale: 1, seed: 0 }), optimizer: { kind: 'minibatch', lr: 0.01, batchSize: 0 } }],
    ['batch 1.5 on a finite sum', { objective: withNoise(fn, { n: 8, scale: 1, seed: 0 }), optimizer: { kind: 'momentum', lr: 0.01, batchSize: 1.5 } }],
  ])('rejects %s with a RangeError', (_, patch) => {
    expect(() => simulate({ ...base, ...patch })).toThrow(RangeError);
  });
});
