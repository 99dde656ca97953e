import { expNeg, log1p } from '../elementary';
import type { FiniteSum, Vec2 } from '../types';
import { irisData } from './irisData';
import type { FunctionDef, TestFunction } from './types';

/** A feature scaled to mean 0 and standard deviation 1 (over the records, as numpy's std with ddof = 0). */
function standardize(v: readonly number[]): number[] {
  const mean = v.reduce((s, x) => s + x, 0) / v.length;
  const sd = Math.sqrt(v.reduce((s, x) => s + (x - mean) * (x - mean), 0) / v.length);
  return v.map((x) => (x - mean) / sd);
}

// Through e^(−|z|) only: no overflow for large |z|, no lost digits for very negative z, and the same bits
// in every browser (elementary.ts).
/** ln(1 + eᶻ). */
const softplus = (z: number) => Math.max(z, 0) + log1p(expNeg(Math.abs(z)));
/** 1 / (1 + e⁻ᶻ). */
function sigmoid(z: number): number {
  const e = expNeg(Math.abs(z));
  return z >= 0 ? 1 / (1 + e) : e / (1 + e);
}

/**
 * Logistic regression without a bias, p(y = 1 | x) = σ(w₁ x₁ + w₂ x₂), fitted by the mean log loss: an exact
 * finite sum f(w) = (1/N) Σ fᵢ(w) with fᵢ(w) = ln(1 + e^{zᵢ}) − yᵢ zᵢ, zᵢ = ⟨w, xᵢ⟩, whose sample gradients
 * (σ(zᵢ) − yᵢ) xᵢ are what SGD really draws. Standardized features make a bias unneeded when the classes
 * are balanced, and keep the weights on one scale.
 */
export function logisticRegression(x1: readonly number[], x2: readonly number[], y: readonly number[]) {
  const n = y.length;
  const f = ([a, b]: Vec2) => {
    let s = 0;
    for (let i = 0; i < n; i++) {
      const z = a * x1[i] + b * x2[i];
      s += softplus(z) - y[i] * z;
    }
    return s / n;
  };
  const batchGrad = ([a, b]: Vec2, idx: ArrayLike<number>, from: number, count: number): Vec2 => {
    let g0 = 0, g1 = 0;
    for (let k = from; k < from + count; k++) {
      const i = idx[k];
      const r = sigmoid(a * x1[i] + b * x2[i]) - y[i];
      g0 += r * x1[i];
      g1 += r * x2[i];
    }
    return [g0 / count, g1 / count];
  };
  const all = Uint32Array.from({ length: n }, (_, i) => i);
  const grad = (p: Vec2) => batchGrad(p, all, 0, n);
  const hessian = ([a, b]: Vec2): [[number, number], [number, number]] => {
    let h00 = 0, h01 = 0, h11 = 0;
    for (let i = 0; i < n; i++) {
      const p = sigmoid(a * x1[i] + b * x2[i]);
      const s = (p * (1 - p)) / n;
      h00 += s * x1[i] * x1[i];
      h01 += s * x1[i] * x2[i];
      h11 += s * x2[i] * x2[i];
    }
    return [[h00, h01], [h01, h11]];
  };
  return { n, f, grad, batchGrad, hessian, minimum: newton(f, grad, hessian) };
}

/**
 * The minimum by Newton's method from w = 0, halving a step while it would raise f (a full Newton step from
 * far away can overshoot): the loss is strictly convex when the classes overlap, as they do here, so this
 * converges, quadratically near the end. It stops once a step is below the last bits of w.
 */
function newton(f: (p: Vec2) => number, grad: (p: Vec2) => Vec2, hessian: (p: Vec2) => [[number, number], [number, number]]): Vec2 {
  let w: Vec2 = [0, 0];
  for (let k = 0; k < 100; k++) {
    const g = grad(w);
    const [[a, b], [, d]] = hessian(w);
    const det = a * d - b * b;
    const step: Vec2 = [(d * g[0] - b * g[1]) / det, (a * g[1] - b * g[0]) / det];
    let t = 1;
    while (f([w[0] - t * step[0], w[1] - t * step[1]]) > f(w) && t > 1e-3) t /= 2;
    w = [w[0] - t * step[0], w[1] - t * step[1]];
    if (t * Math.hypot(step[0], step[1]) <= 1e-15 * Math.hypot(w[0], w[1])) break;
  }
  return w;
}

function irisLogistic(): FiniteSum & Omit<TestFunction, 'id'> {
  const fit = logisticRegression(standardize(irisData.petalLength), standardize(irisData.petalWidth), irisData.virginica);
  const [w1, w2] = fit.minimum;
  return {
    n: fit.n,
    f: fit.f,
    grad: fit.grad,
    batchGrad: fit.batchGrad,
    view: { x: [-4, 10], y: [-3, 11] },
    minima: [[w1, w2]],
    fMin: fit.f([w1, w2]),
    saddles: [],
    start: [-2, 8],
    lr: { min: 0.01, max: 20, default: 2 },
    noise: 0,
    equalAxes: true,
  };
}

/** Built once: the records and the solved minimum do not change. */
let built: ReturnType<typeof irisLogistic> | null = null;

export const logistic: FunctionDef = {
  id: 'logistic',
  params: {},
  make: () => ({ id: 'logistic', ...(built ??= irisLogistic()) }),
};
