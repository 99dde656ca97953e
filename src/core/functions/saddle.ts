import type { FunctionDef } from './types';

// A saddle at the origin between two minima at (0, ±1): f = x² + y⁴/4 − y²/2.
// Bounded below, unlike x² − y², so a run that escapes the saddle has somewhere to go,
// and a run started on the ridge y = 0 shows that only noise or a nudge gets it off.
export const saddle: FunctionDef = {
  id: 'saddle',
  params: {},
  make: () => ({
    id: 'saddle',
    f: ([x, y]) => x * x + (y * y * y * y) / 4 - (y * y) / 2,
    grad: ([x, y]) => [2 * x, y * y * y - y],
    view: { x: [-2, 2], y: [-2, 2] },
    minima: [[0, 1], [0, -1]],
    fMin: -0.25,
    saddles: [[0, 0]],
    start: [-1.8, 0.01],
    lr: { min: 0.001, max: 1, default: 0.1 },
    noise: 0.3,
    equalAxes: true,
  }),
};
