import { describe, expect, it } from 'vitest';
import { rangeAxis, rangeGap } from '../../src/draw/rangeDraw';

describe('the range test’s loss axis', () => {
  const pt = (loss: number, diverged = false) => ({ lr: 1, loss, diverged });

  it('plots a loss as its gap above the reference, kept above the floor', () => {
    expect(rangeGap(3, 1, 1e-9)).toBe(2);
    expect(rangeGap(1, 1, 1e-9)).toBe(1e-9);
    expect(rangeGap(0.5, 1, 1e-9)).toBe(1e-9);
  });

  it('spans whole decades from the lowest gap a run that did not diverge reached to ten times the start’s gap', () => {
    // f(x₀) − f* = 5: the top is 10², the runs reach down to 3·10⁻⁴ (the diverged 10⁻⁸ does not count).
    const a = rangeAxis([pt(4), pt(1 + 3e-4), pt(1 + 1e-8, true), pt(Infinity, true)], 6, 1);
    expect(a).toEqual({ min: 1e-4, max: 100, floor: 5e-12 });
    // With no run measured yet, the start alone: one decade below it to one above ten times it.
    expect(rangeAxis([], 6, 1)).toEqual({ min: 1, max: 100, floor: 5e-12 });
    // A run that reached f* exactly sits on the floor, 10⁻¹² of the start's gap.
    expect(rangeAxis([pt(1)], 2, 1).min).toBe(1e-12);
  });
});
