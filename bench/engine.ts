// `npm run bench` — the engine's speed: simulate() against hand-written loops of the same rules.
//
// For each optimizer (GD, SGD on withNoise with N = 32, Momentum, Nesterov) on the quadratic and on
// Rosenbrock it measures steps per second of `simulate` (1,000 steps a run, many runs) and of two
// hand-written loops with plain scalars that do the same work: the same update, the same bound and
// finiteness check, every point (and, for the rules with inertia, every velocity) and the loss at it
// recorded into arrays. Both reproduce the engine's trajectories bit for bit (checked before timing).
//
// - "inline rule" writes the update rule out in the loop and calls the objective's own f and ∇f, as any
//   loop over a function it does not know must. engine / inline rule is the cost of the engine's
//   oracle, rule objects and runner: the goal is ≥ 0.5.
// - "inline formulas" also writes f and ∇f into the loop body. No goal: it shows what a call into a
//   pluggable objective costs (Vec2 in, Vec2 out, through call sites V8 cannot inline once several
//   objectives have run in one process). With --only (one objective, one rule) the engine reaches
//   0.55–0.8 of it.
// Then the playground's budget: five optimizers × 1,000 steps through simulate, median and p95 in ms.
//
// Each figure is the median of several rounds after a warm-up; the three loops alternate within a
// round so that drift (thermal, other processes) hits them alike.
//
// Options: --rounds N (9), --runs N (runs of 1,000 steps per round and side, 200), --reps N (repetitions
//          of the 5 × 1,000 budget, 3000), --only problem/optimizer (measure one case alone, e.g.
//          quadratic/gd: then every call site in the engine sees one objective and one rule, as a
//          monomorphic best case), --strict (exit 1 when a goal is missed).
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { createRng, getTestFunction, simulate, withNoise, type FiniteSum, type Objective, type OptimizerSpec, type Vec2 } from '../src/core';
import { shuffle } from '../src/core/rng';

const { values: opt } = parseArgs({
  options: {
    rounds: { type: 'string', default: '9' },
    runs: { type: 'string', default: '200' },
    reps: { type: 'string', default: '3000' },
    only: { type: 'string' },
    strict: { type: 'boolean', default: false },
  },
});
const ROUNDS = Number(opt.rounds);
const RUNS = Number(opt.runs);
const REPS = Number(opt.reps);
const STEPS = 1000;
const GOAL = { ratio: 0.5, budgetMs: 1 };
const NOISE = { n: 32, seed: 1 };
const RUN_SEED = 7;

interface Out { points: Vec2[]; losses: number[]; velocities: Vec2[] | null }

// ---- The problems and the specs run on them (none leaves its 300 bound in 1,000 steps).
interface Problem {
  name: 'quadratic' | 'rosenbrock';
  objective: ReturnType<typeof getTestFunction>;
  bound: number;
  start: Vec2;
  specs: Record<Kind, OptimizerSpec>;
}
type Kind = 'gd' | 'sgd' | 'momentum' | 'nesterov';
const KINDS: Kind[] = ['gd', 'sgd', 'momentum', 'nesterov'];

function quadraticProblem(): Problem {
  const objective = getTestFunction('quadratic'); // κ = 20, θ = 0 by default
  return {
    name: 'quadratic',
    objective,
    bound: 300,
    start: objective.start,
    specs: {
      gd: { kind: 'gd', lr: 1 },
      sgd: { kind: 'sgd', lr: 0.5 },
      momentum: { kind: 'momentum', lr: 0.3, alpha: 0.9 },
      nesterov: { kind: 'nesterov', lr: 0.3, alpha: 0.9 },
    },
  };
}

function rosenbrockProblem(): Problem {
  const objective = getTestFunction('rosenbrock');
  return {
    name: 'rosenbrock',
    objective,
    bound: 300,
    start: objective.start,
    specs: {
      gd: { kind: 'gd', lr: 1e-3 },
      sgd: { kind: 'sgd', lr: 1e-3 },
      momentum: { kind: 'momentum', lr: 1e-4, alpha: 0.9 },
      nesterov: { kind: 'nesterov', lr: 1e-4, alpha: 0.9 },
    },
  };
}

/**
 * The ξ_i of a withNoise objective, as the inline SGD loop needs them: a sample's gradient at the
 * minimum, where ∇f is exactly zero, is ξ_i itself (the trajectories are checked bit for bit anyway).
 */
