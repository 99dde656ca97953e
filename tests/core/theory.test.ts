import { describe, expect, it } from 'vitest';
import { getTestFunction, simulate, theory, type OptimizerSpec, type Vec2 } from '../../src/core';
import { testRng } from './helpers';

type Kind = 'gd' | 'momentum' | 'nesterov';

/**
 * The iteration matrix of a rule on one eigen-component f = ½ λ u², built by applying the update rule
 * as written in the lecture to the basis vectors of the state (u, h) — nothing taken from theory.ts.
 */
function iterationMatrix(kind: 'momentum' | 'nesterov', lr: number, alpha: number, lambda: number): number[][] {
  const step = (u: number, h: number): [number, number] => {
    const at = kind === 'momentum' ? u : u - alpha * h;
    const h1 = alpha * h + lr * lambda * at;
    return [u - h1, h1];
  };
  const c0 = step(1, 0), c1 = step(0, 1);
  return [[c0[0], c1[0]], [c0[1], c1[1]]];
}

/** The largest eigenvalue modulus of a real 2×2 matrix, by the characteristic polynomial in complex numbers. */
function spectralRadius(m: number[][]): number {
  const tr = m[0][0] + m[1][1];
  const det = m[0][0] * m[1][1] - m[0][1] * m[1][0];
  const disc = tr * tr - 4 * det;
  if (disc >= 0) {
    const s = Math.sqrt(disc);
    return Math.max(Math.abs((tr + s) / 2), Math.abs((tr - s) / 2));
  }
  return Math.hypot(tr / 2, Math.sqrt(-disc) / 2);
}

/** A cross-check of spectralRadius that shares nothing with it: ‖Mᵏ‖^{1/k} for a large k. */
function gelfand(m: number[][], k = 4096): number {
  let a = m.map((r) => r.slice());
  let logScale = 0;
  for (let i = 0; i < Math.log2(k); i++) {
    a = [
      [a[0][0] * a[0][0] + a[0][1] * a[1][0], a[0][0] * a[0][1] + a[0][1] * a[1][1]],
      [a[1][0] * a[0][0] + a[1][1] * a[1][0], a[1][0] * a[0][1] + a[1][1] * a[1][1]],
    ];
    logScale *= 2;
    const s = Math.max(...a.flat().map(Math.abs));
    if (s > 0) {
      a = a.map((r) => r.map((v) => v / s));
      logScale += Math.log(s);
    }
  }
  return Math.exp(logScale / k);
}

describe('theory.spectrum', () => {
  it.each<[string, theory.Symmetric2, [number, number]]>([
    ['diag(2, 5)', [[2, 0], [0, 5]], [2, 5]],
    ['diag(5, 2)', [[5, 0], [0, 2]], [2, 5]],
    ['[[2,1],[1,2]]', [[2, 1], [1, 2]], [1, 3]],
    ['[[10,8],[8,10]] (booth)', [[10, 8], [8, 10]], [2, 18]],
    ['[[0.52,−0.48],[−0.48,0.52]] (matyas)', [[0.52, -0.48], [-0.48, 0.52]], [0.04, 1]],
    ['[[1,2],[2,1]] (indefinite)', [[1, 2], [2, 1]], [-1, 3]],
    ['zero', [[0, 0], [0, 0]], [0, 0]],
  ])('%s', (_, m, [lo, hi]) => {
    const s = theory.spectrum(m);
    expect(s.eigenvalues[0]).toBeCloseTo(lo, 13);
    expect(s.eigenvalues[1]).toBeCloseTo(hi, 13);
    expect(s.mu).toBe(s.eigenvalues[0]);
    expect(s.L).toBe(s.eigenvalues[1]);
    if (lo > 0) expect(s.kappa).toBeCloseTo(hi / lo, 10);
    else expect(s.kappa).toBe(Infinity);
  });

  it('of 500 random symmetric matrices: trace, determinant and det(H − λI) = 0 hold', () => {
    const u = testRng(5);
    for (let k = 0; k < 500; k++) {
      const a = 20 * u() - 10, b = 20 * u() - 10, d = 20 * u() - 10;
      const { eigenvalues: [l1, l2] } = theory.spectrum([[a, b], [b, d]]);
      const scale = Math.abs(a) + Math.abs(b) + Math.abs(d);
      expect(l1).toBeLessThanOrEqual(l2);
      expect(Math.abs(l1 + l2 - (a + d))).toBeLessThan(1e-13 * scale);
      expect(Math.abs(l1 * l2 - (a * d - b * b))).toBeLessThan(1e-12 * scale * scale);
      for (const l of [l1, l2]) expect(Math.abs((a - l) * (d - l) - b * b)).toBeLessThan(1e-12 * scale * scale);
    }
  });
});

