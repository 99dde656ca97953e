// The runs as data files, for people who redraw the figures in pgfplots or matplotlib, and the names
// of every exported file. Pure: the state and the trajectories in, text out.
import { optimizerDef, optimizerKinds } from '../core';
import type { HyperName, Trajectory } from '../core';
import { runEvals } from './cost';
import { runLabel, scheduleLabel } from './labels';
import { FORMULA_ID, type PlaygroundState, type RunState } from './playground';
import { runBatch, type SceneFunction } from './scene';
import type { Band } from './seeds';

/** What the files need to know about the function beyond the state: N and the known minimum. */
export type ExportFunction = Pick<SceneFunction, 'n' | 'fMin'>;

// String() is the shortest form that reads back to the same double; only −0 needs help.
const num = (v: number) => (Object.is(v, -0) ? '-0' : String(v));

/** Every setting of every rule, in the table's order: a column each, empty where a rule has no such setting. */
const HYPER = [...new Set(optimizerKinds.flatMap((k) => Object.keys(optimizerDef(k).hyper)))] as HyperName[];

interface RunRow {
  run: RunState;
  trajectory: Trajectory;
  /** The rule's settings, null where it has none of that name. */
  hyper: Record<HyperName, number | null>;
  batch: number;
  /** The seed fixes the batches drawn: null for runs that average all N samples every step. */
  seed: number | null;
  /** Per-sample gradient evaluations spent by each iterate, B·t. */
  evals: number[];
  /** Quantiles of f over the run's K seeds at each step 0 … steps, or null. */
  band: Band | null;
}

/** The runs the figures draw (the visible ones), each with its trajectory and its settings as they act. */
function shownRuns(s: PlaygroundState, trajectories: readonly Trajectory[], fn: ExportFunction, bands: Bands): RunRow[] {
  if (trajectories.length !== s.runs.length) {
    throw new Error(`expected one trajectory per run (${s.runs.length}), got ${trajectories.length}`);
  }
  if (bands && bands.length !== s.runs.length) throw new Error(`expected one band per run (${s.runs.length}), got ${bands.length}`);
  return s.runs.flatMap((run, i) => {
    if (!run.visible) return [];
    const batch = runBatch(run, fn.n);
    return [{
      run, trajectory: trajectories[i], batch,
      hyper: Object.fromEntries(HYPER.map((h) => [h, run.params[h] ?? null])) as Record<HyperName, number | null>,
      seed: batch < fn.n ? run.seed : null,
      evals: runEvals(run, fn.n, trajectories[i].points.length),
      band: bands?.[i] ?? null,
    }];
  });
}

/** Each run's band over its K seeds (state/seeds' runBands, parallel to s.runs), when K > 1. */
type Bands = readonly (Band | null)[] | undefined;

// Every column keeps its place, so scripts that read them by position still work: the first release's, then
// the adaptive rules' settings, the schedule, η_t and each later addition in the order they came; the settings
// of rules added since (λ) come last.
const ADAPTIVE: readonly string[] = ['beta1', 'beta2', 'eps', 'rho'];
const LATER = HYPER.filter((h) => ADAPTIVE.includes(h));
const NEWER = HYPER.filter((h) => h !== 'alpha' && !ADAPTIVE.includes(h));
export const CSV_COLUMNS = [
  'run', 'optimizer', 'lr', 'alpha', 'batch', 'seed', 'step', 'x', 'y', 'loss', ...LATER, 'schedule', 'lr_t',
  'gx', 'gy', 'ex', 'ey', 'hx', 'hy', 'evals', 'loss_p10', 'loss_p50', 'loss_p90', ...NEWER,
] as const;


