import type { MathNode } from 'mathjs';
// The number-only build with just parse and derivative: about a quarter of the full bundle, and a
// private instance, so nothing here can reach or change mathjs's default instance.
import { create, derivativeDependencies, parseDependencies } from 'mathjs/number';
import type { Objective, Vec2 } from '../core';
import { compile, type ExprNode, type Fn } from './compile';
import { FormulaError } from './errors';
import { findPattern, findTooDeep, findUnclosed } from './locate';

export const MAX_FORMULA_LENGTH = 500;
export const MAX_NESTING = 40;
/**
 * Nodes in both gradient trees together, which bounds the work of one gradient evaluation (~5 ns a node:
 * ~20 µs), so that a run of 2,000 steps, resimulated on every move of its η slider, stays within ~40 ms.
 * mathjs's unsimplified derivative can grow quadratically (x*y*x*y*…, x^x^x^…); Goldstein–Price needs 526.
 */
export const MAX_GRADIENT_NODES = 4_000;

const math = create({ parseDependencies, derivativeDependencies });

/** Where a typed formula is drawn until the user sets a box: most textbook examples live there. */
export const FORMULA_VIEW: { x: [number, number]; y: [number, number] } = { x: [-3, 3], y: [-3, 3] };

/**
 * Turns a formula in x and y, typed by a user, into an objective with its exact (symbolic) gradient.
 * Throws FormulaError, and nothing else, for anything that is not a valid function of x and y.
 */
export function parseFunction(text: string): Objective {
  try {
    return build(typeof text === 'string' ? text : '');
  } catch (e) {
    if (e instanceof FormulaError) throw e;
    // A stack overflow is the only failure we expect here; anything else is reported as unreadable.
    if (e instanceof RangeError) throw new FormulaError('too-deep', { max: MAX_NESTING });
    throw new FormulaError('syntax', { position: 1 });
  }
}

function build(text: string): Objective {
  if (text.length > MAX_FORMULA_LENGTH) {
    throw new FormulaError('too-long', { length: text.length, max: MAX_FORMULA_LENGTH });
  }
  if (text.trim() === '') throw new FormulaError('empty');
  const deep = findTooDeep(text, MAX_NESTING);
  if (deep !== undefined) throw new FormulaError('too-deep', { max: MAX_NESTING }, deep, 1);

  let tree: ExprNode;
  try {
    tree = math.parse(text) as unknown as ExprNode;
  } catch (e) {
    throw syntaxError(e, text);
  }
  const f = compile(tree, { text });
  if (!finiteSomewhere(f)) throw new FormulaError('nowhere-finite', { from: FORMULA_VIEW.x[0], to: FORMULA_VIEW.x[1] });

  let gx: Fn, gy: Fn;
  try {
    const input = forDerivative(tree);
    const source = new Set<ExprNode>();
    const collect = (n: ExprNode) => {
      source.add(n);
      n.forEach(collect);
    };
    collect(input);
    const budget = { left: MAX_GRADIENT_NODES };
    const grad = (v: string) => {
      const d = math.derivative(input as unknown as MathNode, v, { simplify: false }) as unknown as ExprNode;
      return compile(d, { text, source, budget });
    };
    gx = grad('x');
    gy = grad('y');
  } catch (e) {
    if (e instanceof FormulaError && e.code === 'too-complex') throw e;
    throw new FormulaError('not-differentiable');
  }
  return {
    f: (p: Vec2) => f(p[0], p[1]),
    grad: (p: Vec2): Vec2 => [gx(p[0], p[1]), gy(p[0], p[1])],
  };
}

/**
 * Whether f has a finite value somewhere on a 9 × 9 grid over FORMULA_VIEW: 1/0 or sqrt(-1 - x^2) has none,
 * and every run of it would diverge at its start with nothing to see.
 */
function finiteSomewhere(f: Fn): boolean {
  const { x, y } = FORMULA_VIEW;
  for (let i = 0; i <= 8; i++) {
    for (let j = 0; j <= 8; j++) {
      if (Number.isFinite(f(x[0] + ((x[1] - x[0]) * i) / 8, y[0] + ((y[1] - y[0]) * j) / 8))) return true;
    }
  }
  return false;
}

/** Rewrites the functions mathjs's derivative does not know: ln(u) → log(u), log2(u) → log(u)/log(2). */
function forDerivative(node: ExprNode): ExprNode {
  const m = node as unknown as MathNode;
  const mapped = m.map((child) => forDerivative(child as unknown as ExprNode) as unknown as MathNode);
  const n = mapped as unknown as ExprNode;
  if (n.type !== 'FunctionNode' || typeof n.fn !== 'object') return n;
  const args = n.args as unknown as MathNode[];
  if (n.fn.name === 'ln') return new math.FunctionNode('log', args) as unknown as ExprNode;
  if (n.fn.name === 'log2') {
    const log2 = new math.FunctionNode('log', [new math.ConstantNode(2)]);
    return new math.OperatorNode('/', 'divide', [new math.FunctionNode('log', args), log2]) as unknown as ExprNode;
  }
  return n;
}

// mathjs SyntaxErrors carry `char`, a 1-based position; map their messages to our codes, pointing at
// the construct's first character when it has one.
const SYNTAX: [RegExp, 'assignment' | 'matrix' | 'object' | 'conditional' | 'string', RegExp | null][] = [
  [/assign/i, 'assignment', null],
  [/matrix|Parenthesis \] expected|Column dimensions/, 'matrix', /\[/],
  [/object key|bracket \}/, 'object', /\{/],
  [/conditional/, 'conditional', /\?/],
  [/End of string|escape character|unicode character/, 'string', /["']/],
];

function syntaxError(e: unknown, text: string): FormulaError {
  const message = e instanceof Error ? e.message : '';
  const char = (e as { char?: unknown } | null)?.char;
  const index = Math.min(Math.max(typeof char === 'number' ? char - 1 : 0, 0), text.length);
  const position = index + 1;
  // Python's and JavaScript's power operator: the most common slip, worth its own hint.
  const pow = /\*\s*\*/.exec(text);
  if (pow) return new FormulaError('power-operator', {}, pow.index, pow[0].length);
  if (message.startsWith('Parenthesis ) expected')) {
    const open = findUnclosed(text, index);
    if (open !== undefined) return new FormulaError('missing-parenthesis', { position: open + 1 }, open, 1);
  }
  if (message.startsWith('Unexpected operator )')) {
    return new FormulaError('unmatched-parenthesis', { position }, index, 1);
  }
  for (const [re, code, start] of SYNTAX) {
    if (re.test(message)) return new FormulaError(code, {}, (start && findPattern(text, start)) ?? index, 1);
  }
  if (index >= text.trimEnd().length) return new FormulaError('incomplete', {}, index, 0);
  if (/^(Value expected|Unexpected|Syntax error in part|Digit expected)/.test(message)) {
    const token = String.fromCodePoint(text.codePointAt(index)!);
    return new FormulaError('unexpected', { token, position }, index, token.length);
  }
  return new FormulaError('syntax', { position }, index, 1);
}
