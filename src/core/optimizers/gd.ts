import type { UpdateRule } from './types';

/** x_t = x_{t−1} − η g(x_{t−1}). SGD and mini-batch GD are this rule on a mini-batch oracle. */
export function gd({ lr }: { lr: number }): UpdateRule<null> {
  return {
    init: () => null,
    step(x, state, grad) {
      const g = grad(x);
      return { x: [x[0] - lr * g[0], x[1] - lr * g[1]], state };
    },
  };
}
