import { batchChosen, namedSettings, optimizerDef, scheduleDef } from '../core';
import type { SettingSpec, Trajectory } from '../core';
import { formatNumber, messages, type Lang } from '../i18n';
import { sciNumber } from '../i18n/numbers';
import type { RunState, ScheduleState } from './playground';
import { constantRun } from './scene';
import type { StepVectors } from './vectors';

/**
 * Three significant digits: enough to tell settings apart, short enough for a legend; very small and
 * very large values as m·10ⁿ, as figures print them.
 */
export function short(v: number, lang: Lang = 'en'): string {
  return sciNumber(v, messages(lang).plot.decimal, 3);
}

/** `symbol=value` for the settings a label names (namedSettings). */
function named(specs: Readonly<Record<string, SettingSpec>>, values: Record<string, number>, lang: Lang): string[] {
  return namedSettings(specs, values).map(([name, spec]) => `${spec.symbol}=${short(values[name], lang)}`);
}

/** A schedule as a label says it, e.g. `η/(1 + kt) k=0.05`, `cosine r=0 T=100 W=10`; empty for the constant step. */
export function scheduleLabel(s: ScheduleState, lang: Lang = 'en'): string {
  if (constantRun({ schedule: s })) return '';
  return [messages(lang).schedules.short[s.kind], ...named(scheduleDef(s.kind).params, s.params, lang)].join(' ');
}

/** A run's name as a legend says it: the rule and every setting that shapes its path. */
export function runLabel(r: RunState, samples: number, lang: Lang = 'en'): string {
  const def = optimizerDef(r.kind);
  const parts = [`η=${short(r.lr, lang)}`, ...named(def.hyper, r.params, lang)];
  if (batchChosen(r.kind) && r.batch < samples) parts.push(`B=${r.batch}`);
  const schedule = scheduleLabel(r.schedule, lang);
  if (schedule) parts.push(`(${schedule})`);
  return `${messages(lang).runs.kinds[r.kind]} ${parts.join(' ')}`;
}

/** How a run ends, as its legend and card say it. */
export function runStatus(t: Pick<Trajectory, 'losses' | 'diverged'>, fMin: number, lang: Lang = 'en'): string {
  if (t.diverged) return t.diverged.step === 0 ? messages(lang).runs.startUndefined : messages(lang).runs.divergedAt(t.diverged.step);
  return lossText(t.losses[t.losses.length - 1], fMin, lang);
}

/** f at an iterate, as the gap to a known minimum or as f itself. */
export function lossText(f: number, fMin: number, lang: Lang = 'en'): string {
  return Number.isNaN(fMin) ? `f = ${short(f, lang)}` : `f − f* = ${short(f - fMin, lang)}`;
}

/** Where a run stands at the playhead: f there while the playhead is before the run's end, else how it ended. */
export function statusAt(t: Trajectory, step: number, fMin: number, lang: Lang = 'en'): string {
  return step < t.points.length - 1 ? messages(lang).show.at(step, standing(t, step, fMin, lang)) : standing(t, step, fMin, lang);
}

/** Where a run stands at `step`, for a figure that says its t once for all runs: f there, or how it ended. */
export function standing(t: Trajectory, step: number, fMin: number, lang: Lang = 'en'): string {
  return step < t.points.length - 1 ? lossText(t.losses[step], fMin, lang) : runStatus(t, fMin, lang);
}

/** The sizes of a step's parts and the angle between them, as a run card says them. */
export function forcesText(v: StepVectors, lang: Lang = 'en'): string {
  const n = (x: number) => short(x, lang);
  return v.inertia !== null && v.angle !== null
    ? messages(lang).show.forces(n(v.inertia), n(v.gradient), formatNumber(Math.round(v.angle), lang))
    : `|η g| = ${n(v.gradient)}`;
}
