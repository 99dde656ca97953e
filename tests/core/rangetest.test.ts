import { describe, expect, it } from 'vitest';
import { getTestFunction, RANGE_POINTS_MAX, rangeEdge, rangeGrid, rangePoint, rangeTest, type SimulateSpec } from '../../src/core';

// The learning-rate range test: a log grid of η, one short run from the start at each, the loss each reaches.
const quad = getTestFunction('quadratic', { kappa: 20, theta: 0 });
const gd = (steps: number): SimulateSpec => ({ objective: quad, optimizer: { kind: 'gd', lr: 1 }, start: [-2.5, 1.2], steps });

describe('rangeGrid', () => {
  it('spaces η evenly in log from min to max, both exact', () => {
    expect(rangeGrid(0.01, 10, 4)).toEqual([0.01, expect.closeTo(0.1, 15), expect.closeTo(1, 15), 10]);
    const g = rangeGrid(1e-3, 2.5, 300);
    expect(g).toHaveLength(300);
    const ratio = (2.5 / 1e-3) ** (1 / 299);
    for (let i = 1; i < g.length; i++) expect(g[i] / g[i - 1]).toBeCloseTo(ratio, 12);
  });

  it('refuses bad ranges and grids', () => {
    for (const [min, max] of [[0, 1], [-1, 1], [1, 1], [2, 1], [1, Infinity], [NaN, 1], [1, NaN]]) {
      expect(() => rangeGrid(min, max, 10)).toThrow(RangeError);
    }
    for (const n of [0, 1, 2.5, RANGE_POINTS_MAX + 1, NaN]) expect(() => rangeGrid(0.1, 1, n)).toThrow(RangeError);
    expect(rangeGrid(0.1, 1, 2)).toEqual([0.1, 1]);
    expect(rangeGrid(0.1, 1, RANGE_POINTS_MAX)).toHaveLength(RANGE_POINTS_MAX);
  });
});

describe('rangePoint', () => {
  // By hand: GD on f = ½(x²/20 + y²) multiplies x by 1 − η/20 and y by 1 − η each step.
  const f = (x: number, y: number) => 0.5 * (x * x / 20 + y * y);
  const f0 = f(-2.5, 1.2);

  it('is the loss at the last iterate of a run of the spec with η = lr', () => {
    for (const [lr, steps] of [[0.5, 3], [1, 5], [1.5, 10], [0.01, 1]]) {
      const p = rangePoint(gd(steps), lr);
      const want = f(-2.5 * (1 - lr / 20) ** steps, 1.2 * (1 - lr) ** steps);
      expect(p.lr).toBe(lr);
      expect(p.loss).toBeCloseTo(want, 14);
      expect(p.diverged).toBe(false);
    }
  });

  it('calls a run diverged that ends above its start, and +∞ one that blew up', () => {
    // η = 2.5: y is multiplied by −1.5 each step, x by 0.875: after 3 steps f is above f(x₀) but finite.
    const above = rangePoint(gd(3), 2.5);
    expect(above.loss).toBeCloseTo(f(-2.5 * 0.875 ** 3, 1.2 * (-1.5) ** 3), 13);
    expect(above.loss).toBeGreaterThan(f0);
    expect(above.diverged).toBe(true);
    // η = 2 exactly: y flips sign each step, x shrinks: below the start, not diverged.
    const flip = rangePoint(gd(3), 2);
    expect(flip.loss).toBeCloseTo(f(-2.5 * 0.9 ** 3, -1.2), 14);
    expect(flip.diverged).toBe(false);
    // Past simulate's bound (100 × the view): y grows as 9ᵗ at η = 10, out of bounds by step 3.
    const blown = rangePoint(gd(50), 10);
    expect(blown).toEqual({ lr: 10, loss: Infinity, diverged: true });
  });

  it('keeps the rest of the spec: the rule, its settings and the schedule', () => {
    const spec: SimulateSpec = { ...gd(4), optimizer: { kind: 'momentum', lr: 1, alpha: 0.5 } };
    // Momentum by hand on y alone (x is the same iteration with λ = 1/20): h = α h + η λ y; y −= h.
    const run = (lambda: number, u: number, lr: number) => {
      let h = 0;
      for (let t = 0; t < 4; t++) {
        h = 0.5 * h + lr * lambda * u;
        u -= h;
      }
      return u;
    };
    const p = rangePoint(spec, 0.3);
    expect(p.loss).toBeCloseTo(f(run(1 / 20, -2.5, 0.3), run(1, 1.2, 0.3)), 14);
  });
});

describe('rangeEdge', () => {
  const pt = (lr: number, diverged: boolean) => ({ lr, loss: diverged ? Infinity : 1, diverged });

  it('is the smallest η from which every run diverged; null when the largest did not', () => {
    expect(rangeEdge([pt(1, false), pt(2, false), pt(3, true), pt(4, true)])).toBe(3);
    expect(rangeEdge([pt(1, false), pt(2, true), pt(3, false), pt(4, true)])).toBe(4);
    expect(rangeEdge([pt(1, true), pt(2, false), pt(3, false)])).toBeNull();
    expect(rangeEdge([pt(1, true), pt(2, true)])).toBe(1);
    expect(rangeEdge([])).toBeNull();
  });

  it('finds GD’s edge 2/L on a quadratic within one step of the grid', () => {
    // L = 1 here. Below 2 every component shrinks, so no run ends above its start. Just above 2 the steep
    // component grows as (η − 1)ᵗ while the flat one shrinks: with 50 steps a run ends above f(x₀) once
    // 1.44 (η − 1)¹⁰⁰ > 1.44 + 0.3125 (1 − (1 − η/20)¹⁰⁰), η > 2.00197. So the edge found is the first grid
    // point past a threshold in (2, 2.0021): above 2, and below 2.0021 times the grid's ratio r.
    const lrs = rangeGrid(1e-3, 2.5, 300);
    const r = lrs[1] / lrs[0];
    const { points, edge } = rangeTest(gd(50), lrs);
    expect(points.map((p) => p.lr)).toEqual(lrs);
    expect(edge).not.toBeNull();
    expect(edge!).toBeGreaterThan(2);
    expect(edge!).toBeLessThan(2.0021 * r);
    // And it is the grid point just past the threshold: the one before it did not diverge.
    const k = lrs.indexOf(edge!);
    expect(points[k - 1].diverged).toBe(false);
    expect(lrs[k - 1]).toBeLessThan(2.0021);
    // The grid's ratio is 1.027 here: the tolerance is one grid step, about 2.7 %.
    expect(r).toBeCloseTo(1.0264, 3);
  });

  it('puts the threshold where the hand computation says', () => {
    expect(rangePoint(gd(50), 2.0019).diverged).toBe(false);
    expect(rangePoint(gd(50), 2.0021).diverged).toBe(true);
  });
});
