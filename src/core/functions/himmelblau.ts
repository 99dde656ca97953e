import type { FunctionDef } from './types';

// Four minima of equal depth: which one a run reaches depends on where it starts and on its inertia.
export const himmelblau: FunctionDef = {
  id: 'himmelblau',
  params: {},
  make: () => ({
    id: 'himmelblau',
    f([x, y]) {
      const a = x * x + y - 11, b = x + y * y - 7;
      return a * a + b * b;
    },
    grad([x, y]) {
      const a = x * x + y - 11, b = x + y * y - 7;
      return [4 * a * x + 2 * b, 2 * a + 4 * b * y];
    },
    view: { x: [-5, 5], y: [-5, 5] },
    minima: [
      [3, 2],
      [-2.805118086952745, 3.131312518250573],
      [-3.779310253377747, -3.283185991286170],
      [3.584428340330492, -1.848126526964404],
    ],
    fMin: 0,
    saddles: [],
    start: [-0.5, -4.5],
    lr: { min: 1e-4, max: 0.05, default: 0.01 },
    noise: 5,
    equalAxes: true,
  }),
};
