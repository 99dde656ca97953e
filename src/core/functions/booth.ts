import type { FunctionDef } from './types';

// A tilted quadratic bowl with a moderate condition number (κ = 9) and its minimum at (1, 3).
export const booth: FunctionDef = {
  id: 'booth',
  params: {},
  make: () => ({
    id: 'booth',
    f([x, y]) {
      const a = x + 2 * y - 7, b = 2 * x + y - 5;
      return a * a + b * b;
    },
    grad([x, y]) {
      const a = x + 2 * y - 7, b = 2 * x + y - 5;
      return [2 * a + 4 * b, 4 * a + 2 * b];
    },
    view: { x: [-10, 10], y: [-10, 10] },
    minima: [[1, 3]],
    fMin: 0,
    saddles: [],
    start: [-8, -6],
    lr: { min: 1e-4, max: 0.15, default: 0.05 },
    noise: 5,
    equalAxes: true,
    quadratic: { hessian: [[10, 8], [8, 10]], center: [1, 3] },
  }),
};
