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
