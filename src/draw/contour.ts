// The live contour, painted by us under Plotly's axes: filled bands and level lines on the levels and
// colours Plotly's own filled contour uses (exports still hand the grid to Plotly), so a change of the
// function costs a repaint instead of a Plotly redraw. The painting runs in a worker (contourLayer.ts):
// sampling two grids and filling every pixel would otherwise take most of a frame from the page.
//
// Plotly (contour, coloring 'fill', zmin/zmax given, start = zmin, end = zmax, size = (end − start)/bands)
// draws levels start + k·size, k = 0 … count − 1, fills the band between levels k and k + 1 with the scale at
// (k + ½)/bands, everything below the first level with the scale's first colour and above the last with its
// last. The tests compare this with Plotly's export of the same state.
import type { LogGrid } from '../core';
import { hexRgb } from './contrast';
import { projection, type Frame } from './frame';
import { contourBands, contourScale, EXTREMUM, LEVEL_LINE } from './palette';

/** Where the level lines lie: start + k · size for k = 0 … count − 1 (count 0 for a flat or empty grid). */
export interface Levels {
  start: number;
  size: number;
  count: number;
}

export function contourLevels(grid: Pick<LogGrid, 'min' | 'max'>): Levels {
  const { min, max } = grid;
  if (!(max > min) || !Number.isFinite(max - min)) return { start: Number.isFinite(min) ? min : 0, size: 0, count: 0 };
  const size = (max - min) / contourBands;
  // Plotly counts levels up to end + 10⁻⁶ size, so the top one survives rounding.
  return { start: min, size, count: Math.floor((max - min) / size + 1e-6) + 1 };
}

/** The colour scale at s ∈ [0, 1] (clamped), interpolated linearly in RGB between its stops, as Plotly does. */
export function scaleColor(s: number): [number, number, number] {
  const t = Math.min(1, Math.max(0, s));
  let i = 1;
  while (i < contourScale.length - 1 && contourScale[i][0] < t) i++;
  const [t0, c0] = contourScale[i - 1], [t1, c1] = contourScale[i];
  const u = (t - t0) / (t1 - t0);
  const a = hexRgb(c0), b = hexRgb(c1);
  return [0, 1, 2].map((k) => Math.round(a[k] + (b[k] - a[k]) * u)) as [number, number, number];
}

/**
 * The fill colours, indexed by band + 1: [0] below the first level, [k + 1] between levels k and k + 1,
 * and the last above the top level.
 */
export function bandColors(): [number, number, number][] {
  return [scaleColor(0), ...Array.from({ length: contourBands }, (_, k) => scaleColor((k + 0.5) / contourBands)), scaleColor(1)];
}

/** The index into bandColors() of a value z (log units): which band it lies in. */
export function bandOf(z: number, levels: Levels): number {
  if (levels.count === 0) return 0;
  const k = Math.floor((z - levels.start) / levels.size);
  return k < 0 ? 0 : Math.min(k, contourBands) + 1;
}

/** The grid's values in one flat array, row by row: the painter's working form. */
export function flatValues(grid: Pick<LogGrid, 'x' | 'y' | 'z'>): Float64Array {
  const nx = grid.x.length, out = new Float64Array(nx * grid.y.length);
  grid.z.forEach((row, j) => out.set(row, j * nx));
  return out;
}

/**
 * The level lines by marching squares, as segments in grid index space (x0, y0, x1, y1 …), each crossing
 * found by linear interpolation along a cell's edge as Plotly does. A cell with a non-finite corner has no
 * lines; a saddle cell is resolved by the cell's mean.
 */
