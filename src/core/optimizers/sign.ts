import { defineOptimizer, type UpdateRule } from './types';

/** Sign descent (signSGD on mini-batches): x_t = x_{t−1} − η sign(g(x_{t−1})) per coordinate, sign(0) = 0. */
export function signRule(): UpdateRule<null> {
  return {
    init: () => null,
    step(x, state, grad, lr) {
      const g = grad(x);
      return { x: [x[0] - lr * Math.sign(g[0]), x[1] - lr * Math.sign(g[1])], state, g, at: x };
    },
  };
}

export const sign = defineOptimizer({
  hyper: {},
  batch: { choice: true, default: 'all' },
  // Every step moves each coordinate by exactly η (or not at all).
  lrUnit: 'length',
  rule: signRule,
  tex: (g, eta) => [`x_t = x_{t-1} - ${eta}\\, \\operatorname{sign}\\!\\big(${g('x_{t-1}')}\\big)`],
});
