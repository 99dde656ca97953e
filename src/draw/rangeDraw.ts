// Drawing the range test: the loss reached is plotted as its gap above the reference loss (the known minimum,
// else the contour grid's lowest value) on a log axis, so a run that converged and one that barely moved both
// show. Pure: the component and the tests share it.
import type { RangePoint } from '../core';

/** The plotted value of a loss: its gap above `ref`, kept above `floor` (a run that reached the minimum exactly). */
export function rangeGap(loss: number, ref: number, floor: number): number {
  return Math.max(loss - ref, floor);
}

/**
 * The gap axis, in log: from the smallest gap a run that did not diverge reached (never below 10⁻¹² of the
 * start's gap) to ten times the start's gap, where every run that ended above its start lies at or beyond.
 */
export function rangeAxis(points: readonly RangePoint[], f0: number, ref: number): { min: number; max: number; floor: number } {
  const start = Math.max(f0 - ref, Number.MIN_VALUE);
  const floor = start * 1e-12;
  let low = start;
  for (const p of points) if (!p.diverged && Number.isFinite(p.loss)) low = Math.min(low, rangeGap(p.loss, ref, floor));
  // Whole decades, so the ticks fall on the ends (written as 1eN: 10 ** -4 is not the double nearest 10⁻⁴).
  const decade = (k: number) => Number(`1e${k}`);
  return { min: decade(Math.floor(Math.log10(low))), max: decade(Math.ceil(Math.log10(start * 10))), floor };
}
