// Each run's update rule in the lecture's notation (η, α, h_t, h_0 = 0), as TeX for KaTeX. Every string
// here is a constant of ours: nothing the user types ever reaches the TeX.
import type { OptimizerKind } from '../core';

/** The gradient a run's step uses, evaluated at `at`: full, one sample, or the mean over a batch B_t. */
export type GradientKind = 'full' | 'sample' | 'batch';

export function gradientKind(kind: OptimizerKind, batch: number, samples: number): GradientKind {
  if (kind === 'sgd') return 'sample';
  if (kind === 'minibatch') return 'batch';
  if (kind === 'gd') return 'full';
  return batch < samples ? 'batch' : 'full';
}

function gradient(g: GradientKind, at: string): string {
  if (g === 'sample') return `\\nabla f_{i_t}(${at})`;
  if (g === 'batch') return `\\tfrac{1}{B}\\sum_{i \\in B_t} \\nabla f_i(${at})`;
  return `\\nabla f(${at})`;
}

/** The rule as one or two formulas (one line each): x_t for GD-like rules, h_t then x_t for inertial ones. */
export function ruleTex(kind: OptimizerKind, batch: number, samples: number): string[] {
  const g = gradientKind(kind, batch, samples);
  if (kind === 'momentum' || kind === 'nesterov') {
    const at = kind === 'nesterov' ? 'x_{t-1} - \\alpha h_{t-1}' : 'x_{t-1}';
    return [`h_t = \\alpha h_{t-1} + \\eta\\, ${gradient(g, at)}`, 'x_t = x_{t-1} - h_t, \\quad h_0 = 0'];
  }
  return [`x_t = x_{t-1} - \\eta\\, ${gradient(g, 'x_{t-1}')}`];
}