describe('theory.rate', () => {
  const u = testRng(9);
  const samples = Array.from({ length: 400 }, () => ({
    lr: 3 * u() ** 2,
    alpha: Math.min(0.999, u() * 1.05),
    lambda: 0.001 + 2 * u(),
  }));

  it('GD: max over eigenvalues of |1 − ηλ|', () => {
    expect(theory.rate('gd', 0.5, 0, [0.1, 1])).toBe(0.95);
    expect(theory.rate('gd', 1.9, 0, [0.05, 1])).toBeCloseTo(0.905, 15);
    for (const { lr, lambda } of samples) {
      expect(theory.rate('gd', lr, 0.7, [lambda])).toBeCloseTo(Math.abs(1 - lr * lambda), 15);
      expect(theory.componentRate('gd', lr, 0, lambda)).toBeCloseTo(Math.abs(1 - lr * lambda), 15);
    }
  });

  it.each(['momentum', 'nesterov'] as const)('%s: the spectral radius of the 2×2 iteration matrix', (kind) => {
    for (const { lr, alpha, lambda } of samples) {
      const m = iterationMatrix(kind, lr, alpha, lambda);
      const rho = spectralRadius(m);
      expect(Math.abs(theory.componentRate(kind, lr, alpha, lambda) - rho), `η=${lr} α=${alpha} λ=${lambda}`)
        .toBeLessThan(1e-7 * (1 + rho));
      expect(theory.rate(kind, lr, alpha, [lambda, 0.5 * lambda])).toBe(
        Math.max(theory.componentRate(kind, lr, alpha, lambda), theory.componentRate(kind, lr, alpha, 0.5 * lambda)),
      );
    }
  });

  it('the independent spectral radius itself agrees with the power method ‖Mᵏ‖^{1/k} (away from double roots)', () => {
    for (const kind of ['momentum', 'nesterov'] as const) {
      for (const { lr, alpha, lambda } of samples.slice(0, 100)) {
        const m = iterationMatrix(kind, lr, alpha, lambda);
        const tr = m[0][0] + m[1][1], det = m[0][0] * m[1][1] - m[0][1] * m[1][0];
        if (Math.abs(tr * tr - 4 * det) < 1e-2 || spectralRadius(m) < 1e-3) continue; // k^{1/k} bias near double roots
        expect(gelfand(m) / spectralRadius(m)).toBeCloseTo(1, 2);
      }
    }
  });
});

describe('theory.maxStableLr: the edge of stability', () => {
  const alphas = [0, 0.1, 0.3, 0.5, 0.8, 0.9, 0.99];
  for (const kind of ['gd', 'momentum', 'nesterov'] as Kind[]) {
    it(`${kind}: rate < 1 just below for every λ up to L, and ≥ 1 just above`, () => {
      for (const L of [1, 0.04, 26, 1000]) {
        for (const alpha of kind === 'gd' ? [0] : alphas) {
          const edge = theory.maxStableLr(kind, L, alpha);
          expect(theory.rate(kind, edge * (1 - 1e-6), alpha, [L])).toBeLessThan(1);
          expect(theory.rate(kind, edge * (1 + 1e-6), alpha, [L])).toBeGreaterThanOrEqual(1);
          // Below the edge every smaller curvature is stable too (for α < 1 and λ > 0).
          for (const f of [1e-4, 0.01, 0.3, 0.7, 0.99]) {
            expect(theory.rate(kind, edge * (1 - 1e-6), alpha, [f * L])).toBeLessThan(1);
          }
        }
      }
    });
  }
  it('has the textbook values: 2/L; 2(1+α)/L; 2(1+α)/((1+2α)L)', () => {
    expect(theory.maxStableLr('gd', 4)).toBe(0.5);
    expect(theory.maxStableLr('momentum', 1, 0.5)).toBe(3);
    expect(theory.maxStableLr('nesterov', 1, 0.5)).toBe(1.5);
    expect(theory.maxStableLr('nesterov', 1, 0)).toBe(2);
    expect(theory.maxStableLr('momentum', 1)).toBe(2);
  });
});

