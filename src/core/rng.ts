// Seeded PRNG for everything random in the engine, so a seed fixes a trajectory bit for bit.
// sfc32 seeded through splitmix32: small, fast, and well-behaved on statistical test batteries.
// Only + − × ÷ and √ are used, which IEEE 754 rounds exactly: Math.log and Math.cos are approximations
// that differ between JavaScript engines and versions, and a seed must give the same noise in every
// browser, this year and in ten.

export interface Rng {
  /** Uniform in [0, 1) with 32 random bits. */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Standard normal (Marsaglia's polar method). */
  normal(): number;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function createRng(seed: number): Rng {
  const mix = splitmix32(seed);
  let a = mix(), b = mix(), c = mix(), d = mix();
  const u32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  const next = () => u32() / 4294967296;
  return {
    next,
    int: (n) => Math.floor(next() * n),
    normal() {
      // A point uniform in the unit disc, scaled: no cosine needed. The second normal it gives is
      // dropped, so a draw's place in the sequence never depends on what was drawn before.
      for (;;) {
        const u = 2 * next() - 1, v = 2 * next() - 1;
        const s = u * u + v * v;
        if (s > 0 && s < 1) return u * Math.sqrt((-2 * log(s)) / s);
      }
    },
  };
}

const LN2 = 0.6931471805599453;
const SQRT2 = 1.4142135623730951;

/**
 * The natural logarithm of x in (0, 1), from + − × ÷ alone, to within a few units in the last place:
 * x = m · 2^e with m in [√2/2, √2), and ln m = 2 atanh z, z = (m − 1)/(m + 1), |z| < 0.172, by its series.
 */
export function log(x: number): number {
  let m = x, e = 0;
  while (m < SQRT2 / 2) {
    m *= 2; // exact: a power of two only moves the exponent
    e--;
  }
  const z = (m - 1) / (m + 1), z2 = z * z;
  let term = z, sum = z;
  for (let k = 3; k <= 41; k += 2) {
    term *= z2;
    sum += term / k;
  }
  return 2 * sum + e * LN2;
}

/** Fisher–Yates shuffle in place. */
export function shuffle(a: Uint32Array, rng: Rng): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
