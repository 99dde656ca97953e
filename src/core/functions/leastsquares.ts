import { createRng } from '../rng';
import type { FiniteSum, Vec2 } from '../types';
import type { FunctionDef, TestFunction } from './types';

/**
 * Exam score against hours studied by 40 students, made up once by a seeded generator and rounded like
 * real records (score ≈ 35 + 6 · hours + noise). The feature is left unscaled on purpose: the fit of
 * score = w₀ + w₁ · hours then has a Hessian with κ ≈ 84, a ravine that comes from the data itself.
 */
export const hoursData: { readonly hours: readonly number[]; readonly score: readonly number[] } = (() => {
  const rng = createRng(2026);
  const hours = Array.from({ length: 40 }, () => Math.round(5 + 75 * rng.next()) / 10);
  const score = hours.map((h) => Math.round(350 + 60 * h + 60 * rng.normal()) / 10);
  return { hours, score };
})();

/** Mean squared error / 2 of a line fitted to (xs, ys): an exact finite sum of one term per record. */
function leastSquares(xs: readonly number[], ys: readonly number[]): FiniteSum & Omit<TestFunction, 'id'> {
  const n = xs.length;
  let sx = 0, sxx = 0, sy = 0, sxy = 0;
  for (let i = 0; i < n; i++) {
    sx += xs[i]; sxx += xs[i] * xs[i]; sy += ys[i]; sxy += xs[i] * ys[i];
  }
  // The normal equations, solved in closed form.
  const det = n * sxx - sx * sx;
  const w0 = (sxx * sy - sx * sxy) / det;
  const w1 = (n * sxy - sx * sy) / det;
  const batchGrad = (p: Vec2, idx: ArrayLike<number>, from: number, count: number): Vec2 => {
    let g0 = 0, g1 = 0;
    for (let k = from; k < from + count; k++) {
      const i = idx[k];
      const r = p[0] + p[1] * xs[i] - ys[i];
      g0 += r;
      g1 += r * xs[i];
    }
    return [g0 / count, g1 / count];
  };
  const all = Uint32Array.from({ length: n }, (_, i) => i);
  const f = ([a, b]: Vec2) => {
    let s = 0;
    for (let i = 0; i < n; i++) {
      const r = a + b * xs[i] - ys[i];
      s += r * r;
    }
    return s / (2 * n);
  };
  return {
    n,
    f,
    grad: (p) => batchGrad(p, all, 0, n),
    batchGrad,
    view: { x: [w0 - 45, w0 + 45], y: [w1 - 10, w1 + 10] },
    minima: [[w0, w1]],
    fMin: f([w0, w1]),
    saddles: [],
    start: [w0 - 35, w1 + 6],
    lr: { min: 1e-4, max: 0.2, default: 0.05 },
    noise: 0,
    equalAxes: false,
    quadratic: { hessian: [[1, sx / n], [sx / n, sxx / n]], center: [w0, w1] },
  };
}

export const leastsquares: FunctionDef = {
  id: 'leastsquares',
  params: {},
  make: () => ({ id: 'leastsquares', ...leastSquares(hoursData.hours, hoursData.score) }),
};
