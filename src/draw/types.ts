import type { Vec2 } from '../core';
import type { Band, SeedPath } from '../state/seeds';

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
  /** The x of steps 0 … steps on the loss plot's axis (t, evaluations or epochs); x = t when left out. */
  xs?: number[];
  /** Its spread over K seeds as the loss plot draws it (minus the floor, as `loss`), at steps 0 … steps. */
  band?: Band | null;
  /** The paths of its other K − 1 seeds, which the contour draws faintly under its own. */
  seeds?: SeedPath[];
}
