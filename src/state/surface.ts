// The 3-D view's numbers: the function over the plotted area as heights in 0 … 1, on the contour's own
// levels (the same log transform, so a height's colour is the band the contour paints there), the height
// of any point of a path, and the height axis's ticks. The height is f itself, or log(f − f*) — on a linear
// scale a ravine's floor is invisible.
import { logGrid, sampleGrid, type Box, type LogGrid, type TestFunction, type Vec2 } from '../core';

export const zAxes = ['f', 'log'] as const;
export type ZAxis = (typeof zAxes)[number];

/** Where the 3-D view stands: not shown, beside the contour, or in its place. */
export const surfaceViews = ['off', 'beside', 'only'] as const;
export type SurfaceView = (typeof surfaceViews)[number];

/** Where the camera stands: degrees around the z-axis from the +x side, degrees above the floor, and a zoom. */
export interface Camera {
  azimuth: number;
  elevation: number;
  zoom: number;
}

/** The default: from the front left and above, x running to the right and y into the picture. */
export const defaultCamera = (): Camera => ({ azimuth: -120, elevation: 32, zoom: 1 });

/** What a camera may be: any azimuth, never under the floor nor straight down, never inside the box. */
export const CAMERA_LIMITS = {
  azimuth: { min: -180, max: 180 },
  elevation: { min: 4, max: 89 },
  zoom: { min: 0.4, max: 4 },
} as const;

// Angles to a tenth of a degree and the zoom to three digits: what an eye can tell, and a short link.
const tenth = (v: number) => Math.round(v * 10) / 10 + 0; // (+ 0: never −0, which a link writes as 0)

/** A drag of (dx, dy) CSS pixels turns the camera: a pixel is a third of a degree. */
export function orbit(c: Camera, dx: number, dy: number): Camera {
  const { min, max } = CAMERA_LIMITS.elevation;
  const azimuth = tenth(((((c.azimuth - dx / 3) % 360) + 540) % 360) - 180);
  return { ...c, azimuth, elevation: tenth(Math.min(max, Math.max(min, c.elevation + dy / 3))) };
}

/** Zoomed by a factor k (a pinch's spread, a wheel's notch), within the limits. */
export function zoomBy(c: Camera, k: number): Camera {
  const { min, max } = CAMERA_LIMITS.zoom;
  return { ...c, zoom: Number(Math.min(max, Math.max(min, c.zoom * k)).toPrecision(3)) };
}

export interface Surface3d {
  /** The grid's coordinates: nx values of x, ny of y, over `box`. */
  x: number[];
  y: number[];
  box: Box;
  /** Row by row from the lowest y: each grid point's height in 0 … 1, NaN where f is not finite. */
  heights: Float32Array;
  /** The same points' values on the contour's log scale (what picks their colour), NaN where f is not finite. */
  values: Float32Array;
  /** A value of f as a height in 0 … 1 (clamped; NaN for a non-finite f). */
  height(f: number): number;
  /** The height axis's ticks: where (0 … 1) and what they say. */
  ticks: { at: number[]; labels: string[] };
}

/** Ticks at 1, 2 or 5 × 10ᵏ, about `n` of them, inside lo … hi. */
export function niceTicks(lo: number, hi: number, n = 5): number[] {
  if (!(hi > lo) || !Number.isFinite(hi - lo)) return Number.isFinite(lo) ? [lo] : [];
  const raw = (hi - lo) / n, p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw)!;
  const out: number[] = [];
  // Multiples of the step by integer counts, so 0.30000000000000004 is never a tick.
  for (let k = Math.ceil(lo / step); k * step <= hi + 1e-9 * step; k++) out.push(Number((k * step).toPrecision(12)));
  return out;
}

/**
 * The surface over `box` (n × n points) on the levels of the function's own box (`levels`, the contour's
 * `surface`): heights from this grid's lowest value to the highest of the function's box, of f or of its log
 * transform.
 * `format` writes a tick of f.
 */
export function surface3d(fn: TestFunction, levels: LogGrid, box: Box, zaxis: ZAxis, format: (v: number) => string, n = 100): Surface3d {
  const raw = sampleGrid(fn.f, box, n, n);
  const grid = logGrid(raw, levels.floor, levels);
  const log = (f: number) => Math.log10(Math.max(f - levels.floor, 0) + levels.delta);
  // From the lowest point of this grid (a path that goes deeper rests on the bottom it can see) to the top
  // of the function's own box.
  const [lo, hi] = zaxis === 'log' ? [log(raw.min), levels.max] : [raw.min, levels.raw.max];
  const span = hi - lo;
  const scaled = (v: number) => (span > 0 && Number.isFinite(span) ? Math.min(1, Math.max(0, (v - lo) / span)) : 0.5);
  const height = (f: number) => (Number.isFinite(f) ? scaled(zaxis === 'log' ? log(f) : f) : NaN);
  const heights = new Float32Array(n * n), values = new Float32Array(n * n);
  grid.z.forEach((row, j) => row.forEach((v, i) => {
    values[j * n + i] = v;
    heights[j * n + i] = height(raw.z[j][i]);
  }));
  const [at, labels] = zaxis === 'log' ? [levels.ticks.values, levels.ticks.labels] : ((t) => [t, t.map(format)])(niceTicks(lo, hi));
  const inside = at.map((v, k) => [(v - lo) / span, k]).filter(([h]) => h >= 0 && h <= 1);
  const ticks = { at: inside.map(([h]) => h), labels: inside.map(([, k]) => labels[k]) };
  return { x: grid.x, y: grid.y, box, heights, values, height, ticks };
}

/** A path's points on the surface: (x, y, height), lifted by `lift` so the surface does not bury them. */
export function pathOnSurface(s: Pick<Surface3d, 'height'>, points: Vec2[], f: number[], lift = 0.012): [number, number, number][] {
  return points.map((p, i) => [p[0], p[1], s.height(f[i]) + lift]);
}
