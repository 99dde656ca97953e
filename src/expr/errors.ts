// Every refusal of a typed formula is a FormulaError with a stable kebab-case `code` and `params`,
// so the UI can translate from code + params; `message` is the English text.

export type FormulaErrorParams = Record<string, string | number>;

const messages = {
  empty: () => 'The formula is empty: type an expression in x and y, for example x^2 + 10*y^2',
  'too-long': (p) => `Formula is too long (${p.length} characters; at most ${p.max})`,
  'too-deep': (p) => `Too many nested parentheses (at most ${p.max} levels)`,
  'number-too-large': (p) => `The number ${p.text} is too large`,
  'not-a-number': (p) => `"${p.name}" is not allowed: use numbers, x, y, pi or e`,
  'missing-parenthesis': (p) => `Missing closing parenthesis for the "(" at character ${p.position}`,
  'unmatched-parenthesis': (p) => `The ")" at character ${p.position} has no matching "("`,
  incomplete: () => 'The formula is incomplete: something is missing at the end',
  'power-operator': () => '"**" is not an operator here: write powers with ^, for example x^2',
  unexpected: (p) => `Unexpected "${p.token}" at character ${p.position}`,
  syntax: (p) => `Cannot read the formula at character ${p.position}`,
  assignment: () => 'Assignments are not allowed: type only an expression in x and y',
  'function-definition': () =>
    'Function definitions are not allowed: type only the expression, for example x^2 + y^2 instead of f(x, y) = x^2 + y^2',
  string: () => 'Text in quotes is not allowed: type only an expression in x and y',
  matrix: () => 'Matrices and lists ("[ ]") are not allowed: the formula must give a single number',
  object: () => 'Objects ("{ }") are not allowed: type only an expression in x and y',
  'property-access': () => 'Property access (a "." after a name) is not allowed',
  index: () => 'Indexing ("[ ]" after a name) is not allowed',
  range: () => 'Ranges (":") are not allowed: the formula must give a single number',
  conditional: () => 'Conditions ("? :") are not allowed: type a single expression in x and y',
  comparison: (p) => `Comparisons such as "${p.op}" are not allowed: the formula must give a number, not true or false`,
  logical: (p) => `Logical operators such as "${p.op}" are not allowed: the formula must give a number`,
  factorial: () => 'Factorial ("!") is not allowed',
  modulo: (p) => `The remainder operator "${p.op}" is not allowed`,
  percent: () => 'Percent signs are not allowed: write 0.5 instead of 50%',
  transpose: () => `Transpose ("'") is not allowed`,
  'operator-not-allowed': (p) => `The operator "${p.op}" is not allowed: use + - * / ^`,
  'several-expressions': () => 'Type only one expression: remove the ";" or the line break',
  'unknown-name': (p) => `Unknown name "${p.name}": use x, y, pi or e`,
  'missing-multiplication': (p) => `Unknown name "${p.name}": write ${p.product} for a product`,
  'missing-argument': (p) => `"${p.name}" is a function: write it with parentheses, for example ${p.name}(x)`,
  'function-not-allowed': (p) =>
    `"${p.name}" is not allowed: only elementary functions such as sin, exp, log, sqrt`,
  'variable-call': (p) => `"${p.name}" is not a function: write ${p.name}*(...) to multiply`,
  'call-not-allowed': () => 'Only named functions such as sin(x) can be called',
  'wrong-arity': (p) =>
    `"${p.name}" takes exactly one argument, for example ${p.name}(x)` +
    (p.name === 'log' ? '; for another base b write log(x)/log(b)' : ''),
  'not-allowed': (p) => `This part of the formula is not allowed: ${p.part}`,
  'not-differentiable': () => 'Cannot compute the gradient of this formula',
  'too-complex': () => 'The formula is too complex: its gradient would be too slow to compute; make it shorter or simpler',
  'nowhere-finite': (p) => `The formula has no finite value anywhere for ${p.from} ≤ x, y ≤ ${p.to}: there is nothing to descend`,
} satisfies Record<string, (p: FormulaErrorParams) => string>;

export type FormulaErrorCode = keyof typeof messages;

/** The English text of every code: the UI's other languages translate from code + params beside it. */
export const englishFormulaMessages: Readonly<Record<FormulaErrorCode, (p: FormulaErrorParams) => string>> = messages;

export class FormulaError extends Error {
  override readonly name = 'FormulaError';
  readonly code: FormulaErrorCode;
  /** 0-based position in the typed text, where known. */
  readonly index?: number;
  readonly length?: number;
  readonly params?: FormulaErrorParams;

  constructor(code: FormulaErrorCode, params: FormulaErrorParams = {}, index?: number, length?: number) {
    super(messages[code](params));
    this.code = code;
    this.params = params;
    if (index !== undefined) this.index = index;
    if (length !== undefined) this.length = length;
  }
}
