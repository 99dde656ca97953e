import type { Vec2 } from '../types';
import { adam, adamRule, type AdamState } from './adam';
import { weightDecay } from './common';
import { defineOptimizer, type UpdateRule } from './types';

/**
 * AdamW as torch.optim.AdamW computes it: the gradient is taken at x_{t−1}, then x_{t−1} shrinks by
 * 1 − η λ (the decay decoupled from the gradient's moments) and Adam's step is taken from there:
 * x_t = x_{t−1}(1 − η λ) − η m̂_t / (√v̂_t + ε). With λ = 0 the shrink is × 1 and this is Adam bit for bit.
 */
export function adamwRule({ lambda, ...moments }: { beta1: number; beta2: number; eps: number; lambda: number }): UpdateRule<AdamState> {
  const plain = adamRule(moments);
  return {
    init: plain.init,
    step(x, s, grad, lr) {
      const g = grad(x);
      const shrink = 1 - lr * lambda;
      const shrunk: Vec2 = [x[0] * shrink, x[1] * shrink];
      return { ...plain.step(shrunk, s, () => g, lr), g, at: x };
    },
  };
}

export const adamw = defineOptimizer({
  // Adam's settings and PyTorch's default λ.
  hyper: { ...adam.hyper, lambda: weightDecay(0.01) },
  batch: { choice: true, default: 'all' },
  lrUnit: 'length',
  map: 'beta1',
  rule: adamwRule,
  // Adam's moments, then its step with the decay beside it.
  tex: (g, eta) => [
    ...adam.tex(g, eta).slice(0, 3),
    `x_t = x_{t-1} - ${eta} \\left(\\dfrac{\\hat m_t}{\\sqrt{\\hat v_t} + \\varepsilon} + \\lambda\\, x_{t-1}\\right)`,
  ],
});
