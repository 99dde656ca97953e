/** A point or a vector in the plane. */
export type Vec2 = [number, number];

/** A differentiable function of two variables. */
export interface Objective {
  f(p: Vec2): number;
  grad(p: Vec2): Vec2;
}

/**
 * An objective that is an exact finite sum f = (1/N) Σ f_i, so that stochastic
 * gradients are honest: the mean of all N sample gradients is the true gradient.
 */
export interface FiniteSum extends Objective {
  readonly n: number;
  /** The mean gradient of the samples idx[from], …, idx[from + count − 1]. */
  batchGrad(p: Vec2, idx: ArrayLike<number>, from: number, count: number): Vec2;
}

export interface Box {
  x: [number, number];
  y: [number, number];
}

export interface Range {
  min: number;
  max: number;
  default: number;
}
