// The live contour's colour bar, laid out by us beside the plot area (the page draws it as SVG, so that it
// follows the function at the display's rate): the bands in the contour's colours, the grid's ticks, its title.
// Its place and size are those the exported figure asks Plotly for: 8 px right of the area (then Plotly's
// padding of 4), 10 px thick, 90 % of the area's height less 10 px of padding at either end, centred.
import type { LogGrid } from '../core';
import { bandColors, contourLevels } from './contour';
import type { Frame } from './frame';

export interface ColorBarLayout {
  /** The bar's rectangle, CSS pixels in the plot's box. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Bottom to top: each band's top and height and its colour. */
  bands: { y: number; height: number; color: string }[];
  /** Where the bar crosses each level (its level lines, as on the contour). */
  levels: number[];
  ticks: { y: number; text: string }[];
}

export const COLORBAR = { gap: 8, pad: 4, ypad: 10, thickness: 10, len: 0.9 };

export function colorBar(frame: Frame, grid: Pick<LogGrid, 'min' | 'max' | 'ticks'>, decimal = '.'): ColorBarLayout {
  const height = Math.max(0, frame.y.length * COLORBAR.len - 2 * COLORBAR.ypad);
  const x = frame.x.offset + frame.x.length + COLORBAR.gap + COLORBAR.pad;
  const y = frame.y.offset + (frame.y.length - height) / 2;
  const levels = contourLevels(grid);
  const bar = { x, y, width: COLORBAR.thickness, height };
  if (levels.count === 0) return { ...bar, bands: [], levels: [], ticks: [] };
  const span = grid.max - grid.min;
  const at = (v: number) => y + height - ((v - grid.min) / span) * height;
  const colors = bandColors();
  // The bar spans the levels: its k-th band lies between levels k and k + 1.
  const bands = Array.from({ length: levels.count - 1 }, (_, k) => {
    const top = at(levels.start + (k + 1) * levels.size), bottom = at(levels.start + k * levels.size);
    const [r, g, b] = colors[k + 1];
    return { y: top, height: bottom - top, color: `rgb(${r}, ${g}, ${b})` };
  });
  const ticks = grid.ticks.values.flatMap((v, i) =>
    v >= grid.min - 1e-9 * span && v <= grid.max + 1e-9 * span ? [{ y: at(v), text: grid.ticks.labels[i].replace('.', decimal) }] : [],
  );
  const lines = Array.from({ length: levels.count }, (_, k) => at(levels.start + k * levels.size));
  return { ...bar, bands, levels: lines, ticks };
}
