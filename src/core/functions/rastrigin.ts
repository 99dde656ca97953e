import type { FunctionDef } from './types';

const TAU = 2 * Math.PI;

// A bowl covered in a grid of local minima: a trap for small steps, a lesson for large ones.
export const rastrigin: FunctionDef = {
  id: 'rastrigin',
  params: {},
  make: () => ({
    id: 'rastrigin',
    f: ([x, y]) => 20 + x * x - 10 * Math.cos(TAU * x) + y * y - 10 * Math.cos(TAU * y),
    grad: ([x, y]) => [2 * x + 10 * TAU * Math.sin(TAU * x), 2 * y + 10 * TAU * Math.sin(TAU * y)],
    view: { x: [-5.12, 5.12], y: [-5.12, 5.12] },
    minima: [[0, 0]],
    fMin: 0,
    saddles: [],
    start: [-4.5, 3.7],
    lr: { min: 1e-4, max: 0.01, default: 0.002 },
    noise: 10,
    equalAxes: true,
  }),
};
