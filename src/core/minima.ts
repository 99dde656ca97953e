// Where a function of unknown minima has them: local descents from a grid of starts. A typed formula's box
// and the loss plot's reference come from here, so neither depends on how well the user's runs did.
import type { Box, Objective, Vec2 } from './types';

const STEPS = 400;

/**
 * Gradient descent with a backtracking (Armijo) line search from p: each step halves its length until f falls
 * by at least half the linear model's promise. Ends where the gradient vanishes (to the rounding of f), the
 * step can no longer lower f, or after `steps`; `settled` says whether it ended at a flat point.
 */
export function descend(o: Objective, p: Vec2, steps = STEPS): { at: Vec2; f: number; settled: boolean } {
  let x: Vec2 = [p[0], p[1]], fx = o.f(x), t = 1;
  if (!Number.isFinite(fx)) return { at: x, f: fx, settled: false };
  for (let k = 0; k < steps; k++) {
    const g = o.grad(x), gg = g[0] * g[0] + g[1] * g[1];
    if (!(gg > 0) || !Number.isFinite(gg)) return { at: x, f: fx, settled: gg === 0 };
    t *= 4;
    let next: Vec2 = [x[0] - t * g[0], x[1] - t * g[1]], fn = o.f(next);
    while (!(fn <= fx - 0.5 * t * gg) && t > 1e-300) {
      t /= 2;
      next = [x[0] - t * g[0], x[1] - t * g[1]];
      fn = o.f(next);
    }
    // No step lowers f: a flat point, or a wall f cannot be followed past (log(x) at x → 0).
    if (!(fn < fx)) return { at: x, f: fx, settled: flat(gg, fx) };
    x = next;
    fx = fn;
  }
  const g = o.grad(x);
  return { at: x, f: fx, settled: flat(g[0] * g[0] + g[1] * g[1], fx) };
}

/** Whether a squared gradient is nothing beside f's size (a minimum's, to rounding). */
const flat = (gg: number, f: number) => Math.sqrt(gg) <= 1e-5 * Math.max(1, Math.abs(f));

/**
 * The distinct flat points descents reach from an n × n grid of starts over `box` and from `extra` points,
 * lowest first; those further than the box's size beyond it are left out (f falls away there, or they belong
 * to another region). Two ends closer than a thousandth of the box are one.
 */
export function searchMinima(o: Objective, box: Box, extra: readonly Vec2[] = [], n = 6): { at: Vec2; f: number }[] {
  const [w, h] = [box.x[1] - box.x[0], box.y[1] - box.y[0]];
  const starts: Vec2[] = [...extra];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) starts.push([box.x[0] + ((i + 0.5) * w) / n, box.y[0] + ((j + 0.5) * h) / n]);
  const found: { at: Vec2; f: number }[] = [];
  for (const s of starts) {
    const { at, f, settled } = descend(o, s);
    if (!settled || !Number.isFinite(f)) continue;
    if (at[0] < box.x[0] - w || at[0] > box.x[1] + w || at[1] < box.y[0] - h || at[1] > box.y[1] + h) continue;
    if (found.some((m) => Math.abs(m.at[0] - at[0]) < w / 1000 && Math.abs(m.at[1] - at[1]) < h / 1000)) continue;
    found.push({ at, f });
  }
  return found.sort((a, b) => a.f - b.f);
}
