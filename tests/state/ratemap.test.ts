// The rate map: theory's values, measured values that agree with them, the optimum, and the local theory.
import { describe, expect, it } from 'vitest';
import { measuredRate, simulate, theory, type OptimizerKind } from '../../src/core';
import { addRun } from '../../src/state/actions';
import { defaultState } from '../../src/state/defaults';
import {
  bestCell, curveRate, secondAxis, evalsToReach, mapAxes, measureRow, runJob, runTheory, stabilityEdge, theoryValues, TUNE_GRID, tuneSearch, type MapJob,
} from '../../src/state/ratemap';
import { buildFunction, runSpec } from '../../src/state/scene';

function setup(kind: OptimizerKind, fnId = 'quadratic', params: Record<string, number> = { kappa: 25, theta: 20 }) {
  const s = defaultState();
  s.fn.id = fnId;
  s.fn.params = params;
  s.runs = [];
  addRun(s, kind);
  const fn = buildFunction(s.fn);
  return { s, fn, run: s.runs[0] };
}

describe('the theoretical map', () => {
  it('holds theory.rate at every sampled cell, row j = α_j, column i = η_i', () => {
    for (const kind of ['momentum', 'nesterov'] as const) {
      const { fn, run, s } = setup(kind);
      const t = runTheory(fn, run, s.start)!;
      expect(t.exact).toBe(true);
      const axes = mapAxes(fn, kind, 24);
      const v = theoryValues(t, axes);
      expect(v).toHaveLength(24 * 24);
      for (const [i, j] of [[0, 0], [5, 17], [23, 23], [12, 3], [20, 11]]) {
        expect(v[j * 24 + i]).toBe(theory.rate(kind, axes.lrs[i], axes.second!.values[j], t.eigenvalues));
      }
    }
  });

  it('spans η on a log axis over its slider (to twice GD\'s top, with inertia) and α on log(1 − α) from 0 to 0.999', () => {
    const { fn } = setup('momentum');
    const axes = mapAxes(fn, 'momentum', 5);
    expect(axes.lrs[0]).toBe(fn.lr.min);
    expect(axes.lrs[4]).toBe(2 * fn.lr.max);
    expect(axes.lrs[2]).toBeCloseTo(Math.sqrt(fn.lr.min * 2 * fn.lr.max), 12);
    expect(axes.second!.values[0]).toBe(0);
    expect(axes.second!.values[4]).toBe(0.999);
    expect(mapAxes(fn, 'gd', 5).second).toBeNull();
  });
});

describe('the optimum', () => {
  const { fn, run, s } = setup('momentum');
  const t = runTheory(fn, run, s.start)!;
  const [mu, L] = t.eigenvalues;
  it('Momentum: Polyak\'s (4/(√L + √μ)², ((√κ − 1)/(√κ + 1))²)', () => {
    const k = Math.sqrt(L / mu);
    expect(t.optimum.lr).toBeCloseTo(4 / (Math.sqrt(L) + Math.sqrt(mu)) ** 2, 12);
    expect(t.optimum.alpha).toBeCloseTo(((k - 1) / (k + 1)) ** 2, 12);
  });
  it('GD: 2/(L + μ)', () => {
    const g = setup('gd');
    expect(runTheory(g.fn, g.run, g.s.start)!.optimum.lr).toBeCloseTo(2 / (L + mu), 12);
  });
  it('Nesterov: the closed form is the best point of a fine search of the rate', () => {
    const n = setup('nesterov');
    const nt = runTheory(n.fn, n.run, n.s.start)!;
    let best = Infinity;
    for (let i = 0; i <= 400; i++) {
      for (let j = 0; j <= 400; j++) best = Math.min(best, theory.rate('nesterov', 0.5 + (1.5 * i) / 400, (0.999 * j) / 400, nt.eigenvalues));
    }
    expect(nt.optimum.rate).toBeLessThanOrEqual(best + 1e-12);
    // A double root there: the discriminant's rounding shows as its square root, about 10⁻⁸.
    expect(theory.rate('nesterov', nt.optimum.lr, nt.optimum.alpha, nt.eigenvalues)).toBeCloseTo(nt.optimum.rate, 6);
  });
});

