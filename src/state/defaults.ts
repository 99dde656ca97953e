import { getTestFunction } from '../core';
import type { Vec2 } from '../core';
import { newRun } from './actions';
import type { PlaygroundState } from './playground';
import { buildFunction } from './scene';

/** The formula field's text until someone types one: a link names the formula only when it differs. */
export const DEFAULT_FORMULA = 'x^2 + 10*y^2';

/**
 * The page a first visit opens on tells the lecture's story: on a ravine with κ = 25, GD at a step
 * near its stability limit zig-zags across the floor, while Momentum and Nesterov, summing their
 * steps, cancel the zig-zag and run along it.
 */
export function defaultState(): PlaygroundState {
  const quad = getTestFunction('quadratic');
  const s: PlaygroundState = {
    fn: { id: 'quadratic', params: { kappa: 25, theta: 20 }, formula: DEFAULT_FORMULA, samples: 32, noise: quad.noise, noiseSeed: 1 },
    runs: [],
    start: [...quad.start] as Vec2,
    steps: 100,
  };
  const fn = buildFunction(s.fn);
  s.start = [...fn.start] as Vec2;
  s.runs = [
    { ...newRun(fn, 'gd', 0), lr: 1.8 },
    { ...newRun(fn, 'momentum', 1), lr: 0.3, params: { alpha: 0.8 } },
    { ...newRun(fn, 'nesterov', 2), lr: 0.3, params: { alpha: 0.8 } },
  ];
  return s;
}
