// The loss plot against evaluations or epochs, with each stochastic run's spread over its seeds.
import { describe, expect, it } from 'vitest';
import { bandMarks, lossBackdrop, lossDomain, lossFigure, lossMarks, lossRange } from '../../src/draw/figures';
import type { LineMark, RuleMark } from '../../src/draw/marks';
import type { PathView } from '../../src/draw/types';
import { bandSeries } from '../../src/state/seeds';

const run = (id: number, batch: number, loss: number[], band: PathView['band'] = null): PathView => ({
  id, name: `run ${id}`, color: '#123456', points: loss.map(() => [0, 0]), f: loss, loss, diverged: null,
  xs: [0, 1, 2, 3].map((t) => batch * t), band,
});
const band = { p10: [1, 0.5, 0.2, 0.1], p50: [1, 0.6, 0.3, 0.2], p90: [1, 0.8, Infinity, Infinity] };

describe('the loss plot on a cost axis', () => {
  it('draws each curve at its run\'s x and reaches the farthest run', () => {
    const paths = [run(1, 4, [1, 0.5, 0.25, 0.125]), run(2, 64, [1, 0.1])];
    const lines = lossMarks({ paths, playhead: 1, steps: 3, log: true }).filter((m): m is LineMark => m.kind === 'line');
    expect(lines.map((l) => Array.from(l.x!))).toEqual([[0, 4, 8, 12], [0, 64]]);
    expect(lossDomain(paths, 3)).toBe(192);
    expect(lossBackdrop({ paths, steps: 3, log: true, xName: 'gradient evaluations' }).layout.xaxis).toMatchObject({ range: [0, 192], title: { text: 'gradient evaluations' }, exponentformat: 'none' });
  });

  it('puts each playhead dot at its run\'s x, and the rule only where all runs share one', () => {
    const mixed = lossMarks({ paths: [run(1, 4, [1, 0.5, 0.25, 0.125]), run(2, 64, [1, 0.5, 0.2, 0.1])], playhead: 2, steps: 3, log: true });
    expect(mixed.flatMap((m) => (m.kind === 'dot' ? [m.x] : []))).toEqual([8, 128]);
    expect(mixed.some((m) => m.kind === 'rule')).toBe(false);
    // A run that diverged at step 1 still has the playhead's x: the rule stays.
    const same = lossMarks({ paths: [run(1, 4, [1, 0.5, 0.25, 0.125]), run(2, 4, [1, 0.1])], playhead: 2, steps: 3, log: true });
    expect(same.filter((m): m is RuleMark => m.kind === 'rule').map((m) => m.x)).toEqual([8]);
  });

  it('draws a band as faint silent lines under the run\'s own, on screen and in print', () => {
    const paths = [run(1, 4, [1, 0.5, 0.25, 0.125], band)];
    const lines = [...bandMarks(paths), ...lossMarks({ paths, playhead: 0, steps: 3, log: true }).filter((m): m is LineMark => m.kind === 'line')];
    expect(lines.map((l) => [l.name, l.silent ?? false, l.opacity ?? 1])).toEqual([
      ['run 1 p10', true, 0.35], ['run 1 p90', true, 0.35], ['run 1 p50', true, 0.7], ['run 1', false, 1],
    ]);
    expect(bandMarks([run(1, 4, [1, 0.5, 0.25, 0.125])])).toEqual([]);
    expect(Array.from(lines[1].y)).toEqual(band.p90);
    expect(Array.from(lines[0].x!)).toEqual([0, 4, 8, 12]);
    const printed = lossFigure({ paths, playhead: 0, steps: 3, log: true }, { print: true }).data as { name: string }[];
    expect(printed.map((d) => d.name)).toEqual(['run 1 p10', 'run 1 p90', 'run 1 p50', 'run 1']);
    // The y range holds the band's p90 (its finite part) too.
    expect(lossRange([run(1, 4, [0.5, 0.5, 0.5, 0.5], { ...band, p90: [1, 30, Infinity, 2] })], true)).toEqual([0.1, 100]);
  });

  it('takes the floor off a band as off the losses', () => {
    expect(bandSeries({ p10: [3], p50: [4], p90: [6] }, 2)).toEqual({ p10: [1], p50: [2], p90: [4] });
    expect(bandSeries(band, null)).toBe(band);
  });
});
