import { power } from './power';
import type { Box, Vec2 } from './types';

/** Values of f on a regular grid over a box, as a contour plot wants them. */
export interface Grid {
  x: number[];
  y: number[];
  /**
   * z[j][i] = f(x[i], y[j]); NaN where f is not finite (a gap in the plot). Rows of doubles, not arrays of
   * numbers and nulls: the live contour samples two grids on every change of the function, and boxed
   * values by the hundred thousand cost the page its frames in garbage collection.
   */
  z: Float64Array[];
  /** The smallest and largest finite values (NaN when there are none). */
  min: number;
  max: number;
}

export function sampleGrid(f: (p: Vec2) => number, view: Box, nx = 200, ny = 200): Grid {
  const x = Array.from({ length: nx }, (_, i) => view.x[0] + ((view.x[1] - view.x[0]) * i) / (nx - 1));
  const y = Array.from({ length: ny }, (_, j) => view.y[0] + ((view.y[1] - view.y[0]) * j) / (ny - 1));
  let min = Infinity, max = -Infinity;
  const p: Vec2 = [0, 0];
  const z = y.map((yj) => {
    p[1] = yj;
    const row = new Float64Array(nx);
    for (let i = 0; i < nx; i++) {
      p[0] = x[i];
      const v = f(p);
      if (!Number.isFinite(v)) {
        row[i] = NaN;
        continue;
      }
      if (v < min) min = v;
      if (v > max) max = v;
      row[i] = v;
    }
    return row;
  });
  return min <= max ? { x, y, z, min, max } : { x, y, z, min: NaN, max: NaN };
}

/**
 * A grid on a log scale of the height above `floor`: log10(f − floor + δ). Evenly spaced contours of it
 * are log-spaced levels of f, so the steep walls and the flat floor of a ravine both get lines.
 * δ, a small fraction of the typical height, keeps the minimum itself finite.
 */
export interface LogGrid extends Grid {
  /** Where to put colour-bar ticks (log units) and what they say (heights above the floor). */
  ticks: { values: number[]; labels: string[] };
  /** The smallest and largest finite values of f itself (min and max above are in log units). */
  raw: { min: number; max: number };
  /** The transform's floor and δ, for a grid over another box put on the same levels. */
  floor: number;
  delta: number;
}

/**
 * `levels`: another log grid whose transform, colour range and ticks this one takes — a wider box shown
 * around the function's own keeps the colours the function's box gave it.
 */
export function logGrid(grid: Grid, floor: number, levels?: LogGrid): LogGrid {
  let delta: number;
  if (levels) ({ floor, delta } = levels);
  else {
    const heights = new Float64Array(grid.x.length * grid.y.length);
    let n = 0;
    for (const row of grid.z) for (const v of row) if (v === v) heights[n++] = v - floor;
    const median = n ? Math.max(select(heights.subarray(0, n), n >> 1), 0) : 1;
    delta = median > 0 ? median * 1e-4 : 1e-12;
  }
  const t = (v: number) => Math.log10(Math.max(v - floor, 0) + delta);
  // (NaN stays NaN.)
  const z = grid.z.map((row) => row.map(t));
  const raw = { min: grid.min, max: grid.max };
  if (levels) return { ...grid, z, min: levels.min, max: levels.max, ticks: levels.ticks, raw, floor, delta };
  const lo = t(grid.min), hi = t(grid.max);
  const values: number[] = [];
  const labels: string[] = [];
  for (let k = Math.ceil(lo); k <= Math.floor(hi); k++) {
    values.push(k);
    labels.push(k >= -2 && k <= 4 ? String(10 ** k) : power(k));
  }
  return { ...grid, z, min: lo, max: hi, ticks: { values, labels }, raw, floor, delta };
}

/**
 * The k-th smallest of `a` (which it reorders): Hoare's selection, linear on average. The contour's δ needs
 * the grid's median on every change of the function, and a full sort of 40,000 values costs a frame.
 */
export function select(a: Float64Array, k: number): number {
  let lo = 0, hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1];
    let i = lo, j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k];
}
