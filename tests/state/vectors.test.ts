// The vectors behind each step: parts that end exactly on x_t, Nesterov's look-ahead, the oracle's own
// gradients, and a batch cloud that shrinks with B and collapses at B = N.
import { describe, expect, it } from 'vitest';
import { getTestFunction, optimizerKinds, simulate, withNoise, type Objective, type OptimizerSpec, type Vec2 } from '../../src/core';
import { addRun, changeRun } from '../../src/state/actions';
import { defaultState } from '../../src/state/defaults';
import { buildFunction, runSpec, runTrajectories } from '../../src/state/scene';
import { batchCloud, recentVectors, stepVectors, visibleVectorStep } from '../../src/state/vectors';
import { decode } from '../../src/state/url';
import { presets } from '../../src/state/presets';

function scene(kind: (typeof optimizerKinds)[number], batch?: number) {
  const s = defaultState();
  s.runs = [];
  addRun(s, kind);
  if (batch !== undefined) changeRun(s, 0, { batch });
  const fn = buildFunction(s.fn);
  return { s, fn, run: s.runs[0], tr: runTrajectories(fn, s)[0] };
}

describe('the parts of a step', () => {
  it.each(optimizerKinds.flatMap((k) => [[k, 1], [k, 4], [k, 32]] as const))('%s, B = %d: start at x_{t−1}, go tip to tail, end exactly on x_t', (kind, batch) => {
    const { run, tr } = scene(kind, batch);
    expect(tr.gradients).toHaveLength(tr.points.length - 1);
    for (let t = 1; t < tr.points.length; t++) {
      const v = stepVectors(run, tr, t)!;
      const chain = v.parts.filter((p) => p.kind !== 'raw');
      expect(chain[0].from).toBe(tr.points[t - 1]);
      for (let k = 1; k < chain.length; k++) expect(chain[k].from).toBe(chain[k - 1].to);
      expect(chain.at(-1)!.to).toBe(tr.points[t]);
    }
    expect(stepVectors(run, tr, 0)).toBeNull();
    expect(stepVectors(run, tr, tr.points.length)).toBeNull();
  });

  it('Momentum: −α h_{t−1} then −η g(x_{t−1}); Nesterov: −α h_{t−1} to the look-ahead point, where its gradient was taken', () => {
    for (const kind of ['momentum', 'nesterov'] as const) {
      const { run, tr } = scene(kind);
      const a = run.params.alpha;
      for (const t of [1, 2, 10, 50]) {
        const v = stepVectors(run, tr, t)!;
        const x0 = tr.points[t - 1], h = tr.velocities![t - 1];
        expect(v.parts.map((p) => p.kind)).toEqual(['inertia', 'gradient']);
        expect(v.parts[0].to).toEqual([x0[0] - a * h[0], x0[1] - a * h[1]]);
        expect(tr.gradientPoints[t - 1]).toEqual(kind === 'nesterov' ? [x0[0] - a * h[0], x0[1] - a * h[1]] : x0);
        expect(v.lookahead).toEqual(kind === 'nesterov' ? tr.gradientPoints[t - 1] : null);
        // The gradient part is −η g to rounding: x_t − mid = −η g.
        const g = tr.gradients[t - 1];
        expect(v.parts[1].to[0] - v.parts[1].from[0]).toBeCloseTo(-run.lr * g[0], 12);
        expect(v.inertia).toBeCloseTo(Math.hypot(a * h[0], a * h[1]), 14);
        expect(v.gradient).toBeCloseTo(run.lr * Math.hypot(g[0], g[1]), 14);
      }
      expect(stepVectors(run, tr, 1)!.inertia).toBe(0);
      expect(stepVectors(run, tr, 1)!.angle).toBeNull();
    }
  });

  it('the adaptive rules: the raw gradient step −η g beside the step taken', () => {
    const { run, tr } = scene('adam');
    const v = stepVectors(run, tr, 3)!;
    expect(v.parts.map((p) => p.kind)).toEqual(['raw', 'step']);
    const g = tr.gradients[2];
    expect(v.parts[0].to).toEqual([tr.points[2][0] - run.lr * g[0], tr.points[2][1] - run.lr * g[1]]);
  });

  it('across a ravine, the last steps\' inertia and gradient parts point against each other (angle > 90°)', () => {
    const { run, tr } = scene('momentum');
    const last = recentVectors(run, tr, 30, 5);
    expect(last.map((v) => v.t)).toEqual([26, 27, 28, 29, 30]);
    expect(recentVectors(run, tr, 2, 5).map((v) => v.t)).toEqual([1, 2]);
    expect(stepVectors(run, tr, 3)!.angle).toBeGreaterThan(90);
  });
});

