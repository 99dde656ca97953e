import { describe, expect, it } from 'vitest';
import { lossRange } from '../../src/draw/figures';
import { fitToPaths, frameLayout, leftMargin, logTickStep, makeFrame, pathsBox, projection, tickLabelWidth, toData, toPixel, Y_TITLE_GAP } from '../../src/draw/frame';
import type { Box } from '../../src/core';
import { traces } from '../../src/draw/marks';
import type { PathView } from '../../src/draw/types';

const margin = { l: 40, r: 60, t: 10, b: 30 };

describe('the frame a live plot gives Plotly', () => {
  it('maps the range onto the plot area and back', () => {
    const f = makeFrame({ width: 500, height: 300 }, margin, { range: [-3, 3] }, { range: [-2, 2] });
    const { px, py } = projection(f);
    expect([px(-3), px(3), py(2), py(-2)]).toEqual([40, 440, 10, 270]);
    expect(toData(f, px(1.5), py(-0.5))).toEqual([1.5, -0.5]);
    expect(toData(f, 20, 100)).toBeNull();
  });

  it('with equal axes keeps the plot area whole and widens the shorter range about its centre', () => {
    // 400 × 260 px for 6 × 4 units: 6/400 = 0.015 units per px across, 4/260 ≈ 0.0154 up; the larger fits
    // the box, so y keeps [−2, 2] and x widens to 400 × 4/260 ≈ 6.154 units about 0.
    const f = makeFrame({ width: 500, height: 300 }, margin, { range: [-3, 3] }, { range: [-2, 2] }, true);
    expect([f.x.offset, f.x.length, f.y.offset, f.y.length]).toEqual([40, 400, 10, 260]);
    expect(f.y.range).toEqual([-2, 2]);
    expect(f.x.range[0]).toBeCloseTo(-(400 * 4) / 260 / 2, 12);
    expect(f.x.range[1]).toBeCloseTo((400 * 4) / 260 / 2, 12);
    // A tall box widens x (k = 2/260 units per px, 400 k = 3.077 units about 0.5); a flat one widens y.
    const tall = makeFrame({ width: 500, height: 300 }, margin, { range: [0, 1] }, { range: [0, 2] }, true);
    expect(tall.y.range).toEqual([0, 2]);
    expect(tall.x.range[0]).toBeCloseTo(0.5 - 400 / 260, 12);
    expect(tall.x.range[1]).toBeCloseTo(0.5 + 400 / 260, 12);
    const flat = makeFrame({ width: 500, height: 300 }, margin, { range: [0, 10] }, { range: [0, 1] }, true);
    expect(flat.x.range).toEqual([0, 10]);
    expect(flat.y.range[0]).toBeCloseTo(-2.75, 12);
    expect(flat.y.range[1]).toBeCloseTo(3.75, 12);
  });

  it('hands Plotly a layout that nothing may push: fixed size and margins, explicit domains and ranges', () => {
    const f = makeFrame({ width: 500.4, height: 300 }, margin, { range: [0, 100] }, { range: [1e-6, 10], log: true });
    const layout = frameLayout(f, { xaxis: { title: { text: 't' } } });
    expect(layout).toMatchObject({ width: 500, height: 300, margin: { ...margin, pad: 0, autoexpand: false } });
    expect(layout.xaxis).toMatchObject({ title: { text: 't' }, range: [0, 100], domain: [0, 1], autorange: false });
    expect(layout.yaxis!.range).toEqual([-6, 1]);
    const { py } = projection(f);
    expect(py(10)).toBe(10);
    expect(py(1e-6)).toBe(270);
  });
});

describe('the loss plot’s y range', () => {
  const path = (loss: number[]): PathView => ({ id: 0, name: '', color: '#000', points: [], f: [], loss, diverged: null });
  it('is whole decades on a log axis, ignoring what a log axis cannot show', () => {
    expect(lossRange([path([3, 0.02, 0, -1, NaN, Infinity])], true)).toEqual([0.01, 10]);
  });
  it('is round numbers on a linear one', () => {
    expect(lossRange([path([-1.3, 4.2])], false)).toEqual([-2, 5]);
  });
});

