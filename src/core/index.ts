// The engine's public surface, shared by the UI, the tests and any tooling.
export type { Box, FiniteSum, Objective, Range, Vec2 } from './types';
export { getTestFunction, hoursData, testFunctions } from './functions';
export type { FunctionDef, ParamSpec, TestFunction } from './functions';
export { withNoise, type NoiseSpec } from './noise';
export { createOracle, isFiniteSum, sampleCount, type GradFn } from './oracle';
export { optimizers, type OptimizerKind, type OptimizerSpec, type UpdateRule } from './optimizers';
export { MAX_STEPS, simulate, type SimulateSpec, type Trajectory } from './run';
export { logGrid, sampleGrid, type Grid, type LogGrid } from './grid';
export { createRng, type Rng } from './rng';
export * as theory from './theory';
export { hessianAt, suggestLr } from './curvature';
export { fitBox } from './fit';
