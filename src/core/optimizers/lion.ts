import type { Vec2 } from '../types';
import { decay, weightDecay } from './common';
import { defineOptimizer, type UpdateRule } from './types';

/**
 * Lion (Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms", Algorithm 2), per coordinate:
 * c_t = β₁ m_{t−1} + (1 − β₁) g_t, x_t = x_{t−1} − η (sign(c_t) + λ x_{t−1}), m_t = β₂ m_{t−1} + (1 − β₂) g_t.
 * The state is m; sign(0) = 0, as torch.sign has it. With β₁ = β₂ = 0 it is sign descent with a weight decay.
 */
export function lionRule({ beta1: b1, beta2: b2, lambda }: { beta1: number; beta2: number; lambda: number }): UpdateRule<Vec2> {
  return {
    init: () => [0, 0],
    step(x, m, grad, lr) {
      const g = grad(x);
      const cx = b1 * m[0] + (1 - b1) * g[0];
      const cy = b1 * m[1] + (1 - b1) * g[1];
      return {
        x: [x[0] - lr * (Math.sign(cx) + lambda * x[0]), x[1] - lr * (Math.sign(cy) + lambda * x[1])],
        state: [b2 * m[0] + (1 - b2) * g[0], b2 * m[1] + (1 - b2) * g[1]],
        g, at: x,
      };
    },
  };
}

export const lion = defineOptimizer({
  // The paper's defaults: β₁ = 0.9, β₂ = 0.99 (a longer memory for m than for the step's direction), λ = 0.
  hyper: {
    beta1: decay('β₁', '\\beta_1', 'b1', 0.9, 0.999),
    beta2: decay('β₂', '\\beta_2', 'b2', 0.99, 0.9999),
    lambda: weightDecay(0),
  },
  batch: { choice: true, default: 'all' },
  lrUnit: 'length',
  // β₂ is m's memory, the part of Lion that plays the role of inertia.
  map: 'beta2',
  rule: lionRule,
  tex: (g, eta) => [
    `c_t = \\beta_1 m_{t-1} + (1 - \\beta_1)\\, g_t, \\quad g_t = ${g('x_{t-1}')}`,
    `x_t = x_{t-1} - ${eta} \\left(\\operatorname{sign}(c_t) + \\lambda\\, x_{t-1}\\right)`,
    'm_t = \\beta_2 m_{t-1} + (1 - \\beta_2)\\, g_t, \\quad m_0 = 0',
  ],
});
