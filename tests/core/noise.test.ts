import { describe, expect, it } from 'vitest';
import { getTestFunction, hoursData, isFiniteSum, theory, withNoise, type FiniteSum, type Vec2 } from '../../src/core';
import { norm, randomPointsIn } from './helpers';

/** The N per-sample gradient offsets ξ_i = ∇f_i(p) − ∇f(p), read through batchGrad with count 1. */
function offsets(fs: FiniteSum, p: Vec2): Vec2[] {
  const g = fs.grad(p);
  return Array.from({ length: fs.n }, (_, i) => {
    const gi = fs.batchGrad(p, [i], 0, 1);
    return [gi[0] - g[0], gi[1] - g[1]] as Vec2;
  });
}

describe('withNoise: an exact finite sum around any objective', () => {
  const cases = [
    { id: 'quadratic', n: 32, scale: 0.3, seed: 1 },
    { id: 'rosenbrock', n: 7, scale: 2, seed: 99 },
    { id: 'beale', n: 100, scale: 1, seed: 5 },
    { id: 'himmelblau', n: 2, scale: 5, seed: 0 },
    { id: 'booth', n: 1000, scale: 1e-3, seed: 123456789 },
  ];

  it.each(cases)('$id, N=$n, scale=$scale: the mean of all N sample gradients is the gradient', ({ id, n, scale, seed }) => {
    const fn = getTestFunction(id);
    const fs = withNoise(fn, { n, scale, seed });
    for (const p of randomPointsIn(fn.view, 20, 1)) {
      const g = fn.grad(p);
      let sx = 0, sy = 0;
      for (let i = 0; i < n; i++) {
        const gi = fs.batchGrad(p, [i], 0, 1);
        sx += gi[0];
        sy += gi[1];
      }
      // Each sample is ∇f + ξ_i rounded once; the mean of N such sums is off by a few ulps of |g| + scale.
      const tol = 1e-12 * (scale + norm(g));
      expect(Math.abs(sx / n - g[0])).toBeLessThanOrEqual(tol);
      expect(Math.abs(sy / n - g[1])).toBeLessThanOrEqual(tol);
      // And a batch of all of them, in any order, is the gradient too.
      const all = Array.from({ length: n }, (_, i) => n - 1 - i);
      const gb = fs.batchGrad(p, all, 0, n);
      expect(Math.abs(gb[0] - g[0])).toBeLessThanOrEqual(tol);
      expect(Math.abs(gb[1] - g[1])).toBeLessThanOrEqual(tol);
    }
  });

  it.each(cases)('$id, N=$n: the RMS length of the noise ξ_i is exactly the scale', ({ id, n, scale, seed }) => {
    const fn = getTestFunction(id);
    const fs = withNoise(fn, { n, scale, seed });
    const xi = offsets(fs, fn.start);
    const rms = Math.sqrt(xi.reduce((s, v) => s + v[0] ** 2 + v[1] ** 2, 0) / n);
    // ξ_i is read back as (∇f + ξ_i) − ∇f, which loses up to ulp(|∇f|) per coordinate.
    expect(Math.abs(rms - scale)).toBeLessThanOrEqual(1e-12 * (scale + norm(fn.grad(fn.start))));
  });

  it('adds the same ξ_i wherever it is evaluated: ∇f_i − ∇f does not depend on the point', () => {
    const fn = getTestFunction('rosenbrock');
    const fs = withNoise(fn, { n: 16, scale: 2, seed: 3 });
    const a = offsets(fs, [0.1, 0.2]);
    const b = offsets(fs, [-1.5, 2.5]);
    for (let i = 0; i < 16; i++) {
      expect(a[i][0]).toBeCloseTo(b[i][0], 10);
      expect(a[i][1]).toBeCloseTo(b[i][1], 10);
    }
  });

  it('a mini-batch gradient is the mean of its samples’ gradients', () => {
    const fn = getTestFunction('quadratic');
    const fs = withNoise(fn, { n: 10, scale: 1, seed: 8 });
    const p: Vec2 = [0.7, -1.1];
    const idx = [9, 3, 4, 0, 7, 1];
    const b = fs.batchGrad(p, idx, 2, 3); // samples 4, 0, 7
    const singles = [4, 0, 7].map((i) => fs.batchGrad(p, [i], 0, 1));
    expect(b[0]).toBeCloseTo((singles[0][0] + singles[1][0] + singles[2][0]) / 3, 14);
    expect(b[1]).toBeCloseTo((singles[0][1] + singles[1][1] + singles[2][1]) / 3, 14);
  });

  it('the same seed gives the same ξ bit for bit, another seed other ξ', () => {
    const fn = getTestFunction('quadratic');
    const p: Vec2 = [1, 1];
    const a = offsets(withNoise(fn, { n: 32, scale: 0.3, seed: 42 }), p);
    const b = offsets(withNoise(fn, { n: 32, scale: 0.3, seed: 42 }), p);
    const c = offsets(withNoise(fn, { n: 32, scale: 0.3, seed: 43 }), p);
    expect(b).toEqual(a);
    let same = 0;
    for (let i = 0; i < 32; i++) if (Math.abs(a[i][0] - c[i][0]) < 1e-6) same++;
    expect(same).toBe(0);
  });

  it('keeps f, the gradient and the metadata of the objective it wraps', () => {
    const fn = getTestFunction('booth');
    const fs = withNoise(fn, { n: 8, scale: 5, seed: 1 });
    expect(isFiniteSum(fs)).toBe(true);
    expect(isFiniteSum(fn)).toBe(false);
    expect(fs.n).toBe(8);
    expect(fs.f).toBe(fn.f);
    expect(fs.grad).toBe(fn.grad);
    expect(fs.view).toEqual(fn.view);
    expect(fs.minima).toEqual(fn.minima);
    expect(fs.quadratic).toEqual(fn.quadratic);
  });

  it('with N = 1 or scale 0 there is no noise at all', () => {
    const fn = getTestFunction('himmelblau');
    const p: Vec2 = [0.3, -2];
    expect(withNoise(fn, { n: 1, scale: 5, seed: 1 }).batchGrad(p, [0], 0, 1)).toEqual(fn.grad(p));
    const quiet = withNoise(fn, { n: 9, scale: 0, seed: 1 });
    for (let i = 0; i < 9; i++) expect(quiet.batchGrad(p, [i], 0, 1)).toEqual(fn.grad(p));
  });

  it.each([0, -1, 1.5, NaN, Infinity])('rejects N = %s with a RangeError', (n) => {
    expect(() => withNoise(getTestFunction('quadratic'), { n, scale: 1, seed: 0 })).toThrow(RangeError);
  });
});

