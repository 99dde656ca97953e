import type { Vec2 } from '../types';
import { eps } from './common';
import { defineOptimizer, type UpdateRule } from './types';

/**
 * AdaGrad as torch.optim.Adagrad computes it (no decay, a zero initial sum): G_t = G_{t−1} + g_t²,
 * x_t = x_{t−1} − η g_t / (√G_t + ε), per coordinate.
 */
export function adagradRule({ eps: e }: { eps: number }): UpdateRule<Vec2> {
  return {
    init: () => [0, 0],
    step(x, G, grad, lr) {
      const g = grad(x);
      const gx = G[0] + g[0] * g[0];
      const gy = G[1] + g[1] * g[1];
      return { x: [x[0] - (lr * g[0]) / (Math.sqrt(gx) + e), x[1] - (lr * g[1]) / (Math.sqrt(gy) + e)], state: [gx, gy], g, at: x };
    },
  };
}

export const adagrad = defineOptimizer({
  hyper: { eps: eps(1e-10) },
  batch: { choice: true, default: 'all' },
  lrUnit: 'length',
  rule: adagradRule,
  tex: (g, eta) => [
    `G_t = G_{t-1} + g_t^2, \\quad g_t = ${g('x_{t-1}')}, \\quad G_0 = 0`,
    `x_t = x_{t-1} - ${eta}\\, \\dfrac{g_t}{\\sqrt{G_t} + \\varepsilon}`,
  ],
});