function noiseOffsets(noisy: FiniteSum, minimum: Vec2): Float64Array {
  const xi = new Float64Array(2 * noisy.n);
  for (let i = 0; i < noisy.n; i++) {
    const g = noisy.batchGrad(minimum, [i], 0, 1);
    xi[2 * i] = g[0];
    xi[2 * i + 1] = g[1];
  }
  return xi;
}

// ---- The inline loops: written out per problem, with the formulas in the loop body and plain scalars,
// so that nothing is called per step (the fastest honest baseline). Each records what simulate records.
function quadGd(p: Problem, lr: number, steps: number): Out {
  const [[hxx, hxy], [, hyy]] = p.objective.quadratic!.hessian;
  const bound = p.bound;
  let x = p.start[0], y = p.start[1];
  const points: Vec2[] = [[x, y]];
  const losses = [0.5 * (hxx * x * x + 2 * hxy * x * y + hyy * y * y)];
  for (let t = 1; t <= steps; t++) {
    const nx = x - lr * (hxx * x + hxy * y), ny = y - lr * (hxy * x + hyy * y);
    const fx = 0.5 * (hxx * nx * nx + 2 * hxy * nx * ny + hyy * ny * ny);
    if (!(Number.isFinite(fx) && Math.abs(nx) <= bound && Math.abs(ny) <= bound)) break;
    x = nx;
    y = ny;
    points.push([x, y]);
    losses.push(fx);
  }
  return { points, losses, velocities: null };
}

function quadSgd(p: Problem, lr: number, steps: number, xi: Float64Array, seed: number): Out {
  const [[hxx, hxy], [, hyy]] = p.objective.quadratic!.hessian;
  const bound = p.bound;
  const n = xi.length / 2;
  const rng = createRng(seed);
  const order = Uint32Array.from({ length: n }, (_, i) => i);
  let next = n;
  let x = p.start[0], y = p.start[1];
  const points: Vec2[] = [[x, y]];
  const losses = [0.5 * (hxx * x * x + 2 * hxy * x * y + hyy * y * y)];
  for (let t = 1; t <= steps; t++) {
    if (next + 1 > n) {
      shuffle(order, rng);
      next = 0;
    }
    const i = order[next++];
    const nx = x - lr * (hxx * x + hxy * y + xi[2 * i]), ny = y - lr * (hxy * x + hyy * y + xi[2 * i + 1]);
    const fx = 0.5 * (hxx * nx * nx + 2 * hxy * nx * ny + hyy * ny * ny);
    if (!(Number.isFinite(fx) && Math.abs(nx) <= bound && Math.abs(ny) <= bound)) break;
    x = nx;
    y = ny;
    points.push([x, y]);
    losses.push(fx);
  }
  return { points, losses, velocities: null };
}

function quadMomentum(p: Problem, lr: number, alpha: number, steps: number, nesterov: boolean): Out {
  const [[hxx, hxy], [, hyy]] = p.objective.quadratic!.hessian;
  const bound = p.bound;
  const look = nesterov ? alpha : 0;
  let x = p.start[0], y = p.start[1], hx = 0, hy = 0;
  const points: Vec2[] = [[x, y]];
  const velocities: Vec2[] = [[0, 0]];
  const losses = [0.5 * (hxx * x * x + 2 * hxy * x * y + hyy * y * y)];
  for (let t = 1; t <= steps; t++) {
    const ax = x - look * hx, ay = y - look * hy;
    const nhx = alpha * hx + lr * (hxx * ax + hxy * ay), nhy = alpha * hy + lr * (hxy * ax + hyy * ay);
    const nx = x - nhx, ny = y - nhy;
    const fx = 0.5 * (hxx * nx * nx + 2 * hxy * nx * ny + hyy * ny * ny);
    if (!(Number.isFinite(fx) && Math.abs(nx) <= bound && Math.abs(ny) <= bound)) break;
    x = nx;
    y = ny;
    hx = nhx;
    hy = nhy;
    points.push([x, y]);
    velocities.push([hx, hy]);
    losses.push(fx);
  }
  return { points, losses, velocities };
}

function rosenGd(p: Problem, lr: number, steps: number): Out {
  const bound = p.bound;
  let x = p.start[0], y = p.start[1];
  const points: Vec2[] = [[x, y]];
  const losses = [(1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x)];
  for (let t = 1; t <= steps; t++) {
    const nx = x - lr * (-2 * (1 - x) - 400 * x * (y - x * x)), ny = y - lr * (200 * (y - x * x));
    const fx = (1 - nx) * (1 - nx) + 100 * (ny - nx * nx) * (ny - nx * nx);
    if (!(Number.isFinite(fx) && Math.abs(nx) <= bound && Math.abs(ny) <= bound)) break;
    x = nx;
    y = ny;
    points.push([x, y]);
    losses.push(fx);
  }
  return { points, losses, velocities: null };
}

