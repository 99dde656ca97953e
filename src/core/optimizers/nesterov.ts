import type { Vec2 } from '../types';
import { alpha } from './common';
import { defineOptimizer, type UpdateRule } from './types';

/**
 * h_t = α h_{t−1} + η g(x_{t−1} − α h_{t−1});  x_t = x_{t−1} − h_t;  h_0 = 0.
 * The gradient is taken at the look-ahead point, where the inertia alone would carry the iterate.
 */
export function nesterovRule({ alpha: a }: { alpha: number }): UpdateRule<Vec2> {
  return {
    init: () => [0, 0],
    step(x, h, grad, lr) {
      const at: Vec2 = [x[0] - a * h[0], x[1] - a * h[1]];
      const g = grad(at);
      const hx = a * h[0] + lr * g[0];
      const hy = a * h[1] + lr * g[1];
      return { x: [x[0] - hx, x[1] - hy], state: [hx, hy], g, at };
    },
    velocity: (h) => h,
  };
}

export const nesterov = defineOptimizer({
  hyper: { alpha },
  batch: { choice: true, default: 'all' },
  lrUnit: 'curvature',
  rule: nesterovRule,
  tex: (g, eta) => [
    `h_t = \\alpha h_{t-1} + ${eta}\\, ${g('x_{t-1} - \\alpha h_{t-1}')}`,
    'x_t = x_{t-1} - h_t, \\quad h_0 = 0',
  ],
  theory: 'nesterov',
  lookahead: true,
  map: 'alpha',
});
