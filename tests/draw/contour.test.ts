import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logGrid, sampleGrid, type LogGrid, type Vec2 } from '../../src/core';
import { select } from '../../src/core/grid';
import { colorBar } from '../../src/draw/colorbar';
import { bandColors, bandOf, contourLevels, flatValues, levelSegments, paintBands, scaleColor } from '../../src/draw/contour';
import { makeFrame } from '../../src/draw/frame';
import { contourBands } from '../../src/draw/palette';

/** A log grid of f over [−1, 1]² (n × n), on log-spaced levels above `floor`. */
function grid(f: (p: Vec2) => number, n = 41, floor = 0): LogGrid {
  return logGrid(sampleGrid(f, { x: [-1, 1], y: [-1, 1] }, n, n), floor);
}

/** Paints a grid into w × h pixels whose edges are the grid's first and last samples. */
function paint(g: LogGrid, w = 80, h = 80): { word: (X: number, Y: number) => number; rgba: (X: number, Y: number) => number[] } {
  const pixels = new Uint8ClampedArray(4 * w * h);
  const nx = g.x.length, ny = g.y.length;
  paintBands(pixels, w, h, 1, flatValues(g), nx, ny, { x0: 0, x1: w, top: 0, bottom: h }, contourLevels(g));
  const o = (X: number, Y: number) => 4 * (Y * w + X);
  return {
    word: (X, Y) => new Uint32Array(pixels.buffer)[Y * w + X],
    rgba: (X, Y) => Array.from(pixels.subarray(o(X, Y), o(X, Y) + 4)),
  };
}

const bowl = ([x, y]: Vec2) => x * x + 4 * y * y;

