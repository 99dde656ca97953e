import { describe, expect, it } from 'vitest';
import { contrast, deltaE, hexRgb, luminance } from '../../src/draw/contrast';
import { presets } from '../../src/state/presets';
import { decode } from '../../src/state/url';
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

describe('the runs of one figure', () => {
  it('look apart in every preset: ΔE ≥ 50 pairwise, where Okabe–Ito’s near pairs measure 26–33', () => {
    const de = (a: number, b: number) => deltaE(hexRgb(runColor(a)), hexRgb(runColor(b)));
    // The pairs a lecture told apart badly: GD (vermillion) and B = 4 (orange), Momentum (blue) and Adam (sky blue).
    expect(de(0, 4)).toBeLessThan(35);
    expect(de(1, 5)).toBeLessThan(35);
    for (const p of presets) {
      const ids = decode(p.link).state.runs.map((r) => r.id);
      for (let i = 0; i < ids.length; i++)
        for (let j = i + 1; j < ids.length; j++) expect(de(ids[i], ids[j]), `${p.id}: runs ${ids[i]} and ${ids[j]}`).toBeGreaterThanOrEqual(50);
    }
  });

  it('ΔE is CIE 1976’s: black to white 100, a colour to itself 0', () => {
    expect(deltaE([0, 0, 0], [255, 255, 255])).toBeCloseTo(100, 1);
    expect(deltaE(hexRgb('#0072B2'), hexRgb('#0072B2'))).toBe(0);
  });
});