export function levelSegments(z: Float64Array, nx: number, ny: number, levels: Levels): Float64Array {
  if (levels.count === 0) return new Float64Array(0);
  const { start, size, count } = levels;
  // A typed buffer grown by doubling: a drag of κ asks for thousands of segments every frame.
  let out = new Float64Array(4096), n = 0;
  // Crossings on the four edges, numbered bottom (a–b) 0, right (b–c) 1, top (d–c) 2, left (a–d) 3.
  let a = 0, b = 0, c = 0, d = 0, v = 0, i = 0, j = 0;
  const cross = (edge: number): void => {
    if (n + 2 > out.length) {
      const grown = new Float64Array(out.length * 2);
      grown.set(out);
      out = grown;
    }
    switch (edge) {
      case 0: out[n] = i + (v - a) / (b - a); out[n + 1] = j; break;
      case 1: out[n] = i + 1; out[n + 1] = j + (v - b) / (c - b); break;
      case 2: out[n] = i + (v - d) / (c - d); out[n + 1] = j + 1; break;
      default: out[n] = i; out[n + 1] = j + (v - a) / (d - a);
    }
    n += 2;
  };
  for (j = 0; j < ny - 1; j++) {
    for (i = 0; i < nx - 1; i++) {
      // Corners counter-clockwise from the bottom left: a (i, j), b (i+1, j), c (i+1, j+1), d (i, j+1).
      a = z[j * nx + i]; b = z[j * nx + i + 1]; c = z[(j + 1) * nx + i + 1]; d = z[(j + 1) * nx + i];
      if (!(Number.isFinite(a) && Number.isFinite(b) && Number.isFinite(c) && Number.isFinite(d))) continue;
      const lo = Math.min(a, b, c, d), hi = Math.max(a, b, c, d);
      const k0 = Math.max(0, Math.ceil((lo - start) / size)), k1 = Math.min(count - 1, Math.floor((hi - start) / size));
      for (let k = k0; k <= k1; k++) {
        v = start + k * size;
        const m = (a > v ? 1 : 0) | (b > v ? 2 : 0) | (c > v ? 4 : 0) | (d > v ? 8 : 0);
        switch (m) {
          case 0: case 15: break;
          case 1: case 14: cross(0); cross(3); break;
          case 2: case 13: cross(0); cross(1); break;
          case 3: case 12: cross(3); cross(1); break;
          case 4: case 11: cross(1); cross(2); break;
          case 6: case 9: cross(0); cross(2); break;
          case 7: case 8: cross(3); cross(2); break;
          default: {
            // 5 or 10, two opposite corners above: the cell's mean says whether the middle joins them.
            if ((m === 5) === (a + b + c + d) / 4 > v) {
              cross(0); cross(1);
              cross(3); cross(2);
            } else {
              cross(0); cross(3);
              cross(1); cross(2);
            }
          }
        }
      }
    }
  }
  return out.slice(0, n);
}

/** Where a grid lies on the canvas: the pixels of its first and last column and of its top and bottom row (CSS pixels). */
interface Placement {
  x0: number;
  x1: number;
  /** The top row's (the grid's last, highest y) and the bottom row's. */
  top: number;
  bottom: number;
}

/**
 * Fills `pixels` (RGBA, w × h device pixels, row 0 at the top) with each pixel's band colour: the grid
 * (`z` row by row from the lowest y) interpolated bilinearly at the pixel's centre, transparent where a
 * corner is not finite. `k` is device pixels per CSS pixel, `place` where the grid's edges are (CSS pixels
 * from the image's top left).
 */
