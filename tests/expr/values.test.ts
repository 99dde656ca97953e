import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Vec2 } from '../../src/core';
import { parseFunction } from '../../src/expr';

type Case = { text: string; f: (x: number, y: number) => number; g: (x: number, y: number) => Vec2 };

const sech2 = (t: number) => 1 / Math.cosh(t) ** 2;

const cases: Case[] = [
  { text: 'x^2 + 10*y^2', f: (x, y) => x * x + 10 * y * y, g: (x, y) => [2 * x, 20 * y] },
  {
    text: '(1-x)^2 + 100(y-x^2)^2',
    f: (x, y) => (1 - x) ** 2 + 100 * (y - x * x) ** 2,
    g: (x, y) => [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)],
  },
  {
    text: 'sin(x)*cos(y)',
    f: (x, y) => Math.sin(x) * Math.cos(y),
    g: (x, y) => [Math.cos(x) * Math.cos(y), -Math.sin(x) * Math.sin(y)],
  },
  { text: '2x y', f: (x, y) => 2 * x * y, g: (x, y) => [2 * y, 2 * x] },
  {
    text: 'exp(-(x^2 + y^2))',
    f: (x, y) => Math.exp(-(x * x + y * y)),
    g: (x, y) => [-2 * x * Math.exp(-(x * x + y * y)), -2 * y * Math.exp(-(x * x + y * y))],
  },
  {
    text: 'log(1 + x^2 + y^2) + sqrt(x^2 + y^2 + 1)',
    f: (x, y) => Math.log(1 + x * x + y * y) + Math.sqrt(x * x + y * y + 1),
    g: (x, y) => {
      const r = 1 + x * x + y * y;
      return [(2 * x) / r + x / Math.sqrt(r), (2 * y) / r + y / Math.sqrt(r)];
    },
  },
  {
    text: '(x^2 + y - 11)^2 + (x + y^2 - 7)^2',
    f: (x, y) => (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2,
    g: (x, y) => [
      4 * x * (x * x + y - 11) + 2 * (x + y * y - 7),
      2 * (x * x + y - 11) + 4 * y * (x + y * y - 7),
    ],
  },
  {
    text: '(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2',
    f: (x, y) => (1.5 - x + x * y) ** 2 + (2.25 - x + x * y ** 2) ** 2 + (2.625 - x + x * y ** 3) ** 2,
    g: (x, y) => {
      const a = 1.5 - x + x * y, b = 2.25 - x + x * y ** 2, c = 2.625 - x + x * y ** 3;
      return [
        2 * a * (y - 1) + 2 * b * (y ** 2 - 1) + 2 * c * (y ** 3 - 1),
        2 * a * x + 4 * b * x * y + 6 * c * x * y ** 2,
      ];
    },
  },
  {
    text: 'tanh(x) + cosh(y) - sinh(x*y)',
    f: (x, y) => Math.tanh(x) + Math.cosh(y) - Math.sinh(x * y),
    g: (x, y) => [sech2(x) - y * Math.cosh(x * y), Math.sinh(y) - x * Math.cosh(x * y)],
  },
  {
    text: 'tan(x/2) + asin(y/2) + acos(x/3) + atan(x*y)',
    f: (x, y) => Math.tan(x / 2) + Math.asin(y / 2) + Math.acos(x / 3) + Math.atan(x * y),
    g: (x, y) => [
      0.5 / Math.cos(x / 2) ** 2 - 1 / 3 / Math.sqrt(1 - (x / 3) ** 2) + y / (1 + (x * y) ** 2),
      0.5 / Math.sqrt(1 - (y / 2) ** 2) + x / (1 + (x * y) ** 2),
    ],
  },
  {
    text: 'log10(x^2 + 1) + log2(y^2 + 1) + ln(2 + x)',
    f: (x, y) => Math.log10(x * x + 1) + Math.log2(y * y + 1) + Math.log(2 + x),
    g: (x, y) => [(2 * x) / ((x * x + 1) * Math.LN10) + 1 / (2 + x), (2 * y) / ((y * y + 1) * Math.LN2)],
  },
  {
    text: 'abs(x) + cbrt(y)',
    f: (x, y) => Math.abs(x) + Math.cbrt(y),
    g: (x, y) => [Math.sign(x), 1 / (3 * Math.cbrt(y) ** 2)],
  },
  {
    text: '-x^2 + pi*y - e^x + π',
    f: (x, y) => -(x * x) + Math.PI * y - Math.exp(x) + Math.PI,
    g: (x) => [-2 * x - Math.exp(x), Math.PI],
  },
  { text: '2^x * y', f: (x, y) => 2 ** x * y, g: (x, y) => [Math.LN2 * 2 ** x * y, 2 ** x] },
  { text: '+x - -y / 4', f: (x, y) => x + y / 4, g: () => [1, 0.25] },
  { text: '3', f: () => 3, g: () => [0, 0] },
];

