import type { Vec2 } from '../types';
import { decay, eps } from './common';
import { defineOptimizer, type UpdateRule } from './types';

/**
 * RMSProp as torch.optim.RMSprop computes it (not centred, no momentum): v_t = ρ v_{t−1} + (1 − ρ) g_t²,
 * x_t = x_{t−1} − η g_t / (√v_t + ε), per coordinate. ρ is what PyTorch calls `alpha`.
 */
export function rmspropRule({ rho, eps: e }: { rho: number; eps: number }): UpdateRule<Vec2> {
  return {
    init: () => [0, 0],
    step(x, v, grad, lr) {
      const g = grad(x);
      const vx = rho * v[0] + (1 - rho) * g[0] * g[0];
      const vy = rho * v[1] + (1 - rho) * g[1] * g[1];
      return { x: [x[0] - (lr * g[0]) / (Math.sqrt(vx) + e), x[1] - (lr * g[1]) / (Math.sqrt(vy) + e)], state: [vx, vy], g, at: x };
    },
  };
}

export const rmsprop = defineOptimizer({
  hyper: { rho: decay('ρ', '\\rho', 'rho', 0.99, 0.9999), eps: eps(1e-8) },
  batch: { choice: true, default: 'all' },
  lrUnit: 'length',
  map: 'rho',
  rule: rmspropRule,
  tex: (g, eta) => [
    `v_t = \\rho v_{t-1} + (1 - \\rho)\\, g_t^2, \\quad g_t = ${g('x_{t-1}')}, \\quad v_0 = 0`,
    `x_t = x_{t-1} - ${eta}\\, \\dfrac{g_t}{\\sqrt{v_t} + \\varepsilon}`,
  ],
});
