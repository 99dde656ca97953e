// Adam, RMSProp, AdaGrad and AdamW: the first steps by hand, PyTorch's own trajectories, and their edge cases.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getTestFunction, simulate, withNoise, type Objective, type OptimizerSpec, type Vec2 } from '../../src/core';
import reference from './reference/torch.json';
import { diagQuadratic, firstDifference, torchObjectives, worstRelative } from './helpers';

const run = (objective: Objective, optimizer: OptimizerSpec, start: Vec2, steps: number, seed?: number) =>
  simulate({ objective, optimizer, start, steps, seed });

// f = ½ (x² + 2y²), so g = (x, 2y); from (4, 2) with η = 1/4. Each expected value spells out its step.
describe('the first three steps, by hand, on ½(x² + 2y²) from (4, 2) with η = 1/4', () => {
  const f = diagQuadratic(1, 2);
  const start: Vec2 = [4, 2];
  const expectPoints = (got: Vec2[], want: Vec2[]) => {
    expect(got).toHaveLength(want.length);
    got.forEach((p, t) => {
      expect(p[0], `x_${t}`).toBeCloseTo(want[t][0], 14);
      expect(p[1], `y_${t}`).toBeCloseTo(want[t][1], 14);
    });
  };

  it('Adam, β₁ = 1/2, β₂ = 3/4, ε = 1e-8: bias-corrected moments, ε outside the root', () => {
    const e = 1e-8;
    // t = 1: g = (4, 4); m = ½·g = (2, 2); v = ¼·g² = (4, 4); m̂ = m/(1 − ½) = (4, 4); √v̂ = √(v/(1 − ¾)) = (4, 4).
    const x1: Vec2 = [4 - (0.25 * 4) / (4 + e), 2 - (0.25 * 4) / (4 + e)];
    // t = 2: g = (x₁, 2y₁); m = ½m + ½g; v = ¾v + ¼g²; corrections 1 − ¼ and 1 − 9/16.
    const g2: Vec2 = [x1[0], 2 * x1[1]];
    const m2: Vec2 = [1 + g2[0] / 2, 1 + g2[1] / 2];
    const v2: Vec2 = [3 + (g2[0] * g2[0]) / 4, 3 + (g2[1] * g2[1]) / 4];
    const step2 = (i: 0 | 1) => (0.25 * (m2[i] / 0.75)) / (Math.sqrt(v2[i] / (7 / 16)) + e);
    const x2: Vec2 = [x1[0] - step2(0), x1[1] - step2(1)];
    // t = 3: corrections 1 − 1/8 and 1 − 27/64.
    const g3: Vec2 = [x2[0], 2 * x2[1]];
    const m3: Vec2 = [m2[0] / 2 + g3[0] / 2, m2[1] / 2 + g3[1] / 2];
    const v3: Vec2 = [(3 * v2[0]) / 4 + (g3[0] * g3[0]) / 4, (3 * v2[1]) / 4 + (g3[1] * g3[1]) / 4];
    const step3 = (i: 0 | 1) => (0.25 * (m3[i] / 0.875)) / (Math.sqrt(v3[i] / (37 / 64)) + e);
    const x3: Vec2 = [x2[0] - step3(0), x2[1] - step3(1)];
    const r = run(f, { kind: 'adam', lr: 0.25, beta1: 0.5, beta2: 0.75, eps: e }, start, 3);
    expectPoints(r.points, [start, x1, x2, x3]);
    // The first step is η per coordinate, whatever the gradient's size: Adam's scale-freeness.
    expect(x1[0]).toBeCloseTo(3.75, 8);
    expect(r.velocities).toBeNull();
  });

  it('RMSProp, ρ = 3/4, ε = 1e-8: v_t = ρ v + (1 − ρ) g², no bias correction', () => {
    const e = 1e-8;
    // t = 1: v = ¼·(16, 16) = (4, 4), √v = 2: the step is η g / 2 = (0.5, 0.5).
    const x1: Vec2 = [4 - (0.25 * 4) / (2 + e), 2 - (0.25 * 4) / (2 + e)];
    const g2: Vec2 = [x1[0], 2 * x1[1]];
    const v2: Vec2 = [3 + (g2[0] * g2[0]) / 4, 3 + (g2[1] * g2[1]) / 4];
    const x2: Vec2 = [x1[0] - (0.25 * g2[0]) / (Math.sqrt(v2[0]) + e), x1[1] - (0.25 * g2[1]) / (Math.sqrt(v2[1]) + e)];
    const g3: Vec2 = [x2[0], 2 * x2[1]];
    const v3: Vec2 = [(3 * v2[0]) / 4 + (g3[0] * g3[0]) / 4, (3 * v2[1]) / 4 + (g3[1] * g3[1]) / 4];
    const x3: Vec2 = [x2[0] - (0.25 * g3[0]) / (Math.sqrt(v3[0]) + e), x2[1] - (0.25 * g3[1]) / (Math.sqrt(v3[1]) + e)];
    const r = run(f, { kind: 'rmsprop', lr: 0.25, rho: 0.75, eps: e }, start, 3);
    expectPoints(r.points, [start, x1, x2, x3]);
    expect(x1[0]).toBeCloseTo(3.5, 8);
  });

  it('AdamW, β₁ = 1/2, β₂ = 3/4, λ = 1/2: x_{t−1} shrinks by 1 − ηλ = 7/8, then Adam\'s step with the gradient at x_{t−1}', () => {
    const e = 1e-8;
    // t = 1: g = (4, 4) at (4, 2); (4, 2)·7/8 = (3.5, 1.75); Adam's first step is η per coordinate, as above.
    const x1: Vec2 = [3.5 - (0.25 * 4) / (4 + e), 1.75 - (0.25 * 4) / (4 + e)];
    // t = 2: the gradient at x₁ itself, not at the shrunk point; Adam's moments as above.
    const g2: Vec2 = [x1[0], 2 * x1[1]];
    const m2: Vec2 = [1 + g2[0] / 2, 1 + g2[1] / 2];
    const v2: Vec2 = [3 + (g2[0] * g2[0]) / 4, 3 + (g2[1] * g2[1]) / 4];
    const step2 = (i: 0 | 1) => (0.25 * (m2[i] / 0.75)) / (Math.sqrt(v2[i] / (7 / 16)) + e);
    const x2: Vec2 = [(7 / 8) * x1[0] - step2(0), (7 / 8) * x1[1] - step2(1)];
    const g3: Vec2 = [x2[0], 2 * x2[1]];
    const m3: Vec2 = [m2[0] / 2 + g3[0] / 2, m2[1] / 2 + g3[1] / 2];
    const v3: Vec2 = [(3 * v2[0]) / 4 + (g3[0] * g3[0]) / 4, (3 * v2[1]) / 4 + (g3[1] * g3[1]) / 4];
    const step3 = (i: 0 | 1) => (0.25 * (m3[i] / 0.875)) / (Math.sqrt(v3[i] / (37 / 64)) + e);
    const x3: Vec2 = [(7 / 8) * x2[0] - step3(0), (7 / 8) * x2[1] - step3(1)];
    const r = run(f, { kind: 'adamw', lr: 0.25, beta1: 0.5, beta2: 0.75, eps: e, lambda: 0.5 }, start, 3);
    expectPoints(r.points, [start, x1, x2, x3]);
    expect(x1[0]).toBeCloseTo(3.25, 8);
    // The step's record: the gradient it used, taken at x_{t−1}.
    expect(r.gradients).toEqual([[4, 4], g2, g3]);
    expect(r.gradientPoints).toEqual([start, x1, x2]);
  });

  it('AdaGrad, ε = 1e-10: G_t sums the squares, the step shrinks as it grows', () => {
    const e = 1e-10;
    // t = 1: G = (16, 16), √G = 4: the step is η = 1/4 per coordinate.
    const x1: Vec2 = [4 - (0.25 * 4) / (4 + e), 2 - (0.25 * 4) / (4 + e)];
    const g2: Vec2 = [x1[0], 2 * x1[1]];
    const G2: Vec2 = [16 + g2[0] * g2[0], 16 + g2[1] * g2[1]];
    const x2: Vec2 = [x1[0] - (0.25 * g2[0]) / (Math.sqrt(G2[0]) + e), x1[1] - (0.25 * g2[1]) / (Math.sqrt(G2[1]) + e)];
    const g3: Vec2 = [x2[0], 2 * x2[1]];
    const G3: Vec2 = [G2[0] + g3[0] * g3[0], G2[1] + g3[1] * g3[1]];
    const x3: Vec2 = [x2[0] - (0.25 * g3[0]) / (Math.sqrt(G3[0]) + e), x2[1] - (0.25 * g3[1]) / (Math.sqrt(G3[1]) + e)];
    const r = run(f, { kind: 'adagrad', lr: 0.25 }, start, 3);
    expectPoints(r.points, [start, x1, x2, x3]);
  });
});