function rosenSgd(p: Problem, lr: number, steps: number, xi: Float64Array, seed: number): Out {
  const bound = p.bound;
  const n = xi.length / 2;
  const rng = createRng(seed);
  const order = Uint32Array.from({ length: n }, (_, i) => i);
  let next = n;
  let x = p.start[0], y = p.start[1];
  const points: Vec2[] = [[x, y]];
  const losses = [(1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x)];
  for (let t = 1; t <= steps; t++) {
    if (next + 1 > n) {
      shuffle(order, rng);
      next = 0;
    }
    const i = order[next++];
    const nx = x - lr * (-2 * (1 - x) - 400 * x * (y - x * x) + xi[2 * i]);
    const ny = y - lr * (200 * (y - x * x) + xi[2 * i + 1]);
    const fx = (1 - nx) * (1 - nx) + 100 * (ny - nx * nx) * (ny - nx * nx);
    if (!(Number.isFinite(fx) && Math.abs(nx) <= bound && Math.abs(ny) <= bound)) break;
    x = nx;
    y = ny;
    points.push([x, y]);
    losses.push(fx);
  }
  return { points, losses, velocities: null };
}

function rosenMomentum(p: Problem, lr: number, alpha: number, steps: number, nesterov: boolean): Out {
  const bound = p.bound;
  const look = nesterov ? alpha : 0;
  let x = p.start[0], y = p.start[1], hx = 0, hy = 0;
  const points: Vec2[] = [[x, y]];
  const velocities: Vec2[] = [[0, 0]];
  const losses = [(1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x)];
  for (let t = 1; t <= steps; t++) {
    const ax = x - look * hx, ay = y - look * hy;
    const nhx = alpha * hx + lr * (-2 * (1 - ax) - 400 * ax * (ay - ax * ax));
    const nhy = alpha * hy + lr * (200 * (ay - ax * ax));
    const nx = x - nhx, ny = y - nhy;
    const fx = (1 - nx) * (1 - nx) + 100 * (ny - nx * nx) * (ny - nx * nx);
    if (!(Number.isFinite(fx) && Math.abs(nx) <= bound && Math.abs(ny) <= bound)) break;
    x = nx;
    y = ny;
    hx = nhx;
    hy = nhy;
    points.push([x, y]);
    velocities.push([hx, hy]);
    losses.push(fx);
  }
  return { points, losses, velocities };
}

// The same loops calling the objective's own f and grad (Vec2 in, Vec2 out) instead of inlined formulas:
// not a goal, a diagnostic that splits the engine's cost into the Objective interface and the rest.
function viaGd(p: Problem, lr: number, steps: number): Out {
  const { f, grad } = p.objective;
  const bound = p.bound;
  let x = p.start[0], y = p.start[1];
  const points: Vec2[] = [[x, y]];
  const losses = [f([x, y])];
  for (let t = 1; t <= steps; t++) {
    const g = grad([x, y]);
    const nx = x - lr * g[0], ny = y - lr * g[1];
    const fx = f([nx, ny]);
    if (!(Number.isFinite(fx) && Math.abs(nx) <= bound && Math.abs(ny) <= bound)) break;
    x = nx;
    y = ny;
    points.push([x, y]);
    losses.push(fx);
  }
  return { points, losses, velocities: null };
}

function viaMomentum(p: Problem, lr: number, alpha: number, steps: number, nesterov: boolean): Out {
  const { f, grad } = p.objective;
  const bound = p.bound;
  const look = nesterov ? alpha : 0;
  let x = p.start[0], y = p.start[1], hx = 0, hy = 0;
  const points: Vec2[] = [[x, y]];
  const velocities: Vec2[] = [[0, 0]];
  const losses = [f([x, y])];
  for (let t = 1; t <= steps; t++) {
    const g = grad([x - look * hx, y - look * hy]);
    const nhx = alpha * hx + lr * g[0], nhy = alpha * hy + lr * g[1];
    const nx = x - nhx, ny = y - nhy;
    const fx = f([nx, ny]);
    if (!(Number.isFinite(fx) && Math.abs(nx) <= bound && Math.abs(ny) <= bound)) break;
    x = nx;
    y = ny;
    hx = nhx;
    hy = nhy;
    points.push([x, y]);
    velocities.push([hx, hy]);
    losses.push(fx);
  }
  return { points, losses, velocities };
}

