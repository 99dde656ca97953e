// Property tests: random ravines, starts, step sizes and inertia, each property over 200 seeded cases.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getTestFunction, simulate, testFunctions, theory, withNoise, type OptimizerKind, type Vec2 } from '../../src/core';
import { firstDifference } from './helpers';

const SETTINGS = { seed: 42, numRuns: 200 } as const;

const unit = fc.double({ min: 0, max: 1, noNaN: true });
const quadArb = fc.record({
  // κ log-uniform on [1, 1000], as the slider moves it.
  kappa: unit.map((u) => 1000 ** u),
  theta: fc.double({ min: -90, max: 90, noNaN: true }),
  su: unit,
  sv: unit,
});
const kindArb = fc.constantFrom<OptimizerKind>('gd', 'sgd', 'minibatch', 'momentum', 'nesterov');

function quadratic({ kappa, theta, su, sv }: { kappa: number; theta: number; su: number; sv: number }) {
  const fn = getTestFunction('quadratic', { kappa, theta });
  const start: Vec2 = [
    fn.view.x[0] + (fn.view.x[1] - fn.view.x[0]) * su,
    fn.view.y[0] + (fn.view.y[1] - fn.view.y[0]) * sv,
  ];
  return { fn, start };
}

describe('properties of the quadratic', () => {
  it('its start lies in the view, on the θ = 0 start’s ray turned by θ, for every κ and θ', () => {
    fc.assert(
      fc.property(quadArb, ({ kappa, theta }) => {
        const fn = getTestFunction('quadratic', { kappa, theta });
        const [x, y] = fn.start;
        expect(x >= fn.view.x[0] && x <= fn.view.x[1] && y >= fn.view.y[0] && y <= fn.view.y[1]).toBe(true);
        const t = (theta * Math.PI) / 180;
        // Turning the start back by θ gives a positive multiple of (−2.5, 1.2).
        const u = Math.cos(t) * x + Math.sin(t) * y, v = -Math.sin(t) * x + Math.cos(t) * y;
        expect(u).toBeLessThan(0);
        expect(Math.abs(u * 1.2 + v * 2.5)).toBeLessThan(1e-12);
        expect(Math.hypot(u, v)).toBeGreaterThan(1.5);
      }),
      SETTINGS,
    );
  });
});

describe('properties of simulate on the quadratic', () => {
  it('determinism: the same spec and seed give the same run, for every kind, on a noisy objective', () => {
    fc.assert(
      fc.property(quadArb, kindArb, fc.double({ min: 1e-3, max: 3, noNaN: true }), fc.double({ min: 0, max: 0.99, noNaN: true }),
        fc.integer({ min: 1, max: 16 }), fc.integer({ min: 0, max: 2 ** 31 }), (q, kind, lr, alpha, batchSize, seed) => {
          const { fn, start } = quadratic(q);
          const noisy = withNoise(fn, { n: 16, scale: fn.noise, seed: seed ^ 0x5bd1 });
          const spec = { objective: noisy, optimizer: { kind, lr, alpha, batchSize }, start, steps: 300, seed };
          expect(simulate(spec)).toEqual(simulate(spec));
        }),
      SETTINGS,
    );
  });

  it('α = 0 makes Momentum and Nesterov GD, bit for bit, stable or not', () => {
    fc.assert(
      fc.property(quadArb, fc.double({ min: 1e-3, max: 2.6, noNaN: true }), (q, lr) => {
        const { fn, start } = quadratic(q);
        const gd = simulate({ objective: fn, optimizer: { kind: 'gd', lr }, start, steps: 400 });
        for (const kind of ['momentum', 'nesterov'] as const) {
          const r = simulate({ objective: fn, optimizer: { kind, lr, alpha: 0 }, start, steps: 400 });
          expect(firstDifference(r.points, gd.points)).toBeNull();
          expect(r.diverged).toEqual(gd.diverged);
        }
      }),
      SETTINGS,
    );
  });

  it('below maxStableLr a run never diverges and the distance to the minimum eventually shrinks', () => {
    let checked = 0;
    fc.assert(
      fc.property(
        quadArb,
        fc.constantFrom('gd', 'momentum', 'nesterov' as const),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        (q, kind, frac, a) => {
          const { fn, start } = quadratic(q);
          const alpha = kind === 'gd' ? 0 : a;
          const { eigenvalues, L } = theory.spectrum(fn.quadratic!.hessian);
          const lr = frac * theory.maxStableLr(kind, L, alpha);
          const rho = theory.rate(kind, lr, alpha, eigenvalues);
          expect(rho).toBeLessThan(1);
          fc.pre(rho <= 0.998); // so that "eventually" fits in a run: ρ^T = 1e-3 within T ≤ 3 450 steps
          const steps = Math.ceil(Math.log(1e-3) / Math.log(rho));
          const r = simulate({ objective: fn, optimizer: { kind, lr, alpha }, start, steps });
          expect(r.diverged).toBeNull();
          const d = (p: Vec2) => Math.hypot(p[0], p[1]);
          // Transient growth of a stable 2×2 iteration stays below ~10 here, so ρ^T = 1e-3 leaves < 1e-2.
          expect(d(r.points[steps])).toBeLessThan(0.1 * d(start));
          checked++;
        },
      ),
      SETTINGS,
    );
    expect(checked).toBe(SETTINGS.numRuns); // fc.pre skips do not count as runs: none of them were vacuous
  });

  it('above maxStableLr (by 5% or more) a full-gradient run is reported diverged, with finite losses up to there', () => {
    fc.assert(
      fc.property(
        quadArb,
        fc.constantFrom('gd', 'momentum', 'nesterov' as const),
        fc.double({ min: 1.05, max: 1.5, noNaN: true }),
        fc.double({ min: 0, max: 0.95, noNaN: true }),
        (q, kind, frac, a) => {
          const { fn, start } = quadratic(q);
          const alpha = kind === 'gd' ? 0 : a;
          const lr = frac * theory.maxStableLr(kind, theory.spectrum(fn.quadratic!.hessian).L, alpha);
          const r = simulate({ objective: fn, optimizer: { kind, lr, alpha }, start, steps: 5000 });
          expect(r.diverged).not.toBeNull();
          expect(r.points).toHaveLength(r.diverged!.step);
          expect(r.losses.every(Number.isFinite)).toBe(true);
        },
      ),
      SETTINGS,
    );
  });

  it('every run: losses finite, points and losses of one length, within the bound, steps + 1 long unless diverged', () => {
    fc.assert(
      fc.property(quadArb, kindArb, fc.double({ min: 1e-3, max: 6, noNaN: true }), fc.double({ min: 0, max: 0.999, noNaN: true }),
        fc.integer({ min: 0, max: 600 }), fc.integer(), (q, kind, lr, alpha, steps, seed) => {
          const { fn, start } = quadratic(q);
          const noisy = withNoise(fn, { n: 8, scale: fn.noise, seed: 1 });
          const r = simulate({ objective: noisy, optimizer: { kind, lr, alpha, batchSize: 3 }, start, steps, seed });
          expect(r.points.length).toBe(r.losses.length);
          expect(r.losses.every(Number.isFinite)).toBe(true);
          expect(r.points.every((p) => Math.abs(p[0]) <= 300 && Math.abs(p[1]) <= 300)).toBe(true);
          if (r.velocities) expect(r.velocities.length).toBe(r.points.length);
          if (r.diverged) {
            expect(r.points.length).toBe(r.diverged.step);
            expect(r.diverged.step).toBeGreaterThan(0);
            expect(r.diverged.step).toBeLessThanOrEqual(steps);
          } else {
            expect(r.points.length).toBe(steps + 1);
          }
        }),
      SETTINGS,
    );
  });
});

