import fc from 'fast-check';
import * as mathjs from 'mathjs';
import { describe, expect, it } from 'vitest';
import { FormulaError, parseFunction } from '../../src/expr';

const hostile = [
  'import({}, {override: true})',
  'import({evaluate: 1}, {override: true}); x',
  'evaluate("1")',
  'parse("x")',
  'compile("x")',
  'simplify("x")',
  'derivative("x^2", "x")',
  'resolve(x)',
  'createUnit("foo")',
  'config({})',
  'config({number: "BigNumber"})',
  'constructor',
  '__proto__',
  'x.constructor',
  'x["constructor"]',
  'sin.constructor("return 1")',
  'cos.constructor("return 1")()',
  'cos.constructor("return globalThis.pwned = 1")(1)',
  '[1, 2]',
  '"str"',
  'f(x) = x',
  'globalThis',
  'globalThis.pwned = 1',
  'pwned = 1',
  'x.__proto__.polluted = 1',
  'x = 1',
  'toString()',
  'hasOwnProperty(x)',
  'valueOf(x)',
  'Function("return 1")',
  'eval("1")',
  'typed({})',
  'reviver("x")',
  'chain(x)',
  'help(sin)',
  'sin.toString()',
  '{}.constructor',
  'x?.constructor',
];

const codes = new Set([
  'empty', 'power-operator', 'too-long', 'too-deep', 'number-too-large', 'not-a-number', 'missing-parenthesis',
  'unmatched-parenthesis', 'incomplete', 'unexpected', 'syntax', 'assignment', 'function-definition', 'string',
  'matrix', 'object', 'property-access', 'index', 'range', 'conditional', 'comparison', 'logical', 'factorial',
  'modulo', 'percent', 'transpose', 'operator-not-allowed', 'several-expressions', 'unknown-name',
  'missing-multiplication', 'missing-argument', 'function-not-allowed', 'variable-call', 'call-not-allowed',
  'wrong-arity', 'not-allowed', 'not-differentiable', 'too-complex',
]);

/** Either a working objective, or a well-formed FormulaError; anything else fails the test. */
function check(text: string): void {
  let o;
  try {
    o = parseFunction(text);
  } catch (e) {
    expect(e).toBeInstanceOf(FormulaError);
    const err = e as FormulaError;
    expect(codes.has(err.code), err.code).toBe(true);
    expect(err.message.length).toBeGreaterThan(0);
    if (err.index !== undefined) {
      expect(err.index).toBeGreaterThanOrEqual(0);
      expect(err.index).toBeLessThanOrEqual(text.length);
    }
    return;
  }
  expect(typeof o.f([0.5, -0.25])).toBe('number');
  const g = o.grad([0.5, -0.25]);
  expect(g).toHaveLength(2);
  expect(typeof g[0] + typeof g[1]).toBe('numbernumber');
}

describe('security', () => {
  it('formulas that try to reach mathjs or JavaScript are refused, and nothing changes', () => {
    const globals = Object.getOwnPropertyNames(globalThis).sort();
    const objectProto = Object.getOwnPropertyNames(Object.prototype).sort();
    // The default instance's config() and import() exist at runtime but not in the module's types.
    const instance = mathjs as unknown as { config: () => object; import: unknown };
    const config = JSON.stringify(instance.config());
    const { evaluate, parse } = mathjs;
    const importFn = instance.import;

    for (const text of hostile) {
      expect(() => parseFunction(text), text).toThrow(FormulaError);
    }

    expect(Object.getOwnPropertyNames(globalThis).sort()).toEqual(globals);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(objectProto);
    expect('pwned' in globalThis).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(instance.config())).toBe(config);
    expect(mathjs.evaluate).toBe(evaluate);
    expect(instance.import).toBe(importFn);
    expect(mathjs.parse).toBe(parse);
    expect(mathjs.evaluate('1 + 1')).toBe(2);
  });

  it('refusals of mathjs functions say which name is not allowed', () => {
    for (const name of ['import', 'evaluate', 'createUnit', 'config', 'simplify', 'derivative', 'resolve', 'compile']) {
      const text = `${name}(x)`;
      try {
        parseFunction(text);
        expect.unreachable(text);
      } catch (e) {
        expect((e as FormulaError).code).toBe('function-not-allowed');
        expect((e as FormulaError).message).toContain(`"${name}" is not allowed`);
      }
    }
  });
});

const tokens = [
  'x', 'y', 'pi', 'e', 'π', 'z', 'foo', '0', '1', '2.5', '1e999', '.5', '0x1F', '+', '-', '*', '/', '^', '(', ')',
  '[', ']', '{', '}', ',', ';', ':', '?', '=', '==', '<', '!', '%', "'", '"', '.', '#', ' ', '\n', '&', '|', 'mod',
  'and', 'sin(', 'log(', 'log2(', 'ln(', 'abs(', 'cbrt(', 'sqrt(', 'exp(', 'tanh(', 'import(', 'evaluate(',
  'constructor', '__proto__', 'f(x)=', 'Infinity', 'NaN', 'true', 'undefined', 'cm', 'x^x^', 'x*y*', '²',
];

describe('parseFunction never throws anything but FormulaError', () => {
  it('over random strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), check), { numRuns: 2000 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), check), { numRuns: 2000 });
  });

  it('over strings built from formula-like tokens', () => {
    const formulaish = fc.array(fc.constantFrom(...tokens), { maxLength: 40 }).map((t) => t.join(''));
    fc.assert(fc.property(formulaish, check), { numRuns: 2000 });
  });

  it('over long and deeply nested strings', () => {
    const long = fc.array(fc.constantFrom(...tokens), { minLength: 100, maxLength: 300 }).map((t) => t.join(''));
    fc.assert(fc.property(long, check), { numRuns: 300 });
    check('('.repeat(10_000));
    check('-'.repeat(499) + 'x');
    check('x^'.repeat(249) + 'x');
  });

  it('for input that is not a string at all (from untyped callers)', () => {
    for (const v of [undefined, null, 42, {}, []]) check(v as unknown as string);
  });
});
