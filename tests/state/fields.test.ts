import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fieldMessage } from '../../src/i18n';
import { readNumber } from '../../src/state/fields';

describe('readNumber', () => {
  const alpha = { min: 0, max: 0.999 };

  it('accepts plain decimal numbers in range', () => {
    expect(readNumber('0.9', alpha)).toEqual({ ok: true, value: 0.9 });
    expect(readNumber(' 0.5 ', alpha, 'en')).toEqual({ ok: true, value: 0.5 });
    expect(readNumber('.25', alpha)).toEqual({ ok: true, value: 0.25 });
    expect(readNumber('1e-3', alpha)).toEqual({ ok: true, value: 0.001 });
    expect(readNumber('0', alpha)).toEqual({ ok: true, value: 0 });
  });

  it('refuses what is not a number, naming the allowed range', () => {
    for (const bad of ['', ' ', 'abc', '0x10', 'Infinity', 'NaN', '1/2', '--1', '1e999', '0.9.1']) {
      const r = readNumber(bad, alpha);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) {
        expect(r.reason).toMatchObject({ kind: bad === '1e999' ? 'out-of-range' : 'not-a-number', min: 0, max: 0.999 });
        expect(fieldMessage(r.reason, 'en')).toBe('Enter a number from 0 to 0.999');
        expect(fieldMessage(r.reason, 'ru')).toBe('Введите число от 0 до 0,999');
      }
    }
  });

  it('refuses values out of range, and fractions where a whole number is asked', () => {
    expect(readNumber('1', alpha)).toEqual({ ok: false, reason: { ...alpha, kind: 'out-of-range' } });
    expect(readNumber('-0.1', alpha).ok).toBe(false);
    const steps = { min: 1, max: 2000, integer: true };
    const half = readNumber('2.5', steps);
    expect(half).toEqual({ ok: false, reason: { ...steps, kind: 'not-whole' } });
    if (!half.ok) {
      expect(fieldMessage(half.reason, 'en')).toBe('Enter a whole number from 1 to 2000');
      expect(fieldMessage(half.reason, 'ru')).toBe('Введите целое число от 1 до 2000');
    }
    expect(readNumber('2001', steps).ok).toBe(false);
    expect(readNumber('2000', steps)).toEqual({ ok: true, value: 2000 });
  });

  it('reads a comma and groups of thousands as the language writes them, and a link plainly', () => {
    const steps = { min: 1, max: 100000, integer: true }, lr = { min: 0, max: 100, minExclusive: true };
    // Russian: a comma (or a point) before decimals, spaces (plain, no-break or narrow) between groups.
    expect(readNumber(' 0,5 ', alpha, 'ru')).toEqual({ ok: true, value: 0.5 });
    expect(readNumber('0.5', alpha, 'ru')).toEqual({ ok: true, value: 0.5 });
    for (const t of ['1 000', '1\u00a0000', '1\u202f000']) expect(readNumber(t, steps, 'ru')).toEqual({ ok: true, value: 1000 });
    expect(readNumber('12 345,5', lr, 'ru')).toMatchObject({ ok: false, reason: { kind: 'out-of-range' } });
    expect(readNumber('1,5', steps, 'ru')).toMatchObject({ ok: false, reason: { kind: 'not-whole' } });
    for (const t of ['1 00', '1  000', '1,5,5']) expect(readNumber(t, steps, 'ru').ok, t).toBe(false);
    // English: a comma groups thousands only; anywhere else it is refused, never read as a point.
    expect(readNumber('1,000', steps, 'en')).toEqual({ ok: true, value: 1000 });
    expect(readNumber('12,345', steps, 'en')).toEqual({ ok: true, value: 12345 });
    expect(readNumber('1,000.5', { min: 0, max: 2000 }, 'en')).toEqual({ ok: true, value: 1000.5 });
    for (const t of ['1,5', '0,5', '1,00', '1,0000', ',5', '1 000']) {
      const r = readNumber(t, lr, 'en');
      expect(r.ok, t).toBe(false);
      if (!r.ok) expect(r.reason.kind, t).toBe(t === '1 000' ? 'not-a-number' : 'comma');
    }
    const comma = readNumber('0,5', lr, 'en');
    if (!comma.ok) expect(fieldMessage(comma.reason, 'en')).toBe('Enter a number above 0 up to 100, with a point before decimals (0.5)');
    // A whole number has no decimals to point at: the message says where a comma may stand instead.
    const whole = readNumber('1,5', { min: 1, max: 10_000, integer: true }, 'en');
    expect(whole.ok).toBe(false);
    if (!whole.ok) expect(fieldMessage(whole.reason, 'en')).toBe('Enter a whole number from 1 to 10000, commas only between groups of three digits (10,000)');
    // A link writes numbers plainly: a comma there is no number at all (steps=1,000 is not 1).
    for (const t of ['1,000', '0,5', '1 000']) expect(readNumber(t, steps).ok, t).toBe(false);
  });

  it('excludes the minimum when told to (η > 0)', () => {
    const lr = { min: 0, max: 100, minExclusive: true };
    const zero = readNumber('0', lr);
    expect(zero).toEqual({ ok: false, reason: { ...lr, kind: 'out-of-range' } });
    if (!zero.ok) {
      expect(fieldMessage(zero.reason, 'en')).toBe('Enter a number above 0 up to 100');
      expect(fieldMessage(zero.reason, 'ru')).toBe('Введите число больше 0 и не больше 100');
    }
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