describe('theory.optimalGd and optimalMomentum', () => {
  it.each([[1, 0.05], [1, 0.001], [26, 0.2], [18, 2], [1, 1]])('L=%s μ=%s: the textbook rates, and better than any nearby setting', (L, mu) => {
    const ev = [mu, L];
    const g = theory.optimalGd(L, mu);
    const kappa = L / mu;
    expect(g.lr).toBeCloseTo(2 / (L + mu), 14);
    expect(g.rate).toBeCloseTo((kappa - 1) / (kappa + 1), 14);
    expect(theory.rate('gd', g.lr, 0, ev)).toBeCloseTo(g.rate, 12);
    for (const f of [0.99, 0.999, 1.001, 1.01]) {
      if (L > mu) expect(theory.rate('gd', g.lr * f, 0, ev)).toBeGreaterThan(g.rate);
    }

    const m = theory.optimalMomentum(L, mu);
    const q = (Math.sqrt(kappa) - 1) / (Math.sqrt(kappa) + 1);
    expect(m.rate).toBeCloseTo(q, 14);
    expect(m.alpha).toBeCloseTo(q * q, 14);
    expect(m.lr).toBeCloseTo(4 / (Math.sqrt(L) + Math.sqrt(mu)) ** 2, 14);
    // At the optimum both extreme components sit at critical damping: a double root of modulus q,
    // where a rounding-level change of the discriminant moves the modulus by ~√ε, hence 1e-7.
    expect(Math.abs(theory.rate('momentum', m.lr, m.alpha, ev) - q)).toBeLessThan(1e-7);
    if (L > mu) {
      expect(m.rate).toBeLessThan(g.rate);
      for (const [fl, fa] of [[0.99, 1], [1.01, 1], [1, 0.99], [1, 1.01], [0.99, 0.99], [1.01, 1.01], [0.99, 1.01], [1.01, 0.99]]) {
        expect(theory.rate('momentum', m.lr * fl, m.alpha * fa, ev), `η×${fl} α×${fa}`).toBeGreaterThan(m.rate + 1e-6);
      }
    }
  });
});

// ---- Measured against predicted. The asymptotic rate of a run is read off the distance to the
// minimum d_t = ‖x_t − c‖ as (max of d over a late window / max over an early window)^(1/gap).
// Windows longer than any oscillation period absorb the rotation of complex eigenvalues; the error of
// the estimate is at most (window/gap)·|log ρ| plus the decay of the subdominant component.
function measuredRate(points: Vec2[], c: Vec2, from: number, to: number, window: number): number {
  const d = (t: number) => Math.hypot(points[t][0] - c[0], points[t][1] - c[1]);
  const max = (a: number) => {
    let m = 0;
    for (let t = a; t < a + window; t++) m = Math.max(m, d(t));
    return m;
  };
  return (max(to) / max(from)) ** (1 / (to - from));
}

