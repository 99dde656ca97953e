import type { FunctionDef } from './types';

// A curved, narrow valley: finding it is easy, following it to (1, 1) is not.
export const rosenbrock: FunctionDef = {
  id: 'rosenbrock',
  params: {},
  make: () => ({
    id: 'rosenbrock',
    f([x, y]) {
      const a = 1 - x, b = y - x * x;
      return a * a + 100 * b * b;
    },
    grad: ([x, y]) => [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)],
    view: { x: [-2, 2], y: [-1, 3] },
    minima: [[1, 1]],
    fMin: 0,
    saddles: [],
    start: [-1.2, 1],
    lr: { min: 1e-5, max: 0.01, default: 0.001 },
    noise: 2,
    equalAxes: true,
  }),
};
