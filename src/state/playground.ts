import type { Box, OptimizerKind, ScheduleKind, Vec2 } from '../core';

/** One optimizer's run in the comparison. */
export interface RunState {
  /** Stable while the run exists: keys the UI's lists and picks the run's colour. */
  id: number;
  kind: OptimizerKind;
  lr: number;
  /** The rule's own settings besides η, by name (α; β₁, β₂, ε; …): every one its table entry lists. */
  params: Record<string, number>;
  /** How η changes with t. */
  schedule: ScheduleState;
  /** Samples per step, for the kinds whose batch is the user's to choose. */
  batch: number;
  seed: number;
  visible: boolean;
}

/** A step-size schedule and every one of its settings. */
export interface ScheduleState {
  kind: ScheduleKind;
  params: Record<string, number>;
}

/** The function being minimised: a test function (the least-squares fit among them) or a typed formula. */
export interface FunctionState {
  id: string;
  params: Record<string, number>;
  /** The formula, used when id is FORMULA_ID; always one that parses. */
  formula: string;
  /** The finite sum behind stochastic gradients: N samples whose gradient noise has this RMS size. */
  samples: number;
  noise: number;
  noiseSeed: number;
  /** The box the contour is computed over, when the user set one; else the function's own view. */
  view?: Box;
}

export interface PlaygroundState {
  fn: FunctionState;
  runs: RunState[];
  start: Vec2;
  steps: number;
}

export const FORMULA_ID = 'formula';

/**
 * What every numeric field, and a link, accepts (FieldRule shapes), besides the settings of rules and
 * schedules, which their tables in the engine describe. η's slider range comes from the function and
 * the rule; its field takes anything positive up to `lr.max`.
 */
export const limits = {
  steps: { min: 1, max: 2000, integer: true },
  lr: { min: 0, max: 100, minExclusive: true },
  seed: { min: 0, max: 999_999, integer: true },
  samples: { min: 2, max: 1000, integer: true },
  noise: { min: 0, max: 1000 },
  /** Start points and zoom boxes. */
  coordinate: { min: -1e6, max: 1e6 },
  runs: { max: 8 },
  /** K, the seeds each stochastic run is repeated with. */
  seeds: { min: 1, max: 64, integer: true },
  /** The race's ε in f − f* ≤ ε. */
  target: { min: 0, max: 1e6, minExclusive: true },
  /** An embedded figure's iframe on a course page, in CSS pixels: room for the contour, at most a large screen. */
  embedWidth: { min: 320, max: 3840, integer: true },
  embedHeight: { min: 240, max: 2160, integer: true },
} as const;

/**
 * Whether a box can be drawn: each side longer than a billionth of its size (of 1 near the origin). A
 * narrower one runs out of doubles between its pixels (a zoom 5e-324 wide blanked the contour).
 */
export function drawableBox(b: Box): boolean {
  const wide = ([lo, hi]: readonly [number, number]) => hi - lo >= 1e-9 * Math.max(1, Math.abs(lo), Math.abs(hi));
  return wide(b.x) && wide(b.y);
}
