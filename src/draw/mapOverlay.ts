// What the rate map draws over its cells or its curve, in data units (η; the second setting, or ρ on a
// curve): the page's canvas (components/RateMap.svelte) and the exported figure (mapFigure.ts) both draw
// this list, so an export shows every line and marker the page does.
import { curveRate, stabilityEdge, type MapAxes, type RunTheory } from '../state/ratemap';

/** Where theory's lines and the boundary ρ = 1 are drawn: solid where theory is exact, dashed where local. */
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

/** The top of a curve's ρ axis: a little room above ρ = 1. */
export const CURVE_TOP = 1.05;

export function mapOverlay({ axes, values, theory: th, best, run }: MapOverlayInput): { lines: MapLine[]; markers: MapMarker[] } {
  const lines: MapLine[] = [];
  const map = axes.second !== null;
  if (map) {
    // The boundary of stability: η's edge at each value of the second setting.
    if (th) lines.push({ points: stabilityEdge(th, axes.second!.values), dashed: !th.exact });
  } else {
    // ρ = 1 across the curve (no convergence above it), and theory's step sizes 1/L, 2/(L + μ), 2/L.
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