describe('marks in an exported figure', () => {
  it('become Plotly scatter traces that draw the same lines and dots (the screen-only rule none)', () => {
    const out = traces([
      { kind: 'line', name: 'GD', color: '#f00', width: 2.5, x: [0, 1], y: [1, 0], dots: 5 },
      { kind: 'dot', name: 'start', x: 0, y: 1, color: '#111', size: 14, symbol: 'circle-open', ring: { color: '#111', width: 2.5 } },
      { kind: 'rule', x: 3, color: '#000', width: 1 },
    ]);
    expect(out).toHaveLength(2);
    const [line, head] = out;
    expect(line).toMatchObject({ type: 'scatter', mode: 'lines+markers', name: 'GD', x: [0, 1], y: [1, 0], line: { color: '#f00', width: 2.5 } });
    expect(head).toMatchObject({ mode: 'markers', showlegend: false, marker: { symbol: 'circle-open', size: 14, color: '#111', line: { width: 2.5 } } });
  });
});

describe('a clicked point in a link', () => {
  it('keeps the precision the click had: a tenth of a pixel, not sixteen digits', () => {
    // A 6-wide view over 600 pixels: a pixel is 0.01, a tenth of it 0.001.
    expect(toPixel(-1.2338157894736843, 0.01)).toBe(-1.234);
    expect(toPixel(0.5000000000000001, 0.01)).toBe(0.5);
    // Zoomed in 1000×: more digits, as the click meant them.
    expect(toPixel(-1.2338157894736843, 1e-5)).toBe(-1.233816);
    // A wide view keeps whole numbers.
    expect(toPixel(123.456, 20)).toBe(123);
  });
});

describe('the contour’s left margin', () => {
  it('estimates the widest y label from Plotly’s 1-2-5 steps: −4 at ±4.5, −1.25 at a zoom, −0.032 deeper', () => {
    // ±4.5: step 1, labels −4 … 4 (two characters); a zoom of 0.25: step 0.05, labels like −1.25 (five).
    expect(tickLabelWidth([-4.5, 4.5], 12)).toBe(Math.ceil(2 * 0.62 * 12));
    expect(tickLabelWidth([-1.35, -1.1], 12)).toBe(Math.ceil(5 * 0.62 * 12));
    expect(tickLabelWidth([-0.0325, -0.0125], 12)).toBe(Math.ceil(6 * 0.62 * 12)); // step 0.002: −0.032
    expect(tickLabelWidth([1, 1], 12)).toBe(0);
  });

  it('keeps the screen’s 44 px where labels are short and widens it for a zoom’s', () => {
    expect(leftMargin(44, [-4.5, 4.5], 12)).toBe(44);
    expect(leftMargin(44, [-1.35, -1.1], 12)).toBe(5 + Math.ceil(5 * 0.62 * 12) + Y_TITLE_GAP + Math.ceil(1.2 * 12));
    expect(leftMargin(44, [-1.35, -1.1], 12)).toBeGreaterThan(60);
  });
});