describe('measured rates agree with theory.rate within 1%', () => {
  // Rates between 0.87 and 0.99, none at critical damping (where a double root adds a factor t).
  // Booth starts off the main diagonal: its own start differs from the centre by a multiple of (1, 1),
  // an eigenvector, so the slow component would start at zero there.
  const cases: { id: string; params?: Record<string, number>; opt: OptimizerSpec; start?: Vec2; from: number; to: number; window: number }[] = [
    { id: 'quadratic', params: { kappa: 50, theta: 30 }, opt: { kind: 'gd', lr: 1 }, from: 100, to: 1500, window: 20 },
    { id: 'quadratic', params: { kappa: 20, theta: -50 }, opt: { kind: 'gd', lr: 1.95 }, from: 100, to: 1500, window: 20 },
    { id: 'quadratic', params: { kappa: 200, theta: 10 }, opt: { kind: 'momentum', lr: 0.5, alpha: 0.9 }, from: 300, to: 1500, window: 150 },
    { id: 'quadratic', params: { kappa: 100, theta: 60 }, opt: { kind: 'momentum', lr: 1, alpha: 0.5 }, from: 100, to: 1500, window: 40 },
    { id: 'quadratic', params: { kappa: 100, theta: 0 }, opt: { kind: 'nesterov', lr: 0.8, alpha: 0.85 }, from: 100, to: 1500, window: 100 },
    { id: 'quadratic', params: { kappa: 1000, theta: 45 }, opt: { kind: 'nesterov', lr: 1, alpha: 0.97 }, from: 300, to: 2500, window: 400 },
    { id: 'booth', opt: { kind: 'gd', lr: 0.05 }, start: [-8, 6], from: 20, to: 150, window: 5 },
    { id: 'booth', opt: { kind: 'momentum', lr: 0.02, alpha: 0.6 }, start: [-8, 6], from: 20, to: 120, window: 20 },
    { id: 'booth', opt: { kind: 'nesterov', lr: 0.01, alpha: 0.8 }, start: [-8, 6], from: 20, to: 120, window: 20 },
    { id: 'matyas', opt: { kind: 'gd', lr: 1 }, from: 100, to: 700, window: 10 },
    { id: 'matyas', opt: { kind: 'momentum', lr: 0.5, alpha: 0.7 }, from: 50, to: 700, window: 60 },
    { id: 'matyas', opt: { kind: 'nesterov', lr: 1, alpha: 0.8 }, from: 20, to: 140, window: 20 },
    { id: 'leastsquares', opt: { kind: 'gd', lr: 0.07 }, from: 100, to: 1000, window: 10 },
    { id: 'leastsquares', opt: { kind: 'momentum', lr: 0.03, alpha: 0.9 }, from: 50, to: 300, window: 40 },
    { id: 'leastsquares', opt: { kind: 'nesterov', lr: 0.03, alpha: 0.8 }, from: 50, to: 400, window: 40 },
  ];
  it.each(cases)('$id $params: $opt.kind η=$opt.lr α=$opt.alpha', ({ id, params, opt, start, from, to, window }) => {
    const fn = getTestFunction(id, params);
    const { hessian, center } = fn.quadratic!;
    const kind = opt.kind as Kind;
    const predicted = theory.rate(kind, opt.lr, (opt as { alpha?: number }).alpha ?? 0, theory.spectrum(hessian).eigenvalues);
    expect(predicted).toBeGreaterThan(0.8);
    expect(predicted).toBeLessThan(0.99);
    const r = simulate({ objective: fn, optimizer: opt, start: start ?? fn.start, steps: to + window });
    expect(r.diverged).toBeNull();
    // Still far above the rounding floor at the end of the span (ulps of the centre; underflow at a
    // centre of 0), so the measurement sees the iteration and not noise.
    const last = r.points[to + window - 1];
    const floor = 1e-13 * Math.hypot(center[0], center[1]) + 1e-280;
    expect(Math.hypot(last[0] - center[0], last[1] - center[1])).toBeGreaterThan(1e4 * floor);
    const measured = measuredRate(r.points, center, from, to, window);
    expect(Math.abs(measured / predicted - 1), `measured ${measured} vs predicted ${predicted}`).toBeLessThan(0.01);
  });

  it('a run above maxStableLr grows at the predicted rate too', () => {
    const fn = getTestFunction('quadratic', { kappa: 10, theta: 20 });
    const opt: OptimizerSpec = { kind: 'momentum', lr: 2.7, alpha: 0.2 }; // the edge is 2(1 + α)/L = 2.4
    const predicted = theory.rate('momentum', opt.lr, 0.2, theory.spectrum(fn.quadratic!.hessian).eigenvalues);
    expect(predicted).toBeGreaterThan(1);
    const r = simulate({ objective: fn, optimizer: opt, start: fn.start, steps: 5000, bound: 1e100 });
    expect(r.diverged).not.toBeNull();
    const n = r.points.length;
    const measured = measuredRate(r.points, [0, 0], n - 200, n - 10, 5);
    expect(Math.abs(measured / predicted - 1)).toBeLessThan(0.01);
  });
});