const close = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));
// Points away from 0, where abs and cbrt are not differentiable; |x|, |y| ≤ 1.5 keeps ln(2 + x), asin(y/2) defined.
const coord = fc.double({ min: 0.01, max: 1.5, noNaN: true }).chain((m) => fc.constantFrom(m, -m));

describe('parseFunction: values and gradients', () => {
  for (const c of cases) {
    it(`${c.text} matches hand-written JS and central differences`, () => {
      const o = parseFunction(c.text);
      fc.assert(
        fc.property(coord, coord, (x, y) => {
          const p: Vec2 = [x, y];
          expect(close(o.f(p), c.f(x, y), 1e-12)).toBe(true);
          const [gx, gy] = o.grad(p);
          const [hx, hy] = c.g(x, y);
          expect(close(gx, hx, 1e-9), `∂x ${gx} vs ${hx}`).toBe(true);
          expect(close(gy, hy, 1e-9), `∂y ${gy} vs ${hy}`).toBe(true);
          const h = 1e-6;
          const cx = (o.f([x + h, y]) - o.f([x - h, y])) / (2 * h);
          const cy = (o.f([x, y + h]) - o.f([x, y - h])) / (2 * h);
          expect(close(gx, cx, 1e-5), `∂x ${gx} vs central ${cx}`).toBe(true);
          expect(close(gy, cy, 1e-5), `∂y ${gy} vs central ${cy}`).toBe(true);
        }),
        { numRuns: 100 },
      );
    });
  }
});

describe('parseFunction: real number semantics', () => {
  it('log of a negative number is NaN, not a complex number or a throw', () => {
    const o = parseFunction('log(x)');
    expect(o.f([-1, 0])).toBeNaN();
    expect(typeof o.grad([-1, 0])[0]).toBe('number');
  });
  it('1/x at 0 is Infinity', () => {
    const o = parseFunction('1/x');
    expect(o.f([0, 0])).toBe(Infinity);
    expect(o.grad([0, 0])[0]).toBe(-Infinity);
  });
  it('powers follow Math.pow: (-8)^(1/3) is NaN, while cbrt(-8) is -2', () => {
    expect(parseFunction('x^(1/3)').f([-8, 0])).toBeNaN();
    expect(parseFunction('y + (x - 1)^(1/3)').f([0, 0])).toBeNaN();
    expect(parseFunction('cbrt(x)').f([-8, 0])).toBe(-2);
  });
  it('refuses a formula with no finite value on the plane it is drawn on, and keeps one finite in part of it', () => {
    for (const text of ['1/0', '(-8)^(1/3)', 'sqrt(-1 - x^2)', 'log(-1 - x^2 - y^2)', 'exp(1e6) * x']) {
      expect(() => parseFunction(text), text).toThrow(expect.objectContaining({ code: 'nowhere-finite' }));
    }
    expect(() => parseFunction('1/0')).toThrow('The formula has no finite value anywhere for -3 ≤ x, y ≤ 3: there is nothing to descend');
    for (const text of ['log(x) + y^2', 'x^0.5 + y^2', 'exp(1000*x)', '1/x + y^2']) expect(() => parseFunction(text), text).not.toThrow();
  });
  it('the gradient of cbrt is finite for negative arguments', () => {
    expect(parseFunction('cbrt(x)').grad([-8, 0])[0]).toBeCloseTo(1 / 12, 14);
  });
  it('the gradient of abs at 0 is 0 (a subgradient), not NaN', () => {
    expect(parseFunction('abs(x) + abs(y)').grad([0, 0])).toEqual([0, 0]);
    expect(parseFunction('abs(x - 1)').grad([3, 0])).toEqual([1, 0]);
  });
  it('a user-typed abs(x)/x keeps its own value (NaN at 0)', () => {
    expect(parseFunction('abs(x)/x').f([0, 0])).toBeNaN();
    expect(parseFunction('abs(x)/x').f([-2, 0])).toBe(-1);
  });
  it('a formula without x and y is a valid constant function', () => {
    const o = parseFunction('pi^2 + e');
    expect(o.f([5, -7])).toBeCloseTo(Math.PI ** 2 + Math.E, 14);
    expect(o.grad([5, -7])).toEqual([0, 0]);
  });
  it('unary minus binds looser than ^, and implicit multiplication works', () => {
    expect(parseFunction('-x^2').f([3, 0])).toBe(-9);
    expect(parseFunction('2(x+1)(y-1)').f([1, 3])).toBe(8);
    expect(parseFunction('x y^2').f([2, 3])).toBe(18);
  });
  it('comments and surrounding spaces are fine', () => {
    expect(parseFunction('  x + y  # a plane').f([1, 2])).toBe(3);
  });
  it('long but reasonable formulas are accepted', () => {
    const goldstein =
      '(1+(x+y+1)^2*(19-14x+3x^2-14y+6x*y+3y^2))*(30+(2x-3y)^2*(18-32x+12x^2+48y-36x*y+27y^2))';
    expect(parseFunction(goldstein).f([0, -1])).toBe(3);
    expect(parseFunction(Array(100).fill('x*y').join('+')).f([1, 2])).toBe(200);
  });
});

