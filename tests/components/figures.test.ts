import { describe, expect, it } from 'vitest';
import type { Vec2 } from '../../src/core';
import { contourMarks } from '../../src/components/figures';
import type { PathView } from '../../src/components/types';
import { buildFunction } from '../../src/state/scene';
import { defaultState } from '../../src/state/defaults';

const fn = buildFunction(defaultState().fn);
const view = fn.view; // x ∈ [−3, 3], y ∈ [−2, 2]

function mark(points: Vec2[], diverged: number | null): number[][] {
  const path: PathView = { id: 0, name: 'GD', color: '#000', points, loss: points.map(() => 1), f: points.map(() => 1), diverged };
  const marks = contourMarks({ view, paths: [path], playhead: 0, start: points[0] });
  return marks.flatMap((m) => (m.kind === 'dot' && m.symbol === 'cross' ? [[m.x, m.y]] : []));
}

describe('the mark of a diverged run', () => {
  it('is absent while the run keeps going', () => {
    expect(mark([[0, 0], [1, 1]], null)).toEqual([]);
  });

  it('sits on its last iterate when that is in view', () => {
    expect(mark([[0, 0], [1, 1.5]], 2)).toEqual([[1, 1.5]]);
  });

  it('sits where the path left the box when it ran away out of sight', () => {
    // From (1, 1) to (5, 3): x reaches 3 at a half of the way, y reaches 2 at a half too.
    expect(mark([[0, 0], [1, 1], [5, 3], [50, -40]], 4)).toEqual([[3, 2]]);
    // Leaving through the bottom edge: from (0, 0) to (1, −4), y = −2 at a half.
    expect(mark([[0, 0], [1, -4]], 2)).toEqual([[0.5, -2]]);
  });
});
