// eˣ and ln(1 + x) from + − × ÷ alone, as rng.ts's log: Math.exp and Math.log1p are approximations that
// differ between JavaScript engines, and a link must draw the same logistic-regression path in every browser.

// ln 2 split as fdlibm splits it: k · LN2_HI is exact for the k that occur here, so a − k ln 2 keeps its digits.
const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;

/** 2^(−k) for k = 0 … 1075, by halving: exact powers of two, so scaling by one only moves the exponent. */
const HALVES = new Float64Array(1076);
HALVES[0] = 1;
for (let k = 1; k < HALVES.length; k++) HALVES[k] = HALVES[k - 1] / 2;

/** e^(−a) for a ≥ 0: a = k ln 2 + r with r in [0, ln 2), e^(−r) by its Taylor series, then times 2^(−k). */
export function expNeg(a: number): number {
  if (!(a < 746)) return a === a ? 0 : NaN; // below the smallest subnormal double
  const k = Math.floor(a / (LN2_HI + LN2_LO));
  const r = a - k * LN2_HI - k * LN2_LO;
  let term = 1, sum = 1;
  for (let j = 1; j <= 20; j++) {
    term *= -r / j;
    sum += term;
  }
  return sum * HALVES[k];
}

/** ln(1 + u) for u in [0, 1] as 2 atanh(z), z = u / (2 + u) ≤ 1/3, by its series: no 1 + u to drop u's digits. */
export function log1p(u: number): number {
  const z = u / (2 + u), z2 = z * z;
  let term = z, sum = z;
  for (let k = 3; k <= 41; k += 2) {
    term *= z2;
    sum += term / k;
  }
  return 2 * sum;
}
