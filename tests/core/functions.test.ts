import { describe, expect, it } from 'vitest';
import { getTestFunction, simulate, testFunctions, theory, type Vec2 } from '../../src/core';
import { allInstances, centralDiff, fdHessian, norm, randomPointsIn } from './helpers';

const instances = allInstances();

describe('test functions: the catalogue', () => {
  it('has unique ids and every one builds through getTestFunction', () => {
    const ids = testFunctions.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['quadratic', 'rosenbrock', 'beale', 'himmelblau', 'leastsquares']));
    for (const id of ids) expect(getTestFunction(id).id).toBe(id);
  });

  it('rejects an unknown id with a RangeError', () => {
    expect(() => getTestFunction('nope')).toThrow(RangeError);
  });

  it('clamps parameters to their ranges and fills the missing or non-finite ones with defaults', () => {
    const h = (k: number, t: number) => getTestFunction('quadratic', { kappa: k, theta: t }).quadratic!.hessian;
    expect(getTestFunction('quadratic', { kappa: 5000, theta: 200 }).quadratic).toEqual(
      getTestFunction('quadratic', { kappa: 1000, theta: 90 }).quadratic,
    );
    expect(h(0.01, -500)).toEqual(h(1, -90));
    const def = testFunctions.find((d) => d.id === 'quadratic')!;
    expect(getTestFunction('quadratic', { kappa: NaN }).quadratic).toEqual(
      getTestFunction('quadratic', { kappa: def.params.kappa.default, theta: def.params.theta.default }).quadratic,
    );
    expect(getTestFunction('quadratic').quadratic).toEqual(
      getTestFunction('quadratic', { kappa: def.params.kappa.default, theta: def.params.theta.default }).quadratic,
    );
  });

  it('declares parameter ranges with min ≤ default ≤ max', () => {
    for (const def of testFunctions) {
      for (const p of Object.values(def.params)) {
        expect(p.min).toBeLessThanOrEqual(p.default);
        expect(p.default).toBeLessThanOrEqual(p.max);
      }
    }
  });
});

describe.each(instances)('$name', ({ fn }) => {
  const spanX = fn.view.x[1] - fn.view.x[0];
  const spanY = fn.view.y[1] - fn.view.y[0];

  it('has a sane view, start, step range and noise scale', () => {
    expect(spanX).toBeGreaterThan(0);
    expect(spanY).toBeGreaterThan(0);
    const [x, y] = fn.start;
    expect(x).toBeGreaterThanOrEqual(fn.view.x[0]);
    expect(x).toBeLessThanOrEqual(fn.view.x[1]);
    expect(y).toBeGreaterThanOrEqual(fn.view.y[0]);
    expect(y).toBeLessThanOrEqual(fn.view.y[1]);
    expect(fn.lr.min).toBeGreaterThan(0);
    expect(fn.lr.min).toBeLessThan(fn.lr.default);
    expect(fn.lr.default).toBeLessThan(fn.lr.max);
    expect(fn.noise).toBeGreaterThanOrEqual(0);
    expect(Number.isFinite(fn.f(fn.start))).toBe(true);
  });

  // Central differences with h = 1e-6 of the box: the truncation error h²|f'''|/6 and the rounding error
  // ε|f|/h stay below 3e-9 · (1 + |g|) for every function here (measured), so 1e-6 leaves a margin of
  // ~300 while any wrong coefficient or sign in a gradient shows up as an O(1) relative error.
  it('has an analytic gradient that matches central differences at 200 random points of its view', () => {
    for (const p of randomPointsIn(fn.view, 200, 7)) {
      const g = fn.grad(p);
      const fd: Vec2 = [centralDiff(fn.f, p, 0, 1e-6 * spanX), centralDiff(fn.f, p, 1, 1e-6 * spanY)];
      const tol = 1e-6 * (1 + norm(g));
      expect(Math.abs(g[0] - fd[0]), `∂x at ${p}`).toBeLessThanOrEqual(tol);
      expect(Math.abs(g[1] - fd[1]), `∂y at ${p}`).toBeLessThanOrEqual(tol);
    }
  });

  it('lists minima that are stationary, have the value fMin, and are not undercut anywhere in the view', () => {
    expect(fn.minima.length).toBeGreaterThan(0);
    for (const m of fn.minima) {
      expect(m[0]).toBeGreaterThanOrEqual(fn.view.x[0]);
      expect(m[0]).toBeLessThanOrEqual(fn.view.x[1]);
      expect(m[1]).toBeGreaterThanOrEqual(fn.view.y[0]);
      expect(m[1]).toBeLessThanOrEqual(fn.view.y[1]);
      expect(Math.abs(fn.f(m) - fn.fMin)).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(fn.fMin)));
      // Near-zero gradient, measured as the Newton step it implies: the listed point is within
      // 1e-8 of the box from the true stationary point (camel's textbook minima are ~6e-10 off).
      const H = fdHessian(fn.grad, m, 1e-5 * Math.min(spanX, spanY));
      const g = fn.grad(m);
      const det = H[0][0] * H[1][1] - H[0][1] * H[1][0];
      const step: Vec2 = [(H[1][1] * g[0] - H[0][1] * g[1]) / det, (-H[1][0] * g[0] + H[0][0] * g[1]) / det];
      expect(norm(step), `Newton step at ${m}`).toBeLessThan(1e-8 * Math.max(spanX, spanY));
      // A minimum: the Hessian is positive (semi-)definite.
      expect(H[0][0]).toBeGreaterThan(0);
      expect(det).toBeGreaterThan(-1e-9 * H[0][0] ** 2);
    }
    for (const p of randomPointsIn(fn.view, 2000, 11)) {
      expect(fn.f(p)).toBeGreaterThanOrEqual(fn.fMin - 1e-12 * (1 + Math.abs(fn.fMin)));
    }
  });

  it('lists saddles that are stationary with an indefinite Hessian', () => {
    for (const s of fn.saddles) {
      expect(norm(fn.grad(s))).toBeLessThan(1e-12);
      const H = fdHessian(fn.grad, s, 1e-5);
      expect(H[0][0] * H[1][1] - H[0][1] * H[1][0]).toBeLessThan(0);
    }
  });

  it('converges under plain GD at its default step from its start (to a stationary point)', () => {
    const run = simulate({ objective: fn, optimizer: { kind: 'gd', lr: fn.lr.default }, start: fn.start, steps: 10_000 });
    expect(run.diverged).toBeNull();
    const last = run.points[run.points.length - 1];
    expect(run.losses[run.losses.length - 1]).toBeLessThan(run.losses[0]);
    expect(norm(fn.grad(last))).toBeLessThan(1e-2 * Math.max(1, norm(fn.grad(fn.start))));
  });
});

