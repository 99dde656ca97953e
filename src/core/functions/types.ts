import type { Box, Objective, Range, Vec2 } from '../types';

/** A named test function with what a figure of it needs. */
export interface TestFunction extends Objective {
  readonly id: string;
  /** The box a contour plot of it shows. */
  readonly view: Box;
  /** Its global minima, and their value (the floor of log-spaced levels and of the loss plot; NaN if unknown). */
  readonly minima: Vec2[];
  readonly fMin: number;
  /** Saddle points worth marking, if any. */
  readonly saddles: Vec2[];
  readonly start: Vec2;
  /** Step sizes worth trying; the default makes plain GD converge from `start`. */
  readonly lr: Range;
  /** A noise scale for its finite-sum version that is visible but does not drown the gradient. */
  readonly noise: number;
  /** Whether the plot should keep x and y at one scale (true when the shape of level sets matters). */
  readonly equalAxes: boolean;
  /** Set for quadratics f(p) = ½ (p − c)ᵀ H (p − c) + fMin, whose behaviour theory predicts exactly. */
  readonly quadratic?: { hessian: [[number, number], [number, number]]; center: Vec2 };
}

export interface ParamSpec extends Range {
  /** Whether a slider for it should move on a log scale. */
  log?: boolean;
}

export interface FunctionDef {
  readonly id: string;
  readonly params: Readonly<Record<string, ParamSpec>>;
  make(params: Readonly<Record<string, number>>): TestFunction;
}
