// The forces behind a step, as the lecture draws them: the parts of the step that made x_t, tip to tail
// from x_{t−1}, and for stochastic runs the steps other batches would have taken. The engine recorded
// every number; this only arranges them, so the parts end exactly on x_t.
import { batchCovariance, batchGradients, ellipse, mayBatch, optimizerDef } from '../core';
import type { Trajectory, Vec2 } from '../core';
import type { RunState } from './playground';
import { runBatch, type SceneFunction } from './scene';

/**
 * inertia: −α h_{t−1}, to the look-ahead point; gradient: −η_t g after it (or alone, for GD); raw: −η_t g from
 * x_{t−1}, for the adaptive rules, beside step: the step they actually took.
 */
export type PartKind = 'inertia' | 'gradient' | 'raw' | 'step';

export interface StepPart {
  kind: PartKind;
  from: Vec2;
  to: Vec2;
}

export interface StepVectors {
  t: number;
  parts: StepPart[];
  /** Nesterov's look-ahead x_{t−1} − α h_{t−1}, where its gradient was taken; null for the other rules. */
  lookahead: Vec2 | null;
  /** |α h_{t−1}| (null without inertia), |η_t g_t|, and the angle between −α h_{t−1} and −η_t g_t in degrees. */
  inertia: number | null;
  gradient: number;
  angle: number | null;
}

const len = (v: Vec2) => Math.hypot(v[0], v[1]);

/** The parts of the step that made x_t (1 ≤ t ≤ the run's last step), or null outside the run. */
export function stepVectors(run: RunState, tr: Trajectory, t: number): StepVectors | null {
  if (!(t >= 1 && t < tr.points.length)) return null;
  const x0 = tr.points[t - 1], x1 = tr.points[t];
  const g = tr.gradients[t - 1], lr = tr.lrs[t - 1];
  const eg: Vec2 = [lr * g[0], lr * g[1]];
  if (tr.velocities) {
    const a = run.params.alpha ?? 0, h = tr.velocities[t - 1];
    const ah: Vec2 = [a * h[0], a * h[1]];
    const mid: Vec2 = [x0[0] - ah[0], x0[1] - ah[1]];
    const dot = ah[0] * eg[0] + ah[1] * eg[1];
    const both = len(ah) * len(eg);
    return {
      t,
      parts: [{ kind: 'inertia', from: x0, to: mid }, { kind: 'gradient', from: mid, to: x1 }],
      lookahead: optimizerDef(run.kind).lookahead ? tr.gradientPoints[t - 1] : null,
      inertia: len(ah), gradient: len(eg),
      angle: both > 0 ? (Math.acos(Math.max(-1, Math.min(1, dot / both))) * 180) / Math.PI : null,
    };
  }
  if (optimizerDef(run.kind).lrUnit === 'length') {
    return {
      t, lookahead: null, inertia: null, gradient: len(eg), angle: null,
      parts: [{ kind: 'raw', from: x0, to: [x0[0] - eg[0], x0[1] - eg[1]] }, { kind: 'step', from: x0, to: x1 }],
    };
  }
  return { t, lookahead: null, inertia: null, gradient: len(eg), angle: null, parts: [{ kind: 'gradient', from: x0, to: x1 }] };
}

/**
 * Where step vectors can be seen: `t` if some shown run's step there has a part at least `share` of the view's
 * `width` long, else the latest earlier step where one has (the default page ends at t = 100, where the steps
 * have shrunk below a pixel), else `t`.
 */
export function visibleVectorStep(runs: readonly RunState[], trs: readonly Trajectory[], t: number, width: number, share = 0.03): number {
  const longest = (s: number) =>
    runs.reduce((m, run, i) => {
      if (!run.visible) return m;
      const v = stepVectors(run, trs[i], Math.min(s, trs[i].points.length - 1));
      return Math.max(m, ...(v?.parts ?? []).map((p) => len([p.to[0] - p.from[0], p.to[1] - p.from[1]])));
    }, 0);
  for (let s = t; s >= 1; s--) if (longest(s) >= share * width) return s;
  return t;
}

/** The vectors of the last k steps up to t, oldest first: how the parts across a ravine cancel. */
export function recentVectors(run: RunState, tr: Trajectory, t: number, k: number): StepVectors[] {
  const out: StepVectors[] = [];
  for (let s = Math.max(1, t - k + 1); s <= t; s++) {
    const v = stepVectors(run, tr, s);
    if (v) out.push(v);
  }
  return out;
}

export interface BatchCloud {
  /** x_{t−1}, where every step of the cloud starts. */
  from: Vec2;
  /** Where the full-gradient step from x_{t−1} with η_t would end. */
  full: Vec2;
  /** Where the steps of other batches of the run's size would end. */
  ends: Vec2[];
  /** The 1-σ ellipse of a batch step's end (a single point at B = N). */
  ellipse: Vec2[];
}

/** Batches drawn for the cloud when B > 1: enough to see its shape, few enough to draw at any rate. */
export const CLOUD_BATCHES = 64;

/** Whether a run is SGD or mini-batch GD: plain gradient steps on a batch that is not fixed to all N. */
export function hasCloud(run: RunState): boolean {
  return optimizerDef(run.kind).theory === 'gd' && mayBatch(run.kind);
}

/**
 * For SGD and mini-batch runs at playhead t: the full step and the cloud of batch steps from x_{t−1}, which
 * shrinks as B grows and collapses onto the full step at B = N; null for other runs.
 */
export function batchCloud(fn: SceneFunction, run: RunState, tr: Trajectory, t: number): BatchCloud | null {
  if (!hasCloud(run) || !(t >= 1 && t < tr.points.length) || fn.n < 2) return null;
  const batch = runBatch(run, fn.n);
  const at = tr.gradientPoints[t - 1], x0 = tr.points[t - 1], lr = tr.lrs[t - 1];
  const g = fn.grad(at);
  const full: Vec2 = [x0[0] - lr * g[0], x0[1] - lr * g[1]];
  const ends = batchGradients(fn, at, batch, CLOUD_BATCHES, run.seed * 7919 + t).map(
    ([gx, gy]): Vec2 => [x0[0] - lr * gx, x0[1] - lr * gy],
  );
  const [[a, b], [, d]] = batchCovariance(fn, at, batch);
  return { from: x0, full, ends, ellipse: ellipse(full, [[lr * lr * a, lr * lr * b], [lr * lr * b, lr * lr * d]]) };
}
