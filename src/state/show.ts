// What the contour and the loss plot show beside the paths: the forces behind each step, the batch cloud,
// the field of −∇f, how much of each path lies beyond the playhead, and the cost view of batch sizes (seeds,
// the loss plot's x-axis, the race's target). A view of the state, kept in the link by one table.
import { readNumber, type FieldRule } from './fields';
import { limits } from './playground';

/** The loss plot's x-axis: the step t, the per-sample gradient evaluations B·t, or epochs B·t / N. */
export const costAxes = ['step', 'evals', 'epochs'] as const;
export type CostAxis = (typeof costAxes)[number];

export interface ShowState {
  /** Step vectors at the playhead: 0 for none, 1 for the step that made x_t, k for the last k steps. */
  vectors: number;
  /** For SGD and mini-batch runs: the steps other batches would have taken, and their 1-σ ellipse. */
  cloud: boolean;
  /** A light field of −∇f over the contour. */
  field: boolean;
  /** The part of each path beyond the playhead: drawn in full, faint, or hidden. */
  rest: 'full' | 'faint' | 'hidden';
  /** K: every stochastic run also runs with seeds s + 1 … s + K − 1 (s its own); 1 for its own seed alone. */
  seeds: number;
  axis: CostAxis;
  /** The race's ε, reached when f − f* ≤ ε; null for the default (race.ts's defaultTarget). */
  target: number | null;
}

export const defaultShow = (): ShowState => ({ vectors: 0, cloud: false, field: false, rest: 'faint', seeds: 1, axis: 'step', target: null });

/** How many past steps' vectors a link or a field may ask for. */
export const MAX_VECTORS = 50;

/** One view setting in a link: its key, and its value written and read back (undefined: unusable). */
interface ShowKey<V> {
  key: string;
  write(v: V): string;
  read(text: string): V | undefined;
}

const numeric = (rule: FieldRule): Pick<ShowKey<number>, 'write' | 'read'> => ({
  write: String,
  read: (text) => {
    const r = readNumber(text, rule);
    return r.ok ? r.value : undefined;
  },
});
const flag: Pick<ShowKey<boolean>, 'write' | 'read'> = {
  write: (v) => (v ? '1' : '0'),
  read: (text) => (text === '1' ? true : text === '0' ? false : undefined),
};
const oneOf = <V extends string>(values: readonly V[]): Pick<ShowKey<V>, 'write' | 'read'> => ({
  write: (v) => v,
  read: (text) => values.find((v) => v === text),
});

/**
 * Every view setting's link key, in the link's order: a link holds the ones that differ from the defaults.
 * A new setting is one field of ShowState, its default, and one entry here; the compiler asks for it.
 */
export const showKeys: { [K in keyof ShowState]: ShowKey<ShowState[K]> } = {
  vectors: { key: 'vec', ...numeric({ min: 0, max: MAX_VECTORS, integer: true }) },
  cloud: { key: 'cloud', ...flag },
  field: { key: 'field', ...flag },
  rest: { key: 'rest', ...oneOf(['full', 'faint', 'hidden'] as const) },
  seeds: { key: 'seeds', ...numeric(limits.seeds) },
  axis: { key: 'axis', ...oneOf(costAxes) },
  target: { key: 'target', ...numeric(limits.target) },
};

const names = Object.keys(showKeys) as (keyof ShowState)[];

/** The view settings a link holds: those that differ from the defaults, as [key, value]. */
export function showLink(show: ShowState): [string, string][] {
  const shown = defaultShow();
  const write = <K extends keyof ShowState>(name: K): [string, string] => [showKeys[name].key, showKeys[name].write(show[name])];
  return names.filter((name) => show[name] !== shown[name]).map(write);
}

/** The view settings from a link (`get` reads a key), and what it held that could not be used, as [name, text]. */
export function readShow(get: (key: string) => string | null): { show: ShowState; unusable: [string, string][] } {
  const show = defaultShow(), unusable: [string, string][] = [];
  const read = <K extends keyof ShowState>(name: K): void => {
    const text = get(showKeys[name].key);
    if (text === null) return;
    const v = showKeys[name].read(text);
    if (v === undefined) unusable.push([name, text]);
    else show[name] = v;
  };
  names.forEach(read);
  return { show, unusable };
}
