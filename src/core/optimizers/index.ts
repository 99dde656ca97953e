import { gd } from './gd';
import { momentum } from './momentum';
import { nesterov } from './nesterov';
import type { UpdateRule } from './types';

export type { Hyper, UpdateRule } from './types';
export { gd, momentum, nesterov };

export type OptimizerKind = 'gd' | 'sgd' | 'minibatch' | 'momentum' | 'nesterov';

export interface OptimizerSpec {
  kind: OptimizerKind;
  /** The step size η > 0. */
  lr: number;
  /** The momentum coefficient α in [0, 1), for the rules that have one. */
  alpha?: number;
  /** Samples per step; for Momentum and Nesterov, left out means all of them. */
  batchSize?: number;
}

interface OptimizerDef {
  /** Whether the rule uses α. */
  readonly usesAlpha: boolean;
  /** Whether the batch size is the user's to choose. */
  readonly usesBatch: boolean;
  rule(spec: OptimizerSpec): UpdateRule<unknown>;
  /** The samples per step: undefined for all of them. */
  batch(spec: OptimizerSpec): number | undefined;
}

// A new rule (Adam, RMSProp, …) is one more entry here and one file beside this one; the runner stays.
export const optimizers: Readonly<Record<OptimizerKind, OptimizerDef>> = {
  gd: { usesAlpha: false, usesBatch: false, rule: gd, batch: () => undefined },
  sgd: { usesAlpha: false, usesBatch: false, rule: gd, batch: () => 1 },
  minibatch: { usesAlpha: false, usesBatch: true, rule: gd, batch: (s) => s.batchSize ?? 8 },
  momentum: {
    usesAlpha: true, usesBatch: true,
    rule: (s) => momentum({ lr: s.lr, alpha: s.alpha ?? 0.9 }),
    batch: (s) => s.batchSize,
  },
  nesterov: {
    usesAlpha: true, usesBatch: true,
    rule: (s) => nesterov({ lr: s.lr, alpha: s.alpha ?? 0.9 }),
    batch: (s) => s.batchSize,
  },
};
