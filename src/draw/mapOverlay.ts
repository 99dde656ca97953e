// What the rate map draws over its cells or its curve, in data units (η; the second setting, or the rate q on a
// curve), and a curve's rate axis: the page's canvas (components/RateMap.svelte) and the exported figure (mapFigure.ts) both draw
// this list, so an export shows every line and marker the page does.
import { curveRate, stabilityEdge, type MapAxes, type RunTheory } from '../state/ratemap';

/**
 * The rate's symbol on the map: q, the ratio of a geometric progression (‖x_t − x*‖ ~ C qᵗ). Not ρ, which is
 * RMSProp's decay and one of the map's axes.
 */
export const RATE = 'q';

/** Where theory's lines and the boundary q = 1 are drawn: solid where theory is exact, dashed where local. */
export const EDGE = '#b03a2e';

export interface MapLine {
  points: [number, number][];
  dashed: boolean;
}

export interface MapMarker {
  at: [number, number];
  /** The optimum (star), the best measured cell (diamond), the run (dot, in its colour). */
  shape: 'star' | 'diamond' | 'dot';
  color: string;
  name: string;
}

export interface MapOverlayInput {
  axes: MapAxes;
  /** The rates shown (null while the first measurement is running). */
  values: Float64Array | null;
  theory: RunTheory | null;
  best: { lr: number; second: number | null } | null;
  run: { lr: number; second: number | null; color: string; name: string };
}

/** Where a curve's lines reach: the top of its axis, whatever its decades. */
export const CURVE_TOP = Infinity;
/** The band above a curve's decades that holds the rates q ≥ 1, in decades. */
const BAND = 0.4;

export interface CurveAxis {
  /** The decades of 1 − q shown: q from 0 up to 1 − 10^−decades. */
  decades: number;
  /** The axis's top, where CURVE_TOP is drawn: `decades` and the band of q ≥ 1 above. */
  top: number;
  /** Where a rate stands on the axis: −log₁₀(1 − q) below 1, the band's foot at 1, its middle above. */
  y: (q: number) => number;
  /** The rates the axis names: 0, 0.9, 0.99, … below its top, which q = 1 marks (slower rates gather there). */
  ticks: number[];
}

/**
 * A curve's rate axis in −log₁₀(1 − q), so 0.9, 0.99 and 0.999 stand evenly apart: on a linear axis GD's rates
 * in a ravine (κ = 25: 0.92 at best) crowd under 1 and its curve is a flat line there. As many decades as the
 * curve or theory's optimum reaches (1 to 4); above them a band for the rates of 1 or more.
 */
export function curveAxis(values: ArrayLike<number> | null, theory: RunTheory | null): CurveAxis {
  let reach = 1;
  const rates = [...Array.from(values ?? []), ...(theory ? [theory.optimum.rate] : [])];
  for (const q of rates) if (q >= 0 && q < 1) reach = Math.max(reach, -Math.log10(1 - q));
  const decades = Math.min(4, Math.ceil(reach - 1e-9));
  const y = (q: number) => (q < 1 ? Math.min(-Math.log10(1 - Math.max(q, 0)), decades) : q === 1 ? decades : q === Infinity ? decades + BAND : decades + BAND / 2);
  return { decades, top: decades + BAND, y, ticks: [0, 0.9, 0.99, 0.999].slice(0, decades) };
}

export function mapOverlay({ axes, values, theory: th, best, run }: MapOverlayInput): { lines: MapLine[]; markers: MapMarker[] } {
  const lines: MapLine[] = [];
  const map = axes.second !== null;
  if (map) {
    // The boundary of stability: η's edge at each value of the second setting.
    if (th) lines.push({ points: stabilityEdge(th, axes.second!.values), dashed: !th.exact });
  } else {
    // q = 1 across the curve (no convergence above it), and theory's step sizes 1/L, 2/(L + μ), 2/L.
    lines.push({ points: [[axes.lrs[0], 1], [axes.lrs.at(-1)!, 1]], dashed: true });
    if (th) for (const lr of [1 / th.L, 2 / (th.L + th.mu), 2 / th.L]) lines.push({ points: [[lr, 0], [lr, CURVE_TOP]], dashed: !th.exact });
  }
  const y = (second: number | null, lr: number) => (map ? (second ?? 0) : curveRate(th, axes, values, lr));
  const markers: MapMarker[] = [];
  if (th) markers.push({ at: [th.optimum.lr, map ? th.optimum.alpha : th.optimum.rate], shape: 'star', color: th.exact ? '#111' : '#555', name: 'optimum' });
  if (best) markers.push({ at: [best.lr, y(best.second, best.lr)], shape: 'diamond', color: '#111', name: 'best' });
  markers.push({ at: [run.lr, y(run.second, run.lr)], shape: 'dot', color: run.color, name: run.name });
  return { lines, markers };
}
