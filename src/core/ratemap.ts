// The convergence rate over a grid of settings: exact on quadratics (theory's spectral radius), measured
// from real runs elsewhere. Pure and synchronous; the page runs the measured maps in workers.
import { rate, type TheoryKind } from './theory';

/** n values from min to max, evenly in log (η) or in log(1 − v) (α, β₁, ρ), or evenly (anything else). */
export function spaced(min: number, max: number, n: number, scale: 'linear' | 'log' | 'log1m'): number[] {
  const warp = (v: number) => (scale === 'log' ? Math.log(v) : scale === 'log1m' ? -Math.log(1 - v) : v);
  const unwarp = (w: number) => (scale === 'log' ? Math.exp(w) : scale === 'log1m' ? 1 - Math.exp(-w) : w);
  const lo = warp(min), hi = warp(max);
  return Array.from({ length: n }, (_, i) => (i === 0 ? min : i === n - 1 ? max : unwarp(lo + ((hi - lo) * i) / (n - 1))));
}

/**
 * The exact asymptotic rate ρ(η, α) of a rule on a quadratic with these eigenvalues, for every cell:
 * row j is alphas[j], column i is lrs[i] (row-major).
 */
export function theoryMap(kind: TheoryKind, eigenvalues: readonly number[], lrs: readonly number[], alphas: readonly number[]): Float64Array {
  const out = new Float64Array(lrs.length * alphas.length);
  alphas.forEach((a, j) => lrs.forEach((lr, i) => (out[j * lrs.length + i] = rate(kind, lr, a, eigenvalues))));
  return out;
}

/**
 * The measured rate of a run: the mean per-step factor by which the distance to the minimum shrinks, read
 * from the loss over the second half of the run. Near a minimum f − f* ∝ |x − x*|², so with S₁ and S₂ the
 * sums of f − f_ref over the two quarters [a, m) and [m, b), ρ = (S₂ / S₁)^(1 / 2(m − a)); sums rather than
 * single values, so the swing of a run with inertia averages out. On a quadratic this is theory's ρ. The run
 * ends early where the gap reaches rounding level (relative to f_ref; underflow when f_ref = 0). Infinity
 * for a run that diverged; NaN where too little of the run lies above that level to measure.
 */
export function measuredRate(losses: readonly number[], diverged: boolean, fRef: number): number {
  if (diverged) return Infinity;
  const floor = 1e-13 * Math.abs(fRef) + 1e-280;
  let end = losses.length;
  for (let t = 1; t < losses.length; t++) {
    if (losses[t] - fRef <= floor) {
      end = t;
      break;
    }
  }
  const from = Math.floor(end / 2), mid = Math.floor((from + end) / 2);
  if (mid - from < 2) return NaN;
  let s1 = 0, s2 = 0;
  for (let t = from; t < mid; t++) s1 += losses[t] - fRef;
  for (let t = mid; t < mid + (mid - from); t++) s2 += Math.max(losses[t] - fRef, 0);
  if (!(s1 > 0)) return NaN;
  return (Math.max(s2, floor) / s1) ** (1 / (2 * (mid - from)));
}
