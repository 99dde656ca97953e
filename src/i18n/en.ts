// Every string the UI shows, in one place, so a Russian table can stand beside it.
import type { OptimizerKind } from '../core';

export const functionNames: Record<string, string> = {
  quadratic: 'Ravine (elongated quadratic)',
  rosenbrock: 'Rosenbrock',
  beale: 'Beale',
  himmelblau: 'Himmelblau',
  booth: 'Booth',
  matyas: 'Matyas',
  saddle: 'Saddle point',
  rastrigin: 'Rastrigin',
  camel: 'Six-hump camel',
  leastsquares: 'Least squares: exam score vs hours',
  formula: 'Your formula',
};

export const paramNames: Record<string, string> = {
  kappa: 'Condition number κ',
  theta: 'Rotation θ (degrees)',
};

export const kindNames: Record<OptimizerKind, string> = {
  gd: 'GD',
  sgd: 'SGD',
  minibatch: 'Mini-batch GD',
  momentum: 'Momentum',
  nesterov: 'Nesterov',
};

export const presetTexts: Record<string, { title: string; caption: string }> = {
  ravine: {
    title: 'Gradient descent in a ravine',
    caption: 'Level lines stretched 50 : 1. The gradient is perpendicular to them, so GD at η close to 2/L jumps from wall to wall and crawls along the floor.',
  },
  inertia: {
    title: 'Without inertia / with inertia',
    caption: 'GD (η = 1.8) and Momentum (α = 0.8, η = 0.36: the same long-run step η/(1−α)). Summed, the steps across the ravine cancel and the steps along it add up.',
  },
  nesterov: {
    title: 'Momentum vs Nesterov',
    caption: 'Same η and α. Momentum overshoots and swings across the ravine; Nesterov takes the gradient where its inertia is carrying it, and the swing dies out.',
  },
  batch: {
    title: 'Which batch size to take?',
    caption: 'SGD (one sample), mini-batches of 4 and 16, and GD on all 64: the same step, with gradient noise that shrinks as the batch grows.',
  },
  stepsize: {
    title: 'The step size matters',
    caption: 'GD with η = 0.1 (too small: it crawls), η = 1 (good) and η = 2.2 > 2/L (too large: it diverges).',
  },
};
