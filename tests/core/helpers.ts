// Shared fixtures for the engine's tests. Deliberately independent of the code under test where that
// matters: finite differences, hand-written iterations and a tiny PRNG of our own for sampling points.
import { testFunctions, type FiniteSum, type Objective, type TestFunction, type Vec2 } from '../../src/core';

/** Every test function at its defaults, plus the quadratic at several κ and θ. */
export function allInstances(): { name: string; fn: TestFunction }[] {
  const out: { name: string; fn: TestFunction }[] = [];
  for (const def of testFunctions) {
    if (def.id === 'quadratic') {
      for (const kappa of [1, 2, 20, 137.5, 1000]) {
        for (const theta of [-90, -37, 0, 20, 45, 90]) {
          out.push({ name: `quadratic κ=${kappa} θ=${theta}`, fn: def.make({ kappa, theta }) });
        }
      }
    } else {
      const defaults = Object.fromEntries(Object.entries(def.params).map(([k, p]) => [k, p.default]));
      out.push({ name: def.id, fn: def.make(defaults) });
    }
  }
  return out;
}

/** mulberry32: a PRNG of the tests' own, so sampling points does not lean on the engine's rng. */
export function testRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomPointsIn(view: TestFunction['view'], count: number, seed: number): Vec2[] {
  const u = testRng(seed);
  return Array.from({ length: count }, () => [
    view.x[0] + (view.x[1] - view.x[0]) * u(),
    view.y[0] + (view.y[1] - view.y[0]) * u(),
  ] as Vec2);
}

/** Central difference of a scalar function of the plane along coordinate i. */
export function centralDiff(f: (p: Vec2) => number, p: Vec2, i: 0 | 1, h: number): number {
  const a: Vec2 = [p[0], p[1]];
  const b: Vec2 = [p[0], p[1]];
  a[i] += h;
  b[i] -= h;
  return (f(a) - f(b)) / (a[i] - b[i]);
}

/** The Jacobian of the gradient by central differences: H[i][j] = ∂g_i/∂x_j. */
export function fdHessian(grad: (p: Vec2) => Vec2, p: Vec2, h: number): [[number, number], [number, number]] {
  const col = (j: 0 | 1): Vec2 => {
    const a: Vec2 = [p[0], p[1]];
    const b: Vec2 = [p[0], p[1]];
    a[j] += h;
    b[j] -= h;
    const ga = grad(a), gb = grad(b);
    const d = a[j] - b[j];
    return [(ga[0] - gb[0]) / d, (ga[1] - gb[1]) / d];
  };
  const c0 = col(0), c1 = col(1);
  return [[c0[0], c1[0]], [c0[1], c1[1]]];
}

export const norm = (v: readonly number[]): number => Math.hypot(v[0], v[1]);
export const dist = (a: readonly number[], b: readonly number[]): number => Math.hypot(a[0] - b[0], a[1] - b[1]);

/** Asserts bit-for-bit equality of two lists of points, with a message naming the first difference. */
export function firstDifference(a: readonly Vec2[], b: readonly Vec2[]): string | null {
  if (a.length !== b.length) return `lengths ${a.length} ≠ ${b.length}`;
  for (let t = 0; t < a.length; t++) {
    for (const i of [0, 1] as const) {
      if (!Object.is(a[t][i], b[t][i])) return `t=${t}, coordinate ${i}: ${a[t][i]} vs ${b[t][i]}`;
    }
  }
  return null;
}

/**
 * A fake finite sum that records every batch it is asked for: f_i(x) = f(x) + ⟨ξ_i, x⟩ with ξ_i
 * chosen by the test, and a log of the sample indices and points of each batchGrad call.
 */
export function spyFiniteSum(
  base: Objective,
  xi: readonly Vec2[],
): FiniteSum & { calls: { p: Vec2; idx: number[] }[] } {
  const calls: { p: Vec2; idx: number[] }[] = [];
  return {
    n: xi.length,
    f: base.f,
    grad: base.grad,
    calls,
    batchGrad(p, idx, from, count) {
      const taken = Array.from({ length: count }, (_, k) => idx[from + k]);
      calls.push({ p: [p[0], p[1]], idx: taken });
      const g = base.grad(p);
      let sx = 0, sy = 0;
      for (const i of taken) {
        sx += xi[i][0];
        sy += xi[i][1];
      }
      return [g[0] + sx / count, g[1] + sy / count];
    },
  };
}

/** ½ (a x² + b y²): a quadratic whose runs are easy to follow by hand. */
export function diagQuadratic(a: number, b: number): Objective {
  return {
    f: ([x, y]) => 0.5 * (a * x * x + b * y * y),
    grad: ([x, y]) => [a * x, b * y],
  };
}

/** The largest gap between two trajectories, per coordinate, relative to 1 + |the reference's value|. */
export function worstRelative(points: readonly (readonly number[])[], reference: readonly (readonly number[])[]): number {
  let worst = 0;
  points.forEach((p, t) => {
    for (const i of [0, 1]) worst = Math.max(worst, Math.abs(p[i] - reference[t][i]) / (1 + Math.abs(reference[t][i])));
  });
  return worst;
}

/** The objectives of tests/core/reference/torch_reference.py, written out as it has them, apart from the engine's test functions. */
export const torchObjectives: Record<string, Objective> = {
  rosenbrock: {
    f: ([x, y]) => (1 - x) ** 2 + 100 * (y - x * x) ** 2,
    grad: ([x, y]) => [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)],
  },
  // An elongated quadratic, rotated 30°: curvatures 1 and 1/50 along the rotated axes.
  ravine: (() => {
    const c = Math.cos(Math.PI / 6), s = Math.sin(Math.PI / 6);
    const uv = ([x, y]: Vec2) => [c * x + s * y, -s * x + c * y];
    return {
      f: (p: Vec2) => {
        const [u, v] = uv(p);
        return 0.5 * (u * u + (v * v) / 50);
      },
      grad: (p: Vec2): Vec2 => {
        const [u, v] = uv(p);
        return [c * u - (s * v) / 50, s * u + (c * v) / 50];
      },
    };
  })(),
};
