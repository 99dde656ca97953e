import { createRng, shuffle } from './rng';
import type { FiniteSum, Objective, Vec2 } from './types';

/** Where an update rule gets its gradients: each call may draw a new mini-batch. */
export type GradFn = (p: Vec2) => Vec2;

export function isFiniteSum(o: Objective): o is FiniteSum {
  return typeof (o as FiniteSum).batchGrad === 'function' && Number.isInteger((o as FiniteSum).n);
}

/** The number of samples of an objective: a plain objective is a sum of one term, itself. */
export function sampleCount(o: Objective): number {
  return isFiniteSum(o) ? o.n : 1;
}

/**
 * The gradient oracle of a run. A batch of `batchSize` samples (all of them when left out) is drawn
 * without replacement within an epoch; when fewer than a batch remain, the epoch ends and the samples
 * are reshuffled, so every step averages exactly `batchSize` distinct samples. A batch of all N is the
 * full gradient itself, since the samples' mean is the gradient by construction.
 */
export function createOracle(objective: Objective, batchSize: number | undefined, seed: number): GradFn {
  const n = sampleCount(objective);
  if (batchSize === undefined || batchSize >= n || !isFiniteSum(objective)) return objective.grad;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`The batch size must be a whole number from 1 to ${n}, got ${batchSize}`);
  }
  const rng = createRng(seed);
  const order = Uint32Array.from({ length: n }, (_, i) => i);
  let next = n;
  return (p) => {
    if (next + batchSize > n) {
      shuffle(order, rng);
      next = 0;
    }
    const g = objective.batchGrad(p, order, next, batchSize);
    next += batchSize;
    return g;
  };
}
