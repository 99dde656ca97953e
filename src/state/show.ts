// What the contour and the loss plot show beside the paths: the forces behind each step, the batch cloud,
// the field of −∇f, how much of each path lies beyond the playhead, and the cost view of batch sizes (seeds,
// the loss plot's x-axis, the race's target). A view of the state, kept in the link.

/** The loss plot's x-axis: the step t, the per-sample gradient evaluations B·t, or epochs B·t / N. */
export const costAxes = ['step', 'evals', 'epochs'] as const;
export type CostAxis = (typeof costAxes)[number];

export interface ShowState {
  /** Step vectors at the playhead: 0 for none, 1 for the step that made x_t, k for the last k steps. */
  vectors: number;
  /** For SGD and mini-batch runs: the steps other batches would have taken, and their 1-σ ellipse. */
  cloud: boolean;
  /** A light field of −∇f over the contour. */
  field: boolean;
  /** The part of each path beyond the playhead: drawn in full, faint, or hidden. */
  rest: 'full' | 'faint' | 'hidden';
  /** K: every stochastic run also runs with seeds s + 1 … s + K − 1 (s its own); 1 for its own seed alone. */
  seeds: number;
  axis: CostAxis;
  /** The race's ε, reached when f − f* ≤ ε; null for the default (race.ts's defaultTarget). */
  target: number | null;
}

export const defaultShow = (): ShowState => ({ vectors: 0, cloud: false, field: false, rest: 'faint', seeds: 1, axis: 'step', target: null });

/** How many past steps' vectors a link or a field may ask for. */
export const MAX_VECTORS = 50;
