import { describe, expect, it } from 'vitest';
import { expNeg, log1p } from '../../src/core/elementary';

const ulps = (a: number, b: number) => Math.abs(a - b) / (Math.abs(b) * Number.EPSILON);

describe('e^(−a) and ln(1 + u) from + − × ÷ alone', () => {
  it('agree with Math.exp and Math.log1p to within 8 units in the last place', () => {
    let worstExp = 0, worstLog = 0;
    for (let i = 0; i < 20000; i++) {
      const a = i * 0.0353; // up to 706: normal doubles only
      worstExp = Math.max(worstExp, ulps(expNeg(a), Math.exp(-a)));
    }
    for (let i = 1; i <= 20000; i++) worstLog = Math.max(worstLog, ulps(log1p(i / 20000), Math.log1p(i / 20000)));
    for (const u of [1e-300, 1e-17, 1e-9, 1e-4]) worstLog = Math.max(worstLog, ulps(log1p(u), Math.log1p(u)));
    expect(worstExp).toBeLessThan(8);
    expect(worstLog).toBeLessThan(8);
  });

  it('are exact where they must be, and 0 past the smallest double', () => {
    expect(expNeg(0)).toBe(1);
    expect(log1p(0)).toBe(0);
    expect(expNeg(Math.LN2)).toBeCloseTo(0.5, 15);
    expect(expNeg(746)).toBe(0);
    expect(expNeg(Infinity)).toBe(0);
    expect(expNeg(NaN)).toBeNaN();
  });
});
