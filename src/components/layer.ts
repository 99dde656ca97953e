// The live figure's one drawing of everything that moves: the marks, painted on a canvas over Plotly's
// axes through our own frame, every time they change (a slider tick, the playhead) — never by Plotly.
// A line is thinned to the pixel (a point closer than one pixel to the last one kept adds nothing) and
// stroked as one Path2D, so 8 runs × 2,000 steps cost about what the screen can show, not what they hold.
import { projection, type Frame } from './frame';
import type { DotMark, LineMark, Mark } from './marks';

/** What the layer drew, for hover and for tests: every line's kept points in CSS pixels, and each dot. */
export interface Drawn {
  frame: Frame;
  lines: { mark: LineMark; index: Int32Array; px: Float32Array; py: Float32Array }[];
  dots: { mark: DotMark; at: [number, number] }[];
  /** The x of every vertical rule. */
  rules: number[];
}

// Beyond this many pixels a coordinate only says "far off-screen"; canvas paths need finite, sane numbers.
const FAR = 1e6;
const clamp = (v: number) => (v > FAR ? FAR : v < -FAR ? -FAR : v);

/** Sizes the canvas to the frame (device pixels) and paints `marks`; returns what it drew. */
export function paintLayer(canvas: HTMLCanvasElement, frame: Frame, marks: Mark[]): Drawn {
  const dpr = devicePixelRatio || 1;
  const w = Math.round(frame.width * dpr), h = Math.round(frame.height * dpr);
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  const ctx = canvas.getContext('2d')!;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, frame.width, frame.height);
  const { px, py } = projection(frame);
  const drawn: Drawn = { frame, lines: [], dots: [], rules: [] };

  ctx.save();
  ctx.beginPath();
  ctx.rect(frame.x.offset, frame.y.offset, frame.x.length, frame.y.length);
  ctx.clip();
  ctx.lineJoin = 'round';
  for (const m of marks) {
    if (m.kind === 'rule') {
      const x = px(m.x);
      ctx.strokeStyle = m.color;
      ctx.lineWidth = m.width;
      ctx.setLineDash([2, 3]);
      ctx.beginPath();
      ctx.moveTo(x, frame.y.offset);
      ctx.lineTo(x, frame.y.offset + frame.y.length);
      ctx.stroke();
      ctx.setLineDash([]);
      drawn.rules.push(x);
    } else if (m.kind === 'line') {
      drawn.lines.push(line(ctx, m, px, py));
    }
  }
  ctx.restore();
  // Dots last, over every line; a divergence cross may stick out of the plot area.
  for (const m of marks) {
    if (m.kind !== 'dot') continue;
    const at: [number, number] = [px(m.x), py(m.y)];
    if (!Number.isFinite(at[0]) || !Number.isFinite(at[1])) continue;
    ctx.save();
    if (!m.unclipped) {
      ctx.beginPath();
      ctx.rect(frame.x.offset, frame.y.offset, frame.x.length, frame.y.length);
      ctx.clip();
    }
    dot(ctx, m, at);
    ctx.restore();
    drawn.dots.push({ mark: m, at });
  }
  return drawn;
}

function line(ctx: CanvasRenderingContext2D, m: LineMark, px: (v: number) => number, py: (v: number) => number): Drawn['lines'][number] {
  const n = m.y.length;
  const index = new Int32Array(n), xs = new Float32Array(n), ys = new Float32Array(n);
  const path = new Path2D();
  let kept = 0, pen = false, lx = NaN, ly = NaN;
  for (let i = 0; i < n; i++) {
    const x = px(m.x ? m.x[i] : i), y = py(m.y[i]);
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      pen = false;
      continue;
    }
    // Within a pixel of the last point kept: invisible, unless it ends the line.
    if (pen && i < n - 1 && Math.abs(x - lx) < 1 && Math.abs(y - ly) < 1) continue;
    if (pen) path.lineTo(clamp(x), clamp(y));
    else path.moveTo(clamp(x), clamp(y));
    pen = true;
    lx = x;
    ly = y;
    index[kept] = i;
    xs[kept] = x;
    ys[kept] = y;
    kept++;
  }
  ctx.strokeStyle = m.color;
  ctx.lineWidth = m.width;
  ctx.stroke(path);
  if (m.dots) {
    const r = m.dots / 2, marks = new Path2D();
    for (let k = 0; k < kept; k++) {
      marks.moveTo(xs[k] + r, ys[k]);
      marks.arc(xs[k], ys[k], r, 0, 2 * Math.PI);
    }
    ctx.fillStyle = m.color;
    ctx.fill(marks);
  }
  return { mark: m, index: index.subarray(0, kept), px: xs.subarray(0, kept), py: ys.subarray(0, kept) };
}

function dot(ctx: CanvasRenderingContext2D, m: DotMark, [x, y]: [number, number]): void {
  const r = m.size / 2;
  ctx.beginPath();
  if (m.symbol === 'cross') {
    ctx.moveTo(x - r, y - r);
    ctx.lineTo(x + r, y + r);
    ctx.moveTo(x + r, y - r);
    ctx.lineTo(x - r, y + r);
    ctx.strokeStyle = m.color;
    ctx.lineWidth = m.ring?.width ?? 1;
    ctx.stroke();
    return;
  }
  ctx.arc(x, y, r, 0, 2 * Math.PI);
  if (m.symbol === 'circle') {
    ctx.fillStyle = m.color;
    ctx.fill();
  }
  if (m.ring) {
    ctx.strokeStyle = m.ring.color;
    ctx.lineWidth = m.ring.width;
    ctx.stroke();
  }
}

/** The drawn point of a line nearest to (x, y) within `radius` CSS pixels: its line and step. */
export function nearest(drawn: Drawn, x: number, y: number, radius = 8): { mark: LineMark; i: number; at: [number, number] } | null {
  let best: { mark: LineMark; i: number; at: [number, number] } | null = null;
  let d2 = radius * radius;
  for (const l of drawn.lines) {
    for (let k = 0; k < l.px.length; k++) {
      const dx = l.px[k] - x, dy = l.py[k] - y, e = dx * dx + dy * dy;
      if (e <= d2) {
        d2 = e;
        best = { mark: l.mark, i: l.index[k], at: [l.px[k], l.py[k]] };
      }
    }
  }
  return best;
}
