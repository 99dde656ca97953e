// The allowlist walker: turns a mathjs expression tree into a plain JS closure (x, y) => number,
// refusing every node that is not a number, x, y, a named constant, + - * / ^ or an allowed function.
// Nothing is ever evaluated by mathjs, and no code is generated (no eval, no new Function).
import { FormulaError, type FormulaErrorCode, type FormulaErrorParams } from './errors';
import { findHugeNumber, findOp, findPattern, findWord } from './locate';

/** The parts of mathjs's Node classes that the walker reads. */
export interface ExprNode {
  type: string;
  name?: string;
  value?: unknown;
  op?: string;
  fn?: string | ExprNode;
  args?: ExprNode[];
  content?: ExprNode;
  isPercentage?: boolean;
  index?: { dotNotation?: boolean } | null;
  forEach(cb: (child: ExprNode) => void): void;
  equals(other: ExprNode): boolean;
  toString(): string;
}

export type Fn = (x: number, y: number) => number;

/** Functions a user may call, each with one argument. `ln` is an alias of the natural `log`. */
export const FUNCTIONS: ReadonlyMap<string, (t: number) => number> = new Map([
  ['sin', Math.sin], ['cos', Math.cos], ['tan', Math.tan],
  ['asin', Math.asin], ['acos', Math.acos], ['atan', Math.atan],
  ['sinh', Math.sinh], ['cosh', Math.cosh], ['tanh', Math.tanh],
  ['exp', Math.exp], ['log', Math.log], ['ln', Math.log], ['log10', Math.log10], ['log2', Math.log2],
  ['sqrt', Math.sqrt], ['cbrt', Math.cbrt], ['abs', Math.abs],
]);

// Functions that mathjs's derivative writes into gradients (tan' = sec², tanh' = sech²) and our sign(),
// allowed in gradient trees only.
const GRADIENT_FUNCTIONS: ReadonlyMap<string, (t: number) => number> = new Map([
  ...FUNCTIONS,
  ['sec', (t: number) => 1 / Math.cos(t)],
  ['sech', (t: number) => 1 / Math.cosh(t)],
  ['sign', Math.sign],
]);

const CONSTANTS: ReadonlyMap<string, number> = new Map([['pi', Math.PI], ['π', Math.PI], ['e', Math.E]]);

const COMPARISON = new Set(['equal', 'unequal', 'smaller', 'larger', 'smallerEq', 'largerEq', 'compare']);
const LOGICAL = new Set(['and', 'or', 'xor', 'not']);

export interface CompileOptions {
  text: string;
  /** Set when compiling a gradient: the nodes of the tree that was differentiated. */
  source?: ReadonlySet<ExprNode>;
  /** Counts the nodes compiled, which is also the work of one evaluation. */
  budget?: { left: number };
}

const constants = new WeakMap<Fn, number>();
function konst(v: number): Fn {
  const f: Fn = () => v;
  constants.set(f, v);
  return f;
}
/** Subtrees without x and y are evaluated once, at compile time. */
function fold(f: Fn, parts: Fn[]): Fn {
  return parts.every((p) => constants.has(p)) ? konst(f(0, 0)) : f;
}

function fail(code: FormulaErrorCode, params: FormulaErrorParams, index: number | undefined, length?: number): never {
  throw new FormulaError(code, params, index, index === undefined ? undefined : length);
}

function functionName(node: ExprNode): string | undefined {
  return typeof node.fn === 'object' && node.fn.type === 'SymbolNode' ? node.fn.name : undefined;
}