export function paintBands(pixels: Uint8ClampedArray, w: number, h: number, k: number, z: Float64Array, nx: number, ny: number, place: Placement, levels: Levels): void {
  const packed = new Uint32Array(pixels.buffer, pixels.byteOffset, w * h);
  // Little-endian RGBA as one word per colour.
  const words = Uint32Array.from(bandColors(), ([r, g, b]) => (255 << 24) | (b << 16) | (g << 8) | r);
  const gx = (nx - 1) / ((place.x1 - place.x0) * k), gy = (ny - 1) / ((place.bottom - place.top) * k);
  // Per column, the grid cell and the fraction across it (the same for every row).
  const ci = new Int32Array(w), cu = new Float64Array(w);
  for (let X = 0; X < w; X++) {
    const u = Math.min(nx - 1, Math.max(0, (X + 0.5 - place.x0 * k) * gx));
    ci[X] = Math.min(nx - 2, Math.floor(u));
    cu[X] = u - ci[X];
  }
  // Most cells lie within one band: their pixels take its colour without interpolating (the bilinear value
  // lies between the corners'). -1 marks a cell that a level crosses, -2 one with a corner not finite.
  const cw = nx - 1, cells = new Int32Array(cw * (ny - 1));
  for (let j = 0; j < ny - 1; j++) {
    for (let i = 0; i < cw; i++) {
      const a = z[j * nx + i], b = z[j * nx + i + 1], c = z[(j + 1) * nx + i + 1], d = z[(j + 1) * nx + i];
      const q = a + b + c + d;
      if (q !== q) cells[j * cw + i] = -2;
      else {
        const ba = bandOf(a, levels);
        cells[j * cw + i] = ba === bandOf(b, levels) && ba === bandOf(c, levels) && ba === bandOf(d, levels) ? ba : -1;
      }
    }
  }
  for (let Y = 0; Y < h; Y++) {
    // Image rows run downwards, the grid's upwards.
    const v = Math.min(ny - 1, Math.max(0, ny - 1 - (Y + 0.5 - place.top * k) * gy));
    const j = Math.min(ny - 2, Math.floor(v)), fv = v - j;
    const r0 = j * nx, r1 = r0 + nx, row = Y * w, crow = j * cw;
    for (let X = 0; X < w; X++) {
      const i = ci[X], cell = cells[crow + i];
      if (cell >= 0) packed[row + X] = words[cell];
      else if (cell === -2) packed[row + X] = 0;
      else {
        const fu = cu[X];
        const a = z[r0 + i], b = z[r0 + i + 1], c = z[r1 + i + 1], d = z[r1 + i];
        packed[row + X] = words[bandOf((a + (b - a) * fu) * (1 - fv) + (d + (c - d) * fu) * fv, levels)];
      }
    }
  }
}

/** What the contour canvas drew last: for tests and for the colour bar's agreement with it. */
export interface ContourDrawn {
  frame: Frame;
  levels: Levels;
  /** The grid's transform (log10(f − floor + delta)), to read a pixel's band back as heights of f. */
  floor: number;
  delta: number;
  /** The grid's corners in data units. */
  box: { x: [number, number]; y: [number, number] };
  /** How many level-line segments were stroked. */
  segments: number;
  /** The minima and saddles marked, where they were drawn (CSS pixels; those outside the area are left out). */
  extrema: { symbol: Extremum['symbol']; at: [number, number] }[];
  /** What the colour bar needs of the grid: its range (log units) and its ticks. */
  scale: Pick<LogGrid, 'min' | 'max' | 'ticks'>;
}

/** A minimum (star) or saddle (diamond) of the function, marked on the contour. */
export interface Extremum {
  x: number;
  y: number;
  symbol: 'star' | 'diamond';
}

/** The band image, kept between paintings of one size: a drag asks for one every frame. */
let scratch: ImageData | null = null;
function imageOf(w: number, h: number): ImageData {
  if (scratch?.width !== w || scratch.height !== h) scratch = new ImageData(w, h);
  return scratch;
}

