// What the contour and the loss plot show beside the paths: the overlays on the contour (the forces behind
// each step, the batch cloud, the field of −∇f, how much of each path lies beyond the playhead) and the cost
// view of batch sizes (seeds, the loss plot's x-axis, the race's target). A view of the state, kept in the
// link by one table that also says how each setting is set.
import { readNumber, type FieldRule } from './fields';
import { limits } from './playground';
import { CAMERA_LIMITS, defaultCamera, surfaceViews, zAxes, type SurfaceView, type ZAxis } from './surface';

/** The loss plot's x-axis: the step t, the per-sample gradient evaluations B·t, or epochs B·t / N. */
export const costAxes = ['step', 'evals', 'epochs'] as const;
export type CostAxis = (typeof costAxes)[number];

/** What happens to the part of each path beyond the playhead. */
export const rests = ['full', 'faint', 'hidden'] as const;

export interface ShowState {
  /** Step vectors at the playhead: 0 for none, 1 for the step that made x_t, k for the last k steps. */
  vectors: number;
  /** For SGD and mini-batch runs: the steps other batches would have taken, and their 1-σ ellipse. */
  cloud: boolean;
  /** A light field of −∇f over the contour. */
  field: boolean;
  /** The part of each path beyond the playhead: drawn in full, faint, or hidden. */
  rest: (typeof rests)[number];
  /** K: every stochastic run also runs with seeds s + 1 … s + K − 1 (s its own); 1 for its own seed alone. */
  seeds: number;
  axis: CostAxis;
  /** The race's ε, reached when f − f* ≤ ε; null for the default (race.ts's defaultTarget). */
  target: number | null;
  /** The 3-D view: off, beside the contour or in its place; its height axis (f or log(f − f*)); its camera. */
  surface: SurfaceView;
  zaxis: ZAxis;
  azimuth: number;
  elevation: number;
  zoom: number;
}

/** How many past steps' vectors a link or a field may ask for. */
export const MAX_VECTORS = 50;

/**
 * How a setting is set, which also says how a link writes it: a box to tick; a box with a count beside it
 * (0 is off); one of a list; a number.
 */
type Control<V> =
  | ([V] extends [boolean] ? { kind: 'toggle' } : never)
  | ([V] extends [number] ? { kind: 'count'; rule: FieldRule } | { kind: 'number'; rule: FieldRule } : never)
  | ([V] extends [string] ? { kind: 'choice'; values: readonly V[] } : never);
/** Any control, as the link reads it. */
type AnyControl = { kind: 'toggle' } | { kind: 'count' | 'number'; rule: FieldRule } | { kind: 'choice'; values: readonly string[] };

/** One view setting: its link key, its default, and its control. */
interface ViewSetting<V> {
  key: string;
  default: V;
  control: Control<NonNullable<V>>;
}

/**
 * Every view setting, in the link's order: a link holds the ones that differ from their defaults. A new
 * setting is one field of ShowState and one entry here (an overlay also one name in `overlays`, its label
 * in every language and, if it draws, its marks in page/overlays.ts); the compiler asks for each.
 */
export const viewSettings: { [K in keyof ShowState]: ViewSetting<ShowState[K]> } = {
  vectors: { key: 'vec', default: 0, control: { kind: 'count', rule: { min: 0, max: MAX_VECTORS, integer: true } } },
  cloud: { key: 'cloud', default: false, control: { kind: 'toggle' } },
  field: { key: 'field', default: false, control: { kind: 'toggle' } },
  rest: { key: 'rest', default: 'faint', control: { kind: 'choice', values: rests } },
  seeds: { key: 'seeds', default: 1, control: { kind: 'number', rule: limits.seeds } },
  axis: { key: 'axis', default: 'step', control: { kind: 'choice', values: costAxes } },
  target: { key: 'target', default: null, control: { kind: 'number', rule: limits.target } },
  surface: { key: 'd3', default: 'off', control: { kind: 'choice', values: surfaceViews } },
  zaxis: { key: 'z', default: 'f', control: { kind: 'choice', values: zAxes } },
  azimuth: { key: 'az', default: defaultCamera().azimuth, control: { kind: 'number', rule: CAMERA_LIMITS.azimuth } },
  elevation: { key: 'el', default: defaultCamera().elevation, control: { kind: 'number', rule: CAMERA_LIMITS.elevation } },
  zoom: { key: 'zoom', default: defaultCamera().zoom, control: { kind: 'number', rule: CAMERA_LIMITS.zoom } },
};

/** The settings the contour's own panel offers, in its order. */
export const overlays = ['vectors', 'cloud', 'field', 'rest'] as const satisfies readonly (keyof ShowState)[];
export type Overlay = (typeof overlays)[number];

const names = Object.keys(viewSettings) as (keyof ShowState)[];

export function defaultShow(): ShowState {
  const take = <K extends keyof ShowState>(name: K) => [name, viewSettings[name].default];
  return Object.fromEntries(names.map(take)) as ShowState;
}

/** A value as a link writes it. */
function write(control: AnyControl, v: unknown): string {
  return control.kind === 'toggle' ? (v ? '1' : '0') : String(v);
}

/** A link's text as a value (undefined: unusable). */
function read(control: AnyControl, text: string): unknown {
  switch (control.kind) {
    case 'toggle':
      return text === '1' ? true : text === '0' ? false : undefined;
    case 'choice':
      return control.values.find((v) => v === text);
    default: {
      const r = readNumber(text, control.rule);
      return r.ok ? r.value : undefined;
    }
  }
}

/** The view settings a link holds: those that differ from the defaults, as [key, value]. */
export function showLink(show: ShowState): [string, string][] {
  return names.filter((name) => show[name] !== viewSettings[name].default).map((name) => {
    const { key, control } = viewSettings[name];
    return [key, write(control as AnyControl, show[name])];
  });
}

/** The view settings from a link (`get` reads a key), and what it held that could not be used, as [name, text]. */
export function readShow(get: (key: string) => string | null): { show: ShowState; unusable: [string, string][] } {
  const show = defaultShow(), unusable: [string, string][] = [];
  for (const name of names) {
    const { key, control } = viewSettings[name];
    const text = get(key);
    if (text === null) continue;
    const v = read(control as AnyControl, text);
    if (v === undefined) unusable.push([name, text]);
    else Object.assign(show, { [name]: v });
  }
  return { show, unusable };
}
