// The 3-D view's camera: it orbits the plotted box (x and y scaled to −1 … 1, the height to 0 … 1), looking
// at its centre with z up. Matrices are column-major, as WebGL takes them.
import type { Camera } from '../../state/surface';

export type Mat4 = Float32Array;

/** The centre the camera looks at: the middle of the box, half way up. */
const TARGET: [number, number, number] = [0, 0, 0.5];
/** The distance at zoom 1, and the vertical field of view: the whole box fits a landscape plot. */
const DISTANCE = 5.8;
const FOV = (28 * Math.PI) / 180;

/** The camera's position. */
export function eye(c: Camera): [number, number, number] {
  const a = (c.azimuth * Math.PI) / 180, e = (c.elevation * Math.PI) / 180, d = DISTANCE / c.zoom;
  return [TARGET[0] + d * Math.cos(e) * Math.cos(a), TARGET[1] + d * Math.cos(e) * Math.sin(a), TARGET[2] + d * Math.sin(e)];
}

function multiply(a: Mat4, b: Mat4): Mat4 {
  const out = new Float32Array(16);
  for (let c = 0; c < 4; c++) for (let r = 0; r < 4; r++) {
    let s = 0;
    for (let k = 0; k < 4; k++) s += a[k * 4 + r] * b[c * 4 + k];
    out[c * 4 + r] = s;
  }
  return out;
}

function lookAt(from: number[], to: number[]): Mat4 {
  const sub = (p: number[], q: number[]) => [p[0] - q[0], p[1] - q[1], p[2] - q[2]];
  const unit = (v: number[]) => {
    const l = Math.hypot(v[0], v[1], v[2]);
    return [v[0] / l, v[1] / l, v[2] / l];
  };
  const cross = (p: number[], q: number[]) => [p[1] * q[2] - p[2] * q[1], p[2] * q[0] - p[0] * q[2], p[0] * q[1] - p[1] * q[0]];
  const dot = (p: number[], q: number[]) => p[0] * q[0] + p[1] * q[1] + p[2] * q[2];
  const f = unit(sub(to, from));
  const s = unit(cross(f, [0, 0, 1]));
  const u = cross(s, f);
  return new Float32Array([s[0], u[0], -f[0], 0, s[1], u[1], -f[1], 0, s[2], u[2], -f[2], 0, -dot(s, from), -dot(u, from), dot(f, from), 1]);
}

/** The plot's shape the box was framed for: a narrower plot sees more, so the box still fits its width. */
const FRAMED_ASPECT = 1.1;

function perspective(aspect: number): Mat4 {
  const f = Math.min(1, aspect / FRAMED_ASPECT) / Math.tan(FOV / 2), near = 0.1, far = 50;
  return new Float32Array([f / aspect, 0, 0, 0, 0, f, 0, 0, 0, 0, (far + near) / (near - far), -1, 0, 0, (2 * far * near) / (near - far), 0]);
}

/** World → clip space for a plot `aspect` (width / height) wide. */
export function viewProjection(c: Camera, aspect: number): Mat4 {
  return multiply(perspective(aspect), lookAt(eye(c), TARGET));
}

/**
 * A world point in normalized device coordinates: x and y in −1 … 1 across the plot (y up), z the depth
 * in −1 … 1 (near to far). Points behind the camera come out with w ≤ 0 and are NaN.
 */
export function project(m: Mat4, p: readonly [number, number, number]): [number, number, number] {
  const w = m[3] * p[0] + m[7] * p[1] + m[11] * p[2] + m[15];
  if (!(w > 0)) return [NaN, NaN, NaN];
  return [
    (m[0] * p[0] + m[4] * p[1] + m[8] * p[2] + m[12]) / w,
    (m[1] * p[0] + m[5] * p[1] + m[9] * p[2] + m[13]) / w,
    (m[2] * p[0] + m[6] * p[1] + m[10] * p[2] + m[14]) / w,
  ];
}
