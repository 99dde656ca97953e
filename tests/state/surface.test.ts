import { describe, expect, it } from 'vitest';
import { getTestFunction } from '../../src/core';
import { surface } from '../../src/state/scene';
import { CAMERA_LIMITS, niceTicks, orbit, pathOnSurface, surface3d, zoomBy } from '../../src/state/surface';

const fmt = (v: number) => String(v);

describe('the 3-D view\'s numbers', () => {
  it('ticks at 1, 2 or 5 × 10ᵏ inside the range, never 0.30000000000000004', () => {
    expect(niceTicks(0, 10)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(-3, 3)).toEqual([-2, 0, 2]);
    expect(niceTicks(0.1, 0.7, 6)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
    expect(niceTicks(2, 2)).toEqual([2]);
    expect(niceTicks(NaN, 1)).toEqual([]);
  });

  it('puts f between the grid\'s lowest value (0) and the function box\'s highest (1), on f or its log', () => {
    const fn = getTestFunction('quadratic', { kappa: 25, theta: 20 });
    const levels = surface(fn);
    const lin = surface3d(fn, levels, fn.view, 'f', fmt, 41);
    expect(lin.heights).toHaveLength(41 * 41);
    expect(Math.min(...lin.heights)).toBe(0);
    expect(Math.max(...lin.heights)).toBeCloseTo(1, 6);
    // f is linear in the height: equal steps of f are equal steps up.
    const [a, b, c] = [0.5, 0.6, 0.8].map((k) => lin.height(k * levels.raw.max));
    expect((b - a) / (c - a)).toBeCloseTo(1 / 3, 9);
    expect(lin.height(fn.fMin)).toBe(0);
    expect(lin.height(levels.raw.max)).toBe(1);
    const log = surface3d(fn, levels, fn.view, 'log', fmt, 41);
    // On the log scale a tenth of the way up the walls is most of the way up: 0.01 of the range sits well above 0.
    const f = levels.floor + 0.01 * (levels.raw.max - levels.floor);
    expect(log.height(f)).toBeGreaterThan(0.5);
    expect(lin.height(f)).toBeLessThan(0.02);
    // The colours: the contour's own log values.
    expect(log.values[0]).toBeCloseTo(Math.log10(fn.f([log.x[0], log.y[0]]) - levels.floor + levels.delta), 5);
    // Its ticks are the colour bar's, those inside the range.
    expect(log.ticks.labels.every((l) => levels.ticks.labels.includes(l))).toBe(true);
    expect(log.ticks.at.every((h) => h >= 0 && h <= 1)).toBe(true);
  });

  it('leaves holes where f is not finite, and lifts a path above the surface', () => {
    const fn = { ...getTestFunction('quadratic', { kappa: 1, theta: 0 }), f: (p: readonly number[]) => (p[0] > 0.5 ? NaN : p[0] ** 2 + p[1] ** 2) };
    const levels = surface(fn as never);
    const s = surface3d(fn as never, levels, fn.view, 'f', fmt, 21);
    expect(s.heights.some(Number.isNaN)).toBe(true);
    expect(s.height(NaN)).toBeNaN();
    const [[x, y, h]] = pathOnSurface(s, [[0, 0]], [0]);
    expect([x, y]).toEqual([0, 0]);
    expect(h).toBeCloseTo(s.height(0) + 0.012, 12);
  });

  it('turns the camera a third of a degree a pixel, within its limits, in tenths of a degree', () => {
    const c = { azimuth: -120, elevation: 32, zoom: 1 };
    expect(orbit(c, -60, 30)).toEqual({ azimuth: -100, elevation: 42, zoom: 1 });
    expect(orbit(c, 0, 1000).elevation).toBe(CAMERA_LIMITS.elevation.max);
    expect(orbit(c, 0, -1000).elevation).toBe(CAMERA_LIMITS.elevation.min);
    // Around and around: the azimuth stays in −180 … 180.
    expect(orbit({ ...c, azimuth: 179 }, -6, 0).azimuth).toBe(-179);
    expect(orbit(c, 1, 0).azimuth).toBe(-120.3);
    expect(Object.is(orbit({ ...c, azimuth: 0.01 }, 0, 0).azimuth, -0)).toBe(false);
    expect(zoomBy(c, 1.23456).zoom).toBe(1.23);
    expect(zoomBy(c, 100).zoom).toBe(CAMERA_LIMITS.zoom.max);
    expect(zoomBy(c, 0.01).zoom).toBe(CAMERA_LIMITS.zoom.min);
  });
});
