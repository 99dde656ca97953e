import { describe, expect, it } from 'vitest';
import { contrast, hexRgb, luminance } from '../../src/draw/contrast';
import { HALO, haloOf, runColor } from '../../src/draw/palette';
import { thicker, traces, type LineMark } from '../../src/draw/marks';

describe('contrast', () => {
  it('is WCAG 2’s: white on black 21 : 1, #777 on white 4.48 : 1, a colour on itself 1 : 1', () => {
    expect(luminance([255, 255, 255])).toBeCloseTo(1, 12);
    expect(contrast([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 12);
    expect(contrast(hexRgb('#777777'), hexRgb('#ffffff'))).toBeCloseTo(4.48, 2);
    expect(contrast(hexRgb('#D55E00'), hexRgb('#D55E00'))).toBe(1);
  });

  it('gives every run colour a halo it stands 3.9 : 1 off: white for the dark ones, the ink for the light ones', () => {
    const halos = Array.from({ length: 8 }, (_, id) => haloOf(runColor(id)).color);
    expect(halos).toEqual([HALO.dark, HALO.light, HALO.dark, HALO.dark, HALO.dark, HALO.dark, HALO.light, HALO.light]);
    for (let id = 0; id < 8; id++) expect(contrast(hexRgb(runColor(id)), hexRgb(halos[id]))).toBeGreaterThan(3.9);
  });
});

describe('a line’s halo', () => {
  const line: LineMark = { kind: 'line', name: 'GD', color: '#E69F00', width: 2, x: [0, 1], y: [0, 1], dots: 4, halo: haloOf('#E69F00') };

  it('is exported as a wider line of its own under the line, out of the legend, and outlines its dots', () => {
    const [halo, own] = traces([line]) as { name?: string; showlegend?: boolean; line: { color: string; width: number }; marker?: { line?: { color: string } } }[];
    expect(halo).toMatchObject({ showlegend: false, line: { color: HALO.dark, width: 2 + 2 * HALO.width } });
    expect(halo.name).toBeUndefined();
    expect(own).toMatchObject({ name: 'GD', line: { color: '#E69F00', width: 2 }, marker: { line: { color: HALO.dark } } });
  });

  it('grows with the line in the presentation', () => {
    const [big] = thicker([line], 1.5) as LineMark[];
    expect(big.halo).toEqual({ color: HALO.dark, width: 1.5 * HALO.width });
  });
});
