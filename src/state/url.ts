// The state as a link: short readable keys, every number exact (JavaScript's shortest round-trip form),
// and a decoder that turns any string into the nearest valid state, saying what it had to drop.
import { namedSettings, optimizerDef, optimizerKinds, scheduleDef, scheduleKinds, testFunctions } from '../core';
import type { Box, OptimizerKind, ScheduleKind, SettingSpec, TestFunction } from '../core';
import { parseFunction } from '../expr';
import { isLang, type Lang } from '../i18n';
import { defaultBatch, defaultSeed, newRun, selectFunction } from './actions';
import { readEmbed, readOrigin, type EmbedItem } from './embed';
import { readNumber, type FieldRule } from './fields';
import { DEFAULT_FORMULA, defaultState } from './defaults';
import { drawableBox, FORMULA_ID, limits, type FunctionState, type PlaygroundState, type RunState } from './playground';
import { baseFunction, buildFunction, constantRun, sumSize, type SceneFunction } from './scene';
import { readShow, showLink, viewSettings, type ShowState } from './show';

/** What a link holds beside the playground: the playhead and the zoom (the box a function is computed over is the state's). */
export interface LinkState {
  state: PlaygroundState;
  /** The iteration shown; null for the last one. */
  playhead: number | null;
  /** The box the contour plot is zoomed to; null for the function's own view. */
  view: Box | null;
  /** The language the page is shown in; left out, the reader's own choice applies. */
  lang?: Lang;
  /** The run whose rate map is shown, by id; null or left out when the map is hidden. */
  map?: number | null;
  /** The run whose learning-rate range test is shown, by id; null or left out when it is hidden. */
  range?: number | null;
  /** What the contour shows beside the paths; left out, the defaults. */
  show?: ShowState;
  /** What an embedded figure shows beside the contour (empty: the figure alone); null or left out for the full page. */
  embed?: EmbedItem[] | null;
  /** The origin of the page an embedded figure talks to (embedMessages.ts); left out, any page that frames it. */
  origin?: string;
}

export interface Decoded extends LinkState {
  /** What the link had that could not be used, in words (empty for a clean link). */
  dropped: string[];
}

// String() is the shortest form that reads back to the same double, but it writes −0 as 0.
const num = (v: number) => (Object.is(v, -0) ? '-0' : String(v));

/** Settings as `key:value`: those a link names (namedSettings). */
function encodeSettings(specs: Readonly<Record<string, SettingSpec>>, values: Record<string, number>): string[] {
  return namedSettings(specs, values).map(([name, spec]) => `${spec.key}:${num(values[name])}`);
}

/**
 * A run as `kind,id:…,lr:…`, the rule's settings, every other setting that differs from a new run's,
 * and a schedule as `sched:kind` with its own settings and a warmup where there is one, e.g.
 * `gd,id:0,lr:1,sched:inverse,k:0.05` or `adamw,id:1,lr:0.1,sched:cosine,r:0,T:100,W:10`.
 */
function encodeRun(r: RunState, n: number): string {
  const parts = [r.kind, `id:${r.id}`, `lr:${num(r.lr)}`, ...encodeSettings(optimizerDef(r.kind).hyper, r.params)];
  if (r.batch !== defaultBatch(r.kind, n)) parts.push(`B:${r.batch}`);
  if (r.seed !== defaultSeed(r.id)) parts.push(`seed:${r.seed}`);
  if (!constantRun(r)) {
    parts.push(`sched:${r.schedule.kind}`, ...encodeSettings(scheduleDef(r.schedule.kind).params, r.schedule.params));
  }
  if (!r.visible) parts.push('hide');
  return parts.join(',');
}

const boxText = (b: Box) => [...b.x, ...b.y].map(num).join(',');

/** The sum's size a run's default batch depends on (state/scene's sumSize): a formula is parsed once, not per encode. */
let counted: { key: string; base: TestFunction } | null = null;
function samplesOf(fs: FunctionState): number {
  const key = JSON.stringify([fs.id, fs.params, fs.formula]);
  if (counted?.key !== key) counted = { key, base: baseFunction(fs) };
  return sumSize(counted.base, fs);
}

/** Every key a link may hold besides the function's own parameters (encode writes no other). */
export const LINK_KEYS = [
  'fn', 'formula', 'N', 'noise', 'nseed', 'box', 'start', 'steps', 't', 'view', 'run', 'map', 'range',
  ...Object.values(viewSettings).map((k) => k.key), 'lang', 'embed', 'origin',
];

