import { describe, expect, it } from 'vitest';
import { FormulaError, MAX_FORMULA_LENGTH, parseFunction } from '../../src/expr';

function refusal(text: string): FormulaError {
  try {
    parseFunction(text);
  } catch (e) {
    expect(e).toBeInstanceOf(FormulaError);
    return e as FormulaError;
  }
  throw new Error(`${JSON.stringify(text)} was accepted`);
}

// [formula, code, a piece of the message, index (0-based) or undefined when no position is expected]
const refused: [string, string, string, number | undefined][] = [
  ['', 'empty', 'empty', undefined],
  ['   \t ', 'empty', 'empty', undefined],
  ['# only a comment', 'empty', 'empty', undefined],
  ['x'.repeat(612), 'too-long', 'Formula is too long (612 characters; at most 500)', undefined],
  ['('.repeat(41) + 'x' + ')'.repeat(41), 'too-deep', 'nested parentheses', 40],
  ['x + 1e999', 'number-too-large', '1e999', 4],
  ['Infinity * x', 'not-a-number', '"Infinity"', 0],
  ['x + NaN', 'not-a-number', '"NaN"', 4],
  ['x + true', 'not-a-number', '"true"', 4],
  ['x + null', 'not-a-number', '"null"', 4],
  ['(x + 1', 'missing-parenthesis', 'Missing closing parenthesis', 0],
  ['x * sin(y', 'missing-parenthesis', 'character 8', 7],
  ['x + y)', 'unmatched-parenthesis', 'no matching "("', 5],
  ['x +', 'incomplete', 'incomplete', 3],
  ['x + * y', 'unexpected', 'Unexpected "*"', 4],
  ['x @ y', 'unexpected', 'Unexpected "@"', 2],
  ['x**2', 'power-operator', '"**" is not an operator here: write powers with ^', 1],
  ['(1-x)^2 + 100*(y-x**2)**2', 'power-operator', 'for example x^2', 18],
  ['x * * y', 'power-operator', 'write powers with ^', 2],
  ['x²', 'unexpected', 'Unexpected "²"', 1],
  ['a = 1', 'assignment', 'Assignments are not allowed: type only an expression in x and y', 2],
  ['x = y', 'assignment', 'Assignments are not allowed', 2],
  ['2 = x', 'assignment', 'Assignments', 2],
  ['f(x) = x^2', 'function-definition', 'Function definitions are not allowed', 5],
  ['x + "str"', 'string', 'quotes', 4],
  ["x + 'str'", 'string', 'quotes', 4],
  ['x + "open', 'string', 'quotes', 4],
  ['[1, 2]', 'matrix', 'Matrices', 0],
  ['x + [1, 2', 'matrix', 'Matrices', 4],
  ['{a: 1}', 'object', 'Objects', 0],
  ['x + a.b', 'property-access', 'Property access', 5],
  ['x.constructor', 'property-access', 'Property access', 1],
  ['x + a[1]', 'index', 'Indexing', 5],
  ['1:3', 'range', 'Ranges', 1],
  ['x > 0 ? x : y', 'conditional', 'Conditions', 6],
  ['x == y', 'comparison', '"=="', 2],
  ['x + (y <= 2)', 'comparison', '"<="', 7],
  ['x < y < 2', 'comparison', '"<"', 2],
  ['x and y', 'logical', '"and"', 2],
  ['not x', 'logical', '"not"', 0],
  ['x!', 'factorial', 'Factorial', 1],
  ['x mod 3', 'modulo', '"mod"', 2],
  ['x % 3', 'modulo', '"%"', 2],
  ['50% * x', 'percent', 'Percent', 2],
  ["x'", 'transpose', 'Transpose', 1],
  ['x & y', 'operator-not-allowed', '"&"', 2],
  ['x .* y', 'operator-not-allowed', '".*"', 2],
  ['x to y', 'operator-not-allowed', '"to"', 2],
  ['x; y', 'several-expressions', 'one expression', 1],
  ['x\ny', 'several-expressions', 'one expression', 1],
  ['x + z', 'unknown-name', 'Unknown name "z": use x, y, pi or e', 4],
  ['foo * x', 'unknown-name', 'Unknown name "foo"', 0],
  ['5 cm', 'unknown-name', 'Unknown name "cm"', 2],
  ['2x + x2', 'unknown-name', 'Unknown name "x2"', 5],
  ['PI * x', 'unknown-name', 'Unknown name "PI"', 0],
  ['xy + 1', 'missing-multiplication', 'write x*y for a product', 0],
  ['sin + x', 'missing-argument', 'sin(x)', 0],
  ['foo(x)', 'function-not-allowed', '"foo" is not allowed: only elementary functions such as sin, exp, log, sqrt', 0],
  ['x + import(x)', 'function-not-allowed', '"import" is not allowed', 4],
  ['gamma(x)', 'function-not-allowed', '"gamma"', 0],
  ['sec(x)', 'function-not-allowed', '"sec"', 0],
  ['sign(x)', 'function-not-allowed', '"sign"', 0],
  ['x(y + 1)', 'variable-call', 'write x*(...)', 0],
  ['pi(2)', 'variable-call', '"pi" is not a function', 0],
  ['sin(x, y)', 'wrong-arity', '"sin" takes exactly one argument', 0],
  ['log(x, 2)', 'wrong-arity', 'log(x)/log(b)', 0],
  ['sqrt()', 'wrong-arity', '"sqrt"', 0],
];