describe('PyTorch’s own trajectories (torch.optim in float64, tests/core/reference/torch_reference.py)', () => {
  it.each(reference.cases.filter((c) => !('schedule' in c)).map((c) => ({ ...c, name: `${c.function} ${c.kind} η=${c.lr} ${JSON.stringify(c.settings)}` })))(
    '$name',
    (c) => {
      const spec = { kind: c.kind, lr: c.lr, ...c.settings } as OptimizerSpec;
      const r = run(torchObjectives[c.function], spec, c.start as Vec2, c.steps);
      expect(r.diverged).toBeNull();
      expect(r.points).toHaveLength(c.points.length);
      // Only the order of floating-point operations differs (torch's lerp, its fused addcdiv).
      expect(worstRelative(r.points, c.points)).toBeLessThan(1e-10);
      // And the run does go somewhere: it is not a trajectory that stays put.
      const [x, y] = r.points[r.points.length - 1];
      expect(Math.hypot(x - c.start[0], y - c.start[1])).toBeGreaterThan(0.2);
    },
  );

  it('the engine’s Rosenbrock gives the same trajectories as the one written out here', () => {
    const fn = getTestFunction('rosenbrock');
    for (const c of reference.cases.filter((x) => x.function === 'rosenbrock' && !('schedule' in x))) {
      const spec = { kind: c.kind, lr: c.lr, ...c.settings } as OptimizerSpec;
      const a = run(fn, spec, c.start as Vec2, c.steps).points;
      const b = run(torchObjectives.rosenbrock, spec, c.start as Vec2, c.steps).points;
      a.forEach((p, t) => expect(Math.hypot(p[0] - b[t][0], p[1] - b[t][1])).toBeLessThan(1e-9));
    }
  });
});

