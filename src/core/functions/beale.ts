import type { FunctionDef } from './types';

// Flat plateaus and sharp ridges around a minimum at (3, 0.5).
export const beale: FunctionDef = {
  id: 'beale',
  params: {},
  make: () => ({
    id: 'beale',
    f([x, y]) {
      const a = 1.5 - x + x * y, b = 2.25 - x + x * y * y, c = 2.625 - x + x * y * y * y;
      return a * a + b * b + c * c;
    },
    grad([x, y]) {
      const a = 1.5 - x + x * y, b = 2.25 - x + x * y * y, c = 2.625 - x + x * y * y * y;
      return [
        2 * a * (y - 1) + 2 * b * (y * y - 1) + 2 * c * (y * y * y - 1),
        2 * a * x + 4 * b * x * y + 6 * c * x * y * y,
      ];
    },
    view: { x: [-4.5, 4.5], y: [-4.5, 4.5] },
    minima: [[3, 0.5]],
    fMin: 0,
    saddles: [],
    start: [1, 1.5],
    lr: { min: 1e-5, max: 0.1, default: 0.01 },
    noise: 1,
    equalAxes: true,
  }),
};
