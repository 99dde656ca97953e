import { beale } from './beale';
import { booth } from './booth';
import { camel } from './camel';
import { himmelblau } from './himmelblau';
import { leastsquares } from './leastsquares';
import { logistic } from './logistic';
import { matyas } from './matyas';
import { quadratic } from './quadratic';
import { rastrigin } from './rastrigin';
import { rosenbrock } from './rosenbrock';
import { saddle } from './saddle';
import type { FunctionDef, TestFunction } from './types';

export type { FunctionDef, ParamSpec, TestFunction } from './types';
export { hoursData } from './leastsquares';
export { irisData } from './irisData';

// Their formulas use + − × ÷ only, powers written out as products: `**` is Math.pow, which engines
// approximate differently, and a run must give the same bits in every browser.

/** Every test function, in the order a picker lists them. */
export const testFunctions: readonly FunctionDef[] = [
  quadratic, rosenbrock, beale, himmelblau, booth, matyas, saddle, rastrigin, camel, leastsquares, logistic,
];

/** Builds a test function; parameters left out take their defaults, and each is clamped to its range. */
export function getTestFunction(id: string, params: Readonly<Record<string, number>> = {}): TestFunction {
  const def = testFunctions.find((d) => d.id === id);
  if (!def) throw new RangeError(`Unknown test function "${id}"`);
  const values: Record<string, number> = {};
  for (const [name, spec] of Object.entries(def.params)) {
    const v = params[name];
    values[name] = Number.isFinite(v) ? Math.min(spec.max, Math.max(spec.min, v)) : spec.default;
  }
  return def.make(values);
}
