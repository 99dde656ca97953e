// One frame of the 3-D view, from the surface, the paths and the camera: what WebGL draws (renderer.ts),
// the axes' labels (drawn on a 2-D canvas above it), and a record of the paths as drawn, for the browser tests.
import type { Box, LogGrid, TestFunction, Vec2 } from '../../core';
import { niceTicks, pathOnSurface, surface3d, type Camera, type Surface3d, type ZAxis } from '../../state/surface';
import { eye, project, viewProjection } from './camera';
import { projectPath, surfaceMesh, toWorld, Triangles, type Mesh, type Point3, type RGBA } from './geometry';
import type { Frame3d } from './renderer';
import { colorBarTitle } from '../figures';

export interface SurfacePath {
  id: number;
  color: string;
  points: Vec2[];
  /** f at each point. */
  f: number[];
}

/** What the 3-D view shows, whatever the camera and the size. */
export interface SurfaceScene {
  surface: Surface3d;
  mesh: Mesh;
  /** The contour's levels' range (log units), for the band colours. */
  levels: { min: number; max: number };
  paths: SurfacePath[];
  /** The playhead: each path is drawn in full up to it, beyond it as `rest` says. */
  playhead: number;
  rest: 'full' | 'faint' | 'hidden';
  start: { at: Vec2; f: number };
  minima: { at: Vec2; f: number }[];
  /** A coordinate's tick label, and the axes' titles. */
  format: (v: number) => string;
  titles: { x: string; y: string; z: string };
}

/** Samples a side of the surface; a draft, drawn while a drag of the function's sliders outpaces it, has half. */
export const SURFACE_SAMPLES = 100;
export const DRAFT_SAMPLES = 50;

/** The part of a scene that follows the function alone (a drag of η leaves it as it is). */
export type SurfaceShape = Pick<SurfaceScene, 'surface' | 'mesh' | 'levels' | 'minima'>;

/**
 * The function over `area` as the 3-D view draws it, on the contour's levels (`levels`, the function's own
 * box's log grid), its height f or log(f − f*), sampled `n` × `n`; `format` writes the height axis's ticks of f.
 */
export function surfaceShape(fn: TestFunction, levels: LogGrid, area: Box, zaxis: ZAxis, format: (v: number) => string, n = SURFACE_SAMPLES): SurfaceShape {
  const surface = surface3d(fn, levels, area, zaxis, format, n);
  const inside = (p: Vec2) => p[0] >= area.x[0] && p[0] <= area.x[1] && p[1] >= area.y[0] && p[1] <= area.y[1];
  return {
    surface,
    mesh: surfaceMesh(surface),
    levels: { min: levels.min, max: levels.max },
    minima: fn.minima.filter(inside).map((at) => ({ at, f: fn.f(at) })),
  };
}

/** A scene of the shape and the visible runs (their points and f), the playhead, the start, in words of a language. */
export function surfaceScene(
  shape: SurfaceShape, fn: TestFunction,
  o: { paths: { id: number; color: string; points: Vec2[]; f: number[] }[]; playhead: number; rest: SurfaceScene['rest']; start: Vec2; zaxis: ZAxis; axes: [string, string]; format: (v: number) => string },
): SurfaceScene {
  return {
    ...shape,
    paths: o.paths.map((p) => ({ id: p.id, color: p.color, points: p.points, f: p.f })),
    playhead: o.playhead, rest: o.rest,
    start: { at: o.start, f: fn.f(o.start) },
    format: o.format,
    titles: { x: o.axes[0], y: o.axes[1], z: o.zaxis === 'log' ? colorBarTitle(fn) : 'f' },
  };
}

/** How it is looked at: the camera, the plot's size in CSS pixels, device pixels per CSS pixel, the type size. */
export interface SurfaceLook {
  camera: Camera;
  width: number;
  height: number;
  scale: number;
  font: number;
  /** Path widths and dot sizes, times this (the presentation's and print's heavier lines). */
  stroke: number;
}

