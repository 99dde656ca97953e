import { describe, expect, it } from 'vitest';
import { descend, searchMinima } from '../../src/core/minima';
import { parseFunction } from '../../src/expr';

const HIMMELBLAU = '(x^2+y-11)^2+(x+y^2-7)^2';
const box = { x: [-3, 3] as [number, number], y: [-3, 3] as [number, number] };

describe('the search for minima', () => {
  it('finds Himmelblau\'s four minima from a grid over [−3, 3]², where f = 0', () => {
    const found = searchMinima(parseFunction(HIMMELBLAU), box, [[-2, 2]]);
    const known = [[3, 2], [-2.805118, 3.131312], [-3.77931, -3.283186], [3.584428, -1.848126]];
    expect(found).toHaveLength(4);
    for (const [x, y] of known) {
      const m = found.find((q) => Math.hypot(q.at[0] - x, q.at[1] - y) < 1e-5);
      expect(m, `(${x}, ${y})`).toBeDefined();
      expect(m!.f).toBeLessThan(1e-12);
    }
  });

  it('finds none where f falls away (a saddle) or follows a wall it cannot pass (log x at x → 0)', () => {
    expect(searchMinima(parseFunction('x^2 - y^2'), box)).toEqual([]);
    expect(searchMinima(parseFunction('log(x) + y^2'), box)).toEqual([]);
  });

  it('descends a bowl to its bottom, and lists a shared minimum once', () => {
    const end = descend(parseFunction('(x - 1)^2 + 10*(y + 2)^2'), [-2, 2]);
    expect(end.settled).toBe(true);
    expect(end.at[0]).toBeCloseTo(1, 5);
    expect(end.at[1]).toBeCloseTo(-2, 5);
    expect(searchMinima(parseFunction('x^2 + y^2'), box)).toHaveLength(1);
  });
});
