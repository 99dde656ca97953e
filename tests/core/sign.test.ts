// Lion and sign descent: the first steps by hand, a reference written here from the papers' pseudocode, and
// their edge cases. PyTorch has neither, so the reference is ours, written without the engine's code.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getTestFunction, simulate, withNoise, type Objective, type OptimizerSpec, type Vec2 } from '../../src/core';
import { diagQuadratic, firstDifference } from './helpers';

const run = (objective: Objective, optimizer: OptimizerSpec, start: Vec2, steps: number, seed?: number) =>
  simulate({ objective, optimizer, start, steps, seed });

/** sign as the papers define it, with sign(0) = 0: written out rather than Math.sign. */
const sgn = (v: number) => (v > 0 ? 1 : v < 0 ? -1 : 0);

/**
 * Lion, Chen et al. 2023, Algorithm 2, line by line (θ for x, one coordinate at a time):
 *   g_t ← ∇f(θ_{t−1})
 *   c_t ← β₁ m_{t−1} + (1 − β₁) g_t
 *   θ_t ← θ_{t−1} − η_t (sign(c_t) + λ θ_{t−1})
 *   m_t ← β₂ m_{t−1} + (1 − β₂) g_t
 */
function lionByThePaper(grad: (p: Vec2) => Vec2, theta0: Vec2, steps: number, eta: number, beta1: number, beta2: number, lambda: number): Vec2[] {
  const theta = [theta0[0], theta0[1]];
  const m = [0, 0];
  const out: Vec2[] = [[theta[0], theta[1]]];
  for (let t = 1; t <= steps; t++) {
    const g = grad([theta[0], theta[1]]);
    for (const i of [0, 1]) {
      const c = beta1 * m[i] + (1 - beta1) * g[i];
      theta[i] = theta[i] - eta * (sgn(c) + lambda * theta[i]);
      m[i] = beta2 * m[i] + (1 - beta2) * g[i];
    }
    out.push([theta[0], theta[1]]);
  }
  return out;
}

/** signSGD (Bernstein et al. 2018), Algorithm 1 with full gradients: x_t ← x_{t−1} − η sign(g_t). */
function signByThePaper(grad: (p: Vec2) => Vec2, x0: Vec2, steps: number, eta: number): Vec2[] {
  const out: Vec2[] = [x0];
  for (let t = 1; t <= steps; t++) {
    const x = out[t - 1];
    const g = grad(x);
    out.push([x[0] - eta * sgn(g[0]), x[1] - eta * sgn(g[1])]);
  }
  return out;
}

// f = ½ (x² + 2y²), so g = (x, 2y). Every number below is a dyadic fraction, exact in binary floating point.
describe('the first steps, by hand, on ½(x² + 2y²) from (4, 2)', () => {
  const f = diagQuadratic(1, 2);
  const start: Vec2 = [4, 2];

  it('Lion, η = 1, β₁ = 1/2, β₂ = 3/4, λ = 0: the step follows the sign of c_t, not of g_t', () => {
    // t = 1: g = (4, 4), c = ½g = (2, 2), x₁ = (3, 1), m₁ = ¼g = (1, 1)
    // t = 2: g = (3, 2), c = ½(1, 1) + ½(3, 2) = (2, 1.5), x₂ = (2, 0), m₂ = ¾(1, 1) + ¼(3, 2) = (1.5, 1.25)
    // t = 3: g = (2, 0), c = ½(1.5, 1.25) + ½(2, 0) = (1.75, 0.625): y moves although g_y = 0; x₃ = (1, −1),
    //        m₃ = ¾(1.5, 1.25) + ¼(2, 0) = (1.625, 0.9375)
    // t = 4: g = (1, −2), c = ½(1.625, 0.9375) + ½(1, −2) = (1.3125, −0.53125), x₄ = (0, 0)
    const r = run(f, { kind: 'lion', lr: 1, beta1: 0.5, beta2: 0.75 }, start, 4);
    expect(r.points).toEqual([[4, 2], [3, 1], [2, 0], [1, -1], [0, 0]]);
    expect(r.gradients).toEqual([[4, 4], [3, 2], [2, 0], [1, -2]]);
    expect(r.velocities).toBeNull();
  });

  it('Lion, η = 1/4, β₁ = 1/2, β₂ = 3/4, λ = 1/2: the decay η λ x_{t−1} beside the sign step', () => {
    // t = 1: c = (2, 2); x₁ = (4, 2) − ¼((1, 1) + ½(4, 2)) = (4, 2) − ¼(3, 2) = (3.25, 1.5); m₁ = (1, 1)
    // t = 2: g = (3.25, 3), c = (2.125, 2); x₂ = (3.25, 1.5) − ¼(2.625, 1.75) = (2.59375, 1.0625); m₂ = (1.5625, 1.5)
    // t = 3: g = (2.59375, 2.125), c = (2.078125, 1.8125); x₃ = (2.59375, 1.0625) − ¼(2.296875, 1.53125)
    const r = run(f, { kind: 'lion', lr: 0.25, beta1: 0.5, beta2: 0.75, lambda: 0.5 }, start, 3);
    expect(r.points).toEqual([[4, 2], [3.25, 1.5], [2.59375, 1.0625], [2.01953125, 0.6796875]]);
  });

  it('sign descent, η = 3: each coordinate moves by exactly η, so a constant η ends in a 2-cycle', () => {
    // (4, 2): g = (4, 4) → (1, −1): g = (1, −2) → (−2, 2): g = (−2, 4) → (1, −1)
    expect(run(f, { kind: 'sign', lr: 3 }, start, 3).points).toEqual([[4, 2], [1, -1], [-2, 2], [1, -1]]);
  });

  it('sign descent: a coordinate whose gradient is 0 stays where it is (sign 0 = 0)', () => {
    expect(run(f, { kind: 'sign', lr: 0.25 }, [4, 0], 3).points).toEqual([[4, 0], [3.75, 0], [3.5, 0], [3.25, 0]]);
  });
});