export function encode({ state: s, playhead, view, lang, map, range, show, embed, origin }: LinkState): string {
  const q = new URLSearchParams();
  q.set('fn', s.fn.id);
  for (const [k, v] of Object.entries(s.fn.params)) q.set(k, num(v));
  if (s.fn.id === FORMULA_ID || s.fn.formula !== DEFAULT_FORMULA) q.set('formula', s.fn.formula);
  const n = samplesOf(s.fn);
  q.set('N', String(s.fn.samples));
  q.set('noise', num(s.fn.noise));
  q.set('nseed', String(s.fn.noiseSeed));
  if (s.fn.view) q.set('box', boxText(s.fn.view));
  q.set('start', `${num(s.start[0])},${num(s.start[1])}`);
  q.set('steps', String(s.steps));
  if (playhead !== null && playhead < s.steps) q.set('t', String(playhead));
  if (view) q.set('view', boxText(view));
  // An empty `run` says "no runs", which a link without any `run` (the default runs) cannot.
  if (s.runs.length === 0) q.set('run', '');
  for (const r of s.runs) q.append('run', encodeRun(r, n));
  if (map != null && s.runs.some((r) => r.id === map)) q.set('map', String(map));
  if (range != null && s.runs.some((r) => r.id === range)) q.set('range', String(range));
  for (const [key, value] of show ? showLink(show) : []) q.set(key, value);
  if (lang) q.set('lang', lang);
  if (embed) q.set('embed', embed.join(','));
  if (embed && origin) q.set('origin', origin);
  // ',' and ':' may stand in a query as they are: keep the link readable.
  return q.toString().replace(/%2C/g, ',').replace(/%3A/g, ':');
}

/** A number from a link, or undefined when it is missing or breaks its rule. */
function read(text: string | null | undefined, rule: FieldRule): number | undefined {
  if (text == null) return undefined;
  const r = readNumber(text, rule);
  return r.ok ? r.value : undefined;
}

/** A safe, short rendering of what a link said, for the notice. */
function quote(text: string): string {
  const t = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return JSON.stringify(t);
}

/** Every rule's settings by link key: a link may name another rule's setting, which is checked, then ignored. */
const ruleSettings = new Map<string, SettingSpec>(
  optimizerKinds.flatMap((k) => Object.values(optimizerDef(k).hyper).map((spec) => [spec.key, spec] as const)),
);

/**
 * Any string to a valid state. What is missing keeps the default page's value silently; what is
 * present but unusable is dropped with a line in `dropped`. Never throws.
 */
export function decode(search: string): Decoded {
  const dropped: string[] = [];
  const q = new URLSearchParams(search);
  const s = defaultState();
  const bad = (what: string, value: string) => dropped.push(`${what} ${quote(value)}`);
  const get = (key: string, what: string, rule: FieldRule): number | undefined => {
    const text = q.get(key);
    const v = read(text, rule);
    if (text !== null && v === undefined) bad(what, text);
    return v;
  };

  // Another function than the default page's brings its own parameters, start, η and noise.
  const fnId = q.get('fn');
  const formula = q.get('formula');
  if (formula !== null) {
    try {
      parseFunction(formula);
      s.fn.formula = formula;
    } catch {
      bad('formula', formula);
    }
  }
  if (fnId === FORMULA_ID) {
    if (s.fn.formula === formula) selectFunction(s, FORMULA_ID);
    else if (formula === null) bad('formula', '');
  } else if (fnId !== null && fnId !== s.fn.id) {
    if (testFunctions.some((d) => d.id === fnId)) selectFunction(s, fnId);
    else bad('function', fnId);
  }
  const def = testFunctions.find((d) => d.id === s.fn.id);
  for (const [name, spec] of Object.entries(def?.params ?? {})) {
    s.fn.params[name] = get(name, name, spec) ?? s.fn.params[name];
  }
  s.fn.samples = get('N', 'N', limits.samples) ?? s.fn.samples;
  s.fn.noise = get('noise', 'noise', limits.noise) ?? s.fn.noise;
  s.fn.noiseSeed = get('nseed', 'noise seed', limits.seed) ?? s.fn.noiseSeed;
  // Before the start and the runs: the box bounds how far a run may go before it counts as diverged.
  const box = readBox(q.get('box'), 'box', bad);
  if (box) s.fn.view = box;

  const start = q.get('start');
  if (start !== null) {
    const [x, y, extra] = start.split(',');
    const px = read(x, limits.coordinate), py = read(y, limits.coordinate);
    if (px === undefined || py === undefined || extra !== undefined) bad('start', start);
    else s.start = [px, py];
  }
  s.steps = get('steps', 'iterations', limits.steps) ?? s.steps;
  const playhead = get('t', 'step', { min: 0, max: s.steps, integer: true }) ?? null;
  const view = readBox(q.get('view'), 'view', bad);

  // A link with runs replaces the default ones; `run=` alone means none. If not one of its runs is
  // usable, the default runs stay, so the figure is never empty by accident.
  const runs = q.getAll('run');
  if (runs.length > 0) {
    const fn = buildFunction(s.fn);
    const decoded: RunState[] = [];
    for (const text of runs.filter((r) => r !== '')) {
      const r = decodeRun(text, fn);
      if (!r || decoded.length >= limits.runs.max || decoded.some((o) => o.id === r.id)) bad('run', text);
      else decoded.push(r);
    }
    if (decoded.length > 0 || runs.every((r) => r === '')) s.runs = decoded;
  }
  /** A key naming one of the runs by its id (the map's, the range test's), or null; anything else is named. */
  const runOf = (key: string): number | null => {
    const text = q.get(key);
    if (text === null) return null;
    const id = read(text, { min: 0, max: 999, integer: true });
    if (id !== undefined && s.runs.some((r) => r.id === id)) return id;
    bad(key, text);
    return null;
  };
  const map = runOf('map');
  const range = runOf('range');
  const { show, unusable } = readShow((key) => q.get(key));
  for (const [name, text] of unusable) bad(name, text);
  const langText = q.get('lang');
  let lang: Lang | undefined;
  if (langText !== null) {
    if (isLang(langText)) lang = langText;
    else bad('language', langText);
  }
  const embedText = q.get('embed');
  let embed: EmbedItem[] | null = null;
  if (embedText !== null) {
    const parts = readEmbed(embedText);
    embed = parts.items;
    for (const item of parts.unknown) bad('embed', item);
  }
  // Only an embedded figure talks to the page around it.
  const originText = q.get('origin');
  const origin = originText !== null && embed ? readOrigin(originText) : null;
  if (originText !== null && origin === null) bad('origin', originText);
  // What no setting reads: an unknown key (kapa), another function's parameter, a key given twice (the
  // first one counts, as everywhere above).
  const known = new Set([...LINK_KEYS, ...Object.keys(def?.params ?? {})]);
  const seen = new Set<string>();
  for (const [key, value] of q) {
    if (key !== 'run' && (!known.has(key) || seen.has(key))) bad(key, value);
    seen.add(key);
  }
  return { state: s, playhead, view, ...(lang ? { lang } : {}), ...(map !== null ? { map } : {}), ...(range !== null ? { range } : {}), show, ...(embed ? { embed } : {}), ...(origin ? { origin } : {}), dropped };
}