/** Paints the grid's bands, level lines and the extrema into the frame's plot area on `canvas` (sized to the frame). */
export function paintContour(canvas: OffscreenCanvas, frame: Frame, grid: LogGrid, extrema: Extremum[], dpr: number): ContourDrawn {
  const w = Math.round(frame.width * dpr), h = Math.round(frame.height * dpr);
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  const ctx = canvas.getContext('2d')!;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, w, h);
  const nx = grid.x.length, ny = grid.y.length;
  const levels = contourLevels(grid);
  const drawn: ContourDrawn = {
    frame, levels, floor: grid.floor, delta: grid.delta, segments: 0, extrema: [],
    scale: { min: grid.min, max: grid.max, ticks: grid.ticks },
    box: { x: [grid.x[0], grid.x[nx - 1]], y: [grid.y[0], grid.y[ny - 1]] },
  };
  if (nx < 2 || ny < 2 || Number.isNaN(grid.min)) return drawn;
  const z = flatValues(grid);
  const { px, py } = projection(frame);
  // The plot area in device pixels: the bands are computed there only.
  const ax = Math.round(frame.x.offset * dpr), ay = Math.round(frame.y.offset * dpr);
  const aw = Math.max(1, Math.round((frame.x.offset + frame.x.length) * dpr) - ax), ah = Math.max(1, Math.round((frame.y.offset + frame.y.length) * dpr) - ay);
  const image = imageOf(aw, ah);
  const place = { x0: px(grid.x[0]) - ax / dpr, x1: px(grid.x[nx - 1]) - ax / dpr, top: py(grid.y[ny - 1]) - ay / dpr, bottom: py(grid.y[0]) - ay / dpr };
  paintBands(image.data, aw, ah, dpr, z, nx, ny, place, levels);
  ctx.putImageData(image, ax, ay);

  ctx.save();
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.beginPath();
  ctx.rect(frame.x.offset, frame.y.offset, frame.x.length, frame.y.length);
  ctx.clip();
  drawn.segments = strokeLevels(ctx, z, nx, ny, levels, grid, px, py);
  for (const e of extrema) {
    const at: [number, number] = [px(e.x), py(e.y)];
    if (at[0] < frame.x.offset || at[0] > frame.x.offset + frame.x.length || at[1] < frame.y.offset || at[1] > frame.y.offset + frame.y.length) continue;
    extremum(ctx, e.symbol, at);
    drawn.extrema.push({ symbol: e.symbol, at });
  }
  ctx.restore();
  return drawn;
}

/** The level lines through the grid, stroked as one path; returns how many segments. */
function strokeLevels(
  ctx: OffscreenCanvasRenderingContext2D, z: Float64Array, nx: number, ny: number, levels: Levels, grid: LogGrid,
  px: (v: number) => number, py: (v: number) => number,
): number {
  const segments = levelSegments(z, nx, ny, levels);
  if (segments.length === 0) return 0;
  const sx = (grid.x[nx - 1] - grid.x[0]) / (nx - 1), sy = (grid.y[ny - 1] - grid.y[0]) / (ny - 1);
  const path = new Path2D();
  for (let s = 0; s < segments.length; s += 4) {
    path.moveTo(px(grid.x[0] + segments[s] * sx), py(grid.y[0] + segments[s + 1] * sy));
    path.lineTo(px(grid.x[0] + segments[s + 2] * sx), py(grid.y[0] + segments[s + 3] * sy));
  }
  ctx.strokeStyle = LEVEL_LINE.color;
  ctx.lineWidth = LEVEL_LINE.width;
  ctx.stroke(path);
  return segments.length / 4;
}

/** A star or a diamond as Plotly marks them (a marker of size 13: white, ringed in near-black). */
function extremum(ctx: OffscreenCanvasRenderingContext2D, symbol: Extremum['symbol'], [x, y]: [number, number]): void {
  const r = EXTREMUM.size / 2;
  ctx.beginPath();
  if (symbol === 'star') {
    // Five points, the outer ones at 1.4 r and the inner ones at 0.55 r, as Plotly's star.
    for (let k = 0; k < 10; k++) {
      const a = -Math.PI / 2 + (k * Math.PI) / 5, d = k % 2 === 0 ? 1.4 * r : 0.55 * r;
      ctx.lineTo(x + d * Math.cos(a), y + d * Math.sin(a));
    }
  } else {
    const d = 1.3 * r;
    ctx.moveTo(x, y - d);
    ctx.lineTo(x + d, y);
    ctx.lineTo(x, y + d);
    ctx.lineTo(x - d, y);
  }
  ctx.closePath();
  ctx.fillStyle = EXTREMUM.fill;
  ctx.fill();
  ctx.strokeStyle = EXTREMUM.ring;
  ctx.lineWidth = EXTREMUM.ringWidth;
  ctx.stroke();
}
