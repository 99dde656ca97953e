import { describe, expect, it } from 'vitest';
import { createOracle, getTestFunction, sampleCount, withNoise, type Vec2 } from '../../src/core';
import { diagQuadratic, spyFiniteSum, testRng } from './helpers';

/** N offsets ξ_i with Σ ξ_i = 0, from the tests' own generator. */
function centredOffsets(n: number, seed: number): Vec2[] {
  const u = testRng(seed);
  const xi: Vec2[] = Array.from({ length: n }, () => [u() - 0.5, u() - 0.5]);
  const mx = xi.reduce((s, v) => s + v[0], 0) / n;
  const my = xi.reduce((s, v) => s + v[1], 0) / n;
  return xi.map(([a, b]) => [a - mx, b - my]);
}

const base = diagQuadratic(1, 3);
const P: Vec2 = [0.5, -0.25];

describe('createOracle: mini-batches without replacement within an epoch', () => {
  it.each([
    [12, 1], [12, 3], [12, 4], [12, 6], [32, 8], [40, 5],
  ])('N=%i, B=%i (B divides N): every step B distinct samples, every sample exactly once per epoch', (n, b) => {
    const fs = spyFiniteSum(base, centredOffsets(n, 1));
    const grad = createOracle(fs, b, 7);
    const epochs = 25;
    for (let t = 0; t < epochs * (n / b); t++) grad(P);
    expect(fs.calls).toHaveLength(epochs * (n / b));
    for (const c of fs.calls) {
      expect(c.idx).toHaveLength(b);
      expect(new Set(c.idx).size).toBe(b);
      for (const i of c.idx) {
        expect(Number.isInteger(i)).toBe(true);
        expect(i).toBeGreaterThanOrEqual(0);
        expect(i).toBeLessThan(n);
      }
    }
    const orders: string[] = [];
    for (let e = 0; e < epochs; e++) {
      const seen = fs.calls.slice(e * (n / b), (e + 1) * (n / b)).flatMap((c) => c.idx);
      expect(seen.slice().sort((x, y) => x - y)).toEqual(Array.from({ length: n }, (_, i) => i));
      orders.push(seen.join(','));
    }
    // Each epoch is reshuffled: the visiting orders are not all the same.
    if (n / b > 1 || b < n) expect(new Set(orders).size).toBeGreaterThan(1);
  });

  it('N=10, B=3 (B does not divide N): B distinct per step and no repeat within an epoch of ⌊N/B⌋ steps', () => {
    const fs = spyFiniteSum(base, centredOffsets(10, 2));
    const grad = createOracle(fs, 3, 1);
    for (let t = 0; t < 300; t++) grad(P);
    for (const c of fs.calls) expect(new Set(c.idx).size).toBe(3);
    for (let e = 0; e < 100; e++) {
      const seen = fs.calls.slice(3 * e, 3 * e + 3).flatMap((c) => c.idx);
      expect(new Set(seen).size).toBe(9);
    }
    // Over many epochs every sample is used about equally often (a dropped remainder that is always
    // the same sample would show up as a zero count).
    const counts = new Array(10).fill(0);
    for (const c of fs.calls) for (const i of c.idx) counts[i]++;
    for (const k of counts) expect(k).toBeGreaterThan(60);
  });

  it('passes the point it is asked about to the objective, untouched', () => {
    const fs = spyFiniteSum(base, centredOffsets(8, 3));
    const grad = createOracle(fs, 2, 0);
    const pts: Vec2[] = [[1, 2], [-3, 0.5], [1e-9, -7]];
    for (const p of pts) grad(p);
    expect(fs.calls.map((c) => c.p)).toEqual(pts);
  });

  it('over one epoch, the mean of the batch gradients at a fixed point is the gradient', () => {
    const fs = spyFiniteSum(base, centredOffsets(24, 4));
    const grad = createOracle(fs, 6, 11);
    let sx = 0, sy = 0;
    for (let t = 0; t < 4; t++) {
      const g = grad(P);
      sx += g[0];
      sy += g[1];
    }
    const g = base.grad(P);
    expect(sx / 4).toBeCloseTo(g[0], 14);
    expect(sy / 4).toBeCloseTo(g[1], 14);
  });

  it('B ≥ N, B left out, or an objective that is not a finite sum: exactly the objective’s own grad', () => {
    const fs = spyFiniteSum(base, centredOffsets(16, 5));
    expect(createOracle(fs, undefined, 0)).toBe(fs.grad);
    expect(createOracle(fs, 16, 0)).toBe(fs.grad);
    expect(createOracle(fs, 1000, 0)).toBe(fs.grad);
    expect(createOracle(base, 1, 0)).toBe(base.grad);
    expect(sampleCount(base)).toBe(1);
    expect(sampleCount(fs)).toBe(16);
    const noisy = withNoise(getTestFunction('quadratic'), { n: 32, scale: 1, seed: 0 });
    expect(createOracle(noisy, 32, 9)).toBe(noisy.grad);
  });

  it.each([0, -1, 2.5, NaN])('rejects batch size %s with a RangeError', (b) => {
    const fs = spyFiniteSum(base, centredOffsets(16, 5));
    expect(() => createOracle(fs, b, 0)).toThrow(RangeError);
  });

  it('the same seed draws the same batches, another seed others', () => {
    const draw = (seed: number) => {
      const fs = spyFiniteSum(base, centredOffsets(20, 6));
      const grad = createOracle(fs, 4, seed);
      for (let t = 0; t < 50; t++) grad(P);
      return fs.calls.map((c) => c.idx);
    };
    expect(draw(3)).toEqual(draw(3));
    expect(draw(4)).not.toEqual(draw(3));
  });

  // The variance of the mean of B of N values drawn without replacement is σ²/B · (N − B)/(N − 1),
  // σ² = (1/N) Σ |ξ_i|² (here scale², summed over both coordinates). With M = 20 000 draws the
  // sample variance is within a few percent of it (relative s.e. ≈ √(2/M)·(kurtosis factor) ≈ 1–2%),
  // so 10% is a generous but still telling bound: with-replacement sampling would miss it at B ≥ 8 by
  // the factor (N − 1)/(N − B) ≥ 1.3.
  it.each([1, 2, 4, 8, 16, 24, 31])('N=32, B=%i: the batch variance matches σ²/B · (N−B)/(N−1) within 10%', (b) => {
    const n = 32, scale = 0.7;
    const fs = withNoise(getTestFunction('quadratic'), { n, scale, seed: 17 });
    const grad = createOracle(fs, b, 123);
    const g = fs.grad(P);
    const draws = 20_000;
    let ss = 0;
    for (let t = 0; t < draws; t++) {
      const gb = grad(P);
      ss += (gb[0] - g[0]) ** 2 + (gb[1] - g[1]) ** 2;
    }
    const expected = ((scale * scale) / b) * ((n - b) / (n - 1));
    expect(Math.abs(ss / draws / expected - 1)).toBeLessThan(0.1);
  });
});