describe('the papers’ pseudocode, written out here', () => {
  const cases: { id: string; start?: Vec2; lr: number; beta1: number; beta2: number; lambda: number; steps: number }[] = [
    { id: 'rosenbrock', lr: 0.01, beta1: 0.9, beta2: 0.99, lambda: 0, steps: 1500 },
    { id: 'rosenbrock', lr: 0.003, beta1: 0.95, beta2: 0.98, lambda: 0.3, steps: 1500 },
    { id: 'quadratic', lr: 0.05, beta1: 0.5, beta2: 0.999, lambda: 1, steps: 800 },
    { id: 'beale', lr: 0.02, beta1: 0, beta2: 0.9, lambda: 0.01, steps: 800 },
    { id: 'himmelblau', start: [0.3, -4.1], lr: 0.1, beta1: 0.9, beta2: 0.99, lambda: 0.1, steps: 500 },
  ];

  it.each(cases)('$id: Lion with η = $lr, β₁ = $beta1, β₂ = $beta2, λ = $lambda is the paper\'s Algorithm 2 bit for bit', (c) => {
    const fn = getTestFunction(c.id);
    const start = c.start ?? fn.start;
    const r = run(fn, { kind: 'lion', lr: c.lr, beta1: c.beta1, beta2: c.beta2, lambda: c.lambda }, start, c.steps);
    expect(r.diverged).toBeNull();
    expect(firstDifference(r.points, lionByThePaper(fn.grad, start, c.steps, c.lr, c.beta1, c.beta2, c.lambda))).toBeNull();
    // And it goes somewhere.
    const end = r.points[c.steps];
    expect(Math.hypot(end[0] - start[0], end[1] - start[1])).toBeGreaterThan(0.5);
  });

  it.each(cases)('$id: sign descent with η = $lr is signSGD\'s update bit for bit', (c) => {
    const fn = getTestFunction(c.id);
    const start = c.start ?? fn.start;
    const r = run(fn, { kind: 'sign', lr: c.lr }, start, c.steps);
    expect(firstDifference(r.points, signByThePaper(fn.grad, start, c.steps, c.lr))).toBeNull();
  });
});

