// The first look of the contour while Plotly (most of the bundle) is still loading: the engine's own grid
// painted as the same colour bands Plotly will fill, under the place Plotly's plot will cover exactly.
import type { LogGrid } from '../core';
import { projection, type Frame } from './frame';
import { contourScale, contourBands } from './palette';

function rgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The colour scale at t ∈ [0, 1], as Plotly interpolates it (linearly in RGB between stops). */
function colorAt(t: number): [number, number, number] {
  let i = 1;
  while (i < contourScale.length - 1 && contourScale[i][0] < t) i++;
  const [t0, c0] = contourScale[i - 1], [t1, c1] = contourScale[i];
  const u = Math.min(1, Math.max(0, (t - t0) / (t1 - t0)));
  const a = rgb(c0), b = rgb(c1);
  return [0, 1, 2].map((k) => Math.round(a[k] + (b[k] - a[k]) * u)) as [number, number, number];
}

export function contourImage(canvas: HTMLCanvasElement, frame: Frame, grid: LogGrid): void {
  const nx = grid.x.length, ny = grid.y.length;
  const dpr = devicePixelRatio || 1;
  canvas.width = Math.round(frame.width * dpr);
  canvas.height = Math.round(frame.height * dpr);
  const ctx = canvas.getContext('2d')!;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  if (!(grid.max > grid.min)) return;
  const cells = new OffscreenCanvas(nx, ny);
  const img = new ImageData(nx, ny);
  const size = (grid.max - grid.min) / contourBands;
  for (let j = 0; j < ny; j++) {
    // Image rows run downwards, the grid's y upwards.
    const row = (ny - 1 - j) * nx;
    for (let i = 0; i < nx; i++) {
      const z = grid.z[j][i];
      if (z === null) continue;
      // The band z lies in, coloured at its middle: what a filled contour shows.
      const band = Math.min(contourBands - 1, Math.floor((z - grid.min) / size));
      const [r, g, b] = colorAt((band + 0.5) / contourBands);
      const o = 4 * (row + i);
      img.data[o] = r;
      img.data[o + 1] = g;
      img.data[o + 2] = b;
      img.data[o + 3] = 255;
    }
  }
  cells.getContext('2d')!.putImageData(img, 0, 0);
  const { px, py } = projection(frame);
  const x0 = px(grid.x[0]), x1 = px(grid.x[nx - 1]), y0 = py(grid.y[ny - 1]), y1 = py(grid.y[0]);
  ctx.save();
  ctx.beginPath();
  ctx.rect(frame.x.offset, frame.y.offset, frame.x.length, frame.y.length);
  ctx.clip();
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(cells, x0, y0, x1 - x0, y1 - y0);
  ctx.restore();
}
