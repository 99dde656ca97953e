// One painting of the live contour, for the contour worker and for the page's very first picture (which
// should not wait for a worker to start while Plotly's bundle loads): the function sampled over its own box
// (the levels, kept while only the area changes) and over the area shown, painted into a bitmap with the
// function's minima and saddles.
//
// A draft, painted while a drag asks for contours faster than full ones can be painted, samples half as
// many points a side and fills half as many pixels a side (a quarter of the work); the page shows it
// stretched, and the full painting follows once the drag rests (workers/contour.worker.ts decides).
import type { Box } from '../core';
import type { FunctionState } from '../state/playground';
import { baseFunction, surface, surfaceOver } from '../state/scene';
import { paintContour, type ContourDrawn, type Extremum } from './contour';
import type { Frame } from './frame';

export interface ContourRequest {
  /** The function before any noise: what the contour shows. */
  fn: Pick<FunctionState, 'id' | 'params' | 'formula' | 'view'>;
  /** The data the plot area shows (the frame's ranges, or a pan's). */
  area: Box;
  frame: Frame;
  dpr: number;
  /** Which request this is: the answer names it, so the page knows when its last request is painted. */
  seq: number;
}

export interface ContourResult {
  bitmap: ImageBitmap;
  drawn: ContourDrawn & { seq: number; draft: boolean };
}

/**
 * Whether a change `interval` ms after the one before should be painted as a draft, when a full painting
 * last took `fullCost` ms: changes closer than 100 ms are one drag, and a full painting over 8 ms (half a
 * frame: the worker shares two cores with the page's thread and the compositor) is too slow for it.
 */
export function draftWanted(interval: number, fullCost: number): boolean {
  return interval < 100 && fullCost > 8;
}

/** Samples a side of the grids: a full painting's, and a draft's. */
const FULL = 200, DRAFT = 100;

/** The last function's levels and marked points: a pan or a resize changes the area alone. */
let levels: { key: string; base: ReturnType<typeof baseFunction>; grid: ReturnType<typeof surface>; extrema: Extremum[] } | null = null;
/** One canvas for every painting: its pixels leave with each bitmap. */
let canvas: OffscreenCanvas | null = null;

export function renderContour({ fn, area, frame, dpr, seq }: ContourRequest, draft = false): ContourResult {
  const n = draft ? DRAFT : FULL;
  const key = JSON.stringify([fn, n]);
  if (levels?.key !== key) {
    const base = baseFunction(fn);
    const extrema = [
      ...base.minima.map(([x, y]): Extremum => ({ x, y, symbol: 'star' })),
      ...base.saddles.map(([x, y]): Extremum => ({ x, y, symbol: 'diamond' })),
    ];
    levels = { key, base, grid: surface(base, n), extrema };
  }
  canvas ??= new OffscreenCanvas(1, 1);
  const drawn = paintContour(canvas, frame, surfaceOver(levels.base, levels.grid, area), levels.extrema, draft ? dpr / 2 : dpr);
  return { bitmap: canvas.transferToImageBitmap(), drawn: { ...drawn, seq, draft } };
}