export function compile(node: ExprNode, opts: CompileOptions): Fn {
  const { text, budget } = opts;
  if (budget && --budget.left < 0) fail('too-complex', {}, undefined);
  const rec = (n: ExprNode) => compile(n, opts);
  switch (node.type) {
    case 'ParenthesisNode':
      return rec(node.content!);
    case 'ConstantNode':
      return constant(node.value, text);
    case 'SymbolNode': {
      const name = node.name!;
      if (name === 'x') return (x) => x;
      if (name === 'y') return (_x, y) => y;
      const c = CONSTANTS.get(name);
      if (c !== undefined) return konst(c);
      const at = findWord(text, name);
      if (FUNCTIONS.has(name)) fail('missing-argument', { name }, at, name.length);
      if (/^[xy]{2,}$/.test(name)) fail('missing-multiplication', { name, product: [...name].join('*') }, at, name.length);
      return fail('unknown-name', { name }, at, name.length);
    }
    case 'OperatorNode':
      return operator(node, opts);
    case 'FunctionNode': {
      const name = functionName(node);
      if (name === undefined) {
        if (typeof node.fn === 'object') rec(node.fn); // names the refused part, e.g. the "." of a.b(1)
        return fail('call-not-allowed', {}, undefined);
      }
      const at = findWord(text, name);
      const table = opts.source ? GRADIENT_FUNCTIONS : FUNCTIONS;
      const fn = table.get(name);
      if (fn === undefined) {
        if (name === 'x' || name === 'y' || CONSTANTS.has(name)) fail('variable-call', { name }, at, name.length);
        fail('function-not-allowed', { name }, at, name.length);
      }
      const args = node.args!;
      if (args.length !== 1) fail('wrong-arity', { name, count: args.length }, at, name.length);
      const a = rec(args[0]);
      return fold((x, y) => fn(a(x, y)), [a]);
    }
    default:
      return refuse(node, text);
  }
}

function constant(value: unknown, text: string): Fn {
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return konst(value);
    const huge = Number.isNaN(value) ? undefined : findHugeNumber(text);
    if (huge) fail('number-too-large', { text: huge.text }, huge.index, huge.text.length);
  }
  if (typeof value === 'string') {
    const quotes = [text.indexOf('"'), text.indexOf("'")].filter((i) => i >= 0);
    fail('string', {}, quotes.length ? Math.min(...quotes) : undefined, 1);
  }
  const name = String(value);
  const at = findWord(text, name);
  // mathjs reads an empty expression (or one that is only a # comment) as the constant undefined.
  if (value === undefined && at === undefined) fail('empty', {}, undefined);
  if (typeof value === 'number' || typeof value === 'boolean' || value == null) {
    fail('not-a-number', { name }, at, name.length);
  }
  return fail('not-allowed', { part: name.slice(0, 40) }, undefined);
}