function viaSgd(p: Problem, lr: number, steps: number, xi: Float64Array, seed: number): Out {
  const { f, grad } = p.objective;
  const bound = p.bound;
  const n = xi.length / 2;
  const rng = createRng(seed);
  const order = Uint32Array.from({ length: n }, (_, i) => i);
  let next = n;
  let x = p.start[0], y = p.start[1];
  const points: Vec2[] = [[x, y]];
  const losses = [f([x, y])];
  for (let t = 1; t <= steps; t++) {
    if (next + 1 > n) {
      shuffle(order, rng);
      next = 0;
    }
    const i = order[next++];
    const g = grad([x, y]);
    const nx = x - lr * (g[0] + xi[2 * i]), ny = y - lr * (g[1] + xi[2 * i + 1]);
    const fx = f([nx, ny]);
    if (!(Number.isFinite(fx) && Math.abs(nx) <= bound && Math.abs(ny) <= bound)) break;
    x = nx;
    y = ny;
    points.push([x, y]);
    losses.push(fx);
  }
  return { points, losses, velocities: null };
}

const INLINE = {
  quadratic: { gd: quadGd, sgd: quadSgd, momentum: quadMomentum },
  rosenbrock: { gd: rosenGd, sgd: rosenSgd, momentum: rosenMomentum },
} as const;

// ---- The two sides of each comparison, as closures that do one run.
interface Case { problem: Problem; kind: Kind; engine: () => Out; inline: () => Out; via: () => Out }

function cases(): Case[] {
  const out: Case[] = [];
  for (const problem of [quadraticProblem(), rosenbrockProblem()]) {
    const scale = problem.objective.noise;
    const noisy = withNoise(problem.objective, { ...NOISE, scale });
    const xi = noiseOffsets(noisy, problem.objective.minima[0]);
    for (const kind of KINDS) {
      const spec = problem.specs[kind];
      const objective: Objective = kind === 'sgd' ? noisy : problem.objective;
      const engine = () => simulate({ objective, optimizer: spec, start: problem.start, steps: STEPS, seed: RUN_SEED });
      const loops = INLINE[problem.name];
      const inline =
        kind === 'gd' ? () => loops.gd(problem, spec.lr, STEPS)
        : kind === 'sgd' ? () => loops.sgd(problem, spec.lr, STEPS, xi, RUN_SEED)
        : () => loops.momentum(problem, spec.lr, (spec as { alpha: number }).alpha, STEPS, kind === 'nesterov');
      const via =
        kind === 'gd' ? () => viaGd(problem, spec.lr, STEPS)
        : kind === 'sgd' ? () => viaSgd(problem, spec.lr, STEPS, xi, RUN_SEED)
        : () => viaMomentum(problem, spec.lr, (spec as { alpha: number }).alpha, STEPS, kind === 'nesterov');
      out.push({ problem, kind, engine, inline, via });
    }
  }
  return out;
}

function sameBits(a: Out, b: Out): boolean {
  const eq = (u: Vec2[] | null, v: Vec2[] | null) =>
    u === v || (!!u && !!v && u.length === v.length && u.every((p, t) => Object.is(p[0], v[t][0]) && Object.is(p[1], v[t][1])));
  return eq(a.points, b.points) && eq(a.velocities, b.velocities) && a.losses.length === b.losses.length &&
    a.losses.every((l, t) => Object.is(l, b.losses[t]));
}

