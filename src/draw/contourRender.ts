// One painting of the live contour, for the contour worker and for the page's very first picture (which
// should not wait for a worker to start while Plotly's bundle loads): the function sampled over its own box
// (the levels, kept while only the area changes) and over the area shown, painted into a bitmap with the
// function's minima and saddles.
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
}

export interface ContourResult {
  bitmap: ImageBitmap;
  drawn: ContourDrawn;
}

/** The last function's levels and marked points: a pan or a resize changes the area alone. */
let levels: { key: string; base: ReturnType<typeof baseFunction>; grid: ReturnType<typeof surface>; extrema: Extremum[] } | null = null;

export function renderContour({ fn, area, frame, dpr }: ContourRequest): ContourResult {
  const key = JSON.stringify(fn);
  if (levels?.key !== key) {
    const base = baseFunction(fn);
    const extrema = [
      ...base.minima.map(([x, y]): Extremum => ({ x, y, symbol: 'star' })),
      ...base.saddles.map(([x, y]): Extremum => ({ x, y, symbol: 'diamond' })),
    ];
    levels = { key, base, grid: surface(base), extrema };
  }
  const canvas = new OffscreenCanvas(1, 1);
  const drawn = paintContour(canvas, frame, surfaceOver(levels.base, levels.grid, area), levels.extrema, dpr);
  return { bitmap: canvas.transferToImageBitmap(), drawn };
}