describe('leastsquares: a line fitted to unscaled hours-vs-score data', () => {
  const fn = getTestFunction('leastsquares') as ReturnType<typeof getTestFunction> & FiniteSum;

  it('has 40 records with pinned values (a change of the PRNG or of the generator shows here)', () => {
    expect(hoursData.hours).toHaveLength(40);
    expect(hoursData.score).toHaveLength(40);
    expect(hoursData.hours.slice(0, 8)).toEqual([2.7, 4.2, 1.6, 1.9, 4.7, 2.1, 1.6, 0.7]);
    expect(hoursData.score.slice(0, 8)).toEqual([50.5, 66.2, 36.7, 47.4, 54.8, 47.9, 38.7, 46.5]);
    expect(hoursData.hours.reduce((a, b) => a + b, 0)).toBeCloseTo(150.7, 9);
    expect(hoursData.score.reduce((a, b) => a + b, 0)).toBeCloseTo(2329.8, 9);
    // Rounded like real records: hours to 0.1 in [0.5, 8], scores to 0.1.
    for (const h of hoursData.hours) {
      expect(Math.round(h * 10) / 10).toBe(h);
      expect(h).toBeGreaterThanOrEqual(0.5);
      expect(h).toBeLessThanOrEqual(8);
    }
    for (const s of hoursData.score) expect(Math.round(s * 10) / 10).toBe(s);
  });

  it('is a finite sum of one term per record, (1/2N) Σ (w₀ + w₁ h_i − s_i)²', () => {
    expect(isFiniteSum(fn)).toBe(true);
    expect(fn.n).toBe(40);
    const p: Vec2 = [10, 2];
    let s = 0;
    for (let i = 0; i < 40; i++) s += (p[0] + p[1] * hoursData.hours[i] - hoursData.score[i]) ** 2;
    expect(fn.f(p)).toBeCloseTo(s / 80, 10);
    const r = p[0] + p[1] * hoursData.hours[5] - hoursData.score[5];
    expect(fn.batchGrad(p, [5], 0, 1)).toEqual([r, r * hoursData.hours[5]]);
    let g0 = 0, g1 = 0;
    for (let i = 0; i < 40; i++) {
      const gi = fn.batchGrad(p, [i], 0, 1);
      g0 += gi[0];
      g1 += gi[1];
    }
    const g = fn.grad(p);
    expect(g0 / 40).toBeCloseTo(g[0], 10);
    expect(g1 / 40).toBeCloseTo(g[1], 10);
  });

  it('has its minimum where the gradient vanishes, at the pinned least-squares line', () => {
    const [w] = fn.minima;
    expect(w[0]).toBeCloseTo(34.82275546499368, 10);
    expect(w[1]).toBeCloseTo(6.21691958460686, 10);
    // Relative to the gradient's size one unit away, the residual gradient is rounding only.
    expect(norm(fn.grad(w))).toBeLessThan(1e-12 * norm(fn.grad([w[0] + 1, w[1] + 1])));
    expect(fn.quadratic!.center).toEqual(w);
    for (const d of [[1e-3, 0], [0, 1e-3], [-1e-3, 1e-3]]) {
      expect(fn.f([w[0] + d[0], w[1] + d[1]])).toBeGreaterThan(fn.fMin);
    }
  });

  it('is a ravine from the data alone: κ of its Hessian is well above 50', () => {
    const s = theory.spectrum(fn.quadratic!.hessian);
    expect(s.kappa).toBeGreaterThan(50);
    expect(s.kappa).toBeCloseTo(83.7082433340174, 6);
    const mean = hoursData.hours.reduce((a, b) => a + b, 0) / 40;
    const meanSq = hoursData.hours.reduce((a, b) => a + b * b, 0) / 40;
    expect(fn.quadratic!.hessian[0][0]).toBe(1);
    expect(fn.quadratic!.hessian[0][1]).toBeCloseTo(mean, 12);
    expect(fn.quadratic!.hessian[1][1]).toBeCloseTo(meanSq, 12);
  });
});