function operator(node: ExprNode, opts: CompileOptions): Fn {
  const { text, source } = opts;
  const op = node.op!;
  const args = node.args!;
  const n = args.length;
  if (node.isPercentage) fail('percent', {}, findOp(text, '%'), 1);
  const fnName = node.fn as string;
  const ok =
    (n >= 2 && (fnName === 'add' || fnName === 'multiply')) ||
    (n === 2 && (fnName === 'subtract' || fnName === 'divide' || fnName === 'pow')) ||
    (n === 1 && (fnName === 'unaryMinus' || fnName === 'unaryPlus'));
  if (!ok) {
    const at = findOp(text, op);
    const where = [at, op.length] as const;
    if (COMPARISON.has(fnName)) fail('comparison', { op }, ...where);
    if (LOGICAL.has(fnName)) fail('logical', { op }, ...where);
    if (fnName === 'factorial') fail('factorial', {}, ...where);
    if (fnName === 'mod') fail('modulo', { op }, ...where);
    if (fnName === 'transpose' || fnName === 'ctranspose') fail('transpose', {}, ...where);
    fail('operator-not-allowed', { op }, ...where);
  }

  if (source) {
    // Two shapes that mathjs's derivative creates and that we evaluate more faithfully.
    // d|u| = |u|/u · du: take sign(u) instead, so the gradient of |u| at u = 0 is 0, not 0/0.
    const [a, b] = args;
    if (
      fnName === 'divide' && a.type === 'FunctionNode' && !source.has(a) &&
      functionName(a) === 'abs' && a.args!.length === 1 && a.args![0].equals(b)
    ) {
      const u = compile(b, opts);
      return fold((x, y) => Math.sign(u(x, y)), [u]);
    }
    // d cbrt(u) = du / (3 u^(2/3)): take cbrt(u)² instead, since Math.pow(u, 2/3) is NaN for u < 0.
    if (
      fnName === 'pow' && b.type === 'OperatorNode' && !source.has(b) && b.fn === 'divide' &&
      b.args![0].value === 2 && b.args![1].value === 3
    ) {
      const u = compile(a, opts);
      return fold((x, y) => Math.cbrt(u(x, y)) ** 2, [u]);
    }
  }

  const parts = args.map((arg) => compile(arg, opts));
  if (n === 1) {
    const [a] = parts;
    return fnName === 'unaryMinus' ? fold((x, y) => -a(x, y), parts) : a;
  }
  const binary = (a: Fn, b: Fn): Fn => {
    // A constant operand is common (more so in mathjs's unsimplified derivatives): save a call,
    // and drop the exact identities 1·u, u·1 and u^1.
    const ka = constants.get(a), kb = constants.get(b);
    if (ka === undefined || kb === undefined) {
      if (fnName === 'multiply' && (ka === 1 || kb === 1)) return ka === 1 ? b : a;
      if (fnName === 'pow' && kb === 1) return a;
      if (fnName === 'pow' && kb === 2) return (x, y) => { const t = a(x, y); return t * t; };
      if (fnName === 'multiply' && ka !== undefined) return (x, y) => ka * b(x, y);
      if (fnName === 'multiply' && kb !== undefined) return (x, y) => a(x, y) * kb;
    }
    switch (fnName) {
      case 'add': return fold((x, y) => a(x, y) + b(x, y), [a, b]);
      case 'subtract': return fold((x, y) => a(x, y) - b(x, y), [a, b]);
      case 'multiply': return fold((x, y) => a(x, y) * b(x, y), [a, b]);
      case 'divide': return fold((x, y) => a(x, y) / b(x, y), [a, b]);
      default: return fold((x, y) => Math.pow(a(x, y), b(x, y)), [a, b]);
    }
  };
  return parts.reduce(binary);
}

function refuse(node: ExprNode, text: string): never {
  switch (node.type) {
    case 'AssignmentNode':
      return fail('assignment', {}, findOp(text, '='), 1);
    case 'FunctionAssignmentNode':
      return fail('function-definition', {}, findOp(text, '='), 1);
    case 'ArrayNode':
      return fail('matrix', {}, findPattern(text, /\[/), 1);
    case 'ObjectNode':
      return fail('object', {}, findPattern(text, /\{/), 1);
    case 'AccessorNode':
    case 'IndexNode':
      if (node.index?.dotNotation) return fail('property-access', {}, findPattern(text, /(?<![\d.])\??\.(?![\d*/^'])/), 1);
      return fail('index', {}, findPattern(text, /(?<=[\w$)\]]\s*)\[/), 1);
    case 'RangeNode':
      return fail('range', {}, findPattern(text, /:/), 1);
    case 'ConditionalNode':
      return fail('conditional', {}, findPattern(text, /\?/), 1);
    case 'BlockNode':
      return fail('several-expressions', {}, findPattern(text, /[;\n]/), 1);
    case 'RelationalNode': {
      const m = /[<>]=?|[!=]=/.exec(text);
      return fail('comparison', { op: m ? m[0] : '<' }, m?.index, m?.[0].length);
    }
    default:
      return fail('not-allowed', { part: node.toString().slice(0, 40) }, undefined);
  }
}

/** The names of the functions a formula may use, for help texts. */
export const ALLOWED_FUNCTIONS: readonly string[] = [...FUNCTIONS.keys()];
