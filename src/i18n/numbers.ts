// Numbers as a printed page writes them: 8.0·10⁻⁷, never 8.03e-7, with the language's decimal mark.
import { power } from '../core/power';

/**
 * `v` to `digits` significant digits: in plain decimals from 0.0001 to 10 000, else as m·10ⁿ with the
 * mantissa keeping its trailing zero (8.0·10⁻⁷), so a column of them reads at one precision.
 */
export function sciNumber(v: number, decimal = '.', digits = 2): string {
  if (!Number.isFinite(v)) return String(v).replace('Infinity', '∞');
  if (v === 0) return '0';
  const a = Math.abs(v);
  const text = a >= 1e-4 && a < 1e4
    ? String(Number(v.toPrecision(digits)))
    : (() => {
        const [m, e] = v.toExponential(digits - 1).split('e');
        return `${m}·${power(Number(e))}`;
      })();
  return text.replace('.', decimal).replace('-', '−');
}
