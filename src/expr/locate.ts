// mathjs nodes carry no source positions, so refused parts are found again in the typed text.
// Each helper returns a 0-based index, or undefined when the token cannot be found.

// mathjs's own identifier rule (isAlpha / isDigit in its parser).
const IDENT = /[A-Za-z_$\u00C0-\u02AF\u0370-\u03FF\u2100-\u214F][A-Za-z0-9_$\u00C0-\u02AF\u0370-\u03FF\u2100-\u214F]*/g;
const NUMBER = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/g;
const OP_CHARS = '=<>!&|^~';

export function findWord(text: string, word: string): number | undefined {
  for (const m of text.matchAll(IDENT)) if (m[0] === word) return m.index;
  return undefined;
}

/** A symbolic operator not glued to a longer one, e.g. "=" but not the one in "==" or "<=". */
export function findOp(text: string, op: string): number | undefined {
  if (/^[a-z]+$/.test(op)) return findWord(text, op);
  for (let i = text.indexOf(op); i >= 0; i = text.indexOf(op, i + 1)) {
    const before = text[i - 1] ?? ' ';
    const after = text[i + op.length] ?? ' ';
    if (!OP_CHARS.includes(before) && !OP_CHARS.includes(after)) return i;
  }
  return undefined;
}

export function findPattern(text: string, re: RegExp): number | undefined {
  const m = re.exec(text);
  return m ? m.index : undefined;
}

export function findHugeNumber(text: string): { index: number; text: string } | undefined {
  for (const m of text.matchAll(NUMBER)) if (!Number.isFinite(Number(m[0]))) return { index: m.index, text: m[0] };
  return undefined;
}

/** The "(" that is still open at position `end`. */
export function findUnclosed(text: string, end: number): number | undefined {
  const open: number[] = [];
  for (let i = 0; i < Math.min(end, text.length); i++) {
    if (text[i] === '(') open.push(i);
    else if (text[i] === ')') open.pop();
  }
  return open.pop();
}

/** Deepest bracket nesting; returns the first bracket that goes deeper than `max`. */
export function findTooDeep(text: string, max: number): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[' || c === '{') {
      if (++depth > max) return i;
    } else if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
  }
  return undefined;
}
