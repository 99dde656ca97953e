import { defineOptimizer, type UpdateRule } from './types';

/** x_t = x_{t−1} − η g(x_{t−1}). SGD and mini-batch GD are this rule on a mini-batch oracle. */
export function gdRule(): UpdateRule<null> {
  return {
    init: () => null,
    step(x, state, grad, lr) {
      const g = grad(x);
      return { x: [x[0] - lr * g[0], x[1] - lr * g[1]], state, g, at: x };
    },
  };
}

const base = {
  hyper: {},
  lrUnit: 'curvature',
  rule: gdRule,
  tex: (g: (at: string) => string, eta: string) => [`x_t = x_{t-1} - ${eta}\\, ${g('x_{t-1}')}`],
  theory: 'gd',
} as const;

export const gd = defineOptimizer({ ...base, batch: { choice: false, size: 'all' } });
export const sgd = defineOptimizer({ ...base, batch: { choice: false, size: 1 } });
export const minibatch = defineOptimizer({ ...base, batch: { choice: true, default: 8 } });
