import type { GradFn } from '../oracle';
import type { Vec2 } from '../types';

/**
 * An update rule as a pure pair: `init` gives the state before the first step, `step` maps an iterate
 * and a state to the next ones. The rule gets the oracle, not a gradient, because some rules
 * (Nesterov) choose where the gradient is taken.
 */
export interface UpdateRule<S> {
  init(): S;
  step(x: Vec2, state: S, grad: GradFn): { x: Vec2; state: S };
  /** The velocity h_t held in a state, for rules that have one. */
  velocity?(state: S): Vec2;
}

export interface Hyper {
  /** The step size η. */
  lr: number;
  /** The momentum coefficient α. */
  alpha: number;
}
