import { describe, expect, it } from 'vitest';
import { eye, project, viewProjection } from '../../../src/draw/surface/camera';
import { surfaceMesh, toWorld, Triangles } from '../../../src/draw/surface/geometry';
import { defaultCamera } from '../../../src/state/surface';
import type { Surface3d } from '../../../src/state/surface';

describe('the 3-D view\'s camera', () => {
  it('stands at its azimuth and elevation around the box\'s centre, and looks at it', () => {
    const e = eye({ azimuth: 0, elevation: 0, zoom: 1 });
    expect(e[1]).toBeCloseTo(0, 12);
    expect(e[2]).toBeCloseTo(0.5, 12);
    expect(e[0]).toBeGreaterThan(1);
    const up = eye({ azimuth: 90, elevation: 89, zoom: 2 });
    expect(Math.hypot(up[0], up[1], up[2] - 0.5)).toBeCloseTo(Math.hypot(e[0], e[1], e[2] - 0.5) / 2, 9);
    const m = viewProjection(defaultCamera(), 1.5);
    // The centre it looks at lands in the middle of the plot.
    const c = project(m, [0, 0, 0.5]);
    expect(c[0]).toBeCloseTo(0, 6);
    expect(c[1]).toBeCloseTo(0, 6);
  });

  it('keeps the whole box inside the plot at the default camera, whatever the plot\'s shape', () => {
    for (const aspect of [0.5, 1, 1.5, 2.5]) {
      const m = viewProjection(defaultCamera(), aspect);
      for (const x of [-1, 1]) for (const y of [-1, 1]) for (const z of [0, 1]) {
        const q = project(m, [x, y, z]);
        expect(Math.abs(q[0]), `${aspect} ${x} ${y} ${z}`).toBeLessThan(1);
        expect(Math.abs(q[1]), `${aspect} ${x} ${y} ${z}`).toBeLessThan(1);
      }
    }
  });

  it('sees the near corner before the far one (depth), and nothing behind it', () => {
    const m = viewProjection({ azimuth: 45, elevation: 30, zoom: 1 }, 1);
    expect(project(m, [1, 1, 0])[2]).toBeLessThan(project(m, [-1, -1, 0])[2]);
    expect(project(m, [100, 100, 40]).every(Number.isNaN)).toBe(true);
  });
});

describe('the 3-D view\'s geometry', () => {
  it('maps the box to −1 … 1 and meshes the finite cells, two triangles each, normals up on a flat surface', () => {
    expect(toWorld({ x: [0, 4], y: [-2, 2] }, [1, 0, 0.3])).toEqual([-0.5, 0, 0.3]);
    const flat: Surface3d = {
      x: [0, 1, 2], y: [0, 1, 2], box: { x: [0, 2], y: [0, 2] },
      heights: Float32Array.from([0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, NaN]),
      values: new Float32Array(9), height: () => 0.5, ticks: { at: [], labels: [] },
    };
    const m = surfaceMesh(flat);
    // Four cells, one with a NaN corner: three cells drawn.
    expect(m.indices.length).toBe(3 * 6);
    expect([Math.abs(m.normals[0]), Math.abs(m.normals[1]), m.normals[2]]).toEqual([0, 0, 1]);
    expect([...m.positions.slice(0, 3)]).toEqual([-1, -1, 0.5]);
  });

  it('draws a segment as two triangles of its width in pixels, and a dot as a fan', () => {
    const t = new Triangles();
    t.segment([0, 0, 0], [0.5, 0, 0], 4, [1, 0, 0, 1], 200, 100);
    expect(t.positions).toHaveLength(6 * 3);
    // 4 px wide on a plot 100 px tall: ±2 px, 0.04 in NDC units.
    const ys = t.positions.filter((_, i) => i % 3 === 1);
    expect(Math.max(...ys) - Math.min(...ys)).toBeCloseTo(4 * 2 / 100, 9);
    const d = new Triangles();
    d.fan([0, 0, 0], () => 5, 8, [0, 0, 0, 1], 100, 100);
    expect(d.positions).toHaveLength(8 * 3 * 3);
    expect(Math.max(...d.positions.filter((_, i) => i % 3 === 0))).toBeCloseTo(0.1, 6);
  });
});
