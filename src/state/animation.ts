// Which iterations an animated export shows: the playhead's path from the start to the last step.

/** At most this many frames: a slide's GIF stays a few hundred kilobytes and is made in a few seconds. */
export const MAX_FRAMES = 40;

/** Evenly spaced whole iterations from 0 to `steps`, both ends included, at most `max` of them. */
export function frameSteps(steps: number, max = MAX_FRAMES): number[] {
  const n = Math.min(steps + 1, max);
  if (n <= 1) return [0];
  return [...new Set(Array.from({ length: n }, (_, i) => Math.round((i * steps) / (n - 1))))];
}
