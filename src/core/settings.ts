// A setting of a rule or a schedule, described once for the engine's checks and the page's fields.

/** A setting of a rule or a schedule: what its field, its slider, its link key and its label need. */
export interface SettingSpec {
  /** Its symbol in plain text (labels, legends) and in TeX (the typeset rule). */
  symbol: string;
  tex: string;
  /** The values it may take (a FieldRule); ε > 0 excludes its minimum. */
  min: number;
  max: number;
  minExclusive?: boolean;
  integer?: boolean;
  default: number;
  /** How its slider moves: evenly in v, in log v, or in log(1 − v), so 0.9 → 0.99 → 0.999 get equal room. */
  scale: 'linear' | 'log' | 'log1m';
  /** The slider's ends where they differ from the field's range (a log slider cannot reach 0). */
  slider?: { min: number; max: number };
  /** Its key in a link, e.g. `a` in `a:0.8`. */
  key: string;
  /** Whether labels and links name it even at its default (α, the lecture's knob; a schedule's own settings), or only when changed. */
  always?: boolean;
}

/**
 * Settings from a spec, each given or its default, checked against its range: a value out of range is a
 * RangeError that names the setting and its range.
 */
export function settingValues(specs: Readonly<Record<string, SettingSpec>>, given: Record<string, unknown>, owner: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const v = given[name] ?? spec.default;
    const low = spec.minExclusive ? !((v as number) > spec.min) : !((v as number) >= spec.min);
    if (typeof v !== 'number' || low || !(v <= spec.max) || (spec.integer && !Number.isInteger(v))) {
      const from = spec.minExclusive ? `(${spec.min}` : `[${spec.min}`;
      throw new RangeError(`${spec.symbol} of ${owner} must be ${spec.integer ? 'a whole number ' : ''}in ${from}, ${spec.max}], got ${String(v)}`);
    }
    out[name] = v;
  }
  return out;
}

/**
 * The settings a label or a link names, in table order: those it always names (α, a schedule's own) and
 * the others where they differ from their default.
 */
export function namedSettings(specs: Readonly<Record<string, SettingSpec>>, values: Record<string, number>): [string, SettingSpec][] {
  return Object.entries(specs).filter(([name, spec]) => spec.always || values[name] !== spec.default);
}
