// Where a value sits on a slider of 1,000 positions, for the three scales of the settings' table: even in
// v, even in log v (each decade gets the same room), even in log(1 − v) (0.9, 0.99, 0.999 equally apart).

export type SliderScale = 'linear' | 'log' | 'log1m';

export interface SliderSpec {
  min: number;
  max: number;
  scale: SliderScale;
  integer?: boolean;
}

export const POSITIONS = 1000;

/** η's slider: its range on a log scale (each decade the same room). */
export function lrSlider(range: { min: number; max: number }): SliderSpec {
  return { min: range.min, max: range.max, scale: 'log' };
}

/** A setting's slider: its own ends where the field's range cannot be slid (a log slider cannot reach 0). */
export function settingSlider(s: { min: number; max: number; slider?: { min: number; max: number }; scale: SliderScale; integer?: boolean }): SliderSpec {
  return { ...(s.slider ?? { min: s.min, max: s.max }), scale: s.scale, integer: s.integer };
}

/** What the scale spaces evenly, as a function of the value. */
function warp(v: number, scale: SliderScale): number {
  return scale === 'linear' ? v : scale === 'log' ? Math.log(v) : -Math.log(1 - v);
}
function unwarp(w: number, scale: SliderScale): number {
  return scale === 'linear' ? w : scale === 'log' ? Math.exp(w) : 1 - Math.exp(-w);
}

/** The position of a value, clamped to the slider. */
export function toPosition(v: number, s: SliderSpec): number {
  const lo = warp(s.min, s.scale), hi = warp(s.max, s.scale);
  const k = Math.round((POSITIONS * (warp(v, s.scale) - lo)) / (hi - lo));
  return Number.isNaN(k) ? 0 : Math.max(0, Math.min(POSITIONS, k));
}

/**
 * The value at a position, rounded to what a person would type: a whole number, three significant digits,
 * or on the log(1 − v) scale two of 1 − v (0.9, 0.95, 0.99, 0.995, 0.999: a position is about 0.7 % of 1 − v).
 */
export function fromPosition(k: number, s: SliderSpec): number {
  const lo = warp(s.min, s.scale), hi = warp(s.max, s.scale);
  const v = unwarp(lo + ((hi - lo) * k) / POSITIONS, s.scale);
  if (s.integer) return Math.round(v);
  if (s.scale === 'log1m') return Number((1 - Number((1 - v).toPrecision(2))).toPrecision(12));
  return Number(v.toPrecision(3));
}

/** The value `by` positions along the slider from `v` (clamped to its ends): a key press's step. */
export function nudge(v: number, s: SliderSpec, by: number): number {
  return fromPosition(Math.max(0, Math.min(POSITIONS, toPosition(v, s) + by)), s);
}
