// The runs as data files, for people who redraw the figures in pgfplots or matplotlib, and the names
// of every exported file. Pure: the state and the trajectories in, text out.
import { optimizers } from '../core';
import type { Trajectory } from '../core';
import { runLabel } from './labels';
import { FORMULA_ID, type PlaygroundState, type RunState } from './playground';
import type { SceneFunction } from './scene';

/** What the files need to know about the function beyond the state: N and the known minimum. */
export type ExportFunction = Pick<SceneFunction, 'n' | 'fMin'>;

// String() is the shortest form that reads back to the same double; only −0 needs help.
const num = (v: number) => (Object.is(v, -0) ? '-0' : String(v));

/** The samples per step a run really averages: N for the full-gradient runs. */
function batchOf(r: RunState, n: number): number {
  return Math.min(optimizers[r.kind].batch({ kind: r.kind, lr: r.lr, alpha: r.alpha, batchSize: r.batch }) ?? n, n);
}

interface RunRow {
  run: RunState;
  trajectory: Trajectory;
  alpha: number | null;
  batch: number;
  /** The seed fixes the batches drawn: null for runs that average all N samples every step. */
  seed: number | null;
}

/** The runs the figures draw (the visible ones), each with its trajectory and its settings as they act. */
function shownRuns(s: PlaygroundState, trajectories: readonly Trajectory[], fn: ExportFunction): RunRow[] {
  if (trajectories.length !== s.runs.length) {
    throw new Error(`expected one trajectory per run (${s.runs.length}), got ${trajectories.length}`);
  }
  return s.runs.flatMap((run, i) => {
    if (!run.visible) return [];
    const batch = batchOf(run, fn.n);
    return [{
      run, trajectory: trajectories[i], batch,
      alpha: optimizers[run.kind].usesAlpha ? run.alpha : null,
      seed: batch < fn.n ? run.seed : null,
    }];
  });
}

export const CSV_COLUMNS = ['run', 'optimizer', 'lr', 'alpha', 'batch', 'seed', 'step', 'x', 'y', 'loss'] as const;

/** One CSV field, quoted as RFC 4180 asks when it holds a comma, a quote or a line break. */
export function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * The visible runs as one long table, one row per iterate x_t (t = 0 is the start): `run` is the run's id,
 * `optimizer` its rule (gd, sgd, minibatch, momentum, nesterov), `loss` the full objective f(x_t). A setting
 * that does not apply (α of GD, the seed of a full-gradient run) is left empty. Numbers are written in full
 * precision: Number() reads back the very doubles that were drawn. Lines end in \n, which pandas,
 * numpy and pgfplotstable all read.
 */
export function runsCsv(s: PlaygroundState, trajectories: readonly Trajectory[], fn: ExportFunction): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const { run, trajectory, alpha, batch, seed } of shownRuns(s, trajectories, fn)) {
    const settings = [String(run.id), run.kind, num(run.lr), alpha === null ? '' : num(alpha), String(batch), seed === null ? '' : String(seed)];
    const head = settings.map(csvField).join(',');
    trajectory.points.forEach(([x, y], t) => {
      lines.push(`${head},${t},${num(x)},${num(y)},${num(trajectory.losses[t])}`);
    });
  }
  return lines.join('\n') + '\n';
}

export interface RunsJsonRun {
  run: number;
  optimizer: RunState['kind'];
  /** The legend's name of the run. */
  label: string;
  lr: number;
  alpha: number | null;
  batch: number;
  seed: number | null;
  /** The step whose iterate left the finite world (the arrays stop before it), or null. */
  diverged: number | null;
  step: number[];
  x: number[];
  y: number[];
  loss: number[];
}

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
export function runsData(s: PlaygroundState, trajectories: readonly Trajectory[], fn: ExportFunction): RunsJson {
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
    runs: shownRuns(s, trajectories, fn).map(({ run, trajectory: t, alpha, batch, seed }) => ({
      run: run.id,
      optimizer: run.kind,
      label: runLabel(run, fn.n),
      lr: run.lr, alpha, batch, seed,
      diverged: t.diverged?.step ?? null,
      step: t.points.map((_, i) => i),
      x: t.points.map((p) => p[0]),
      y: t.points.map((p) => p[1]),
      loss: [...t.losses],
    })),
  };
}

export function runsJson(s: PlaygroundState, trajectories: readonly Trajectory[], fn: ExportFunction): string {
  return JSON.stringify(runsData(s, trajectories, fn), null, 1) + '\n';
}

export type ExportKind = 'contour' | 'loss' | 'both' | 'strip' | 'runs';

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
