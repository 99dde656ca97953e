// The languages, their tables, and the few functions that turn data into words and numbers in one of
// them. Pure: the reactive choice of language lives in lang.svelte.ts.
import type { FormulaErrorCode, FormulaErrorParams } from '../expr/errors';
import { en, type Messages } from './en';
import { ru } from './ru';

export type { Messages } from './en';

export const LANGS = ['en', 'ru'] as const;
export type Lang = (typeof LANGS)[number];

export const dictionaries: Readonly<Record<Lang, Messages>> = { en, ru };

export function isLang(v: unknown): v is Lang {
  return typeof v === 'string' && (LANGS as readonly string[]).includes(v);
}

/** The table of a language. */
export function messages(lang: Lang): Messages {
  return dictionaries[lang];
}

/**
 * The language a page opens in: the link's, else the one the user chose before, else the browser's
 * first preference if it is Russian, else English.
 */
export function chooseLang(link: Lang | undefined, stored: string | null | undefined, browser: readonly string[]): Lang {
  if (link) return link;
  if (isLang(stored)) return stored;
  const first = browser[0]?.toLowerCase() ?? '';
  return first === 'ru' || first.startsWith('ru-') ? 'ru' : 'en';
}

/**
 * A number as the UI shows it in a language: exact (JavaScript's shortest form) or to `digits`
 * significant digits, with the language's decimal mark. No grouping of thousands: what is shown can be
 * typed back into a field.
 */
export function formatNumber(v: number, lang: Lang, digits?: number): string {
  const text = digits === undefined || !Number.isFinite(v) ? String(v) : String(Number(v.toPrecision(digits)));
  return lang === 'ru' ? text.replace('.', ',') : text;
}

/** A refused formula's message in a language, from its code and parameters. */
export function formulaMessage(err: { code: FormulaErrorCode; params?: FormulaErrorParams }, lang: Lang): string {
  return dictionaries[lang].formula[err.code](err.params ?? {});
}

/** The range a refused number had to lie in (state/fields' FieldReason has this shape; i18n does not import state). */
export interface RangeText {
  min: number;
  max: number;
  integer?: boolean;
  minExclusive?: boolean;
  /** 'comma': an English entry with a comma that groups no thousands. */
  kind?: string;
}

/** Why a typed number was refused, in a language. */
export function fieldMessage(reason: RangeText, lang: Lang): string {
  const n = (v: number) => formatNumber(v, lang);
  const range = dictionaries[lang].field.range(!!reason.integer, !!reason.minExclusive, n(reason.min), n(reason.max));
  const d = dictionaries[lang].field;
  return reason.kind === 'comma' ? `${range}${reason.integer ? d.commaWhole : d.comma}` : range;
}

/** A test function's name (its id for one the table does not know). */
export function functionName(m: Messages, id: string): string {
  return (m.fn.names as Record<string, string>)[id] ?? id;
}

/** The names of a function's two coordinates on the contour's axes: a fit's weights, else x and y. */
export function axisNames(m: Pick<Messages, 'plot'>, id: string): [string, string] {
  if (id === 'leastsquares') return [m.plot.intercept, m.plot.slope];
  if (id === 'logistic') return [m.plot.petalLength, m.plot.petalWidth];
  return ['x', 'y'];
}

/** A function parameter's label (its name for one the table does not know). */
export function paramName(m: Messages, name: string): string {
  return (m.fn.params as Record<string, string>)[name] ?? name;
}

/** A lecture figure's title and caption. */
export function presetText(m: Messages, id: string): { title: string; caption: string } {
  return (m.presets.texts as Record<string, { title: string; caption: string }>)[id] ?? { title: id, caption: '' };
}

/** A title run into the text after it: ended with a full stop unless it has its own mark (a question). */
export function runIn(title: string): string {
  return /[.?!…]$/.test(title) ? title : `${title}.`;
}

/**
 * One item of a link's "left out" list (`what "value"`, as url.ts writes it) with `what` in a language;
 * the quoted value is the link's own text and stays as it was.
 */
export function droppedText(item: string, m: Messages): string {
  const at = item.indexOf(' "');
  if (at < 0) return item;
  const what = item.slice(0, at);
  const name = (m.link.parts as Record<string, string>)[what] ?? what;
  return `${name}${item.slice(at)}`;
}
