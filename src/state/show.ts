// What the contour shows beside the paths: the forces behind each step, the batch cloud, the field of −∇f,
// and how much of each path lies beyond the playhead. A view of the state, kept in the link.

export interface ShowState {
  /** Step vectors at the playhead: 0 for none, 1 for the step that made x_t, k for the last k steps. */
  vectors: number;
  /** For SGD and mini-batch runs: the steps other batches would have taken, and their 1-σ ellipse. */
  cloud: boolean;
  /** A light field of −∇f over the contour. */
  field: boolean;
  /** The part of each path beyond the playhead: drawn in full, faint, or hidden. */
  rest: 'full' | 'faint' | 'hidden';
}

export const defaultShow = (): ShowState => ({ vectors: 0, cloud: false, field: false, rest: 'faint' });

/** How many past steps' vectors a link or a field may ask for. */
export const MAX_VECTORS = 50;
