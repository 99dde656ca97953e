// What closed forms say about f = ½ (x − c)ᵀ H (x − c): in H's eigenbasis every rule acts on each
// eigenvalue λ separately, as a small linear iteration whose spectral radius is the asymptotic rate.

export type Symmetric2 = [[number, number], [number, number]];
export type TheoryKind = 'gd' | 'momentum' | 'nesterov';

export interface Spectrum {
  /** The eigenvalues, smaller first. */
  eigenvalues: [number, number];
  /** L, the largest eigenvalue; μ, the smallest; κ = L / μ (Infinity when μ ≤ 0). */
  L: number;
  mu: number;
  kappa: number;
}

export function spectrum([[a, b], [, d]]: Symmetric2): Spectrum {
  const mean = (a + d) / 2;
  const r = Math.hypot((a - d) / 2, b);
  const lo = mean - r, hi = mean + r;
  return { eigenvalues: [lo, hi], L: hi, mu: lo, kappa: lo > 0 ? hi / lo : Infinity };
}

/**
 * Each theory's closed forms, one entry a theory (the optimizer table names a rule's): how one
 * eigen-component with c = 1 − ηλ shrinks, the edge of stable η for curvature up to L, the best tuning.
 */
const theories: Record<TheoryKind, {
  componentRate(c: number, alpha: number): number;
  maxStableLr(L: number, alpha: number): number;
  edgeLabel: string;
  optimal(L: number, mu: number): { lr: number; alpha: number; rate: number };
}> = {
  gd: { componentRate: (c) => Math.abs(c), maxStableLr: (L) => 2 / L, edgeLabel: '2/L', optimal: (L, mu) => ({ ...optimalGd(L, mu), alpha: 0 }) },
  momentum: {
    componentRate: (c, a) => radius(c + a, a), maxStableLr: (L, a) => (2 * (1 + a)) / L, edgeLabel: '2(1+α)/L', optimal: optimalMomentum,
  },
  nesterov: {
    componentRate: (c, a) => radius((1 + a) * c, a * c), maxStableLr: (L, a) => (2 * (1 + a)) / ((1 + 2 * a) * L),
    edgeLabel: '2(1+α)/((1+2α)L)', optimal: optimalNesterov,
  },
};

/** The larger modulus of the roots of z² − tr·z + det. */
function radius(tr: number, det: number): number {
  const disc = tr * tr - 4 * det;
  if (disc < 0) return Math.sqrt(det); // a complex pair: |z|² = det
  const s = Math.sqrt(disc);
  return Math.max(Math.abs(tr + s), Math.abs(tr - s)) / 2;
}

/**
 * The rate at which one eigen-component shrinks per step:
 * GD multiplies it by 1 − ηλ; Momentum iterates (x, h) ↦ ((1 − ηλ)x − αh, ηλx + αh);
 * Nesterov, with the gradient at x − αh, iterates (x, h) ↦ (1 − ηλ)(x − αh, …) with
 * characteristic polynomial z² − (1 + α)(1 − ηλ)z + α(1 − ηλ).
 */
export function componentRate(kind: TheoryKind, lr: number, alpha: number, lambda: number): number {
  return theories[kind].componentRate(1 - lr * lambda, alpha);
}

/** The asymptotic rate of a run: the largest component rate; the run converges when it is below 1. */
export function rate(kind: TheoryKind, lr: number, alpha: number, eigenvalues: readonly number[]): number {
  return Math.max(...eigenvalues.map((l) => componentRate(kind, lr, alpha, l)));
}

/** The supremum of stable step sizes for curvature up to L (Jury's conditions on each polynomial). */
export function maxStableLr(kind: TheoryKind, L: number, alpha = 0): number {
  return theories[kind].maxStableLr(L, alpha);
}

/** That edge as the η slider's mark names it. */
export function edgeLabel(kind: TheoryKind): string {
  return theories[kind].edgeLabel;
}

/** GD's best step, 2/(L + μ), which makes both extreme components shrink at (κ − 1)/(κ + 1). */
export function optimalGd(L: number, mu: number): { lr: number; rate: number } {
  return { lr: 2 / (L + mu), rate: (L - mu) / (L + mu) };
}

/** Polyak's heavy ball tuning: η = 4/(√L + √μ)², α = ((√κ − 1)/(√κ + 1))², rate (√κ − 1)/(√κ + 1). */
export function optimalMomentum(L: number, mu: number): { lr: number; alpha: number; rate: number } {
  const sl = Math.sqrt(L), sm = Math.sqrt(mu);
  const q = (sl - sm) / (sl + sm);
  return { lr: 4 / (sl + sm) ** 2, alpha: q * q, rate: q };
}

/**
 * Nesterov's best tuning on a quadratic, in closed form (Lessard, Recht & Packard 2016, §4.3):
 * η = 4/(3L + μ), α = (√(3κ + 1) − 2)/(√(3κ + 1) + 2), rate 1 − 2/√(3κ + 1). Tests check it against a
 * search of the rate over (η, α).
 */
export function optimalNesterov(L: number, mu: number): { lr: number; alpha: number; rate: number } {
  const q = Math.sqrt((3 * L) / mu + 1);
  return { lr: 4 / (3 * L + mu), alpha: (q - 2) / (q + 2), rate: 1 - 2 / q };
}

/** The best tuning of a rule on a quadratic with curvatures μ ≤ λ ≤ L (α = 0 for GD). */
export function optimal(kind: TheoryKind, L: number, mu: number): { lr: number; alpha: number; rate: number } {
  return theories[kind].optimal(L, mu);
}
