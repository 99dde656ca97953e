// Every change the UI makes to the playground's state goes through these small functions, which keep
// it valid. Components call them through the page's callbacks and never write the state themselves.
import { batchSize, fitBox, fullByDefault, minimaBox, optimizerDef, scheduleDef, testFunctions } from '../core';
import type { Box, OptimizerKind, ScheduleKind, Vec2 } from '../core';
import { FORMULA_ID, limits, type PlaygroundState, type RunState } from './playground';
import { buildFunction, lrRange, safeLr, type SceneFunction } from './scene';
import { lrSlider, nudge, settingSlider } from './sliders';

const defaults = (specs: Readonly<Record<string, { default: number }>>) =>
  Object.fromEntries(Object.entries(specs).map(([k, p]) => [k, p.default]));

/** The batch a new run of a kind takes on a sum of n samples: all n, one, or the rule's default mini-batch. */
export function defaultBatch(kind: OptimizerKind, n: number): number {
  return batchSize(kind, n);
}

/** The seed of a new run's mini-batches: its own, so that two runs never share their draws. */
export const defaultSeed = (id: number) => id + 1;

/** A new run of a kind, with settings that make sense on the function at hand. */
export function newRun(fn: SceneFunction, kind: OptimizerKind, id: number): RunState {
  return {
    id, kind,
    lr: lrRange(fn, kind).default,
    params: defaults(optimizerDef(kind).hyper),
    schedule: { kind: 'constant', params: defaults(scheduleDef('constant').params) },
    batch: defaultBatch(kind, fn.n),
    seed: defaultSeed(id),
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

/** What a run card may change of its run: the values its fields and sliders have already checked. */
export type RunChange =
  | { lr: number }
  | { param: string; value: number }
  | { batch: number }
  | { seed: number }
  | { visible: boolean }
  | { schedule: ScheduleKind }
  | { scheduleParam: string; value: number };

export function changeRun(s: PlaygroundState, id: number, change: RunChange): void {
  const r = s.runs.find((x) => x.id === id);
  if (!r) return;
  if ('lr' in change) r.lr = change.lr;
  else if ('param' in change) r.params[change.param] = change.value;
  else if ('batch' in change) r.batch = change.batch;
  else if ('seed' in change) r.seed = change.seed;
  else if ('visible' in change) r.visible = change.visible;
  else if ('schedule' in change) {
    // Another decay after the same warmup: the warmup stays where the new kind takes one.
    const params = defaults(scheduleDef(change.schedule).params);
    if ('warmup' in params && 'warmup' in r.schedule.params) params.warmup = r.schedule.params.warmup;
    r.schedule = { kind: change.schedule, params };
  }
  else r.schedule.params[change.scheduleParam] = change.value;
}

/**
 * A key press on a run's η or on its rule's own knob (α, β₁, ρ: the setting its rate map spans): `by`
 * positions along the setting's slider, clamped to its ends. A rule without a knob leaves the knob alone.
 */
export function nudgeRun(s: PlaygroundState, fn: SceneFunction, id: number, setting: 'lr' | 'knob', by: number): void {
  const r = s.runs.find((x) => x.id === id);
  if (!r) return;
  const def = optimizerDef(r.kind);
  if (setting === 'lr') changeRun(s, id, { lr: nudge(r.lr, lrSlider(lrRange(fn, r.kind)), by) });
  else if (def.map) changeRun(s, id, { param: def.map, value: nudge(r.params[def.map], settingSlider(def.hyper[def.map]), by) });
}

/**
 * Switches to another function (a test function's id, or FORMULA_ID with the formula already set):
 * its parameters and box reset, and the start, η and noise move to what suits it, so the runs stay comparable.
 */
export function selectFunction(s: PlaygroundState, id: string): void {
  const def = testFunctions.find((d) => d.id === id);
  s.fn.id = id;
  s.fn.params = def ? defaults(def.params) : {};
  s.fn.view = undefined;
  const fn = buildFunction(s.fn);
  s.fn.noise = fn.noise;
  s.start = [...fn.start] as Vec2;
  for (const r of s.runs) {
    r.lr = lrRange(fn, r.kind).default;
    r.batch = fullBatch(r, s.fn.samples) ? fn.n : Math.min(r.batch, fn.n);
  }
}

/**
 * A new formula (one that parses) becomes the function; its runs take the η its curvature at the start
 * allows, since a formula's steepness can differ from the last one's by orders of magnitude.
 */
export function applyFormula(s: PlaygroundState, text: string): void {
  const fresh = text !== s.fn.formula || s.fn.id !== FORMULA_ID;
  s.fn.formula = text;
  if (s.fn.id !== FORMULA_ID) selectFunction(s, FORMULA_ID);
  // Its own box: around the start and the minima a search finds, else where a short run from the start goes
  // (the last formula's box hid Himmelblau's minima).
  if (fresh) {
    const fn = buildFunction({ ...s.fn, view: undefined });
    setBox(s, minimaBox(fn, s.start, fn.view) ?? fitBox(fn, s.start, fn.view));
  }
  useSuggestedLr(s);
}

/**
 * Every gradient run takes the η the curvature at the start suggests, halved until none diverges (their own
 * α, batch and seed stay);
 * the adaptive rules, whose η is a length, keep theirs.
 */
export function useSuggestedLr(s: PlaygroundState): void {
  const lr = safeLr(buildFunction(s.fn), s);
  for (const r of s.runs) if (optimizerDef(r.kind).lrUnit === 'curvature') r.lr = lr;
}

/** Sets the box the contour is computed over; an empty or inverted box is refused (returns false). */
export function setBox(s: PlaygroundState, box: Box): boolean {
  if (!(box.x[0] < box.x[1] && box.y[0] < box.y[1])) return false;
  s.fn.view = { x: [box.x[0], box.x[1]], y: [box.y[0], box.y[1]] };
  return true;
}

/** The box around the start and the nearby minimum (see fitBox), from the function before noise. */
export function fitView(s: PlaygroundState): void {
  const fn = buildFunction({ ...s.fn, view: undefined });
  setBox(s, fitBox(fn, s.start, fn.view));
}

/** Back to the function's own box. */
export function resetBox(s: PlaygroundState): void {
  s.fn.view = undefined;
}

export function setFunctionParam(s: PlaygroundState, name: string, value: number): void {
  s.fn.params[name] = value;
}

/** The finite sum's noise scale or seed. */
export function setNoise(s: PlaygroundState, change: { noise: number } | { noiseSeed: number }): void {
  if ('noise' in change) s.fn.noise = change.noise;
  else s.fn.noiseSeed = change.noiseSeed;
}

/**
 * A run that averaged all samples keeps doing so when their number changes, unless its batch is a
 * mini-batch by default (a mini-batch run): that one is the user's choice, only clamped to N.
 */
function fullBatch(r: RunState, n: number): boolean {
  return fullByDefault(r.kind) && r.batch >= n;
}

export function setSamples(s: PlaygroundState, n: number): void {
  for (const r of s.runs) r.batch = fullBatch(r, s.fn.samples) ? n : Math.min(r.batch, n);
  s.fn.samples = n;
}

export function setStart(s: PlaygroundState, p: Vec2): void {
  s.start = [p[0], p[1]];
}

export function setSteps(s: PlaygroundState, steps: number): void {
  s.steps = steps;
}
