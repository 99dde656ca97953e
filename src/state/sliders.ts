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

/**
 * `v` to `digits` significant digits, toward `dir` (−1 down, 0 the nearest, 1 up); a value between 0.99 and 1
 * (α, β₁, ρ) by the digits of 1 − v, so 0.999372 stays 0.999372 and never becomes 1.
 */
export function roundTo(v: number, digits: number, dir: -1 | 0 | 1 = 0): number {
  if (!Number.isFinite(v) || v === 0) return v;
  if (v > 0.99 && v < 1) return Number((1 - roundTo(1 - v, digits, dir === 0 ? 0 : dir > 0 ? -1 : 1)).toPrecision(12));
  const unit = 10 ** (Math.floor(Math.log10(Math.abs(v))) - digits + 1);
  const k = v / unit;
  // (k is off by an ulp or so from a whole number when v already has `digits` digits: that is v itself.)
  const whole = Math.abs(k - Math.round(k)) < 1e-9 ? Math.round(k) : dir < 0 ? Math.floor(k) : dir > 0 ? Math.ceil(k) : Math.round(k);
  return Number((whole * unit).toPrecision(digits));
}

/** A setting found by a computation, to four significant digits: what a link should carry (2.778, not 2.7777777777777772). */
export function roundSetting(v: number): number {
  return roundTo(v, 4);
}

/** η and a rule's second setting (α, β₁, ρ), as the map, Optimal and Tune every run choose them. */
export interface Pick {
  lr: number;
  param?: { name: string; value: number };
}

/**
 * A computed pick as the link should carry it: each value to the fewest significant digits, from four, that
 * keep theory's rate (`rate`, null where there is none) within 0.2 % of the pick's own 1 − ρ (0.2 % more
 * steps to any accuracy): Polyak's optimum sits on a corner where η rounded to 2.778 (from 2.7777…) turns
 * ρ 0.667 into 0.682, so each value is tried rounded down, to the nearest and up, and the best pair kept
 * (there: 2.7777 and 0.44445, ρ 0.6671). Without theory, four digits to the nearest.
 */
export function roundPick(pick: Pick, rate: (lr: number, value?: number) => number | null = () => null): Pick {
  const exact = rate(pick.lr, pick.param?.value);
  const at = (lr: number, value?: number): Pick => ({ lr, ...(pick.param ? { param: { name: pick.param.name, value: value! } } : {}) });
  if (exact === null) return at(roundSetting(pick.lr), pick.param ? roundSetting(pick.param.value) : undefined);
  const near = (v: number, d: number) => [...new Set(([-1, 0, 1] as const).map((dir) => roundTo(v, d, dir)))];
  for (let digits = 4; digits <= 15; digits++) {
    let best: { pick: Pick; rate: number } | null = null;
    for (const lr of near(pick.lr, digits)) {
      for (const value of pick.param ? near(pick.param.value, digits) : [undefined]) {
        const r = rate(lr, value);
        if (r !== null && (best === null || r < best.rate)) best = { pick: at(lr, value), rate: r };
      }
    }
    if (best && best.rate <= exact + 2e-3 * Math.abs(1 - exact)) return best.pick;
  }
  return pick;
}
