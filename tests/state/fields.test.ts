import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readNumber } from '../../src/state/fields';

describe('readNumber', () => {
  const alpha = { min: 0, max: 0.999 };

  it('accepts plain decimal numbers in range, with a comma as the decimal mark too', () => {
    expect(readNumber('0.9', alpha)).toEqual({ ok: true, value: 0.9 });
    expect(readNumber(' 0,5 ', alpha)).toEqual({ ok: true, value: 0.5 });
    expect(readNumber('.25', alpha)).toEqual({ ok: true, value: 0.25 });
    expect(readNumber('1e-3', alpha)).toEqual({ ok: true, value: 0.001 });
    expect(readNumber('0', alpha)).toEqual({ ok: true, value: 0 });
  });

  it('refuses what is not a number, naming the allowed range', () => {
    for (const bad of ['', ' ', 'abc', '0x10', 'Infinity', 'NaN', '1/2', '--1', '1e999', '0.9.1']) {
      const r = readNumber(bad, alpha);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.message).toBe('Enter a number from 0 to 0.999');
    }
  });

  it('refuses values out of range, and fractions where a whole number is asked', () => {
    expect(readNumber('1', alpha).ok).toBe(false);
    expect(readNumber('-0.1', alpha).ok).toBe(false);
    const steps = { min: 1, max: 2000, integer: true };
    expect(readNumber('2.5', steps)).toEqual({ ok: false, message: 'Enter a whole number from 1 to 2000' });
    expect(readNumber('2001', steps).ok).toBe(false);
    expect(readNumber('2000', steps)).toEqual({ ok: true, value: 2000 });
  });

  it('excludes the minimum when told to (η > 0)', () => {
    const lr = { min: 0, max: 100, minExclusive: true };
    expect(readNumber('0', lr)).toEqual({ ok: false, message: 'Enter a number above 0 up to 100' });
    expect(readNumber('1e-9', lr)).toEqual({ ok: true, value: 1e-9 });
  });

  it('never lets a non-finite or out-of-range value through, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const r = readNumber(text, { min: -5, max: 5 });
        if (r.ok) expect(Number.isFinite(r.value) && r.value >= -5 && r.value <= 5).toBe(true);
      }),
      { seed: 7, numRuns: 2000 },
    );
  });
});
