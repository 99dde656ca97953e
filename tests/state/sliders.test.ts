import { describe, expect, it } from 'vitest';
import { roundPick, roundSetting, roundTo } from '../../src/state/sliders';
import { encode, decode } from '../../src/state/url';
import { presets } from '../../src/state/presets';

describe('a computed setting, as a link carries it', () => {
  it("keeps four significant digits, of 1 − v above 0.99", () => {
    expect(roundSetting(2.7777777777777772)).toBe(2.778);
    expect(roundSetting(0.4444444444444444)).toBe(0.4444);
    expect(roundSetting(1.9230769230769231)).toBe(1.923);
    expect(roundSetting(0.000123456789)).toBe(0.0001235);
    expect(roundSetting(12345.678)).toBe(12350);
    // Near 1 the digits that matter are those of 1 − v: 0.99937 must not become 0.9994 → 1 − 0.0006.
    expect(roundSetting(0.999372)).toBe(0.9993720);
    expect(roundSetting(0.999999912345678)).toBe(0.99999991235);
    expect(roundSetting(0.9999999)).toBeLessThan(1);
    expect(roundSetting(0.95123456)).toBe(0.9512);
    expect(roundSetting(0)).toBe(0);
  });

  it('stays within a part in a thousand of the value, and its link has no run of more than 5 digits', () => {
    for (const v of [2.7777777777777772, 0.4444444444444444, 0.9987654321, 3.3333e-7, 987654.321]) {
      expect(Math.abs(roundSetting(v) - v) / Math.abs(v)).toBeLessThan(5e-4);
    }
    const d = decode(presets[1].link);
    d.state.runs[1].lr = roundSetting(2.7777777777777772);
    d.state.runs[1].params.alpha = roundSetting(0.4444444444444444);
    const link = encode({ state: d.state, playhead: null, view: null });
    expect(link).toContain('lr:2.778,a:0.4444');
    const runs = link.split('&').filter((p) => p.startsWith('run='));
    expect(runs).toHaveLength(2);
    for (const r of runs) expect(r).not.toMatch(/\d{6}/);
  });
});

describe('a computed pick, rounded', () => {
  // Heavy ball on a quadratic with eigenvalues 1 and 1/25: ρ = √α where both modes ring, else the larger root.
  const rate = (lr: number, alpha = 0) =>
    Math.max(...[1, 1 / 25].map((l) => {
      const b = 1 + alpha - lr * l, disc = b * b - 4 * alpha;
      return disc < 0 ? Math.sqrt(alpha) : Math.max(Math.abs((b + Math.sqrt(disc)) / 2), Math.abs((b - Math.sqrt(disc)) / 2));
    }));
  const polyak = { lr: 4 / (1 + 1 / 5) ** 2, param: { name: 'alpha', value: (4 / 6) ** 2 } };

  it('keeps Polyak’s rate, where rounding each value to the nearest would lose it', () => {
    expect(rate(polyak.lr, polyak.param.value)).toBeCloseTo(2 / 3, 12);
    expect(rate(roundSetting(polyak.lr), roundSetting(polyak.param.value))).toBeGreaterThan(0.68);
    const r = roundPick(polyak, rate);
    expect(rate(r.lr, r.param!.value)).toBeLessThanOrEqual(2 / 3 + 2e-3 / 3);
    expect(r).toEqual({ lr: 2.7777, param: { name: 'alpha', value: 0.44445 } });
    // Still short: four or five significant digits.
    expect(String(r.lr).replace(/^0\.0*|\./g, '').length).toBeLessThanOrEqual(5);
    expect(String(r.param!.value).replace(/^0\.0*|\./g, '').length).toBeLessThanOrEqual(5);
    expect(r.param!.name).toBe('alpha');
  });

  it('without theory, four digits to the nearest', () => {
    expect(roundPick({ lr: 0.123456789 })).toEqual({ lr: 0.1235 });
    expect(roundPick({ lr: 2.7777777777777772, param: { name: 'rho', value: 0.99912345 } })).toEqual({ lr: 2.778, param: { name: 'rho', value: 0.9991235 } });
  });

  it('rounds toward either side when asked', () => {
    expect(roundTo(2.7777777, 4, -1)).toBe(2.777);
    expect(roundTo(2.7777777, 4, 1)).toBe(2.778);
    expect(roundTo(2.778, 4, -1)).toBe(2.778);
    expect(roundTo(0.99912345, 4, 1)).toBe(0.9991235);
    expect(roundTo(0.99912345, 4, -1)).toBe(0.9991234);
  });
});