describe('the measured map', () => {
  // Measured 400-step runs against the exact ρ on 16 × 16 maps, κ = 10, 25, 100: the worst cell differs by
  // 0.011 (Nesterov), most by under 0.005. Near ρ = 1 and the boundary a 400-step run cannot tell rates apart.
  it.each([10, 25, 100])('agrees with theory on a quadratic (κ = %d) to within 0.015 wherever ρ < 0.97, away from the boundary', (kappa) => {
    for (const kind of ['momentum', 'nesterov'] as const) {
      const { fn, run, s } = setup(kind, 'quadratic', { kappa, theta: 20 });
      const axes = mapAxes(fn, kind, 16);
      const t = runTheory(fn, run, s.start)!;
      const exact = theoryValues(t, axes);
      const job: MapJob = { fn: s.fn, run, start: s.start, steps: 400, axes };
      let compared = 0;
      axes.second!.values.forEach((_, j) => {
        const row = measureRow(job, j);
        row.forEach((m, i) => {
          const rho = exact[j * 16 + i];
          const nearEdge = axes.lrs[i] > 0.95 * theory.maxStableLr(kind, t.L, axes.second!.values[j]);
          if (rho < 0.97 && !nearEdge) {
            compared++;
            expect(Math.abs(m - rho), `${kind} η=${axes.lrs[i]} α=${axes.second!.values[j]}`).toBeLessThan(0.015);
          }
          if (rho > 1.02) expect(m, 'diverges where theory says so').toBe(Infinity);
        });
      });
      expect(compared).toBeGreaterThan(5);
    }
  });

  it('finds on Rosenbrock a best cell that converges, and marks the cells that diverge', () => {
    const { fn, run, s } = setup('momentum', 'rosenbrock', {});
    const axes = mapAxes(fn, 'momentum', 16);
    const job: MapJob = { fn: s.fn, run, start: s.start, steps: 200, axes };
    const values = new Float64Array(16 * 16);
    axes.second!.values.forEach((_, j) => values.set(measureRow(job, j), j * 16));
    expect(values.some((v) => v === Infinity)).toBe(true);
    const best = bestCell(values, axes)!;
    expect(best.second).toBeGreaterThan(0.5);
    expect(Math.min(...values)).toBeLessThan(0.99);
  });

  it('gives Rosenbrock\'s local theory from the Hessian at (1, 1): κ ≈ 2,500', () => {
    const { fn, run, s } = setup('momentum', 'rosenbrock', {});
    const t = runTheory(fn, run, s.start)!;
    expect(t.exact).toBe(false);
    expect(t.at).toEqual([1, 1]);
    expect(t.L / t.mu).toBeGreaterThan(2400);
    expect(t.L / t.mu).toBeLessThan(2600);
    expect(t.L).toBeCloseTo(1001.6, 1);
  });

  it('measures Adam over η × β₁, and has no theory for it', () => {
    const { fn, run, s } = setup('adam');
    expect(runTheory(fn, run, s.start)).toBeNull();
    const axes = mapAxes(fn, 'adam', 6);
    expect(axes.second!.name).toBe('beta1');
    const row = measureRow({ fn: s.fn, run, start: s.start, steps: 100, axes }, 3);
    expect(row.every((v) => v > 0)).toBe(true);
  });
});

