// Every change the UI makes to the state, as small functions that keep it valid.
import { optimizers, testFunctions } from '../core';
import type { OptimizerKind, Vec2 } from '../core';
import { limits, type PlaygroundState, type RunState } from './playground';
import { buildFunction, type SceneFunction } from './scene';

const DEFAULT_BATCH = 8;

/** A new run of a kind, with settings that make sense on the function at hand. */
export function newRun(fn: SceneFunction, kind: OptimizerKind, id: number): RunState {
  return {
    id, kind,
    lr: fn.lr.default,
    alpha: optimizers[kind].usesAlpha ? 0.9 : 0,
    batch: kind === 'minibatch' ? Math.min(DEFAULT_BATCH, fn.n) : kind === 'sgd' ? 1 : fn.n,
    seed: id + 1,
    visible: true,
  };
}

export function addRun(s: PlaygroundState, kind: OptimizerKind): void {
  if (s.runs.length >= limits.runs.max) return;
  const id = s.runs.reduce((m, r) => Math.max(m, r.id), -1) + 1;
  s.runs.push(newRun(buildFunction(s.fn), kind, id));
}

export function removeRun(s: PlaygroundState, id: number): void {
  s.runs = s.runs.filter((r) => r.id !== id);
}

/**
 * Switches to another function (a test function's id, or FORMULA_ID with the formula already set):
 * its parameters and box reset, and the start, η and noise move to what suits it, so the runs stay comparable.
 */
export function selectFunction(s: PlaygroundState, id: string): void {
  const def = testFunctions.find((d) => d.id === id);
  s.fn.id = id;
  s.fn.params = def ? Object.fromEntries(Object.entries(def.params).map(([k, p]) => [k, p.default])) : {};
  s.fn.view = undefined;
  const fn = buildFunction(s.fn);
  s.fn.noise = fn.noise;
  s.start = [...fn.start] as Vec2;
  for (const r of s.runs) {
    r.lr = fn.lr.default;
    r.batch = fullBatch(r, s.fn.samples) ? fn.n : Math.min(r.batch, fn.n);
  }
}

/**
 * A run that averaged all samples keeps doing so when their number changes, except a mini-batch run:
 * its batch is the user's choice, only clamped to N.
 */
function fullBatch(r: RunState, n: number): boolean {
  return r.kind !== 'minibatch' && r.batch >= n;
}

export function setSamples(s: PlaygroundState, n: number): void {
  for (const r of s.runs) r.batch = fullBatch(r, s.fn.samples) ? n : Math.min(r.batch, n);
  s.fn.samples = n;
}
