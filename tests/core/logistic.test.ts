import { describe, expect, it } from 'vitest';
import { createOracle, getTestFunction, irisData, isFiniteSum, simulate, type FiniteSum, type Vec2 } from '../../src/core';
import { logisticRegression } from '../../src/core/functions/logistic';
import { centralDiff } from './helpers';

const fn = getTestFunction('logistic') as ReturnType<typeof getTestFunction> & FiniteSum;
const mean = (v: readonly number[]) => v.reduce((a, b) => a + b, 0) / v.length;

describe("the iris records (Fisher 1936, versicolor and virginica)", () => {
  it('are 50 + 50 flowers whose petal means are the published ones', () => {
    expect(irisData.petalLength).toHaveLength(100);
    expect(irisData.petalWidth).toHaveLength(100);
    expect(irisData.virginica.filter((y) => y === 1)).toHaveLength(50);
    // Fisher's table: versicolor 4.260 and 1.326 cm, virginica 5.552 and 2.026 cm.
    expect(mean(irisData.petalLength.slice(0, 50))).toBeCloseTo(4.26, 12);
    expect(mean(irisData.petalWidth.slice(0, 50))).toBeCloseTo(1.326, 12);
    expect(mean(irisData.petalLength.slice(50))).toBeCloseTo(5.552, 12);
    expect(mean(irisData.petalWidth.slice(50))).toBeCloseTo(2.026, 12);
    // Record 51 of the 150, the first versicolor, and record 150, the last virginica.
    expect([irisData.petalLength[0], irisData.petalWidth[0]]).toEqual([4.7, 1.4]);
    expect([irisData.petalLength[99], irisData.petalWidth[99]]).toEqual([5.1, 1.8]);
  });
});

describe('logisticRegression, by hand', () => {
  it('one record: f = ln(1 + e^z) − y z and ∇f = (σ(z) − y) x', () => {
    const one = logisticRegression([1], [2], [1]);
    // w = (0.5, 0.25), x = (1, 2): z = 1, f = ln(1 + e⁻¹), σ(1) − 1 = −1/(1 + e).
    expect(one.f([0.5, 0.25])).toBeCloseTo(0.31326168751822286, 15);
    const g = one.grad([0.5, 0.25]);
    expect(g[0]).toBeCloseTo(-0.2689414213699951, 15);
    expect(g[1]).toBeCloseTo(-0.5378828427399902, 15);
    // A record of class 0 at z = −40: f = ln(1 + e⁻⁴⁰) ≈ e⁻⁴⁰, kept to its digits.
    const far = logisticRegression([1], [0], [0]);
    expect(far.f([-40, 0]) / Math.exp(-40)).toBeCloseTo(1, 12);
    expect(far.f([800, 0])).toBe(800);
  });

  it('at w = 0 every p is ½: f = ln 2, and ∇f = −½ · the virginica mean of the standardized features', () => {
    expect(fn.f([0, 0])).toBeCloseTo(Math.LN2, 14);
    const sd = (v: readonly number[]) => Math.sqrt(mean(v.map((x) => (x - mean(v)) ** 2)));
    const [l, w] = [irisData.petalLength, irisData.petalWidth];
    const g = fn.grad([0, 0]);
    expect(g[0]).toBeCloseTo((-0.5 * (5.552 - mean(l))) / sd(l), 14);
    expect(g[1]).toBeCloseTo((-0.5 * (2.026 - mean(w))) / sd(w), 14);
  });
});

describe('logistic: the iris fit as a finite sum', () => {
  it('is an exact finite sum over the 100 flowers: the sample gradients average to ∇f', () => {
    expect(isFiniteSum(fn)).toBe(true);
    expect(fn.n).toBe(100);
    const p: Vec2 = [1.5, -0.7];
    let sx = 0, sy = 0;
    for (let i = 0; i < 100; i++) {
      const [gx, gy] = fn.batchGrad(p, [i], 0, 1);
      sx += gx;
      sy += gy;
    }
    const g = fn.grad(p);
    expect(sx / 100).toBeCloseTo(g[0], 15);
    expect(sy / 100).toBeCloseTo(g[1], 15);
    // The samples really differ: one flower's gradient is not the mean's.
    expect(fn.batchGrad(p, [0], 0, 1)).not.toEqual(fn.batchGrad(p, [99], 0, 1));
  });

  it('has a gradient that matches central differences, far out on the walls too', () => {
    for (const p of [[0, 0], [-3.7, 10.5], [9.9, -2.9], [4.75, 4.19], [30, -30]] as Vec2[]) {
      const g = fn.grad(p);
      const fd = [centralDiff(fn.f, p, 0, 1e-5), centralDiff(fn.f, p, 1, 1e-5)];
      expect(Math.abs(g[0] - fd[0]), `${p}`).toBeLessThan(1e-9);
      expect(Math.abs(g[1] - fd[1]), `${p}`).toBeLessThan(1e-9);
    }
  });

  it('has its minimum where Newton puts it, as numpy finds it, with ∇f ≈ 0 there', () => {
    // numpy: 50 Newton steps on the same standardized records, f by logaddexp.
    const [w] = fn.minima;
    expect(w[0]).toBeCloseTo(4.75278276, 7);
    expect(w[1]).toBeCloseTo(4.19114965, 7);
    expect(fn.fMin).toBeCloseTo(0.10601267395736237, 14);
    expect(Math.hypot(...fn.grad(w))).toBeLessThan(1e-15);
    // No neighbour is lower.
    for (const [dx, dy] of [[1e-4, 0], [-1e-4, 0], [0, 1e-4], [0, -1e-4]]) expect(fn.f([w[0] + dx, w[1] + dy])).toBeGreaterThan(fn.fMin);
  });

  it('gives SGD real per-flower gradients: seeded, repeatable, and the same bits on a second build', () => {
    const sgd = (seed: number) => simulate({ objective: fn, optimizer: { kind: 'sgd', lr: 0.5 }, start: fn.start, steps: 200, seed });
    expect(sgd(3)).toEqual(sgd(3));
    expect(sgd(3).points).not.toEqual(sgd(4).points);
    const again = getTestFunction('logistic');
    expect(again.f([1, 2])).toBe(fn.f([1, 2]));
    // A batch of one draws one flower's gradient.
    const oracle = createOracle(fn, 1, 9);
    const g = oracle(fn.start);
    const one = Array.from({ length: 100 }, (_, i) => fn.batchGrad(fn.start, [i], 0, 1));
    expect(one).toContainEqual(g);
  });
});
