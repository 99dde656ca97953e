import type { Vec2 } from '../types';
import { alpha } from './common';
import { defineOptimizer, type UpdateRule } from './types';

/** h_t = α h_{t−1} + η g(x_{t−1});  x_t = x_{t−1} − h_t;  h_0 = 0. The state is h. */
export function momentumRule({ alpha: a }: { alpha: number }): UpdateRule<Vec2> {
  return {
    init: () => [0, 0],
    step(x, h, grad, lr) {
      const g = grad(x);
      const hx = a * h[0] + lr * g[0];
      const hy = a * h[1] + lr * g[1];
      return { x: [x[0] - hx, x[1] - hy], state: [hx, hy], g, at: x };
    },
    velocity: (h) => h,
  };
}

export const momentum = defineOptimizer({
  hyper: { alpha },
  batch: { choice: true, default: 'all' },
  lrUnit: 'curvature',
  rule: momentumRule,
  tex: (g, eta) => [`h_t = \\alpha h_{t-1} + ${eta}\\, ${g('x_{t-1}')}`, 'x_t = x_{t-1} - h_t, \\quad h_0 = 0'],
  theory: 'momentum',
  map: 'alpha',
});
