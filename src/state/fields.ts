/** What a numeric field accepts. */
export interface FieldRule {
  min: number;
  max: number;
  integer?: boolean;
  /** Whether min itself is excluded (η > 0). */
  minExclusive?: boolean;
}

/**
 * Why a typed number was refused: it is not a plain decimal number, lies outside the range, is a fraction
 * where a whole number is asked, or (in English) has a comma that does not group thousands. The rule comes
 * along, so the UI can say the range in words (i18n's fieldMessage).
 */
export interface FieldReason extends FieldRule {
  kind: 'not-a-number' | 'out-of-range' | 'not-whole' | 'comma';
}

export type FieldResult = { ok: true; value: number } | { ok: false; reason: FieldReason };

/**
 * How a number is written: as the page's language writes it ('en': a point before decimals and commas
 * between groups of thousands, 1,000.5; 'ru': a comma or a point before decimals and spaces between groups,
 * 1 000,5), or plainly as a link writes it (a point, no groups).
 */
export type Notation = 'en' | 'ru' | 'plain';

const PLAIN = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
/** A number whose whole part is in groups of three: the groups, then the rest. */
const GROUPED = {
  en: /^([+-]?\d{1,3}(?:,\d{3})+)(\.\d*)?(e[+-]?\d+)?$/i,
  ru: /^([+-]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+)([.,]\d*)?(e[+-]?\d+)?$/i,
};

/** Reads a number typed into a field; anything out of range or not a number is refused with the range. */
export function readNumber(text: string, rule: FieldRule, notation: Notation = 'plain'): FieldResult {
  const refuse = (kind: FieldReason['kind']): FieldResult => ({ ok: false, reason: { ...rule, kind } });
  let t = text.trim();
  if (notation !== 'plain') {
    const grouped = GROUPED[notation].exec(t);
    if (grouped) t = grouped[1].replace(/[^\d+-]/g, '') + (grouped[2] ?? '') + (grouped[3] ?? '');
    // In English a comma only groups thousands: 1,5 might mean 1.5 or 15, so it is refused, not guessed.
    if (notation === 'en' && t.includes(',')) return refuse('comma');
    t = t.replace(',', '.');
  }
  // Number('') is 0 and Number('0x10') is 16: accept only plain decimal notation.
  if (!PLAIN.test(t)) return refuse('not-a-number');
  const value = Number(t);
  const low = rule.minExclusive ? value <= rule.min : value < rule.min;
  if (!Number.isFinite(value) || low || value > rule.max) return refuse('out-of-range');
  if (rule.integer && !Number.isInteger(value)) return refuse('not-whole');
  return { ok: true, value };
}