// ---- Timing.
let sink = 0; // keeps every run's result alive, so no side can be optimised away
function time(fn: () => Out, runs: number): number {
  const t0 = performance.now();
  for (let r = 0; r < runs; r++) {
    const o = fn();
    sink += o.points.length + o.losses[o.losses.length - 1];
  }
  return performance.now() - t0;
}
const median = (v: number[]) => {
  const s = v.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const quantile = (v: number[], q: number) => {
  const s = v.slice().sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};
const fmt = (v: number) => (v >= 1e6 ? `${(v / 1e6).toFixed(2)} M` : `${(v / 1e3).toFixed(0)} k`);
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

function main(): void {
  console.log(`Ravine engine benchmark — Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}`);
  console.log(`${ROUNDS} rounds × ${RUNS} runs × ${STEPS} steps per side; median of rounds\n`);
  const all = cases().filter((c) => !opt.only || `${c.problem.name}/${c.kind}` === opt.only);
  if (all.length === 0) throw new Error(`--only ${opt.only}: no such case`);

  // Both sides compute the same trajectory, bit for bit, or the comparison means nothing.
  for (const c of all) {
    const e = c.engine();
    if (!sameBits(e, c.inline()) || !sameBits(e, c.via())) {
      throw new Error(`${c.problem.name}/${c.kind}: an inline loop does not reproduce the engine`);
    }
    if (e.points.length !== STEPS + 1) throw new Error(`${c.problem.name}/${c.kind}: the run stopped early`);
  }

  // Warm-up: every path hot and optimised before anything is measured.
  for (let w = 0; w < 3; w++) for (const c of all) for (const fn of [c.engine, c.inline, c.via]) time(fn, RUNS / 2);

  const rows: { name: string; engine: number; inline: number; via: number; ratio: number; viaRatio: number }[] = [];
  const rate = (ms: number) => (RUNS * STEPS) / (ms / 1000);
  for (const c of all) {
    const e: number[] = [], i: number[] = [], v: number[] = [], ratio: number[] = [], viaRatio: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const te = time(c.engine, RUNS), ti = time(c.inline, RUNS), tv = time(c.via, RUNS);
      e.push(rate(te));
      i.push(rate(ti));
      v.push(rate(tv));
      ratio.push(ti / te);
      viaRatio.push(tv / te);
    }
    rows.push({
      name: `${c.problem.name.padEnd(10)} ${c.kind.padEnd(9)}`,
      engine: median(e), inline: median(i), via: median(v), ratio: median(ratio), viaRatio: median(viaRatio),
    });
  }

  console.log('                       steps per second                         engine /          engine /');
  console.log('problem    optimizer   engine      inline rule   inline formulas  inline rule       inline formulas');
  console.log('                                                                  (goal ≥ 0.5)      (diagnostic)');
  for (const r of rows) {
    console.log(`${r.name}  ${fmt(r.engine).padStart(8)}  ${fmt(r.via).padStart(12)}  ${fmt(r.inline).padStart(14)}     ` +
      `${r.viaRatio.toFixed(2)}  ${verdict(r.viaRatio >= GOAL.ratio)}        ${r.ratio.toFixed(2)}`);
  }

  // The playground's budget: five optimizers × 1,000 steps, as one redraw needs them.
  console.log(`\n5 optimizers × ${STEPS} steps through simulate (gd, sgd, minibatch B=8, momentum, nesterov on withNoise N=32), ${REPS} repetitions:`);
  let budgetOk = true;
  for (const problem of [quadraticProblem(), rosenbrockProblem()]) {
    const noisy = withNoise(problem.objective, { ...NOISE, scale: problem.objective.noise });
    const s = problem.specs;
    const five: OptimizerSpec[] = [s.gd, s.sgd, { ...s.gd, kind: 'minibatch', batchSize: 8 }, s.momentum, s.nesterov];
    const once = () => {
      for (const optimizer of five) {
        const o = simulate({ objective: noisy, optimizer, start: problem.start, steps: STEPS, seed: RUN_SEED });
        sink += o.points.length;
      }
    };
    for (let w = 0; w < 200; w++) once();
    const ms: number[] = [];
    for (let r = 0; r < REPS; r++) {
      const t0 = performance.now();
      once();
      ms.push(performance.now() - t0);
    }
    const med = median(ms), p95 = quantile(ms, 0.95);
    budgetOk &&= med < GOAL.budgetMs && p95 < GOAL.budgetMs;
    console.log(`  ${problem.name.padEnd(10)}  median ${med.toFixed(3)} ms  ${verdict(med < GOAL.budgetMs)}    ` +
      `p95 ${p95.toFixed(3)} ms  ${verdict(p95 < GOAL.budgetMs)}    (goal < ${GOAL.budgetMs} ms)`);
  }

  const ratioOk = rows.every((r) => r.viaRatio >= GOAL.ratio);
  console.log(`\nengine ≥ ${GOAL.ratio} × inline rule: ${verdict(ratioOk)}    5 × ${STEPS} steps < ${GOAL.budgetMs} ms: ${verdict(budgetOk)}    (checksum ${sink.toExponential(3)})`);
  if (opt.strict && !(ratioOk && budgetOk)) process.exitCode = 1;
}

main();
