// "Which batch size to take?": the gradients other mini-batches of the same size would have given at a
// point, and their exact spread, for a finite sum f = (1/N) Σ f_i.
import { createOracle } from './oracle';
import type { FiniteSum, Vec2 } from './types';

export type Sym2 = [[number, number], [number, number]];

/** Every sample's own gradient at p. */
function sampleGradients(fs: FiniteSum, p: Vec2): Vec2[] {
  const idx = Uint32Array.from({ length: fs.n }, (_, i) => i);
  return Array.from({ length: fs.n }, (_, i) => fs.batchGrad(p, idx, i, 1));
}

/**
 * The gradients that batches of B samples give at p: every sample's for B = 1, the full gradient alone for
 * B ≥ N, otherwise `count` batches drawn as a run draws them (without replacement within an epoch, seeded).
 */
export function batchGradients(fs: FiniteSum, p: Vec2, batch: number, count: number, seed: number): Vec2[] {
  if (batch >= fs.n) return [fs.grad(p)];
  if (batch === 1) return sampleGradients(fs, p);
  const draw = createOracle(fs, batch, seed);
  return Array.from({ length: count }, () => draw(p));
}

/**
 * The covariance of a batch's mean gradient at p, exactly: drawing B of N samples without replacement,
 * Cov = (N − B) / (B (N − 1)) · S with S the samples' own covariance (1/N) Σ (g_i − ḡ)(g_i − ḡ)ᵀ. It is 0 at B = N.
 */
export function batchCovariance(fs: FiniteSum, p: Vec2, batch: number): Sym2 {
  const g = sampleGradients(fs, p);
  const mean: Vec2 = [0, 0];
  for (const [x, y] of g) (mean[0] += x / fs.n), (mean[1] += y / fs.n);
  let sxx = 0, sxy = 0, syy = 0;
  for (const [x, y] of g) {
    const dx = x - mean[0], dy = y - mean[1];
    sxx += (dx * dx) / fs.n;
    sxy += (dx * dy) / fs.n;
    syy += (dy * dy) / fs.n;
  }
  const c = batch >= fs.n ? 0 : (fs.n - batch) / (batch * (fs.n - 1));
  return [[c * sxx, c * sxy], [c * sxy, c * syy]];
}

/** The 1-σ ellipse of a covariance around a centre, as a closed polygon of `points` vertices. */
export function ellipse(center: Vec2, cov: Sym2, points = 48): Vec2[] {
  const [[a, b], [, d]] = cov;
  const mean = (a + d) / 2, r = Math.hypot((a - d) / 2, b);
  const l1 = Math.max(0, mean + r), l2 = Math.max(0, mean - r);
  // The eigenvector of l1 is (b, l1 − a); atan2(0, 0) = 0 covers a diagonal covariance.
  const angle = Math.atan2(l1 - a, b);
  const [c, s] = [Math.cos(angle), Math.sin(angle)];
  const [u, v] = [Math.sqrt(l1), Math.sqrt(l2)];
  return Array.from({ length: points + 1 }, (_, k) => {
    const th = (2 * Math.PI * k) / points;
    const x = u * Math.cos(th), y = v * Math.sin(th);
    return [center[0] + c * x - s * y, center[1] + s * x + c * y] as Vec2;
  });
}
