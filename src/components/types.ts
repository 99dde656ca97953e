import type { Vec2 } from '../core';

/** One visible run as the plots draw it. */
export interface PathView {
  id: number;
  name: string;
  color: string;
  points: Vec2[];
  /** What the loss plot draws for it (f − f*, or f), one value per point. */
  loss: number[];
  /** The full objective at each point, for hover. */
  f: number[];
  /** The step at which it diverged, or null. */
  diverged: number | null;
}