describe('edge cases', () => {
  const fn = getTestFunction('quadratic', { kappa: 50, theta: 0 });

  it('Adam with β₁ = 0 is RMSProp with the bias-corrected root: with β₂ = ρ and one step, both move η g/(|g| + ε)-ish', () => {
    const a = run(fn, { kind: 'adam', lr: 0.1, beta1: 0, beta2: 0.9 }, fn.start, 1).points[1];
    const g = fn.grad(fn.start);
    // m̂ = g, √v̂ = |g|: the first step is η g / (|g| + ε), per coordinate.
    expect(a[0]).toBeCloseTo(fn.start[0] - (0.1 * g[0]) / (Math.abs(g[0]) + 1e-8), 14);
    expect(a[1]).toBeCloseTo(fn.start[1] - (0.1 * g[1]) / (Math.abs(g[1]) + 1e-8), 14);
  });

  it('a large ε turns the adaptive rules into plain gradient steps of size η/ε', () => {
    // With ε = 1 ≫ √G ≈ 10⁻⁴ the denominator is 1 to within 10⁻⁴ · √t: AdaGrad moves as GD does.
    const start: Vec2 = [1e-4, 1e-4];
    for (const kind of ['adagrad', 'rmsprop'] as const) {
      const ada = run(fn, { kind, lr: 0.01, eps: 1 }, start, 5).points;
      const plain = run(fn, { kind: 'gd', lr: 0.01 }, start, 5).points;
      for (let t = 1; t <= 5; t++) {
        for (const i of [0, 1]) expect((ada[t][i] - start[i]) / (plain[t][i] - start[i]), `${kind} t=${t}`).toBeCloseTo(1, 3);
      }
    }
    // With the default ε the same start is no gradient step at all: the first move is η per coordinate.
    const own = run(fn, { kind: 'adagrad', lr: 0.01 }, start, 1).points[1];
    expect(Math.abs(own[0] - start[0])).toBeCloseTo(0.01, 6);
  });

  it('AdamW with λ = 0 is Adam bit for bit, on full gradients and on seeded mini-batches', () => {
    const noisy = withNoise(fn, { n: 16, scale: 0.5, seed: 7 });
    const unit = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(unit, unit, unit, unit, fc.integer({ min: 1, max: 16 }), fc.integer({ min: 0, max: 1000 }), (u, b1, b2, e, batchSize, seed) => {
        const lr = 1e-3 * 1e4 ** u;
        const settings = { beta1: 0.999 * b1, beta2: 0.9999 * b2, eps: 1e-12 * 1e12 ** e, batchSize };
        const adam = run(noisy, { kind: 'adam', lr, ...settings }, fn.start, 200, seed);
        const adamw = run(noisy, { kind: 'adamw', lr, ...settings, lambda: 0 }, fn.start, 200, seed);
        expect(firstDifference(adamw.points, adam.points)).toBeNull();
        expect(adamw.diverged).toEqual(adam.diverged);
      }),
      { seed: 20, numRuns: 100 },
    );
    // And λ > 0 does change the path.
    const a = run(fn, { kind: 'adam', lr: 0.1 }, fn.start, 50).points;
    expect(firstDifference(run(fn, { kind: 'adamw', lr: 0.1 }, fn.start, 50).points, a)).not.toBeNull();
  });

  it('AdamW\'s decay is decoupled: with no gradient at all, x_t = x₀ (1 − ηλ)ᵗ exactly and Adam\'s part is 0', () => {
    const flat: Objective = { f: () => 0, grad: () => [0, 0] };
    const r = run(flat, { kind: 'adamw', lr: 0.5, lambda: 0.5 }, [4, -2], 5);
    // 1 − ηλ = 3/4: every iterate is a dyadic fraction.
    expect(r.points).toEqual([[4, -2], [3, -1.5], [2.25, -1.125], [1.6875, -0.84375], [1.265625, -0.6328125], [0.94921875, -0.474609375]]);
  });

  it('run on mini-batches, seeded, and on all N samples are the full-gradient run bit for bit', () => {
    const noisy = withNoise(fn, { n: 32, scale: 0.5, seed: 3 });
    for (const spec of [
      { kind: 'adam', lr: 0.1 }, { kind: 'rmsprop', lr: 0.05 }, { kind: 'adagrad', lr: 0.5 }, { kind: 'adamw', lr: 0.1, lambda: 0.1 },
    ] as OptimizerSpec[]) {
      const full = run(fn, spec, fn.start, 200).points;
      expect(firstDifference(run(noisy, { ...spec, batchSize: 32 }, fn.start, 200, 4).points, full), spec.kind).toBeNull();
      const a = run(noisy, { ...spec, batchSize: 4 }, fn.start, 200, 4).points;
      expect(firstDifference(run(noisy, { ...spec, batchSize: 4 }, fn.start, 200, 4).points, a)).toBeNull();
      expect(firstDifference(a, full), spec.kind).not.toBeNull();
      expect(firstDifference(run(noisy, { ...spec, batchSize: 4 }, fn.start, 200, 5).points, a)).not.toBeNull();
    }
  });

  it('refuses settings out of range, naming the setting', () => {
    const bad: OptimizerSpec[] = [
      { kind: 'adam', lr: 0.1, beta1: 1 }, { kind: 'adam', lr: 0.1, beta2: -0.1 }, { kind: 'adam', lr: 0.1, eps: 0 },
      { kind: 'rmsprop', lr: 0.1, rho: 1.5 }, { kind: 'adagrad', lr: 0.1, eps: -1 }, { kind: 'adam', lr: 0.1, eps: NaN },
      { kind: 'adamw', lr: 0.1, lambda: -0.01 }, { kind: 'adamw', lr: 0.1, lambda: 11 }, { kind: 'adamw', lr: 0.1, beta2: 1 },
    ];
    for (const spec of bad) expect(() => run(fn, spec, fn.start, 3), JSON.stringify(spec)).toThrow(/[βρελ].* of (adam|rmsprop|adagrad|adamw) must be in/);
    // The ends of a range are allowed.
    expect(run(fn, { kind: 'adamw', lr: 0.01, lambda: 10 }, fn.start, 3).points).toHaveLength(4);
  });
});
