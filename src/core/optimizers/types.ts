import type { GradFn } from '../oracle';
import type { SettingSpec } from '../settings';
import type { TheoryKind } from '../theory';
import type { Vec2 } from '../types';

/**
 * An update rule as a pure pair: `init` gives the state before the first step, `step` maps an iterate
 * and a state to the next ones. The rule gets the oracle, not a gradient, because some rules
 * (Nesterov) choose where the gradient is taken, and the step size of this step, because a schedule
 * may change it from step to step.
 */
export interface UpdateRule<S> {
  init(): S;
  /** The next iterate and state, and the gradient the step took and where (what the vector figures draw). */
  step(x: Vec2, state: S, grad: GradFn, lr: number): { x: Vec2; state: S; g: Vec2; at: Vec2 };
  /** The velocity h_t held in a state, for rules that have one. */
  velocity?(state: S): Vec2;
}

/** Which samples a step averages: fixed by the rule (all, or one), or the user's choice. */
export type BatchSpec = { choice: false; size: 'all' | 1 } | { choice: true; default: number | 'all' };

/** One rule of the table: everything the engine, the run cards, links, labels and export know of it. */
export interface OptimizerDef<H extends string = string> {
  /** Its settings besides η, by name. */
  hyper: Readonly<Record<H, SettingSpec>>;
  batch: BatchSpec;
  /**
   * What η measures: a multiple of 1/L for the gradient rules (stable below about 2/L), a length in x for
   * the adaptive ones, whose steps are about η per coordinate whatever the gradient's size.
   */
  lrUnit: 'curvature' | 'length';
  rule(h: Readonly<Record<H, number>>): UpdateRule<unknown>;
  /** The rule as lines of TeX: `g(at)` writes the gradient used at a point, `eta` the step size's symbol. */
  tex(g: (at: string) => string, eta: string): string[];
  /** The closed-form theory of its full-batch, constant-step runs on quadratics, if any. */
  theory?: TheoryKind;
  /** Whether it takes its gradient ahead of x_{t−1}, at x_{t−1} − αh_{t−1} (Nesterov): the step vectors mark that point. */
  lookahead?: true;
  /** The setting its rate map spans beside η (α, β₁, ρ); a rule without one gets a curve over η. */
  map?: NoInfer<H>;
}

/** Keeps a definition's own setting names in its type, so specs and messages can be checked against them. */
export function defineOptimizer<H extends string>(def: OptimizerDef<H>): OptimizerDef<H> {
  return def;
}
