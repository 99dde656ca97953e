import { describe, expect, it } from 'vitest';
import { fitBox, getTestFunction, hessianAt, simulate, suggestLr } from '../../src/core';
import type { Box, Objective, Vec2 } from '../../src/core';

const rosenbrock: Objective = {
  f: ([x, y]) => (1 - x) ** 2 + 100 * (y - x * x) ** 2,
  grad: ([x, y]) => [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)],
};
const wide = { min: 1e-8, max: 10, default: 0.01 };
const inside = (b: Box, [x, y]: Vec2) => x >= b.x[0] && x <= b.x[1] && y >= b.y[0] && y <= b.y[1];

describe('local curvature', () => {
  it('finds a quadratic Hessian from gradients alone', () => {
    const q = getTestFunction('quadratic', { kappa: 25, theta: 20 });
    const h = hessianAt(q, [0.7, -1.3]);
    const exact = q.quadratic!.hessian;
    for (const i of [0, 1]) for (const j of [0, 1]) expect(h[i][j]).toBeCloseTo(exact[i][j], 8);
    // L = 1 for the ravine, whatever κ: η = 1/L = 1.
    expect(suggestLr(q, [0.7, -1.3], wide)).toBeCloseTo(1, 6);
  });

  it('gives Rosenbrock at (−2, 2) η ≈ 1/4170, and keeps η in its range', () => {
    const lr = suggestLr(rosenbrock, [-2, 2], wide);
    expect(lr).toBeGreaterThan(2.3e-4);
    expect(lr).toBeLessThan(2.5e-4);
    expect(suggestLr(rosenbrock, [-2, 2], { min: 1e-3, max: 1, default: 0.01 })).toBe(1e-3);
    // No curvature (a plane) says nothing: the range's default.
    const plane: Objective = { f: ([x, y]) => x + y, grad: () => [1, 1] };
    expect(suggestLr(plane, [0, 0], wide)).toBe(0.01);
  });

  it('η = 1/L keeps every step stable on Rosenbrock from (−2, 2), where 0.01 diverges at once', () => {
    const lr = suggestLr(rosenbrock, [-2, 2], wide);
    for (const kind of ['gd', 'momentum', 'nesterov'] as const) {
      const run = simulate({ objective: rosenbrock, optimizer: { kind, lr, alpha: 0.9 }, start: [-2, 2], steps: 2000 });
      expect(run.diverged, kind).toBeNull();
      expect(run.losses[2000], kind).toBeLessThan(run.losses[0] / 50);
    }
    const old = simulate({ objective: rosenbrock, optimizer: { kind: 'gd', lr: 0.01 }, start: [-2, 2], steps: 10 });
    expect(old.diverged).not.toBeNull();
  });
});

describe('a fitted box', () => {
  const square: Box = { x: [-3, 3], y: [-3, 3] };

  it('holds the start and the minimum a short run finds', () => {
    const b = fitBox(rosenbrock, [-2, 2], square);
    expect(inside(b, [-2, 2])).toBe(true);
    expect(inside(b, [1, 1])).toBe(true);
    // Tighter than the default box, and its edges read well.
    expect(b.x[1] - b.x[0]).toBeLessThan(6);
    for (const v of [...b.x, ...b.y]) expect(Math.round(v * 10) / 10).toBe(v);
  });

  it('is ±1 around a start at the minimum, and reaches a far minimum', () => {
    const bowl = (cx: number, cy: number): Objective => ({
      f: ([x, y]) => (x - cx) ** 2 + (y - cy) ** 2,
      grad: ([x, y]) => [2 * (x - cx), 2 * (y - cy)],
    });
    expect(fitBox(bowl(0, 0), [0, 0], square)).toEqual({ x: [-1, 1], y: [-1, 1] });
    expect(inside(fitBox(bowl(100, 50), [-2, 2], square), [100, 50])).toBe(true);
  });

  it("keeps the old box's size around the start when f falls away (no minimum)", () => {
    const plane: Objective = { f: ([x, y]) => x + y, grad: () => [1, 1] };
    expect(fitBox(plane, [-2, 2], square)).toEqual({ x: [-5, 1], y: [-1, 5] });
  });
});
