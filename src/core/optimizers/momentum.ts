import type { Vec2 } from '../types';
import type { Hyper, UpdateRule } from './types';

/** h_t = α h_{t−1} + η g(x_{t−1});  x_t = x_{t−1} − h_t;  h_0 = 0. The state is h. */
export function momentum({ lr, alpha }: Hyper): UpdateRule<Vec2> {
  return {
    init: () => [0, 0],
    step(x, h, grad) {
      const g = grad(x);
      const hx = alpha * h[0] + lr * g[0];
      const hy = alpha * h[1] + lr * g[1];
      return { x: [x[0] - hx, x[1] - hy], state: [hx, hy] };
    },
    velocity: (h) => h,
  };
}
