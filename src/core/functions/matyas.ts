import type { FunctionDef } from './types';

// A nearly flat, diagonally stretched bowl (κ = 25): slow for GD, easy for momentum.
export const matyas: FunctionDef = {
  id: 'matyas',
  params: {},
  make: () => ({
    id: 'matyas',
    f: ([x, y]) => 0.26 * (x * x + y * y) - 0.48 * x * y,
    grad: ([x, y]) => [0.52 * x - 0.48 * y, 0.52 * y - 0.48 * x],
    view: { x: [-10, 10], y: [-10, 10] },
    minima: [[0, 0]],
    fMin: 0,
    saddles: [],
    start: [-8, 4],
    lr: { min: 0.01, max: 2.5, default: 1 },
    noise: 0.5,
    equalAxes: true,
    quadratic: { hessian: [[0.52, -0.48], [-0.48, 0.52]], center: [0, 0] },
  }),
};
