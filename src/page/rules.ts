// Each run's update rule in the lecture's notation (η, α, h_t, h_0 = 0), as TeX for KaTeX, from the rule's
// entry in the engine's table. Every string here is a constant of ours: nothing the user types reaches the TeX.
import { batchChosen, batchSize, optimizerDef, scheduleTex } from '../core';
import type { OptimizerKind, Schedule } from '../core';

/** The gradient a run's step uses, evaluated at `at`: full, one sample, or the mean over a batch B_t. */
export type GradientKind = 'full' | 'sample' | 'batch';

/** One sample when the rule fixes it, a batch when fewer than all N are averaged, else the full gradient. */
export function gradientKind(kind: OptimizerKind, batch: number, samples: number): GradientKind {
  if (batchSize(kind, samples, batch) >= samples) return 'full';
  return batchChosen(kind) ? 'batch' : 'sample';
}

function gradient(g: GradientKind, at: string): string {
  if (g === 'sample') return `\\nabla f_{i_t}(${at})`;
  if (g === 'batch') return `\\tfrac{1}{B}\\sum_{i \\in B_t} \\nabla f_i(${at})`;
  return `\\nabla f(${at})`;
}

/** The rule as lines of TeX, with η_t and its formula when the step size follows a schedule. */
export function ruleTex(kind: OptimizerKind, batch: number, samples: number, schedule: Schedule = { kind: 'constant' }): string[] {
  const g = gradientKind(kind, batch, samples);
  const timing = scheduleTex(schedule);
  const lines = optimizerDef(kind).tex((at) => gradient(g, at), timing ? '\\eta_t' : '\\eta');
  return timing ? [...lines, timing] : lines;
}
