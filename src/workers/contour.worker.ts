// A worker that paints the live contour (draw/contour.ts) into a bitmap for the page: the function sampled
// over its own box (the levels) and over the area shown, then every pixel's band and the level lines. The
// page's thread keeps the frame for the paths, and draws the bitmap when it comes.
import type { Box } from '../core';
import { paintContour, type ContourDrawn, type Extremum } from '../draw/contour';
import type { Frame } from '../draw/frame';
import type { FunctionState } from '../state/playground';
import { baseFunction, surface, surfaceOver } from '../state/scene';

export interface ContourRequest {
  /** The function before any noise: what the contour shows. */
  fn: Pick<FunctionState, 'id' | 'params' | 'formula' | 'view'>;
  /** The data the plot area shows (the frame's ranges, or a pan's). */
  area: Box;
  frame: Frame;
  dpr: number;
  extrema: Extremum[];
}

export interface ContourResult {
  bitmap: ImageBitmap;
  drawn: ContourDrawn;
}

/** The last function's levels: a pan or a resize changes the area alone. */
let levels: { key: string; base: ReturnType<typeof baseFunction>; grid: ReturnType<typeof surface> } | null = null;

self.onmessage = (e: MessageEvent<ContourRequest>) => {
  const { fn, area, frame, dpr, extrema } = e.data;
  const key = JSON.stringify(fn);
  if (levels?.key !== key) {
    const base = baseFunction(fn);
    levels = { key, base, grid: surface(base) };
  }
  const canvas = new OffscreenCanvas(1, 1);
  const drawn = paintContour(canvas, frame, surfaceOver(levels.base, levels.grid, area), extrema, dpr);
  const result: ContourResult = { bitmap: canvas.transferToImageBitmap(), drawn };
  (self as unknown as Worker).postMessage(result, [result.bitmap]);
};
