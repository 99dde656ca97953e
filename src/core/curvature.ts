// Local curvature from gradients alone, for functions without a closed-form Hessian (typed formulas):
// the step size a quadratic model at a point allows.
import type { Objective, Range, Vec2 } from './types';
import { spectrum } from './theory';

/**
 * The Hessian at p by central differences of the exact gradient, symmetrised. The step scales with
 * |p| so that far-off points are not lost to rounding.
 */
export function hessianAt(o: Objective, p: Vec2): [[number, number], [number, number]] {
  const h = 1e-5 * Math.max(1, Math.abs(p[0]), Math.abs(p[1]));
  const [ax, ay] = o.grad([p[0] + h, p[1]]), [bx, by] = o.grad([p[0] - h, p[1]]);
  const [cx, cy] = o.grad([p[0], p[1] + h]), [dx, dy] = o.grad([p[0], p[1] - h]);
  const xx = (ax - bx) / (2 * h), yx = (ay - by) / (2 * h);
  const xy = (cx - dx) / (2 * h), yy = (cy - dy) / (2 * h);
  const off = (xy + yx) / 2;
  return [[xx, off], [off, yy]];
}

/**
 * η ≈ 1/L for L the largest curvature (in modulus) at p: GD is stable on the local quadratic model up
 * to 2/L, and 1/L leaves room for the curvature to grow along the path. Clamped to `range`; where the
 * curvature is not finite or vanishes, `range.default`.
 */
export function suggestLr(o: Objective, p: Vec2, range: Range): number {
  const [lo, hi] = spectrum(hessianAt(o, p)).eigenvalues;
  const L = Math.max(Math.abs(lo), Math.abs(hi));
  if (!Number.isFinite(L) || L <= 0) return range.default;
  return Math.min(range.max, Math.max(range.min, 1 / L));
}