describe.each(instances.filter((i) => i.fn.quadratic))('$name', ({ fn }) => {
  it('is the quadratic it declares: Hessian, centre and value', () => {
    const { hessian: H, center: c } = fn.quadratic!;
    expect(H[0][1]).toBe(H[1][0]);
    expect(norm(fn.grad(c))).toBeLessThan(1e-12 * (1 + Math.abs(H[0][0]) + Math.abs(H[1][1])) * (1 + norm(c)));
    for (const p of randomPointsIn(fn.view, 200, 3)) {
      // The gradient is affine, so central differences of it are exact up to rounding, whatever h.
      const fdH = fdHessian(fn.grad, p, 1e-3);
      for (const i of [0, 1]) {
        for (const j of [0, 1]) {
          expect(Math.abs(fdH[i][j] - H[i][j]), `H[${i}][${j}] at ${p}`).toBeLessThan(1e-9 * (1 + Math.abs(H[i][j])));
        }
      }
      const d = [p[0] - c[0], p[1] - c[1]];
      const q = 0.5 * (H[0][0] * d[0] * d[0] + 2 * H[0][1] * d[0] * d[1] + H[1][1] * d[1] * d[1]) + fn.fMin;
      expect(Math.abs(fn.f(p) - q)).toBeLessThan(1e-10 * (1 + Math.abs(q)));
    }
  });
});

describe('quadratic (the lecture ravine)', () => {
  it.each([
    [1, 0], [20, 0], [20, 30], [137.5, -60], [1000, 90], [1000, -45],
  ])('κ=%s θ=%s: L = 1, μ = 1/κ, the floor runs along θ, the start is the θ = 0 start turned by θ', (kappa, theta) => {
    const fn = getTestFunction('quadratic', { kappa, theta });
    const s = theory.spectrum(fn.quadratic!.hessian);
    expect(s.L).toBeCloseTo(1, 14);
    expect(s.mu).toBeCloseTo(1 / kappa, 14);
    expect(s.kappa / kappa).toBeCloseTo(1, 10);
    const u: Vec2 = [Math.cos((theta * Math.PI) / 180), Math.sin((theta * Math.PI) / 180)];
    const g = fn.grad(u);
    expect(g[0]).toBeCloseTo(u[0] / kappa, 14);
    expect(g[1]).toBeCloseTo(u[1] / kappa, 14);
    // The start sits on the same ray from the minimum as the untilted one, turned by θ.
    const s0 = getTestFunction('quadratic', { kappa, theta: 0 }).start;
    const ang = (p: Vec2) => Math.atan2(p[1], p[0]);
    const turned = ang(fn.start) - ang(s0);
    expect(Math.cos(turned - (theta * Math.PI) / 180)).toBeCloseTo(1, 12);
  });

  it('starts far along the floor and a little up the wall when untilted', () => {
    const fn = getTestFunction('quadratic', { kappa: 20, theta: 0 });
    expect(fn.start).toEqual([-2.5, 1.2]);
  });
});
