// Drawing a rate map on a canvas: the colour of a rate, the axes' ticks, and where a setting sits.
import { fromPosition, POSITIONS, toPosition, type SliderSpec } from '../state/sliders';

/** Fast (ρ near 0) is deep blue, slow (ρ near 1) pale yellow, evenly in −log₁₀(1 − ρ) from 0 to 3. */
const ramp: [number, [number, number, number]][] = [
  [0, [37, 52, 148]],
  [1 / 3, [44, 127, 184]],
  [0.55, [65, 182, 196]],
  [0.75, [161, 218, 180]],
  [1, [255, 255, 204]],
];
export const DIVERGED = '#9a9a9a';
export const STALLED = '#f2c4b4';

export function rateColor(rho: number): string {
  if (rho === Infinity) return DIVERGED;
  if (Number.isNaN(rho)) return '#ffffff';
  if (rho >= 1) return STALLED;
  const u = Math.min(1, -Math.log10(1 - rho) / 3);
  let k = 1;
  while (k < ramp.length - 1 && ramp[k][0] < u) k++;
  const [u0, c0] = ramp[k - 1], [u1, c1] = ramp[k];
  const f = (u - u0) / (u1 - u0);
  return `rgb(${c0.map((c, i) => Math.round(c + f * (c1[i] - c))).join(',')})`;
}

/** Rates the colour bar names. */
export const barTicks = [0, 0.9, 0.99, 0.999];

/** Where a value sits along an axis, from 0 to 1 (clamped). */
export function along(v: number, axis: SliderSpec): number {
  return toPosition(v, axis) / POSITIONS;
}

/** The value at a fraction of an axis, rounded as its slider rounds it. */
export function valueAt(frac: number, axis: SliderSpec): number {
  return fromPosition(Math.round(Math.max(0, Math.min(1, frac)) * POSITIONS), axis);
}

/** Tick values for an axis: whole decades on a log axis (1, 2, 5 between them when few), the lecture's α values otherwise. */
export function ticks(axis: SliderSpec): number[] {
  if (axis.scale === 'log') {
    const out: number[] = [];
    const lo = Math.floor(Math.log10(axis.min)), hi = Math.ceil(Math.log10(axis.max));
    const steps = hi - lo <= 2 ? [1, 2, 5] : [1];
    for (let e = lo; e <= hi; e++) for (const m of steps) out.push(Number((m * 10 ** e).toPrecision(2)));
    return out.filter((v) => v >= axis.min * 0.999 && v <= axis.max * 1.001);
  }
  const candidates = axis.scale === 'log1m' ? [0, 0.5, 0.9, 0.99, 0.999, 0.9999] : [0, 0.25, 0.5, 0.75, 1];
  return candidates.filter((v) => v >= axis.min && v <= axis.max);
}