describe('an unzoomed contour fitted to its paths', () => {
  const box: Box = { x: [-3, 3], y: [-2, 2] };
  // The default page's three paths: from the start (−2.76, 0.27) down to y = −1.7 and on to the minimum.
  const paths = [{ points: [[-2.76, 0.27], [-1.85, -1.7], [0, 0]] as [number, number][] }];

  it('the paths\' box: points inside the function\'s box and the start; a diverging run\'s far points left out', () => {
    expect(pathsBox([...paths, { points: [[-2, 0], [50, -80], [NaN, 1]] }], box, [-2.9, 0.5])).toEqual({ x: [-2.9, 0], y: [-1.7, 0.5] });
    expect(pathsBox([{ points: [[9, 9]] }], box)).toBeNull();
  });

  it('keeps the box where the paths take most of one axis of the plot area, fits them where they would not', () => {
    const content = pathsBox(paths, box)!;
    // 800 × 400 px: the box 6 × 4 units is widened to 8 × 4; the paths' 1.97 of 4 units up is under 60 %.
    const fit = fitToPaths(box, content, { width: 800, height: 400 });
    expect(fit.x[0]).toBeLessThanOrEqual(-2.76);
    expect(fit.x[1]).toBeGreaterThanOrEqual(0);
    expect(fit.y[0]).toBeLessThanOrEqual(-1.7);
    expect(fit.y[1]).toBeGreaterThanOrEqual(0.27);
    // Its edges on a grid of a sixteenth of the box (0.375 across, 0.25 up), within the box.
    for (const v of fit.x) expect(Math.abs((v + 3) / 0.375 - Math.round((v + 3) / 0.375))).toBeLessThan(1e-9);
    for (const v of fit.y) expect(Math.abs((v + 2) / 0.25 - Math.round((v + 2) / 0.25))).toBeLessThan(1e-9);
    expect(fit.x[0]).toBeGreaterThanOrEqual(-3);
    // Equal axes over the fit: the paths now take over 75 % of the height.
    const f = makeFrame({ width: 800, height: 400 }, { l: 0, r: 0, t: 0, b: 0 }, { range: fit.x }, { range: fit.y }, true);
    expect(1.97 / (f.y.range[1] - f.y.range[0])).toBeGreaterThan(0.75);
    // A path over most of the box keeps the box, as does none.
    expect(fitToPaths(box, { x: [-2.9, 2.9], y: [-1, 1] }, { width: 800, height: 400 })).toBe(box);
    expect(fitToPaths(box, null, { width: 800, height: 400 })).toBe(box);
    // A small move of the paths leaves the same edges (a drag of η does not shift the view at every tick).
    expect(fitToPaths(box, { ...content, x: [-2.75, 0.01] }, { width: 800, height: 400 })).toEqual(fit);
  });

  it('zooms in at most 8 times: a path that hardly moves gets an eighth of the box', () => {
    const fit = fitToPaths(box, { x: [0.5, 0.5], y: [0.2, 0.2] }, { width: 600, height: 400 });
    expect(fit.x[1] - fit.x[0]).toBeCloseTo(6 / 8, 9);
    expect(fit.y[1] - fit.y[0]).toBeCloseTo(4 / 8, 9);
  });
});

describe('the loss plot\'s log ticks', () => {
  const axis = (lo: number, hi: number, length: number) => ({ range: [10 ** lo, 10 ** hi] as [number, number], log: true, length });
  /** The labels' spacing in px, and how many fall inside the range, at the step chosen. */
  const spread = (lo: number, hi: number, length: number) => {
    const step = logTickStep(axis(lo, hi, length))!;
    return { step, gap: (step * length) / (hi - lo), ticks: Math.floor(hi / step) - Math.ceil(lo / step) + 1 };
  };

  it('leaves at least 40 px between labels, on nice steps of decades', () => {
    // Himmelblau's runs at 1024×768: 31 decades on 190 px (Plotly labelled every 6th decade, 35 px apart).
    expect(spread(-31, 0.5, 190)).toMatchObject({ step: 10 });
    expect(spread(-31, 0.5, 190).gap).toBeGreaterThanOrEqual(40);
    // The default page on a phone: 11 decades on 150 px.
    expect(spread(-10.5, 0.5, 150)).toMatchObject({ step: 3 });
    for (const [lo, hi, px] of [[-31, 0.5, 190], [-10.5, 0.5, 150], [-3, 1, 300], [-300, 2, 400]]) {
      const s = spread(lo, hi, px);
      expect(s.gap, `${lo}…${hi} on ${px} px`).toBeGreaterThanOrEqual(40);
      expect(s.ticks).toBeGreaterThanOrEqual(2);
    }
  });

  it('keeps two labels on a short plot, closer if it must; none for a linear axis', () => {
    // 8.7 decades on 60 px: every 10 decades would label 1 alone, every 5 labels 1 and 10⁻⁵, 34 px apart.
    expect(spread(-8.5, 0.2, 60)).toMatchObject({ step: 5, ticks: 2 });
    expect(spread(-8.5, 0.2, 60).gap).toBeLessThan(40);
    expect(logTickStep({ range: [0, 1], log: false, length: 200 })).toBeNull();
    expect(logTickStep(axis(0, 0, 200))).toBeNull();
  });
});
