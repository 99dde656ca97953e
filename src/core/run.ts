import type { TestFunction } from './functions/types';
import { createOracle } from './oracle';
import { batchOf, optimizerDef, type OptimizerSpec } from './optimizers';
import { constantStep, scheduleLr } from './schedules';
import { settingValues } from './settings';
import type { Objective, Vec2 } from './types';

export const MAX_STEPS = 10_000;

export interface SimulateSpec {
  objective: Objective;
  optimizer: OptimizerSpec;
  start: Vec2;
  steps: number;
  /** Fixes the mini-batches drawn; irrelevant for full-gradient runs. */
  seed?: number;
  /** A run has run away once |x| or |y| exceeds this; by default 100 times the objective's view. */
  bound?: number;
}

export interface Trajectory {
  /** points[t] = x_t, from points[0] = start, up to the last finite iterate. */
  points: Vec2[];
  /** losses[t] = f(x_t), the full objective. */
  losses: number[];
  /** velocities[t] = h_t (h_0 = 0) for rules with inertia, else null. */
  velocities: Vec2[] | null;
  /**
   * What each step used, for the figures that explain it: index t − 1 belongs to the step that made x_t.
   * gradients: the gradient the rule took (a mini-batch's for stochastic runs), exactly as the oracle gave
   * it; gradientPoints: where it was taken (x_{t−1}, or Nesterov's look-ahead); lrs: η_t.
   */
  gradients: Vec2[];
  gradientPoints: Vec2[];
  lrs: number[];
  /** The first step whose iterate or loss was not finite, or ran away; null when the run kept going. */
  diverged: null | { step: number };
}

function defaultBound(objective: Objective): number {
  const view = (objective as Partial<TestFunction>).view;
  if (!view) return 1e6;
  return 100 * Math.max(...view.x.map(Math.abs), ...view.y.map(Math.abs));
}

function check(spec: SimulateSpec): void {
  const { optimizer: o, start, steps } = spec;
  if (!Number.isInteger(steps) || steps < 0 || steps > MAX_STEPS) {
    throw new RangeError(`steps must be a whole number from 0 to ${MAX_STEPS}, got ${steps}`);
  }
  if (!(o.lr > 0) || !Number.isFinite(o.lr)) throw new RangeError(`η must be a positive number, got ${o.lr}`);
  if (!start.every(Number.isFinite)) throw new RangeError(`The start must be finite, got ${start}`);
}

/** Runs one optimizer from one start: the same spec and seed give the same trajectory, bit for bit. */
export function simulate(spec: SimulateSpec): Trajectory {
  check(spec);
  const { objective, optimizer, steps } = spec;
  const def = optimizerDef(optimizer.kind);
  // Settings out of their ranges throw here, naming the setting and its range.
  const rule = def.rule(settingValues(def.hyper, optimizer as Record<string, unknown>, optimizer.kind));
  const schedule = optimizer.schedule ?? { kind: 'constant' };
  const lrAt = scheduleLr(schedule, optimizer.lr);
  const grad = createOracle(objective, batchOf(optimizer), spec.seed ?? 0);
  // A constant step needs no call per step.
  const constant = constantStep(schedule);
  const bound = spec.bound ?? defaultBound(objective);
  const inBounds = (p: Vec2, fx: number) =>
    Number.isFinite(fx) && Math.abs(p[0]) <= bound && Math.abs(p[1]) <= bound;

  let x: Vec2 = [spec.start[0], spec.start[1]];
  let state = rule.init();
  const f0 = objective.f(x);
  const velocities: Vec2[] | null = rule.velocity ? [rule.velocity(state)] : null;
  const gradients: Vec2[] = [], gradientPoints: Vec2[] = [], lrs: number[] = [];
  if (!inBounds(x, f0)) return { points: [], losses: [], velocities: velocities && [], gradients, gradientPoints, lrs, diverged: { step: 0 } };
  const points: Vec2[] = [x];
  const losses = [f0];
  for (let t = 1; t <= steps; t++) {
    const lr = constant ? optimizer.lr : lrAt(t);
    const next = rule.step(x, state, grad, lr);
    const fx = objective.f(next.x);
    // A non-finite coordinate fails the bound test too: NaN compares false.
    if (!inBounds(next.x, fx)) return { points, losses, velocities, gradients, gradientPoints, lrs, diverged: { step: t } };
    x = next.x;
    state = next.state;
    points.push(x);
    losses.push(fx);
    gradients.push(next.g);
    gradientPoints.push(next.at);
    lrs.push(lr);
    if (velocities) velocities.push(rule.velocity!(state));
  }
  return { points, losses, velocities, gradients, gradientPoints, lrs, diverged: null };
}
