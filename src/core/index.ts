// The engine's public surface, shared by the UI, the tests and any tooling.
export type { Box, FiniteSum, Objective, Range, Vec2 } from './types';
export { getTestFunction, hoursData, irisData, testFunctions } from './functions';
export type { FunctionDef, ParamSpec, TestFunction } from './functions';
export { withNoise, type NoiseSpec } from './noise';
export { createOracle, isFiniteSum, sampleCount, type GradFn } from './oracle';
export {
  batchChosen, batchOf, batchSize, fullByDefault, mayBatch, optimizerDef, optimizerKinds, optimizers,
  type HyperName, type OptimizerDef, type OptimizerKind, type OptimizerSpec, type UpdateRule,
} from './optimizers';
export {
  constantStep, scheduleCurve, scheduleDef, scheduleKinds, scheduleLr, scheduleParams, schedules, scheduleTex,
  type Schedule, type ScheduleKind, type ScheduleParam,
} from './schedules';
export { namedSettings, settingValues, type SettingSpec } from './settings';
export { MAX_STEPS, simulate, type SimulateSpec, type Trajectory } from './run';
export { logGrid, sampleGrid, type Grid, type LogGrid } from './grid';
export { createRng, type Rng } from './rng';
export * as theory from './theory';
export { measuredRate, spaced, theoryMap } from './ratemap';
export { RANGE_POINTS_MAX, rangeEdge, rangeGrid, rangePoint, rangeTest, type RangePoint } from './rangetest';
export { batchCovariance, batchGradients, ellipse, type Sym2 } from './cloud';
export { hessianAt, suggestLr } from './curvature';
export { fitBox, minimaBox } from './fit';
export { descend, searchMinima } from './minima';
