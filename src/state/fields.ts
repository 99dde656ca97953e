/** What a numeric field accepts. */
export interface FieldRule {
  min: number;
  max: number;
  integer?: boolean;
  /** Whether min itself is excluded (η > 0). */
  minExclusive?: boolean;
}

export type FieldResult = { ok: true; value: number } | { ok: false; message: string };

/** Reads a number typed into a field; anything out of range or not a number is refused with the range. */
export function readNumber(text: string, rule: FieldRule): FieldResult {
  const range = `${rule.integer ? 'a whole number' : 'a number'} ${rule.minExclusive ? 'above' : 'from'} ${rule.min} ${rule.minExclusive ? 'up to' : 'to'} ${rule.max}`;
  const t = text.trim().replace(',', '.');
  // Number('') is 0 and Number('0x10') is 16: accept only plain decimal notation.
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return { ok: false, message: `Enter ${range}` };
  const value = Number(t);
  const low = rule.minExclusive ? value <= rule.min : value < rule.min;
  if (!Number.isFinite(value) || low || value > rule.max || (rule.integer && !Number.isInteger(value))) {
    return { ok: false, message: `Enter ${range}` };
  }
  return { ok: true, value };
}
