import type { Vec2 } from '../core';

/** One visible run as the plots draw it. */
export interface PathView {
  id: number;
  /** The run's name and settings, as legends and hover say it. */
  name: string;
  /** Where the run stands at the playhead (f there, or where it diverged), for the legend beside the name. */
  status?: string;
  color: string;
  points: Vec2[];
  /** What the loss plot draws for it (f − f*, or f), one value per point. */
  loss: number[];
  /** The full objective at each point, for hover. */
  f: number[];
  /** The step at which it diverged, or null. */
  diverged: number | null;
}
