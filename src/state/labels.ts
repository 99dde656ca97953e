import { optimizers } from '../core';
import type { Trajectory } from '../core';
import { kindNames } from '../i18n/en';
import type { RunState } from './playground';

/** Three significant digits: enough to tell settings apart, short enough for a legend. */
export function short(v: number): string {
  return Number(v.toPrecision(3)).toString();
}

/** A run's name as a legend says it: the rule and every setting that shapes its path. */
export function runLabel(r: RunState, samples: number): string {
  const def = optimizers[r.kind];
  const parts = [`η=${short(r.lr)}`];
  if (def.usesAlpha) parts.push(`α=${short(r.alpha)}`);
  if (def.usesBatch && r.batch < samples) parts.push(`B=${r.batch}`);
  return `${kindNames[r.kind]} ${parts.join(' ')}`;
}

/** How a run ends, as its legend and card say it. */
export function runStatus(t: Trajectory, fMin: number): string {
  if (t.diverged) return `diverged at step ${t.diverged.step}`;
  const last = t.losses[t.losses.length - 1];
  return Number.isNaN(fMin) ? `f = ${last.toPrecision(3)}` : `f − f* = ${(last - fMin).toPrecision(3)}`;
}
