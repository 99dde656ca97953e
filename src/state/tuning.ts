// What the page can suggest from the function itself: a step size from the curvature at the start,
// and a box around where the runs go.
import { fitBox, suggestLr } from '../core';
import type { Box } from '../core';
import { selectFunction } from './actions';
import { FORMULA_ID, type PlaygroundState } from './playground';
import { buildFunction, type SceneFunction } from './scene';

/** η ≈ 1/L from the curvature at the state's start, within the function's η range. */
export function suggestedLr(fn: SceneFunction, s: Pick<PlaygroundState, 'start'>): number {
  return suggestLr(fn, s.start, fn.lr);
}

/** Every run takes the suggested η (their own α, batch and seed stay). */
export function useSuggestedLr(s: PlaygroundState): void {
  const lr = suggestedLr(buildFunction(s.fn), s);
  for (const r of s.runs) r.lr = lr;
}

/**
 * A new formula (one that parses) becomes the function; its runs take the η its curvature at the start
 * allows, since a formula's steepness can differ from the last one's by orders of magnitude.
 */
export function applyFormula(s: PlaygroundState, text: string): void {
  s.fn.formula = text;
  if (s.fn.id !== FORMULA_ID) selectFunction(s, FORMULA_ID);
  useSuggestedLr(s);
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