describe('the recorded gradients', () => {
  it('are the oracle\'s own answers, taken where the rule asked, for every rule and batch', () => {
    const fn = getTestFunction('rosenbrock');
    const noisy = withNoise(fn, { n: 16, scale: 0.5, seed: 2 });
    for (const kind of optimizerKinds) {
      const answers: { p: Vec2; g: Vec2 }[] = [];
      const spy: Objective & typeof noisy = {
        ...noisy,
        grad: (p) => {
          const g = noisy.grad(p);
          answers.push({ p, g });
          return g;
        },
        batchGrad: (p, idx, from, count) => {
          const g = noisy.batchGrad(p, idx, from, count);
          answers.push({ p, g });
          return g;
        },
      };
      const spec = runSpec({ ...scene(kind).run, lr: kind === 'adam' || kind === 'rmsprop' || kind === 'adagrad' ? 0.01 : 1e-4, batch: 4 }) as OptimizerSpec;
      const r = simulate({ objective: spy, optimizer: spec, start: fn.start, steps: 50, seed: 3 });
      expect(answers.map((a) => a.g), kind).toEqual(r.gradients);
      answers.forEach((a, i) => {
        expect(r.gradients[i]).toBe(a.g);
        expect(r.gradientPoints[i]).toBe(a.p);
      });
    }
  });
});

describe('the batch cloud', () => {
  const spread = (c: ReturnType<typeof batchCloud>) => {
    const xs = c!.ellipse.map((p) => p[0]), ys = c!.ellipse.map((p) => p[1]);
    return Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
  };

  it('SGD: every sample\'s step around the full step; B = 16 smaller; B = N collapses onto the full step', () => {
    const one = scene('sgd');
    const c1 = batchCloud(one.fn, one.run, one.tr, 5)!;
    expect(c1.ends).toHaveLength(one.fn.n);
    // The mean of every sample's step is the full step.
    const mean = c1.ends.reduce((m, p) => [m[0] + p[0] / c1.ends.length, m[1] + p[1] / c1.ends.length], [0, 0]);
    expect(mean[0]).toBeCloseTo(c1.full[0], 12);
    expect(mean[1]).toBeCloseTo(c1.full[1], 12);
    const mb = scene('minibatch', 16);
    const c16 = batchCloud(mb.fn, mb.run, mb.tr, 5)!;
    expect(c16.ends).toHaveLength(64);
    expect(spread(c16)).toBeLessThan(spread(c1) / 2);
    const all = scene('minibatch', 32);
    const cN = batchCloud(all.fn, all.run, all.tr, 5)!;
    expect(cN.ends).toEqual([cN.full]);
    expect(spread(cN)).toBe(0);
  });

  it('its ellipse holds about 39 % of the sample steps (the 1-σ region of a 2-D spread)', () => {
    const { fn, run, tr } = scene('sgd');
    const fs = withNoise(getTestFunction('quadratic'), { n: 400, scale: 0.5, seed: 9 });
    expect(fs.n).toBe(400);
    const c = batchCloud({ ...fn, ...fs, n: 400 } as typeof fn, run, tr, 5)!;
    // Inside the ellipse: the Mahalanobis distance below 1, tested through the polygon's own area.
    const inside = (p: Vec2) => {
      let w = false;
      const e = c.ellipse;
      for (let i = 0, j = e.length - 1; i < e.length; j = i++) {
        if ((e[i][1] > p[1]) !== (e[j][1] > p[1]) && p[0] < ((e[j][0] - e[i][0]) * (p[1] - e[i][1])) / (e[j][1] - e[i][1]) + e[i][0]) w = !w;
      }
      return w;
    };
    const share = c.ends.filter(inside).length / c.ends.length;
    expect(share).toBeGreaterThan(0.3);
    expect(share).toBeLessThan(0.5);
  });

  it('is drawn for SGD and mini-batch runs only', () => {
    for (const kind of ['gd', 'momentum', 'nesterov', 'adam'] as const) {
      const { fn, run, tr } = scene(kind, 4);
      expect(batchCloud(fn, run, tr, 5), kind).toBeNull();
    }
  });
});

describe('where step vectors show', () => {
  const scene = (link: string) => {
    const { state } = decode(link);
    const fn = buildFunction(state.fn);
    return { state, fn, trs: runTrajectories(fn, state) };
  };
  const longest = (s: ReturnType<typeof scene>, t: number) =>
    Math.max(...s.state.runs.flatMap((r, i) => stepVectors(r, s.trs[i], Math.min(t, s.trs[i].points.length - 1))?.parts ?? []).map((p) => Math.hypot(p.to[0] - p.from[0], p.to[1] - p.from[1])));

  it('at the default page’s end (t = 100, steps below a pixel) is the latest step with a part ≥ 3 % of the view', () => {
    const s = scene('');
    const width = s.fn.view.x[1] - s.fn.view.x[0];
    expect(longest(s, 100)).toBeLessThan(1e-3 * width);
    const at = visibleVectorStep(s.state.runs, s.trs, 100, width);
    expect(at).toBeGreaterThan(1);
    expect(at).toBeLessThan(100);
    expect(longest(s, at)).toBeGreaterThanOrEqual(0.03 * width);
    for (let t = at + 1; t <= 100; t++) expect(longest(s, t)).toBeLessThan(0.03 * width);
  });

  it('stays where the vectors already show (the inertia preset at t = 5)', () => {
    const s = scene(presets[1].link);
    expect(visibleVectorStep(s.state.runs, s.trs, 5, s.fn.view.x[1] - s.fn.view.x[0])).toBe(5);
  });
});