describe('edge cases', () => {
  const fn = getTestFunction('quadratic', { kappa: 50, theta: 30 });
  const noisy = withNoise(fn, { n: 16, scale: 0.5, seed: 7 });
  const unit = fc.double({ min: 0, max: 1, noNaN: true });

  it('Lion with β₁ = β₂ = 0 is sign descent\'s step with a decay, x_t = x_{t−1} − η (sign g_t + λ x_{t−1}); with λ = 0, sign descent bit for bit', () => {
    fc.assert(
      fc.property(unit, unit, fc.integer({ min: 1, max: 16 }), fc.integer({ min: 0, max: 1000 }), (u, l, batchSize, seed) => {
        const lr = 1e-3 * 1e3 ** u, lambda = 2 * l;
        const lion = run(noisy, { kind: 'lion', lr, beta1: 0, beta2: 0, lambda, batchSize }, fn.start, 100, seed);
        // Each step by hand from the gradient the run itself recorded.
        lion.points.slice(1).forEach((x, k) => {
          const [prev, g] = [lion.points[k], lion.gradients[k]];
          expect(x).toEqual([prev[0] - lr * (sgn(g[0]) + lambda * prev[0]), prev[1] - lr * (sgn(g[1]) + lambda * prev[1])]);
        });
        const plain = run(noisy, { kind: 'lion', lr, beta1: 0, beta2: 0, lambda: 0, batchSize }, fn.start, 100, seed);
        const sign = run(noisy, { kind: 'sign', lr, batchSize }, fn.start, 100, seed);
        expect(firstDifference(plain.points, sign.points)).toBeNull();
      }),
      { seed: 21, numRuns: 100 },
    );
  });

  it('Lion and sign descent are blind to the gradient\'s scale: f and 1024·f give the same path bit for bit', () => {
    const scaled: Objective = { f: (p) => 1024 * fn.f(p), grad: (p) => { const g = fn.grad(p); return [1024 * g[0], 1024 * g[1]]; } };
    fc.assert(
      fc.property(unit, unit, unit, unit, (u, b1, b2, l) => {
        const lion = { kind: 'lion', lr: 1e-3 * 1e3 ** u, beta1: 0.999 * b1, beta2: 0.9999 * b2, lambda: l } as const;
        expect(firstDifference(run(scaled, lion, fn.start, 200).points, run(fn, lion, fn.start, 200).points)).toBeNull();
        const sign = { kind: 'sign', lr: lion.lr } as const;
        expect(firstDifference(run(scaled, sign, fn.start, 200).points, run(fn, sign, fn.start, 200).points)).toBeNull();
      }),
      { seed: 22, numRuns: 100 },
    );
    // GD is not: the same η on 1024·f is 1024 times the step.
    expect(firstDifference(run(scaled, { kind: 'gd', lr: 1e-3 }, fn.start, 5).points, run(fn, { kind: 'gd', lr: 1e-3 }, fn.start, 5).points)).not.toBeNull();
  });

  it('sign descent moves each coordinate by η or not at all, and on a quadratic gets down without diverging', () => {
    const r = run(fn, { kind: 'sign', lr: 0.01 }, fn.start, 2000);
    expect(r.diverged).toBeNull();
    r.points.slice(1).forEach((x, k) => {
      for (const i of [0, 1]) expect([0, 0.01]).toContainEqual(Number(Math.abs(x[i] - r.points[k][i]).toPrecision(12)));
    });
    expect(r.losses[2000]).toBeLessThan(r.losses[0] / 100);
  });

  it('run on mini-batches, seeded, and on all N samples are the full-gradient run bit for bit', () => {
    for (const spec of [{ kind: 'lion', lr: 0.02 }, { kind: 'sign', lr: 0.02 }] as OptimizerSpec[]) {
      const full = run(fn, spec, fn.start, 200).points;
      expect(firstDifference(run(noisy, { ...spec, batchSize: 16 }, fn.start, 200, 4).points, full), spec.kind).toBeNull();
      const a = run(noisy, { ...spec, batchSize: 2 }, fn.start, 200, 4).points;
      expect(firstDifference(a, full), spec.kind).not.toBeNull();
      expect(firstDifference(run(noisy, { ...spec, batchSize: 2 }, fn.start, 200, 4).points, a)).toBeNull();
    }
  });

  it('refuses settings out of range, naming the setting', () => {
    const bad: OptimizerSpec[] = [
      { kind: 'lion', lr: 0.1, beta1: 1 }, { kind: 'lion', lr: 0.1, beta2: -0.5 }, { kind: 'lion', lr: 0.1, lambda: -1 },
      { kind: 'lion', lr: 0.1, lambda: NaN }, { kind: 'lion', lr: 0.1, beta2: 0.99999 },
    ];
    for (const spec of bad) expect(() => run(fn, spec, fn.start, 3), JSON.stringify(spec)).toThrow(/[βλ].* of lion must be in/);
    expect(() => run(fn, { kind: 'sign', lr: 0 }, fn.start, 3)).toThrow(/η must be a positive number/);
  });
});