export interface Label {
  text: string;
  /** CSS pixels from the top left. */
  x: number;
  y: number;
  align: CanvasTextAlign;
  bold?: boolean;
}

/** What a frame drew: each path's points (x, y, f) up to the playhead and where they landed (CSS pixels). */
export interface Drawn3d {
  paths: { id: number; points: [number, number, number][]; px: ([number, number] | null)[] }[];
  camera: Camera;
  triangles: number;
  labels: string[];
}

function rgba(hex: string, alpha = 1): RGBA {
  const n = parseInt(hex.slice(1), 16);
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255, alpha];
}

// A halo is painted once a pixel (renderer.ts), so it can be wide and light without piling up where paths cross.
const WHITE: RGBA = [1, 1, 1, 0.6];
const DARK: RGBA = [0.13, 0.13, 0.13, 1];
const FRAME: RGBA = [0.45, 0.5, 0.56, 0.55];

export function surfaceFrame(input: SurfaceScene, look: SurfaceLook): { frame: Frame3d; labels: Label[]; drawn: Drawn3d } {
  const { surface: s } = input;
  const { width: w, height: h, camera } = look, scale = look.scale * look.stroke;
  const W = w * look.scale, H = h * look.scale;
  const mvp = viewProjection(camera, w / h);
  const box = s.box;
  const px = (q: Point3): [number, number] => [((q[0] + 1) / 2) * w, ((1 - q[1]) / 2) * h];

  // The floor's frame, its grid at the ticks, and the height axis on the corner furthest left on screen.
  const lines = { positions: [] as number[], colors: [] as number[] };
  const line = (a: Point3, b: Point3, c: RGBA) => {
    lines.positions.push(...a, ...b);
    lines.colors.push(...c, ...c);
  };
  const xt = niceTicks(box.x[0], box.x[1]), yt = niceTicks(box.y[0], box.y[1]);
  const wx = (v: number) => toWorld(box, [v, box.y[0], 0])[0], wy = (v: number) => toWorld(box, [box.x[0], v, 0])[1];
  for (const v of xt) line([wx(v), -1, 0], [wx(v), 1, 0], [...FRAME.slice(0, 3), 0.25] as RGBA);
  for (const v of yt) line([-1, wy(v), 0], [1, wy(v), 0], [...FRAME.slice(0, 3), 0.25] as RGBA);
  const corners: Point3[] = [[-1, -1, 0], [1, -1, 0], [1, 1, 0], [-1, 1, 0]];
  corners.forEach((c, k) => line(c, corners[(k + 1) % 4], FRAME));
  const [ex, ey] = eye(camera);
  const front = { x: ex < 0 ? -1 : 1, y: ey < 0 ? -1 : 1 };
  // The height axis stands on the far side from the y-axis's labels, at the corner further left on screen.
  const axis = corners.filter((c) => c[0] !== front.x).map((c) => ({ c, x: project(mvp, c)[0] })).filter((c) => Number.isFinite(c.x)).sort((a, b) => a.x - b.x)[0]?.c ?? corners[0];
  line(axis, [axis[0], axis[1], 1], FRAME);

  const labels: Label[] = [];
  const label = (p: Point3, text: string, align: CanvasTextAlign, bold = false) => {
    const q = project(mvp, p);
    if (q.every(Number.isFinite)) labels.push({ text, ...((([x, y]) => ({ x, y }))(px(q))), align, bold });
  };
  const out = 1.14;
  const side = (q: number) => (project(mvp, [q, 0, 0])[0] < project(mvp, [0, 0, 0])[0] ? 'right' : 'left');
  for (const v of xt) label([wx(v), front.y * out, 0], input.format(v), 'center');
  for (const v of yt) label([front.x * out, wy(v), 0], input.format(v), side(front.x));
  label([0, front.y * 1.32, 0], input.titles.x, 'center', true);
  label([front.x * 1.36, 0, 0], input.titles.y, side(front.x), true);
  const zSide = side(axis[0]);
  s.ticks.at.forEach((z, k) => label([axis[0] * 1.06, axis[1] * 1.06, z], s.ticks.labels[k], zSide));
  label([axis[0] * 1.06, axis[1] * 1.06, 1.12], input.titles.z, zSide, true);

  // The paths: halo, then colour; past the playhead faint or not at all (the renderer draws every halo
  // before any colour, and a halo never hides a line).
  const halos = new Triangles(), marks = new Triangles(), dots = new Triangles();
  const drawn: Drawn3d['paths'] = [];
  for (const p of input.paths) {
    const points = pathOnSurface(s, p.points, p.f);
    const q = projectPath(mvp, box, points);
    const upTo = Math.min(input.playhead, points.length - 1);
    const solid = rgba(p.color), faint = rgba(p.color, 0.3);
    const width = 2.5 * scale;
    const segments = (from: number, to: number, c: RGBA, halo: boolean) => {
      for (let i = from; i < to; i++) {
        const a = q[i], b = q[i + 1];
        if (!a || !b) continue;
        if (halo) halos.segment(a, b, width + 3 * scale, WHITE, W, H);
        marks.segment(a, b, width, c, W, H);
      }
    };
    if (input.rest !== 'hidden') segments(upTo, points.length - 1, input.rest === 'full' ? solid : faint, false);
    segments(0, upTo, solid, true);
    const at = q[upTo];
    if (at) {
      dots.fan(at, () => 6.5 * scale, 16, [1, 1, 1, 1], W, H);
      dots.fan(at, () => 4.5 * scale, 16, solid, W, H);
    }
    drawn.push({
      id: p.id,
      points: p.points.slice(0, upTo + 1).map((pt, i) => [pt[0], pt[1], p.f[i]]),
      px: q.slice(0, upTo + 1).map((v) => (v ? px(v) : null)),
    });
  }
  // The start, ringed in black as on the contour; the minima as white stars.
  const start = project(mvp, toWorld(box, [...input.start.at, s.height(input.start.f) + 0.012]));
  if (start.every(Number.isFinite)) {
    dots.fan(start, () => 8 * scale, 20, DARK, W, H);
    dots.fan(start, () => 5.5 * scale, 20, [1, 1, 1, 0.9], W, H);
  }
  for (const m of input.minima) {
    const at = project(mvp, toWorld(box, [...m.at, s.height(m.f) + 0.012]));
    if (!at.every(Number.isFinite)) continue;
    dots.fan(at, (k) => (k % 2 ? 4.2 : 9.5) * scale, 10, DARK, W, H);
    dots.fan(at, (k) => (k % 2 ? 2.8 : 7) * scale, 10, [1, 1, 1, 1], W, H);
  }

  return {
    frame: { mvp, mesh: input.mesh, levels: input.levels, lines, halos, marks, dots, background: [1, 1, 1, 1] },
    labels,
    drawn: { paths: drawn, camera: camera, triangles: input.mesh.indices.length / 3, labels: labels.map((l) => l.text) },
  };
}

/** The labels on a 2-D canvas the size of the plot (`scale` device pixels per CSS pixel). */
export function paintLabels(ctx: CanvasRenderingContext2D, labels: Label[], scale: number, font: number): void {
  ctx.save();
  ctx.scale(scale, scale);
  ctx.fillStyle = '#2a3542';
  ctx.textBaseline = 'middle';
  for (const l of labels) {
    ctx.font = `${l.bold ? '600 ' : ''}${font}px system-ui, sans-serif`;
    ctx.textAlign = l.align;
    ctx.fillText(l.text, l.x + (l.align === 'left' ? 4 : l.align === 'right' ? -4 : 0), l.y);
  }
  ctx.restore();
}
