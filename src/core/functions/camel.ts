import type { FunctionDef } from './types';

// Six-hump camel: two global minima among six, in a box twice as wide as it is tall.
export const camel: FunctionDef = {
  id: 'camel',
  params: {},
  make: () => ({
    id: 'camel',
    f: ([x, y]) => (4 - 2.1 * x * x + (x * x * x * x) / 3) * x * x + x * y + (-4 + 4 * y * y) * y * y,
    grad: ([x, y]) => [8 * x - 8.4 * x * x * x + 2 * x * x * x * x * x + y, x - 8 * y + 16 * y * y * y],
    view: { x: [-2, 2], y: [-1, 1] },
    minima: [
      [0.08984201368301331, -0.7126564032704135],
      [-0.08984201368301331, 0.7126564032704135],
    ],
    fMin: -1.031628453489877,
    saddles: [],
    start: [-1.2, -0.9],
    lr: { min: 1e-4, max: 0.1, default: 0.02 },
    noise: 1,
    equalAxes: false,
  }),
};
