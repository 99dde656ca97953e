import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/core';
import { decode } from '../../src/state/url';
import { buildFunction, runSpec, runTrajectories } from '../../src/state/scene';
import { isStochastic, lossAt, lossBand, quantile, runBands, seedKey, seedSpread, seedTrajectories } from '../../src/state/seeds';

describe('quantile', () => {
  it("is numpy's default (linear) quantile to the last bit", () => {
    // np.quantile(a, [0.1, 0.5, 0.9]), numpy 2.4, printed with repr.
    const cases: [number[], number[]][] = [
      [[1, 2, 3, 4], [1.3, 2.5, 3.7]],
      [[0.1, 0.3, 0.7], [0.14, 0.3, 0.62]],
      [[5], [5, 5, 5]],
      [[1e-3, 2e-3, 4e-3, 8e-3, 1.6e-2, 3.2e-2, 6.4e-2], [0.0016, 0.008, 0.04480000000000001]],
    ];
    for (const [a, q] of cases) expect([0.1, 0.5, 0.9].map((p) => quantile(a, p))).toEqual(q);
  });

  it('is +∞ where it interpolates towards +∞, and the order statistic itself on one', () => {
    expect([0.1, 0.5, 0.9].map((p) => quantile([1, 2, Infinity, Infinity], p))).toEqual([1.3, Infinity, Infinity]);
    // K = 11: the 10 % quantile is the 2nd value exactly, whatever the 3rd.
    expect(quantile([0, 1, Infinity, Infinity, Infinity, Infinity, Infinity, Infinity, Infinity, Infinity, Infinity], 0.1)).toBe(1);
  });
});

const link = 'fn=quadratic&kappa=10&theta=0&N=64&noise=1&start=-2.5,1.2&steps=60&run=gd,id:0,lr:0.5&run=minibatch,id:1,lr:0.5,B:4&run=sgd,id:2,lr:0.9,seed:7';

describe('seeds', () => {
  const { state: s } = decode(link);
  const fn = buildFunction(s.fn);
  const own = runTrajectories(fn, s);

  it('run a stochastic run again with seeds s + 1 … s + K − 1, each the single-seed run itself; none for GD', () => {
    const extras = seedTrajectories(fn, s, 5);
    expect(extras.map((e) => e.length)).toEqual([0, 4, 4]);
    expect(s.runs.map((r) => isStochastic(r, fn.n))).toEqual([false, true, true]);
    s.runs.forEach((run, i) => extras[i].forEach((t, k) => {
      expect(t).toEqual(simulate({ objective: fn, optimizer: runSpec(run), start: s.start, steps: s.steps, seed: run.seed + k + 1 }));
    }));
    expect(seedTrajectories(fn, s, 1)).toEqual([[], [], []]);
    // Raising K keeps the runs already made (the same objects) and adds the new seeds.
    const more = seedTrajectories(fn, s, 8);
    expect(more[2][3]).toBe(seedTrajectories(fn, s, 8)[2][3]);
    expect(more[2].slice(0, 4)).toEqual(extras[2]);
  });

  it('make bands that are the 10/50/90 % quantiles of K single-seed runs computed separately', () => {
    const K = 9;
    const bands = runBands(s, own, seedTrajectories(fn, s, K));
    expect(bands[0]).toBeNull();
    for (const i of [1, 2]) {
      const run = s.runs[i];
      const separate = Array.from({ length: K }, (_, k) =>
        simulate({ objective: fn, optimizer: runSpec(run), start: s.start, steps: s.steps, seed: run.seed + k }).losses);
      for (const t of [0, 1, 17, 60]) {
        // K = 9: the 10 % quantile lies 0.8 of the way from the 1st to the 2nd value (numpy then counts back
        // from the 2nd), the median is the 5th, the 90 % quantile 8 · 0.9 − 7 ≈ 0.2 of the way from the 8th.
        const at = separate.map((l) => l[t]).sort((a, b) => a - b);
        expect(bands[i]!.p10[t]).toBe(at[1] - (at[1] - at[0]) * (1 - 0.8));
        expect(bands[i]!.p50[t]).toBe(at[4]);
        expect(bands[i]!.p90[t]).toBe(at[7] + (at[8] - at[7]) * (8 * 0.9 - 7));
        expect(bands[i]!.p10[t]).toBeLessThanOrEqual(bands[i]!.p50[t]);
        expect(bands[i]!.p50[t]).toBeLessThanOrEqual(bands[i]!.p90[t]);
      }
      expect(bands[i]!.p50).toHaveLength(s.steps + 1);
    }
    // At t = 0 every seed stands at the start.
    expect(bands[1]!.p10[0]).toBe(own[1].losses[0]);
    expect(bands[1]!.p90[0]).toBe(own[1].losses[0]);
  });

  it('count a diverged seed as +∞ from its divergence on, so the band rises to ∞ only as seeds diverge', () => {
    const diverging = { ...own[1], losses: own[1].losses.slice(0, 10), diverged: { step: 10 } };
    expect([9, 10, 11, 12].map((i) => lossAt(diverging, i))).toEqual([own[1].losses[9], Infinity, Infinity, Infinity]);
    const ok = own[1];
    // One of 3 diverged: the median is finite, the 90 % quantile interpolates towards ∞.
    const band = lossBand([ok, ok, diverging], s.steps);
    expect(band.p50[30]).toBe(ok.losses[30]);
    expect(band.p90[30]).toBe(Infinity);
    expect(band.p90[9]).toBe(ok.losses[9]);
  });

  it('reach the page whole from one run\'s seedSpread: the other seeds\' paths and f, and the band over all K', () => {
    const K = 6;
    const extras = seedTrajectories(fn, s, K);
    const bands = runBands(s, own, extras);
    for (const i of [1, 2]) {
      const spread = seedSpread(fn, s.start, s.steps, s.runs[i], K);
      expect(spread.band).toEqual(bands[i]);
      expect(spread.paths).toHaveLength(K - 1);
      spread.paths.forEach((p, k) => {
        expect(Array.from(p.x)).toEqual(extras[i][k].points.map((q) => q[0]));
        expect(Array.from(p.y)).toEqual(extras[i][k].points.map((q) => q[1]));
        expect(Array.from(p.losses)).toEqual(extras[i][k].losses);
      });
    }
  });

  it('are named by everything they depend on, and by nothing else', () => {
    const [gd, mb] = [s.runs[0], s.runs[1]];
    expect(seedKey(s, gd, fn.n, 16)).toBeNull();
    expect(seedKey(s, mb, fn.n, 1)).toBeNull();
    const key = seedKey(s, mb, fn.n, 16);
    expect(key).not.toBeNull();
    expect(seedKey(s, { ...mb, visible: false }, fn.n, 16)).toBe(key);
    for (const other of [
      seedKey(s, { ...mb, lr: 0.4 }, fn.n, 16), seedKey(s, { ...mb, seed: mb.seed + 1 }, fn.n, 16), seedKey(s, { ...mb, batch: 8 }, fn.n, 16),
      seedKey(s, mb, fn.n, 15), seedKey({ ...s, steps: 61 }, mb, fn.n, 16), seedKey({ ...s, start: [0, 0] }, mb, fn.n, 16),
      seedKey({ ...s, fn: { ...s.fn, noise: 2 } }, mb, fn.n, 16),
    ]) expect(other).not.toBe(key);
  });
});