/** `x0,x1,y0,y1`, as the zoom and the box are written; a box that cannot be drawn is refused. */
function readBox(text: string | null, what: string, bad: (what: string, value: string) => void): Box | null {
  if (text === null) return null;
  const v = text.split(',').map((t) => read(t, limits.coordinate));
  if (v.length === 4 && v.every((c) => c !== undefined)) {
    const box: Box = { x: [v[0]!, v[1]!], y: [v[2]!, v[3]!] };
    if (drawableBox(box)) return box;
  }
  bad(what, text);
  return null;
}

/** The names of settings by their link keys. */
function byKey(specs: Readonly<Record<string, SettingSpec>>): Map<string, [string, SettingSpec]> {
  return new Map(Object.entries(specs).map(([name, spec]) => [spec.key, [name, spec]]));
}

/** A run from its link form, or null when any of its fields is unusable. */
function decodeRun(text: string, fn: SceneFunction): RunState | null {
  const [kindText, ...fields] = text.split(',');
  if (!(optimizerKinds as string[]).includes(kindText)) return null;
  const kind = kindText as OptimizerKind;
  const given = new Map<string, string>();
  let visible = true;
  for (const field of fields) {
    if (field === 'hide') {
      visible = false;
      continue;
    }
    const [key, value, extra] = field.split(':');
    // A field given twice (lr:1,lr:2) says two things: the run is not guessed at.
    if (value === undefined || extra !== undefined || given.has(key)) return null;
    given.set(key, value);
  }
  const sched = given.get('sched') ?? 'constant';
  given.delete('sched');
  if (!(scheduleKinds as string[]).includes(sched)) return null;
  const schedule = { kind: sched as ScheduleKind, params: {} as Record<string, number> };
  const own = byKey(optimizerDef(kind).hyper);
  const timing = byKey(scheduleDef(schedule.kind).params);
  for (const [name, spec] of timing.values()) schedule.params[name] = spec.default;
  const params: Record<string, number> = {};
  const values: Record<string, number> = {};
  for (const [key, value] of given) {
    const rule = Object.hasOwn(runRules, key) ? runRules[key] : (own.get(key)?.[1] ?? timing.get(key)?.[1] ?? ruleSettings.get(key));
    const v = rule ? read(value, key === 'B' ? { ...rule, max: fn.n } : rule) : undefined;
    if (v === undefined) return null;
    if (own.has(key)) params[own.get(key)![0]] = v;
    else if (timing.has(key)) schedule.params[timing.get(key)![0]] = v;
    else values[key] = v;
  }
  if (values.id === undefined) return null;
  const r = newRun(fn, kind, values.id);
  return {
    ...r, visible, schedule,
    params: { ...r.params, ...params },
    lr: values.lr ?? r.lr,
    batch: values.B ?? r.batch,
    seed: values.seed ?? r.seed,
  };
}

/** A run's own fields in a link (the batch's maximum is the function's N). */
const runRules: Record<string, FieldRule> = {
  id: { min: 0, max: 999, integer: true },
  lr: limits.lr,
  B: { min: 1, max: Infinity, integer: true },
  seed: limits.seed,
};