describe('properties of finite sums', () => {
  const fnIds = testFunctions.map((d) => d.id);
  it('a batch of all N is GD bit for bit, for random noise parameters and every test function', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...fnIds),
        fc.integer({ min: 1, max: 64 }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer(),
        fc.double({ min: 0.1, max: 1, noNaN: true }),
        (id, n, scale, noiseSeed, runSeed, frac) => {
          const fn = getTestFunction(id);
          const noisy = withNoise(fn, { n, scale, seed: noiseSeed });
          const lr = frac * fn.lr.default;
          const gd = simulate({ objective: fn, optimizer: { kind: 'gd', lr }, start: fn.start, steps: 200 });
          const mb = simulate({ objective: noisy, optimizer: { kind: 'minibatch', lr, batchSize: n }, start: fn.start, steps: 200, seed: runSeed });
          expect(firstDifference(mb.points, gd.points)).toBeNull();
          expect(mb.losses).toEqual(gd.losses);
          const nm = simulate({ objective: noisy, optimizer: { kind: 'nesterov', lr, alpha: 0.5, batchSize: n }, start: fn.start, steps: 200, seed: runSeed });
          const nf = simulate({ objective: fn, optimizer: { kind: 'nesterov', lr, alpha: 0.5 }, start: fn.start, steps: 200 });
          expect(firstDifference(nm.points, nf.points)).toBeNull();
        },
      ),
      SETTINGS,
    );
  });

  it('the mean of all sample gradients is the gradient, at random points, N and scales', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...fnIds), fc.integer({ min: 1, max: 50 }), fc.double({ min: 0, max: 10, noNaN: true }),
        fc.integer(), unit, unit,
        (id, n, scale, seed, u, v) => {
          const fn = getTestFunction(id);
          const fs = withNoise(fn, { n, scale, seed });
          const p: Vec2 = [fn.view.x[0] + (fn.view.x[1] - fn.view.x[0]) * u, fn.view.y[0] + (fn.view.y[1] - fn.view.y[0]) * v];
          const g = fn.grad(p);
          let sx = 0, sy = 0;
          for (let i = 0; i < n; i++) {
            const gi = fs.batchGrad(p, [i], 0, 1);
            sx += gi[0];
            sy += gi[1];
          }
          const tol = 1e-12 * (scale + Math.hypot(g[0], g[1]));
          expect(Math.abs(sx / n - g[0])).toBeLessThanOrEqual(tol);
          expect(Math.abs(sy / n - g[1])).toBeLessThanOrEqual(tol);
        },
      ),
      SETTINGS,
    );
  });
});
