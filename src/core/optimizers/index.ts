import { adagrad } from './adagrad';
import { adam } from './adam';
import { adamw } from './adamw';
import { gd, minibatch, sgd } from './gd';
import { lion } from './lion';
import { momentum } from './momentum';
import { nesterov } from './nesterov';
import { rmsprop } from './rmsprop';
import { sign } from './sign';
import type { OptimizerDef } from './types';
import type { Schedule } from '../schedules';

export type { BatchSpec, OptimizerDef, UpdateRule } from './types';
export { adagradRule } from './adagrad';
export { adamRule } from './adam';
export { adamwRule } from './adamw';
export { gdRule } from './gd';
export { lionRule } from './lion';
export { momentumRule } from './momentum';
export { nesterovRule } from './nesterov';
export { rmspropRule } from './rmsprop';
export { signRule } from './sign';

/**
 * The one table of update rules, in the order the page offers them. A new rule is one file beside this
 * one and one entry here; its name in every language and its typeset formula are then required by the
 * compiler, and the runner, the run cards, links, labels and export read the rest from its entry.
 */
export const optimizers = { gd, sgd, minibatch, momentum, nesterov, adam, rmsprop, adagrad, adamw, lion, sign } as const;

export type OptimizerKind = keyof typeof optimizers;
export const optimizerKinds = Object.keys(optimizers) as OptimizerKind[];

/** The names of a rule's settings besides η (α; β₁, β₂, ε; …). */
export type HyperName<K extends OptimizerKind = OptimizerKind> = K extends OptimizerKind ? keyof (typeof optimizers)[K]['hyper'] & string : never;

/** The definition of a kind, seen through the table's common shape. */
export function optimizerDef(kind: OptimizerKind): OptimizerDef {
  return optimizers[kind] as OptimizerDef;
}

/** What `simulate` runs: a rule, η, its own settings (each defaults to its table value), a batch, a schedule. */
export type OptimizerSpec = {
  [K in OptimizerKind]: {
    kind: K;
    /** The step size η > 0. */
    lr: number;
    /** Samples per step, for the rules whose batch is the user's; left out, the rule's default. */
    batchSize?: number;
    /** How η changes with t; constant when left out. */
    schedule?: Schedule;
  } & { [H in HyperName<K>]?: number };
}[OptimizerKind];

/** The samples a step of a spec averages: undefined for all of them. */
export function batchOf(spec: { kind: OptimizerKind; batchSize?: number }): number | undefined {
  const b = optimizerDef(spec.kind).batch;
  if (!b.choice) return b.size === 'all' ? undefined : b.size;
  const size = spec.batchSize ?? b.default;
  return size === 'all' ? undefined : size;
}

// The batch rule, read in one place: every part of the page asks these instead of the table's BatchSpec.

/** Samples a step of `kind` averages on a sum of n: its fixed size, else `batch` (the rule's default when left out), at most n. */
export function batchSize(kind: OptimizerKind, n: number, batch?: number): number {
  return Math.min(batchOf({ kind, batchSize: batch }) ?? n, n);
}

/** Whether the user picks a rule's batch (mini-batch GD, the rules with inertia, the adaptive ones); GD and SGD fix theirs. */
export function batchChosen(kind: OptimizerKind): boolean {
  return optimizerDef(kind).batch.choice;
}

/** Whether a rule averages all samples unless told otherwise (GD; by default the rules with inertia and the adaptive ones). */
export function fullByDefault(kind: OptimizerKind): boolean {
  const b = optimizerDef(kind).batch;
  return (b.choice ? b.default : b.size) === 'all';
}

/** Whether a rule's steps can average fewer than all samples: every rule but GD. */
export function mayBatch(kind: OptimizerKind): boolean {
  return batchChosen(kind) || !fullByDefault(kind);
}
