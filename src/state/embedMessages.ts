// What an embedded figure and the page around it say to each other by postMessage: the commands the figure
// takes, checked here before anything changes, and what it announces. Every message of ours is an object
// with `ravine: 1`, so both sides tell them from other frameworks' (reveal.js posts strings) and from a later
// version's. Pure: src/page/embedChannel.svelte.ts listens and answers.
import { optimizerDef, type OptimizerKind } from '../core';
import { readNumber, type FieldRule } from './fields';
import { limits } from './playground';

/** The version of the messages: `ravine` in every one. */
export const PROTOCOL = 1;

/** A command, checked: a run is named by its id, whichever way the message named it. */
export type Command =
  | { type: 'link'; link: string }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'seek'; t: number }
  | { type: 'set'; id: number; lr?: number; alpha?: number };

/** What the figure says, without `ravine` (post adds it). */
export type Announcement =
  | { type: 'ready'; link: string; t: number; steps: number; playing: boolean; dropped: string[] }
  | { type: 'link'; link: string }
  | { type: 'playhead'; t: number; steps: number; playing: boolean }
  | { type: 'dropped'; dropped: string[] }
  | { type: 'error'; command: string | null; message: string }
  | { type: 'key'; key: string; code: string; keyCode: number; shiftKey: boolean };

/** What a command is checked against: the figure as it stands. */
export interface Figure {
  steps: number;
  runs: readonly { id: number; kind: OptimizerKind }[];
}

export type Read = { ok: true; command: Command } | { ok: false; error: Extract<Announcement, { type: 'error' }> };

/** Each command's fields besides `ravine` and `type`. */
const fields: Record<Command['type'], readonly string[]> = {
  link: ['link'],
  play: [],
  pause: [],
  seek: ['t'],
  set: ['index', 'id', 'lr', 'alpha'],
};
const commands = Object.keys(fields) as Command['type'][];

/** A value from a message, short and safe to quote in an error. */
function quote(v: unknown): string {
  const text = typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** A rule in words: "a whole number from 0 to 100", "a number greater than 0 and at most 100". */
function ruleText(rule: FieldRule): string {
  const what = rule.integer ? 'a whole number' : 'a number';
  return rule.minExclusive ? `${what} greater than ${rule.min} and at most ${rule.max}` : `${what} from ${rule.min} to ${rule.max}`;
}

/** A number a message gives for a setting, checked as its field checks a typed one (a number, in range). */
function checked(v: unknown, rule: FieldRule): number | undefined {
  return typeof v === 'number' && readNumber(String(v), rule).ok ? v : undefined;
}

/**
 * A message from the page around the figure: null when it is not ours (ignored without a word); else the
 * command, or the error that names what is wrong with it (and nothing changes).
 */
export function readCommand(data: unknown, figure: Figure): Read | null {
  if (typeof data !== 'object' || data === null || !('ravine' in data)) return null;
  const m = data as Record<string, unknown>;
  const type = typeof m.type === 'string' && (commands as string[]).includes(m.type) ? (m.type as Command['type']) : null;
  const refuse = (message: string): Read => ({ ok: false, error: { type: 'error', command: type, message } });
  if (m.ravine !== PROTOCOL) return refuse(`ravine must be ${PROTOCOL} (the version of these messages), got ${quote(m.ravine)}`);
  if (type === null) return refuse(`unknown command ${quote(m.type)}: the commands are ${commands.join(', ')}`);
  const extra = Object.keys(m).find((k) => k !== 'ravine' && k !== 'type' && !fields[type].includes(k));
  if (extra !== undefined) {
    return refuse(`${type}: unknown field ${quote(extra)}${fields[type].length > 0 ? ` (it takes ${fields[type].join(', ')})` : ' (it takes none)'}`);
  }

  if (type === 'link') {
    return typeof m.link === 'string' ? { ok: true, command: { type, link: m.link } } : refuse(`link: link must be a string (a query such as "?fn=rosenbrock&steps=50"), got ${quote(m.link)}`);
  }
  if (type === 'play' || type === 'pause') return { ok: true, command: { type } };
  if (type === 'seek') {
    const rule = { min: 0, max: figure.steps, integer: true };
    const t = checked(m.t, rule);
    return t === undefined ? refuse(`seek: t must be ${ruleText(rule)}, got ${quote(m.t)}`) : { ok: true, command: { type, t } };
  }
  return readSet(m, figure, refuse);
}

/** `set`: a run by its index in the link or its id, and its η, its α or both. */
function readSet(m: Record<string, unknown>, figure: Figure, refuse: (message: string) => Read): Read {
  if (('index' in m) === ('id' in m)) return refuse('set: name the run by one of index and id');
  const byIndex = 'index' in m;
  const indexRule = { min: 0, max: figure.runs.length - 1, integer: true };
  const index = byIndex ? checked(m.index, indexRule) : figure.runs.findIndex((r) => r.id === m.id);
  const run = index === undefined || index < 0 ? undefined : figure.runs[index];
  if (!run) {
    if (figure.runs.length === 0) return refuse('set: the figure has no runs');
    return refuse(byIndex
      ? `set: index must be ${ruleText(indexRule)} (the figure has ${figure.runs.length} runs), got ${quote(m.index)}`
      : `set: no run has id ${quote(m.id)} (the ids are ${figure.runs.map((r) => r.id).join(', ')})`);
  }
  if (!('lr' in m) && !('alpha' in m)) return refuse('set: give lr, alpha or both');
  const command: Extract<Command, { type: 'set' }> = { type: 'set', id: run.id };
  if ('lr' in m) {
    command.lr = checked(m.lr, limits.lr);
    if (command.lr === undefined) return refuse(`set: lr must be ${ruleText(limits.lr)}, got ${quote(m.lr)}`);
  }
  if ('alpha' in m) {
    const spec = optimizerDef(run.kind).hyper.alpha;
    if (!spec) return refuse(`set: run ${run.id} (${run.kind}) has no alpha`);
    command.alpha = checked(m.alpha, spec);
    if (command.alpha === undefined) return refuse(`set: alpha must be ${ruleText(spec)}, got ${quote(m.alpha)}`);
  }
  return { ok: true, command };
}

/** The keys an embed passes to the page around it, with the keyCode decks still read (reveal.js does). */
const deckKeyCodes: Readonly<Record<string, number>> = {
  ' ': 32, PageUp: 33, PageDown: 34, End: 35, Home: 36, ArrowLeft: 37, ArrowUp: 38, ArrowRight: 39, ArrowDown: 40,
};

type Key = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

/**
 * The announcement of a key pressed in the figure that a slide deck navigates with (the caller has checked
 * that no control of the figure takes it); null for any other key, and with Ctrl, ⌘ or Alt (the browser's).
 */
export function deckKey(e: Key): Extract<Announcement, { type: 'key' }> | null {
  if (e.ctrlKey || e.metaKey || e.altKey || !Object.hasOwn(deckKeyCodes, e.key)) return null;
  return { type: 'key', key: e.key, code: e.code, keyCode: deckKeyCodes[e.key], shiftKey: e.shiftKey };
}