// Random smooth formulas, built together with the same function in plain JS.
type Gen = { text: string; js: (x: number, y: number) => number };
const { formula } = fc.letrec<{ formula: Gen; leaf: Gen; node: Gen }>((tie) => ({
  leaf: fc.constantFrom<Gen>(
    { text: 'x', js: (x) => x },
    { text: 'y', js: (_x, y) => y },
    { text: '0.5', js: () => 0.5 },
    { text: '3', js: () => 3 },
    { text: 'pi', js: () => Math.PI },
  ),
  node: fc.oneof(
    fc.tuple(fc.constantFrom('sin', 'cos', 'atan', 'tanh', 'exp'), tie('formula')).map(([fn, a]): Gen => {
      const m = Math[fn as 'sin'];
      // exp is kept bounded so that central differences stay meaningful
      return fn === 'exp'
        ? { text: `exp(sin(${a.text}))`, js: (x, y) => Math.exp(Math.sin(a.js(x, y))) }
        : { text: `${fn}(${a.text})`, js: (x, y) => m(a.js(x, y)) };
    }),
    fc.tuple(fc.constantFrom('+', '-', '*'), tie('formula'), tie('formula')).map(([op, a, b]): Gen => ({
      text: `(${a.text} ${op} ${b.text})`,
      js: op === '+' ? (x, y) => a.js(x, y) + b.js(x, y) : op === '-' ? (x, y) => a.js(x, y) - b.js(x, y) : (x, y) => a.js(x, y) * b.js(x, y),
    })),
    fc.tuple(tie('formula'), tie('formula')).map(([a, b]): Gen => ({
      text: `${a.text} / (1 + (${b.text})^2)`,
      js: (x, y) => a.js(x, y) / (1 + b.js(x, y) ** 2),
    })),
    tie('formula').map((a): Gen => ({ text: `-(${a.text})^2`, js: (x, y) => -(a.js(x, y) ** 2) })),
  ),
  formula: fc.oneof({ depthSize: 'medium', maxDepth: 6, withCrossShrink: true }, tie('leaf'), tie('node')),
}));

describe('parseFunction: random smooth formulas', () => {
  it('values equal the same formula in JS; gradients equal central differences', () => {
    fc.assert(
      fc.property(formula, coord, coord, (g, x, y) => {
        const o = parseFunction(g.text);
        const v = o.f([x, y]);
        expect(close(v, g.js(x, y), 1e-12), `${g.text}: ${v} vs ${g.js(x, y)}`).toBe(true);
        const [gx, gy] = o.grad([x, y]);
        const h = 1e-6;
        const cx = (g.js(x + h, y) - g.js(x - h, y)) / (2 * h);
        const cy = (g.js(x, y + h) - g.js(x, y - h)) / (2 * h);
        const tol = 1e-5 * (1 + Math.abs(v));
        expect(Math.abs(gx - cx) <= tol * (1 + Math.abs(cx)), `${g.text} ∂x ${gx} vs ${cx}`).toBe(true);
        expect(Math.abs(gy - cy) <= tol * (1 + Math.abs(cy)), `${g.text} ∂y ${gy} vs ${cy}`).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
