// The field of −∇f over a box: an arrow per cell of a coarse grid, pointing downhill, its length growing
// with the slope but capped at the cell, so steep walls and the flat floor both stay readable.
import type { Box, Objective, Vec2 } from '../core';

export interface FieldArrow {
  from: Vec2;
  to: Vec2;
}

/** nx × ny arrows of −∇f at cell centres, the longest 0.8 of a cell; length ∝ √|∇f| between. */
export function gradientField(f: Objective, box: Box, nx = 20, ny = 14): FieldArrow[] {
  const cw = (box.x[1] - box.x[0]) / nx, ch = (box.y[1] - box.y[0]) / ny;
  const cells: { p: Vec2; g: Vec2; m: number }[] = [];
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const p: Vec2 = [box.x[0] + (i + 0.5) * cw, box.y[0] + (j + 0.5) * ch];
      const g = f.grad(p);
      const m = Math.hypot(g[0], g[1]);
      if (Number.isFinite(m)) cells.push({ p, g, m });
    }
  }
  const top = Math.sqrt(Math.max(0, ...cells.map((c) => c.m)));
  if (!(top > 0)) return [];
  const reach = 0.8 * Math.min(cw, ch);
  return cells.filter((c) => c.m > 0).map(({ p, g, m }) => {
    const len = (reach * Math.sqrt(m)) / top;
    return { from: p, to: [p[0] - (len * g[0]) / m, p[1] - (len * g[1]) / m] as Vec2 };
  });
}
