import { optimizers } from '../core';
import type { Trajectory } from '../core';
import { messages, type Lang } from '../i18n';
import { sciNumber } from '../i18n/numbers';
import type { RunState } from './playground';

/**
 * Three significant digits: enough to tell settings apart, short enough for a legend; very small and
 * very large values as m·10ⁿ, as figures print them.
 */
export function short(v: number, lang: Lang = 'en'): string {
  return sciNumber(v, messages(lang).plot.decimal, 3);
}

/** A run's name as a legend says it: the rule and every setting that shapes its path. */
export function runLabel(r: RunState, samples: number, lang: Lang = 'en'): string {
  const def = optimizers[r.kind];
  const parts = [`η=${short(r.lr, lang)}`];
  if (def.usesAlpha) parts.push(`α=${short(r.alpha, lang)}`);
  if (def.usesBatch && r.batch < samples) parts.push(`B=${r.batch}`);
  return `${messages(lang).runs.kinds[r.kind]} ${parts.join(' ')}`;
}

/** How a run ends, as its legend and card say it. */
export function runStatus(t: Trajectory, fMin: number, lang: Lang = 'en'): string {
  if (t.diverged) return messages(lang).runs.divergedAt(t.diverged.step);
  const last = t.losses[t.losses.length - 1];
  return Number.isNaN(fMin) ? `f = ${short(last, lang)}` : `f − f* = ${short(last - fMin, lang)}`;
}