/** One CSV field, quoted as RFC 4180 asks when it holds a comma, a quote or a line break. */
export function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * The visible runs as one long table, one row per iterate x_t (t = 0 is the start): `run` is the run's id,
 * `optimizer` its rule (the table's kinds: gd, sgd, …, adagrad, adamw, …), `loss` the full
 * objective f(x_t); then the adaptive rules' settings (beta1, beta2, eps, rho), `schedule` the step-size
 * schedule as the legend writes it (empty for a constant step), `lr_t`, the step size of the step that
 * made x_t, `gx, gy` the gradient that step used (a batch's for stochastic runs), `ex, ey` where it was taken
 * (x_{t−1}, or Nesterov's look-ahead), `hx, hy` h_t for the rules with inertia, `evals` the per-sample
 * gradient evaluations spent by x_t (B·t), and `loss_p10, loss_p50, loss_p90` the quantiles of f at step t
 * over the run's K seeds (`Infinity` where enough seeds diverged), then the settings of rules added since
 * (lambda, AdamW's weight decay). What does not apply (α of GD, the seed of a
 * full-gradient run, the step's values at t = 0, h of GD, the band of a run without one) is left empty.
 * Numbers are written in full precision: Number() reads back the very doubles that were drawn. Lines end
 * in \n, which pandas, numpy and pgfplotstable all read.
 */
export function runsCsv(s: PlaygroundState, trajectories: readonly Trajectory[], fn: ExportFunction, bands?: Bands): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const { run, trajectory, hyper, batch, seed, evals, band } of shownRuns(s, trajectories, fn, bands)) {
    const value = (h: HyperName) => (hyper[h] === null ? '' : num(hyper[h]));
    const head = [String(run.id), run.kind, num(run.lr), value('alpha'), String(batch), seed === null ? '' : String(seed)]
      .map(csvField).join(',');
    const tail = [...LATER.map(value), scheduleLabel(run.schedule)].map(csvField).join(',');
    const newer = NEWER.map((h) => `,${value(h)}`).join('');
    const { lrs, gradients: g, gradientPoints: e, velocities: h } = trajectory;
    trajectory.points.forEach(([x, y], t) => {
      const step = t === 0 ? ',,,,' : `${num(lrs[t - 1])},${num(g[t - 1][0])},${num(g[t - 1][1])},${num(e[t - 1][0])},${num(e[t - 1][1])}`;
      const inertia = h ? `${num(h[t][0])},${num(h[t][1])}` : ',';
      const spread = band ? `${num(band.p10[t])},${num(band.p50[t])},${num(band.p90[t])}` : ',,';
      lines.push(`${head},${t},${num(x)},${num(y)},${num(trajectory.losses[t])},${tail},${step},${inertia},${evals[t]},${spread}${newer}`);
    });
  }
  return lines.join('\n') + '\n';
}

export type RunsJsonRun = {
  run: number;
  optimizer: RunState['kind'];
  /** The legend's name of the run. */
  label: string;
  lr: number;
  /** The step-size schedule and its settings; `lr_t[t]` is the step size of the step that made x_t (null at t = 0). */
  schedule: { kind: RunState['schedule']['kind'] } & Record<string, number | string>;
  lr_t: (number | null)[];
  /** The gradient each step used (a batch's for stochastic runs) and where it was taken; null at t = 0. */
  gx: (number | null)[];
  gy: (number | null)[];
  ex: (number | null)[];
  ey: (number | null)[];
  /** h_t for the rules with inertia (h_0 = 0); null for the others. */
  hx: number[] | null;
  hy: number[] | null;
  batch: number;
  seed: number | null;
  /** The step whose iterate left the finite world (the arrays stop before it), or null. */
  diverged: number | null;
  step: number[];
  x: number[];
  y: number[];
  loss: number[];
  /** The per-sample gradient evaluations spent by each iterate: B·t (N·t for the full-gradient rules). */
  evals: number[];
  /**
   * For a stochastic run when K > 1: the 10 %, 50 % and 90 % quantiles of f over its K seeds at every step
   * 0 … steps (a seed's f is +∞ once it diverged, which JSON writes as null).
   */
  band?: { p10: (number | null)[]; p50: (number | null)[]; p90: (number | null)[] };
} & Record<HyperName, number | null>;

export interface RunsJson {
  generator: 'Ravine';
  function: {
    id: string;
    params: Record<string, number>;
    formula: string | null;
    /** N, the samples of the finite sum f = (1/N) Σ f_i that batches are drawn from. */
    samples: number;
    noise: number;
    noiseSeed: number;
    /** The known minimum value f*, or null when it is not known (a typed formula). */
    fMin: number | null;
  };
  start: [number, number];
  steps: number;
  runs: RunsJsonRun[];
}

/**
 * The same data as one object. Each run holds parallel arrays `step`, `x`, `y`, `loss` rather than a list
 * of points: `plt.plot(r["x"], r["y"])` and `np.asarray(r["loss"])` take them as they are, with no
 * reshaping, and the file stays a third of the size. JSON.stringify writes the same shortest round-trip
 * numbers as String(), except that −0 becomes 0.
 */
export function runsData(s: PlaygroundState, trajectories: readonly Trajectory[], fn: ExportFunction, bands?: Bands): RunsJson {
  return {
    generator: 'Ravine',
    function: {
      id: s.fn.id,
      params: { ...s.fn.params },
      formula: s.fn.id === FORMULA_ID ? s.fn.formula : null,
      samples: fn.n,
      noise: s.fn.noise,
      noiseSeed: s.fn.noiseSeed,
      fMin: Number.isNaN(fn.fMin) ? null : fn.fMin,
    },
    start: [s.start[0], s.start[1]],
    steps: s.steps,
    runs: shownRuns(s, trajectories, fn, bands).map(({ run, trajectory: t, hyper, batch, seed, evals, band }) => {
      // The steps' values behind t = 0's null, one per iterate: none at all when even the start diverged.
      const steps = <T>(v: T[]): (T | null)[] => (t.points.length === 0 ? [] : [null, ...v]);
      return {
        run: run.id,
        optimizer: run.kind,
        label: runLabel(run, fn.n),
        lr: run.lr,
        ...hyper,
        schedule: { kind: run.schedule.kind, ...run.schedule.params },
        lr_t: steps(t.lrs),
        gx: steps(t.gradients.map((g) => g[0])),
        gy: steps(t.gradients.map((g) => g[1])),
        ex: steps(t.gradientPoints.map((p) => p[0])),
        ey: steps(t.gradientPoints.map((p) => p[1])),
        hx: t.velocities && t.velocities.map((h) => h[0]),
        hy: t.velocities && t.velocities.map((h) => h[1]),
        batch, seed,
        diverged: t.diverged?.step ?? null,
        step: t.points.map((_, i) => i),
        x: t.points.map((p) => p[0]),
        y: t.points.map((p) => p[1]),
        loss: [...t.losses],
        evals,
        ...(band ? { band: { p10: finiteOrNull(band.p10), p50: finiteOrNull(band.p50), p90: finiteOrNull(band.p90) } } : {}),
      };
    }),
  };
}

const finiteOrNull = (v: number[]) => v.map((x) => (Number.isFinite(x) ? x : null));

export function runsJson(s: PlaygroundState, trajectories: readonly Trajectory[], fn: ExportFunction, bands?: Bands): string {
  return JSON.stringify(runsData(s, trajectories, fn, bands), null, 1) + '\n';
}

export type ExportKind = 'contour' | 'loss' | 'both' | 'strip' | 'surface' | 'map' | 'runs';

const paramTags: Record<string, string> = { kappa: 'k', theta: 'rot' };

/** A parameter's value in a file name: three digits, no dots or minus signs (2.5 → 2p5, −45 → m45). */
function tag(v: number): string {
  return Number(v.toPrecision(3)).toString().replace(/-/g, 'm').replace(/\./g, 'p').replace(/\+/g, '');
}

/**
 * A short, filesystem-safe name that says what the file holds: what (contour, loss, runs), on which
 * function with which parameters, by which optimizers (the visible runs' rules, each once), at which scale,
 * e.g. `ravine-contour-quadratic-k25-rot20-gd-momentum-nesterov@2x.png`.
 */
export function figureFileName(kind: ExportKind, s: PlaygroundState, ext: string, scale = 1): string {
  const fn = [s.fn.id, ...Object.entries(s.fn.params).map(([k, v]) => `${paramTags[k] ?? k}${tag(v)}`)];
  const kinds = [...new Set(s.runs.filter((r) => r.visible).map((r) => r.kind))];
  const stem = ['ravine', kind, ...fn, ...kinds].join('-').toLowerCase().replace(/[^a-z0-9-]+/g, '-');
  const at = scale === 1 ? '' : `@${tag(scale)}x`;
  return `${stem}${at}.${ext.replace(/[^a-z0-9]/gi, '').toLowerCase()}`;
}