describe('parseFunction refuses, with a code, a message and a position', () => {
  for (const [text, code, message, index] of refused) {
    it(`${JSON.stringify(text.length > 40 ? text.slice(0, 40) + '…' : text)} → ${code}`, () => {
      const e = refusal(text);
      expect(e.code).toBe(code);
      expect(e.message).toContain(message);
      expect(e.name).toBe('FormulaError');
      expect(e.index).toBe(index);
      if (index !== undefined) {
        expect(e.length).toBeGreaterThanOrEqual(0);
        expect(index + e.length!).toBeLessThanOrEqual(text.length);
      }
      expect(e.params).toBeTypeOf('object');
    });
  }

  it('the length limit is 500 characters, inclusive', () => {
    expect(MAX_FORMULA_LENGTH).toBe(500);
    const ok = 'x' + ' '.repeat(498) + 'y';
    expect(parseFunction(ok.replace(/ {3}/, ' + ')).f([1, 2])).toBe(3);
    expect(refusal(ok + ' ').code).toBe('too-long');
    expect(refusal(ok + ' ').params).toEqual({ length: 501, max: 500 });
  });

  it('40 levels of parentheses are fine, 41 are too deep', () => {
    expect(parseFunction('('.repeat(40) + 'x' + ')'.repeat(40)).f([2, 0])).toBe(2);
    expect(parseFunction('sin('.repeat(40) + 'x' + ')'.repeat(40)).f([0, 0])).toBe(0);
    expect(refusal('sin('.repeat(41) + 'x' + ')'.repeat(41)).code).toBe('too-deep');
  });

  it('names are located as whole words, not inside longer names', () => {
    expect(refusal('xz + z').index).toBe(0);
    expect(refusal('sinh(x) + sinhx').index).toBe(10);
    expect(refusal('zz + z').params).toEqual({ name: 'zz' });
  });

  it('params carry what a translation needs', () => {
    expect(refusal('x + z').params).toEqual({ name: 'z' });
    expect(refusal('xy').params).toEqual({ name: 'xy', product: 'x*y' });
    expect(refusal('(x + 1').params).toEqual({ position: 1 });
    expect(refusal('x + 1e999').params).toEqual({ text: '1e999' });
  });

  it('a gradient too expensive to evaluate is refused', () => {
    const tower = Array(200).fill('x').join('^');
    const e = refusal(tower);
    expect(e.code).toBe('too-complex');
    // Long products: 96 factors cost ~100 µs a gradient, 0.2 s a run of 2,000 steps on each move of η.
    const product = (n: number) => Array.from({ length: n }, (_, i) => `(x+${i % 9})`).join('*');
    expect(refusal(Array.from({ length: 96 }, (_, i) => (i % 2 ? 'y' : 'x')).join('*')).code).toBe('too-complex');
    expect(refusal(product(40)).code).toBe('too-complex');
    // What the lecture's examples need passes: Goldstein–Price, a product of 20 factors.
    expect(() => parseFunction(product(20))).not.toThrow();
    expect(() => parseFunction('(1+(x+y+1)^2*(19-14*x+3*x^2-14*y+6*x*y+3*y^2))*(30+(2*x-3*y)^2*(18-32*x+12*x^2+48*y-36*x*y+27*y^2))')).not.toThrow();
  });
});
