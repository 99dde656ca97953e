// KaTeX and its stylesheet (whose fonts Vite bundles as assets), in a chunk of their own that
// RuleFormula loads after the page's first paint.
import katex from 'katex';
import 'katex/dist/katex.min.css';

/** Typesets one of our own TeX constants; a TeX error is a bug of ours and throws. */
export function typeset(tex: string): string {
  return katex.renderToString(tex, { throwOnError: true, output: 'htmlAndMathml' });
}
