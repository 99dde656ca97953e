// What the 3-D view's WebGL draws, as plain arrays: the surface's mesh in world space (x and y of the box
// scaled to −1 … 1, the height 0 … 1), the box's floor and edges, and the paths and dots as screen-space
// triangles (CPU-projected, so lines keep their width in pixels and dots their size, whatever the depth).
import type { Surface3d } from '../../state/surface';
import type { Box } from '../../core';
import { project, type Mat4 } from './camera';

export type Point3 = [number, number, number];
export type RGBA = [number, number, number, number];

/** A data point (x, y, height) in world space. */
export function toWorld(box: Box, p: Point3): Point3 {
  return [(2 * (p[0] - box.x[0])) / (box.x[1] - box.x[0]) - 1, (2 * (p[1] - box.y[0])) / (box.y[1] - box.y[0]) - 1, p[2]];
}

export interface Mesh {
  positions: Float32Array;
  values: Float32Array;
  normals: Float32Array;
  /** Two triangles per cell whose four corners are finite. */
  indices: Uint32Array;
}

export function surfaceMesh(s: Surface3d): Mesh {
  const nx = s.x.length, ny = s.y.length;
  const positions = new Float32Array(nx * ny * 3), normals = new Float32Array(nx * ny * 3);
  const h = (i: number, j: number) => s.heights[Math.min(ny - 1, Math.max(0, j)) * nx + Math.min(nx - 1, Math.max(0, i))];
  const dx = 2 / (nx - 1), dy = 2 / (ny - 1);
  for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) {
    const k = 3 * (j * nx + i);
    positions[k] = -1 + i * dx;
    positions[k + 1] = -1 + j * dy;
    positions[k + 2] = h(i, j);
    // The normal from central differences (one-sided at the edges and beside a hole).
    let gx = (h(i + 1, j) - h(i - 1, j)) / ((Math.min(nx - 1, i + 1) - Math.max(0, i - 1)) * dx);
    let gy = (h(i, j + 1) - h(i, j - 1)) / ((Math.min(ny - 1, j + 1) - Math.max(0, j - 1)) * dy);
    if (!Number.isFinite(gx)) gx = 0;
    if (!Number.isFinite(gy)) gy = 0;
    const l = Math.hypot(gx, gy, 1);
    normals[k] = -gx / l;
    normals[k + 1] = -gy / l;
    normals[k + 2] = 1 / l;
  }
  const indices: number[] = [];
  for (let j = 0; j < ny - 1; j++) for (let i = 0; i < nx - 1; i++) {
    const a = j * nx + i, b = a + 1, c = a + nx + 1, d = a + nx;
    if ([a, b, c, d].every((v) => s.heights[v] === s.heights[v])) indices.push(a, b, c, a, c, d);
  }
  return { positions, values: s.values, normals, indices: Uint32Array.from(indices) };
}

/** Triangles in clip space with a colour per vertex: what the flat program draws. */
export class Triangles {
  positions: number[] = [];
  colors: number[] = [];

  private vertex(p: Point3, c: RGBA): void {
    this.positions.push(p[0], p[1], p[2]);
    this.colors.push(c[0], c[1], c[2], c[3]);
  }

  /** A segment `width` pixels wide between two projected points (NDC), on a plot w × h pixels. */
  segment(a: Point3, b: Point3, width: number, c: RGBA, w: number, h: number): void {
    const X = (b[0] - a[0]) * w, Y = (b[1] - a[1]) * h, l = Math.hypot(X, Y);
    if (!(l > 0)) return;
    // Half the width along the normal, back in NDC units; the ends stretched by the same so joins close.
    const nx = (-Y / l) * (width / w), ny = (X / l) * (width / h);
    const ex = (X / l) * (width / w) * 0.5, ey = (Y / l) * (width / h) * 0.5;
    const a0: Point3 = [a[0] - ex + nx, a[1] - ey + ny, a[2]], a1: Point3 = [a[0] - ex - nx, a[1] - ey - ny, a[2]];
    const b0: Point3 = [b[0] + ex + nx, b[1] + ey + ny, b[2]], b1: Point3 = [b[0] + ex - nx, b[1] + ey - ny, b[2]];
    for (const p of [a0, a1, b0, a1, b1, b0]) this.vertex(p, c);
  }

  /** A filled polygon of `corners` (k points around a centre, radii r(k) in pixels): a disc or a star. */
  fan(at: Point3, r: (k: number) => number, corners: number, c: RGBA, w: number, h: number): void {
    const point = (k: number): Point3 => {
      const t = (2 * Math.PI * k) / corners + Math.PI / 2;
      return [at[0] + (2 * r(k) * Math.cos(t)) / w, at[1] + (2 * r(k) * Math.sin(t)) / h, at[2]];
    };
    for (let k = 0; k < corners; k++) {
      this.vertex(at, c);
      this.vertex(point(k), c);
      this.vertex(point(k + 1), c);
    }
  }
}

/** A path's projected points, cut where a point is not finite or behind the camera. */
export function projectPath(m: Mat4, box: Box, points: Point3[]): (Point3 | null)[] {
  return points.map((p) => {
    const q = project(m, toWorld(box, p));
    return q.every(Number.isFinite) ? q : null;
  });
}
