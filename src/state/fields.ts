/** What a numeric field accepts. */
export interface FieldRule {
  min: number;
  max: number;
  integer?: boolean;
  /** Whether min itself is excluded (η > 0). */
  minExclusive?: boolean;
}

/**
 * Why a typed number was refused: it is not a plain decimal number, lies outside the range, or is a
 * fraction where a whole number is asked. The rule comes along, so the UI can say the range in words
 * (i18n's fieldMessage).
 */
export interface FieldReason extends FieldRule {
  kind: 'not-a-number' | 'out-of-range' | 'not-whole';
}

export type FieldResult = { ok: true; value: number } | { ok: false; reason: FieldReason };

/** Reads a number typed into a field; anything out of range or not a number is refused with the range. */
export function readNumber(text: string, rule: FieldRule): FieldResult {
  const refuse = (kind: FieldReason['kind']): FieldResult => ({ ok: false, reason: { ...rule, kind } });
  const t = text.trim().replace(',', '.');
  // Number('') is 0 and Number('0x10') is 16: accept only plain decimal notation.
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return refuse('not-a-number');
  const value = Number(t);
  const low = rule.minExclusive ? value <= rule.min : value < rule.min;
  if (!Number.isFinite(value) || low || value > rule.max) return refuse('out-of-range');
  if (rule.integer && !Number.isInteger(value)) return refuse('not-whole');
  return { ok: true, value };
}
