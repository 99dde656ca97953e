// The forces behind the steps as marks for the contour: each run's step vectors at the playhead (inertia
// dashed, the gradient part solid, Nesterov's look-ahead point ringed), the batch cloud of SGD and
// mini-batch runs with its 1-σ ellipse and the full-gradient step, and the field of −∇f. On screen the
// layer draws them; an export hands them to Plotly like every other mark. Which of them are drawn is the
// overlays' business (page/overlays.ts).
import type { Vec2 } from '../core';
import type { FieldArrow } from '../state/field';
import type { BatchCloud, PartKind, StepVectors } from '../state/vectors';
import type { ForcePart, Mark } from './marks';
import type { Messages } from '../i18n/en';
import { haloOf } from './palette';

/** The run a mark belongs to, as its legend names it and in its colour. */
export interface RunForces {
  name: string;
  color: string;
}

/** Segments as one mark's coordinates, a NaN between each. */
function segments(list: Vec2[][]): { x: number[]; y: number[] } {
  const x: number[] = [], y: number[] = [];
  list.forEach((seg, k) => {
    if (k > 0) (x.push(NaN), y.push(NaN));
    for (const p of seg) (x.push(p[0]), y.push(p[1]));
  });
  return { x, y };
}

const style: Record<PartKind, { dash?: number[]; width: number }> = {
  inertia: { dash: [7, 4], width: 3 },
  gradient: { width: 3 },
  raw: { dash: [2, 3], width: 2.5 },
  step: { width: 3 },
};

/**
 * Marks over the contour: `under` below every path (the field of −∇f), `byRun` over each run's own path, and
 * the names of their parts for an export's key (the screen's key is ForceKey).
 */
export interface Forces {
  under: Mark[];
  byRun: Map<number, Mark[]>;
  names: Messages['show']['key'];
}

/**
 * The parts in print, where the runs' paths have dash patterns of their own (figures.ts, periods of 8 px and
 * more): the vectors' dashes repeat within 4–6 px, a dotted or finely dashed bar beside any path's dashes.
 */
export const PRINT_PARTS: Partial<Record<ForcePart, { dash: number[]; width: number }>> = {
  inertia: { dash: [1.5, 2.5], width: 4 },
  raw: { dash: [4, 2], width: 3.5 },
};

/** The field of −∇f: light arrows, under every path. */
export function fieldMarks(field: FieldArrow[], label: string): Mark[] {
  if (field.length === 0) return [];
  return [{ kind: 'line', name: label, color: '#4a5a6a', width: 1, ...segments(field.map((a) => [a.from, a.to])), dots: 0, heads: true, opacity: 0.45, silent: true }];
}

/** A run's batch cloud: the other batches' step ends, their 1-σ ellipse, and the full-gradient step. */
export function cloudMarks(r: RunForces, cloud: BatchCloud, fullLabel: string): Mark[] {
  const { ends, ellipse, full, from } = cloud;
  return [
    { kind: 'line', name: r.name, color: r.color, width: 1, ...segments(ends.map((p) => [p])), dots: 3.5, opacity: 0.55, silent: true, part: 'cloud' },
    { kind: 'line', name: r.name, color: r.color, width: 1.5, ...segments([ellipse]), dots: 0, dash: [4, 3], silent: true },
    { kind: 'line', name: fullLabel, color: '#111', width: 2, ...segments([[from, full]]), dots: 0, heads: true, silent: true, part: 'full' },
  ];
}

/** A run's step vectors, each part in its own style over a halo, and Nesterov's look-ahead points. */
export function vectorMarks(r: RunForces, vectors: StepVectors[]): Mark[] {
  const marks: Mark[] = [];
  for (const kind of ['inertia', 'raw', 'gradient', 'step'] as const) {
    const parts = vectors.flatMap((v) => v.parts.filter((p) => p.kind === kind).map((p) => [p.from, p.to]));
    if (parts.length === 0) continue;
    const { width, dash } = style[kind];
    // The halo sets each vector off the contour, and off the path of the same colour beneath.
    marks.push({ kind: 'line', name: r.name, color: r.color, width, ...(dash ? { dash } : {}), ...segments(parts), dots: 0, heads: true, halo: haloOf(r.color), silent: true, part: kind });
  }
  for (const v of vectors) {
    if (v.lookahead) marks.push({ kind: 'dot', name: r.name, x: v.lookahead[0], y: v.lookahead[1], color: r.color, size: 9, symbol: 'circle-open', ring: { color: r.color, width: 2 }, part: 'lookahead' });
  }
  return marks;
}
