// f + gradient evaluations of Rosenbrock: our closures vs mathjs's own compiled evaluation.
// Run: npx vitest bench --run tests/expr
import { compile, derivative, parse } from 'mathjs';
import { bench, describe } from 'vitest';
import type { Vec2 } from '../../src/core';
import { parseFunction } from '../../src/expr';

const text = '(1-x)^2 + 100(y-x^2)^2';
const points: Vec2[] = Array.from({ length: 1000 }, (_, i) => [Math.cos(i) * 1.5, Math.sin(i * 0.7) * 1.5]);

const ours = parseFunction(text);
const node = parse(text);
const mf = compile(text);
const mdx = derivative(node, 'x', { simplify: false }).compile();
const mdy = derivative(node, 'y', { simplify: false }).compile();
const sdx = derivative(node, 'x').compile();
const sdy = derivative(node, 'y').compile();

let sink = 0;
describe('1000 × (f + grad), Rosenbrock', () => {
  bench('ravine closures (parseFunction)', () => {
    for (const p of points) {
      const g = ours.grad(p);
      sink += ours.f(p) + g[0] + g[1];
    }
  });
  bench('mathjs compile().evaluate, derivative simplify: false', () => {
    for (const [x, y] of points) {
      const scope = { x, y };
      sink += mf.evaluate(scope) + mdx.evaluate(scope) + mdy.evaluate(scope);
    }
  });
  bench('mathjs compile().evaluate, simplified derivative', () => {
    for (const [x, y] of points) {
      const scope = { x, y };
      sink += mf.evaluate(scope) + sdx.evaluate(scope) + sdy.evaluate(scope);
    }
  });
  bench('hand-written JS', () => {
    for (const [x, y] of points) {
      const r = y - x * x;
      sink += (1 - x) ** 2 + 100 * r * r + (-2 * (1 - x) - 400 * x * r) + 200 * r;
    }
  });
});
export { sink };