describe('the contour painter', () => {
  it('puts its levels where Plotly does: 24 bands from the lowest to the highest value, 25 level lines', () => {
    expect(contourLevels({ min: -2, max: 1.6 })).toEqual({ start: -2, size: 0.15, count: 25 });
    // A flat grid, or one with no finite value, has no levels.
    expect(contourLevels({ min: 3, max: 3 }).count).toBe(0);
    expect(contourLevels({ min: NaN, max: NaN }).count).toBe(0);
  });

  it('colours each band as Plotly fills it: the scale at the band\'s middle, its ends below and above', () => {
    const c = bandColors();
    expect(c).toHaveLength(contourBands + 2);
    expect(c[0]).toEqual([0xfb, 0xfd, 0xff]);
    expect(c.at(-1)).toEqual([0x8f, 0xa8, 0xc2]);
    // Band 11 lies at (11 + ½)/24 of the scale: 23/24 of the way from its first stop to its middle one.
    const u = 23 / 24;
    expect(c[12]).toEqual([[0xfb, 0xd5], [0xfd, 0xe2], [0xff, 0xee]].map(([a, b]) => Math.round(a + (b - a) * u)));
    expect(scaleColor(-1)).toEqual(c[0]);
    expect(scaleColor(2)).toEqual(c.at(-1));
    const levels = { start: 0, size: 1, count: 25 };
    expect([bandOf(-0.01, levels), bandOf(0, levels), bandOf(0.99, levels), bandOf(23.5, levels), bandOf(24, levels), bandOf(1e9, levels)]).toEqual([0, 1, 1, 24, 25, 25]);
  });

  it('paints each pixel in the band of log(f − f* + δ) there, so the levels are log-spaced in f', () => {
    const g = grid(bowl);
    const levels = contourLevels(g);
    const { rgba } = paint(g);
    const colors = bandColors();
    let checked = 0;
    for (let Y = 0; Y < 80; Y += 3) {
      for (let X = 0; X < 80; X += 3) {
        const p: Vec2 = [-1 + (2 * (X + 0.5)) / 80, 1 - (2 * (Y + 0.5)) / 80];
        const z = Math.log10(bowl(p) - g.floor + g.delta);
        const t = (z - levels.start) / levels.size;
        // Well inside a band, and away from the minimum (where log f bends too sharply within a cell for
        // any interpolation): the grid's interpolation cannot put the pixel in another band.
        if (Math.abs(t - Math.round(t)) < 0.25 || Math.hypot(...p) < 0.2) continue;
        expect(rgba(X, Y), `pixel ${X}, ${Y}`).toEqual([...colors[bandOf(z, levels)], 255]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(300);
    // Paler towards the minimum (the scale runs from pale to dark), the top band at the corners.
    const band = (X: number, Y: number) => colors.findIndex((c) => c.every((v, i) => v === rgba(X, Y)[i]));
    expect(band(40, 40)).toBeLessThan(band(40, 52));
    expect(band(40, 52)).toBeLessThan(band(40, 70));
    expect(band(0, 0)).toBe(contourBands);
  });

  it('leaves a cell with a non-finite corner transparent, and paints the rest', () => {
    // log(x) is not finite for x ≤ 0: the left half of the box (sampleGrid leaves NaN there).
    const g = grid(([x, y]) => (x > 0 ? Math.log(x) + y * y : x < 0 ? NaN : -Infinity), 41, -10);
    const { rgba } = paint(g);
    expect(rgba(10, 40)[3]).toBe(0);
    expect(rgba(39, 40)[3]).toBe(0);
    expect(rgba(70, 40)[3]).toBe(255);
    const inf = grid(([x, y]) => (x * y > 0.5 ? Infinity : x * x + y * y));
    expect(paint(inf).rgba(78, 1)[3]).toBe(0);
    expect(paint(inf).rgba(40, 40)[3]).toBe(255);
  });

  it('paints a flat function in one colour and draws no level line through it', () => {
    const g = grid(() => 7);
    expect(contourLevels(g).count).toBe(0);
    const { word } = paint(g);
    const first = word(0, 0);
    for (let k = 0; k < 80; k += 7) expect(word(k, 79 - k)).toBe(first);
    expect(levelSegments(flatValues(g), g.x.length, g.y.length, contourLevels(g))).toHaveLength(0);
  });

  it('draws each level line through the points where the grid, interpolated, has that level', () => {
    const g = grid(bowl, 31);
    const levels = contourLevels(g);
    const z = flatValues(g), nx = g.x.length;
    const seg = levelSegments(z, nx, g.y.length, levels);
    expect(seg.length).toBeGreaterThan(400);
    // Every end point lies on a cell edge, where the grid interpolates linearly; there z is a level.
    const at = (u: number, v: number) => {
      const i = Math.floor(u), j = Math.floor(v), fu = u - i, fv = v - j;
      return fv === 0 ? z[j * nx + i] * (1 - fu) + (fu ? z[j * nx + i + 1] * fu : 0) : z[j * nx + i] * (1 - fv) + z[(j + 1) * nx + i] * fv;
    };
    for (let s = 0; s < seg.length; s += 2) {
      const value = at(seg[s], seg[s + 1]);
      const k = (value - levels.start) / levels.size;
      expect(Math.abs(k - Math.round(k)), `point ${seg[s]}, ${seg[s + 1]}`).toBeLessThan(1e-9);
    }
  });

  it('draws a linear function\'s levels as straight lines across the grid', () => {
    // z = i on a 5 × 3 grid, levels 0 … 4: each cell i meets level i on its left edge.
    const z = Float64Array.from({ length: 15 }, (_, k) => k % 5);
    const seg = levelSegments(z, 5, 3, { start: 0, size: 1, count: 5 });
    expect(seg.length / 4).toBe(8);
    for (let s = 0; s < seg.length; s += 4) expect(seg[s]).toBe(seg[s + 2]);
    expect([...new Set(Array.from({ length: seg.length / 4 }, (_, k) => seg[4 * k]))].sort()).toEqual([0, 1, 2, 3]);
  });
});

describe('the colour bar', () => {
  const frame = makeFrame({ width: 500, height: 300 }, { l: 44, r: 72, t: 8, b: 36 }, { range: [-1, 1] }, { range: [-1, 1] });

  it('stands 12 px right of the plot area, 10 px wide, 90 % of its height less Plotly\'s padding, centred', () => {
    const bar = colorBar(frame, grid(bowl));
    expect([bar.x, bar.width]).toEqual([44 + 384 + 12, 10]);
    expect(bar.height).toBeCloseTo(256 * 0.9 - 20, 9);
    expect(bar.y + bar.height / 2).toBeCloseTo(8 + 128, 9);
  });

  it('shows the contour\'s bands in its colours, its levels, and the grid\'s ticks where they fall', () => {
    const g = grid(bowl);
    const bar = colorBar(frame, g, ',');
    expect(bar.bands).toHaveLength(contourBands);
    expect(bar.bands.reduce((a, b) => a + b.height, 0)).toBeCloseTo(bar.height, 9);
    expect(bar.bands[0].color).toBe(`rgb(${bandColors()[1].join(', ')})`);
    expect(bar.bands[0].y + bar.bands[0].height).toBeCloseTo(bar.y + bar.height, 9);
    expect(bar.levels).toHaveLength(25);
    // The ticks are the grid's, in the language's decimal sign, at their heights on the bar.
    expect(bar.ticks.map((t) => t.text)).toEqual(g.ticks.labels.map((l) => l.replace('.', ',')));
    const k = g.ticks.values.length - 1;
    expect(bar.ticks[k].y).toBeCloseTo(bar.y + bar.height - ((g.ticks.values[k] - g.min) / (g.max - g.min)) * bar.height, 9);
    expect(colorBar(frame, grid(() => 1)).bands).toHaveLength(0);
  });
});

describe('the median behind δ', () => {
  it('selects the k-th smallest value, as a sort would', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 200 }), fc.nat(), (xs, k0) => {
        const k = k0 % xs.length;
        // (== : a sort and a selection may pick different ones of 0 and −0, which are the same height.)
        expect(select(Float64Array.from(xs), k) === [...xs].sort((a, b) => a - b)[k]).toBe(true);
      }),
    );
  });
});