describe('Tune every run', () => {
  const measure = async (job: MapJob) => {
    const n = job.axes.lrs.length;
    const out = new Float64Array(n * (job.axes.second?.values.length ?? 1));
    (job.axes.second?.values ?? [0]).forEach((_, j) => out.set(measureRow(job, j), j * n));
    return out;
  };
  it.each(['gd', 'momentum', 'nesterov'] as const)('%s on the ravine, 300 steps: the measured search lands within 0.02 of theory\'s best rate', async (kind) => {
    const { fn, run, s } = setup(kind);
    const found = (await tuneSearch(runJob(s.fn, fn, run, s.start, 300, TUNE_GRID), measure))!;
    const t = runTheory(fn, run, s.start)!;
    expect(theory.rate(t.kind, found.lr, found.second ?? 0, t.eigenvalues) - t.optimum.rate).toBeLessThan(0.02);
  });
  it('can target the fewest gradient evaluations to reach ε: each cell the median over the seeds of B·t', () => {
    const { fn, s } = setup('gd', 'quadratic', { kappa: 10, theta: 0 });
    addRun(s, 'minibatch');
    const run = { ...s.runs[1], batch: 4 };
    const target = { kind: 'evals' as const, eps: 1e-3, seeds: 5 };
    const job = { ...runJob(s.fn, fn, run, s.start, 200, 6, target), axes: { lrs: [0.05, 0.3, 1, 1.5, 3, 5], second: null } };
    const row = measureRow(job, 0);
    job.axes.lrs.forEach((lr, i) => {
      // By hand: the first t with f − f* ≤ ε for each seed, times B = 4, the 3rd of 5 sorted.
      const spent = [0, 1, 2, 3, 4].map((k) => {
        const r = simulate({ objective: fn, optimizer: runSpec({ ...run, lr }), start: s.start, steps: 200, seed: run.seed + k });
        const t = r.losses.findIndex((l) => l - fn.fMin <= 1e-3);
        return t < 0 ? Infinity : 4 * t;
      }).sort((a, b) => a - b);
      expect(row[i], `η = ${lr}`).toBe(spent[2]);
    });
    // η = 0.05 is too slow for 200 steps, η = 3 and 5 are past 2/L = 2 and diverge; the middle ones arrive.
    expect([row[0], row[4], row[5]]).toEqual([Infinity, Infinity, Infinity]);
    expect(row.slice(1, 4).every(Number.isFinite)).toBe(true);
    // A full-gradient run has one path whatever the seeds: N·t of that path.
    const gd = s.runs[0];
    const t = simulate({ objective: fn, optimizer: runSpec(gd), start: s.start, steps: 200 }).losses.findIndex((l) => l - fn.fMin <= 1e-3);
    expect(evalsToReach(gd, fn, s.start, 200, fn.fMin, target)).toBe(fn.n * t);
  });

  it('tuned for evaluations, a run spends no more than at any setting of the coarse map', async () => {
    const { fn, run, s } = setup('momentum', 'quadratic', { kappa: 10, theta: 0 });
    const target = { kind: 'evals' as const, eps: 1e-4, seeds: 1 };
    const job = runJob(s.fn, fn, run, s.start, 300, 12, target);
    const found = (await tuneSearch(job, measure))!;
    const spent = evalsToReach({ ...run, lr: found.lr, params: { alpha: found.second! } }, fn, s.start, 300, fn.fMin, target);
    const coarse = await measure(job);
    expect(spent).toBeLessThanOrEqual(Math.min(...coarse));
    expect(Number.isFinite(spent)).toBe(true);
  });

  it('gives null when every setting diverges', async () => {
    const { fn, run, s } = setup('gd');
    const job = runJob(s.fn, fn, run, s.start, 100, 4);
    expect(await tuneSearch({ ...job, axes: { lrs: [50, 60, 70, 80], second: null } }, measure)).toBeNull();
  });
});

describe('marks on the map', () => {
  it('the edge ρ = 1 is theory\'s largest stable η at each α; a curve\'s marker sits on theory or on the nearest measured cell', () => {
    const { fn, run, s } = setup('momentum');
    const t = runTheory(fn, run, s.start)!;
    expect(stabilityEdge(t, [0, 0.5])).toEqual([[theory.maxStableLr('momentum', t.L, 0), 0], [theory.maxStableLr('momentum', t.L, 0.5), 0.5]]);
    const g = setup('gd');
    const gt = runTheory(g.fn, g.run, g.s.start)!;
    const axes = mapAxes(g.fn, 'gd', 8);
    expect(curveRate(gt, axes, null, 1.3)).toBe(theory.rate('gd', 1.3, 0, gt.eigenvalues));
    const values = Float64Array.from(axes.lrs.map((_, i) => (i === 3 ? Infinity : i / 10)));
    const measured = { ...gt, exact: false };
    expect(curveRate(measured, axes, values, axes.lrs[5] * 1.01)).toBe(0.5);
    expect(curveRate(measured, axes, values, axes.lrs[3])).toBe(1.05);
    expect(curveRate(null, axes, null, 1)).toBe(1.05);
  });
});

describe('the newer rules on the map', () => {
  it('AdamW over η × β₁ (as Adam), Lion over η × β₂ (its slower average, the one that carries momentum), sign descent over η alone', () => {
    expect([secondAxis('adamw'), secondAxis('lion'), secondAxis('sign')]).toEqual(['beta1', 'beta2', null]);
    const { fn } = setup('lion');
    const axes = mapAxes(fn, 'lion', 5);
    expect(axes.second!.values[0]).toBe(0);
    expect(axes.second!.values.at(-1)).toBe(0.9999);
    expect(mapAxes(fn, 'sign', 5).second).toBeNull();
  });

  it('a Lion row sets β₂ to the row’s value and keeps β₁ and λ: the same runs as simulate with those settings', () => {
    const { fn, s, run: lion } = setup('lion');
    const run = { ...lion, params: { beta1: 0.9, beta2: 0.99, lambda: 0.01 } };
    const axes = mapAxes(fn, 'lion', 4);
    const row = measureRow({ fn: s.fn, run, start: s.start, steps: 60, axes }, 2);
    const beta2 = axes.second!.values[2];
    axes.lrs.forEach((lr, i) => {
      const r = simulate({ objective: fn, optimizer: { kind: 'lion', lr, beta1: 0.9, beta2, lambda: 0.01 }, start: s.start, steps: 60 });
      expect(row[i]).toBe(measuredRate(r.losses, r.diverged !== null, 0));
    });
  });
});
