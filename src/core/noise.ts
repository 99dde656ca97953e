import { createRng } from './rng';
import type { FiniteSum, Objective } from './types';

export interface NoiseSpec {
  /** The number of samples N. */
  n: number;
  /** The root-mean-square length of the per-sample gradient noise ξ_i. */
  scale: number;
  /** Fixes the ξ_i: the same seed gives the same finite sum. */
  seed: number;
}

/**
 * Makes f an exact finite sum f = (1/N) Σ f_i with f_i(x) = f(x) + ⟨ξ_i, x⟩ and Σ ξ_i = 0, so a sample's
 * gradient is ∇f + ξ_i: unbiased, with a spread the user sets, shrinking as the batch grows.
 */
export function withNoise<T extends Objective>(objective: T, { n, scale, seed }: NoiseSpec): T & FiniteSum {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`N must be a whole number ≥ 1, got ${n}`);
  const rng = createRng(seed);
  const xi = new Float64Array(2 * n);
  let mx = 0, my = 0;
  for (let i = 0; i < n; i++) {
    xi[2 * i] = rng.normal();
    xi[2 * i + 1] = rng.normal();
    mx += xi[2 * i];
    my += xi[2 * i + 1];
  }
  mx /= n;
  my /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    xi[2 * i] -= mx;
    xi[2 * i + 1] -= my;
    ss += xi[2 * i] * xi[2 * i] + xi[2 * i + 1] * xi[2 * i + 1];
  }
  const k = ss > 0 ? scale / Math.sqrt(ss / n) : 0;
  for (let i = 0; i < 2 * n; i++) xi[i] *= k;
  const grad = objective.grad;
  return {
    ...objective,
    n,
    batchGrad(p, idx, from, count) {
      const g = grad(p);
      let sx = 0, sy = 0;
      for (let j = from; j < from + count; j++) {
        sx += xi[2 * idx[j]];
        sy += xi[2 * idx[j] + 1];
      }
      return [g[0] + sx / count, g[1] + sy / count];
    },
  };
}
