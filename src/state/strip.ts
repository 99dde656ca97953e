// Which iterations an iteration strip shows: typed as a list, checked against the run's length.

export const STRIP_MAX = 6;

/** The start, two moments on the way and the end: where most runs show their character. */
export function defaultStrip(steps: number): number[] {
  return [...new Set([0, Math.round(steps / 10), Math.round(steps / 3), steps])];
}

/**
 * "0, 10, 50" → [0, 10, 50]: whole numbers from 0 to `steps`, one to STRIP_MAX of them, sorted, each
 * once. Null for anything else.
 */
export function readStrip(text: string, steps: number): number[] | null {
  const parts = text.split(/[,;\s]+/).filter((p) => p !== '');
  if (parts.length === 0 || parts.length > STRIP_MAX || !parts.every((p) => /^\d+$/.test(p))) return null;
  const ts = [...new Set(parts.map(Number))].sort((a, b) => a - b);
  return ts.every((t) => t <= steps) ? ts : null;
}
