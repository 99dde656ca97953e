// The live figure's one drawing of everything that moves: the marks, painted on a canvas over Plotly's
// axes through our own frame, every time they change (a slider tick, the playhead) — never by Plotly.
// A line is thinned to the pixel (a point closer than one pixel to the last one kept adds nothing) and
// stroked as one Path2D. Lines that did not change since the last paint are not stroked again: those
// below and above the ones that did are kept as two bitmaps, so dragging one run's η strokes one path.
import { projection, type Frame } from './frame';
import type { DotMark, LineMark, Mark, RuleMark } from './marks';

type DrawnLine = { mark: LineMark; index: Int32Array; px: Float32Array; py: Float32Array };

/** What the layer drew, for hover and for tests: every line's kept points in CSS pixels, and each dot. */
export interface Drawn {
  frame: Frame;
  lines: DrawnLine[];
  dots: { mark: DotMark; at: [number, number] }[];
  /** The x of every vertical rule. */
  rules: number[];
}

/** Lines and rules, in drawing order: what the bitmaps may hold. */
type Stroke = LineMark | RuleMark;
type Ctx = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

// Beyond this many pixels a coordinate only says "far off-screen"; canvas paths need finite, sane numbers.
const FAR = 1e6;
const clamp = (v: number) => (v > FAR ? FAR : v < -FAR ? -FAR : v);

function sameArray(a: ArrayLike<number> | null | undefined, b: ArrayLike<number> | null | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/** Whether two strokes paint the same pixels (a name, as "SGD η=0.5", is not painted: a drag renames a run's seeds). */
function sameStroke(a: Stroke, b: Stroke): boolean {
  if (a.kind === 'rule' || b.kind === 'rule') return a.kind === b.kind && a.x === b.x && a.color === b.color && a.width === b.width;
  return a.color === b.color && a.width === b.width && a.dots === b.dots && a.heads === b.heads && a.opacity === b.opacity
    && a.halo?.color === b.halo?.color && a.halo?.width === b.halo?.width
    && sameArray(a.dash, b.dash) && sameArray(a.x, b.x) && sameArray(a.y, b.y);
}

function sameFrame(a: Frame, b: Frame): boolean {
  const axis = (p: Frame['x'], q: Frame['x']) => p.offset === q.offset && p.length === q.length && p.log === q.log && p.range[0] === q.range[0] && p.range[1] === q.range[1];
  return a.width === b.width && a.height === b.height && axis(a.x, b.x) && axis(a.y, b.y);
}

function sameDots(now: DotMark[], before: Drawn['dots']): boolean {
  return now.length === before.length && now.every((a, i) => {
    const b = before[i].mark;
    return a.x === b.x && a.y === b.y && a.color === b.color && a.size === b.size && a.symbol === b.symbol && a.unclipped === b.unclipped
      && a.ring?.color === b.ring?.color && a.ring?.width === b.ring?.width;
  });
}

const CACHE_POINTS = 4000;

function points(strokes: Stroke[], from: number, to: number): number {
  let n = 0;
  for (let k = from; k <= to; k++) n += strokes[k].kind === 'line' ? (strokes[k] as LineMark).y.length : 1;
  return n;
}

/** A painter for one canvas: call it with the latest frame and marks; it returns what it drew. */
export function layerPainter(canvas: HTMLCanvasElement) {
  let frame: Frame | null = null;
  let strokes: Stroke[] = [];
  let results: (DrawnLine | number)[] = [];
  /** strokes[live[0] .. live[1]] are stroked on every paint; the rest come from the two bitmaps. */
  let live: [number, number] = [0, -1];
  let below: OffscreenCanvas | null = null;
  let above: OffscreenCanvas | null = null;
  let drawn: Drawn | null = null;

  function bitmap(from: number, to: number): OffscreenCanvas | null {
    if (from > to) return null;
    const b = new OffscreenCanvas(canvas.width, canvas.height);
    drawStrokes(b.getContext('2d')!, frame!, strokes, from, to, results);
    return b;
  }

  return function paint(next: Frame, marks: Mark[]): Drawn {
    const dpr = devicePixelRatio || 1;
    const w = Math.round(next.width * dpr), h = Math.round(next.height * dpr);
    // A new size clears the canvas (so does a new devicePixelRatio, which no frame shows).
    const resized = canvas.width !== w || canvas.height !== h;
    if (resized) {
      canvas.width = w;
      canvas.height = h;
    }
    const now = marks.filter((m): m is Stroke => m.kind !== 'dot');
    const comparable = !resized && frame !== null && sameFrame(frame, next) && now.length === strokes.length;
    // The strokes that changed since the last paint lie between `first` and `last`.
    let first = 0, last = now.length - 1;
    if (comparable) {
      while (first < now.length && sameStroke(now[first], strokes[first])) first++;
      while (last >= first && sameStroke(now[last], strokes[last])) last--;
    }
    // What hover and tests read of a line left as painted is the present mark (its name, its f).
    if (comparable) {
      for (let k = 0; k < now.length; k++) {
        const r = results[k];
        if ((k < first || k > last) && r && typeof r !== 'number' && r.mark !== now[k]) results[k] = { ...r, mark: now[k] as LineMark };
      }
    }
    frame = next;
    strokes = now;
    // Nothing painted changed (a slider moved what another layer draws): the canvas already shows it.
    if (comparable && first > last && drawn && sameDots(marks.filter((m): m is DotMark => m.kind === 'dot'), drawn.dots)) {
      drawn = { ...drawn, lines: results.filter((r): r is DrawnLine => !!r && typeof r !== 'number') };
      return drawn;
    }
    if (!comparable) {
      results = new Array(now.length);
      live = [0, now.length - 1];
      below = above = null;
    } else if (first <= last && (first !== live[0] || last !== live[1])) {
      // Another set of strokes is changing: the ones below and above it go into bitmaps, once — if
      // they are many points (blitting a canvas-sized bitmap costs about a few thousand points' stroke).
      results = new Array(now.length);
      const still = points(now, 0, first - 1) + points(now, last + 1, now.length - 1);
      live = still < CACHE_POINTS ? [0, now.length - 1] : [first, last];
      below = bitmap(0, live[0] - 1);
      above = bitmap(live[1] + 1, now.length - 1);
    } else if (first > last && live[0] <= live[1] && points(now, live[0], live[1]) >= CACHE_POINTS) {
      // Nothing but dots moves (playback): every stroke goes into one bitmap.
      results = new Array(now.length);
      live = [now.length, now.length - 1];
      below = bitmap(0, now.length - 1);
      above = null;
    }
    const ctx = canvas.getContext('2d')!;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    if (below) ctx.drawImage(below, 0, 0);
    drawStrokes(ctx, next, now, live[0], live[1], results);
    if (above) ctx.drawImage(above, 0, 0);
    drawn = drawDots(ctx, next, marks, results);
    return drawn;
  };
}

/** Strokes strokes[from..to] through the frame, clipped to the plot area, and records what they drew. */
function drawStrokes(ctx: Ctx, frame: Frame, strokes: Stroke[], from: number, to: number, results: (DrawnLine | number)[]): void {
  if (from > to) return;
  const dpr = devicePixelRatio || 1;
  const { px, py } = projection(frame);
  ctx.save();
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.beginPath();
  ctx.rect(frame.x.offset, frame.y.offset, frame.x.length, frame.y.length);
  ctx.clip();
  // Mitred joins, bevelled where sharper than 60°: as smooth as round ones at these widths, and Skia strokes a
  // noisy path of thousands of points 3–4 times as fast (round joins made a frame of a 2,000-step SGD drag).
  ctx.lineJoin = 'miter';
  ctx.miterLimit = 2;
  for (let k = from; k <= to; k++) {
    const m = strokes[k];
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
      results[k] = x;
    } else {
      results[k] = line(ctx, m, px, py);
    }
  }
  ctx.restore();
}

/** Dots last, over every line; a divergence cross may stick out of the plot area. */
function drawDots(ctx: CanvasRenderingContext2D, frame: Frame, marks: Mark[], results: (DrawnLine | number)[]): Drawn {
  const dpr = devicePixelRatio || 1;
  const { px, py } = projection(frame);
  const drawn: Drawn = { frame, lines: [], dots: [], rules: [] };
  for (const r of results) {
    if (typeof r === 'number') drawn.rules.push(r);
    else if (r) drawn.lines.push(r);
  }
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
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

/**
 * A wide, opaque, solid line is stroked in pieces of this many points, joined by round caps: Skia (in software)
 * fills a wide stroke's outline scanline by scanline, and a noisy path of 2,000 points that crosses the plot
 * costs it several times more in one piece (10 → 6 ms for an SGD path, 6 → 2 ms for its loss curve). A
 * translucent line stays whole, where overlapping caps would show; a hairline is fast either way.
 */
const PIECE = 64;

function line(ctx: Ctx, m: LineMark, px: (v: number) => number, py: (v: number) => number): DrawnLine {
  const n = m.y.length;
  const index = new Int32Array(n), xs = new Float32Array(n), ys = new Float32Array(n);
  const inPieces = m.width > 1 && (m.opacity ?? 1) === 1 && !m.dash;
  const paths = [new Path2D()];
  let path = paths[0];
  let kept = 0, pen = false, lx = NaN, ly = NaN, run = 0;
  for (let i = 0; i < n; i++) {
    const x = px(m.x ? m.x[i] : i), y = py(m.y[i]);
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      pen = false;
      continue;
    }
    // Within a pixel of the last point kept: invisible, unless it ends the line.
    if (pen && i < n - 1 && Math.abs(x - lx) < 1 && Math.abs(y - ly) < 1) continue;
    if (pen && inPieces && ++run === PIECE) {
      paths.push((path = new Path2D()));
      path.moveTo(clamp(lx), clamp(ly));
      run = 0;
    }
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
  const heads = m.heads ? headsPath(m, xs, ys, index.subarray(0, kept)) : null;
  const r = m.dots / 2;
  let dots: Path2D | null = null;
  if (m.dots) {
    dots = new Path2D();
    for (let k = 0; k < kept; k++) {
      dots.moveTo(xs[k] + r, ys[k]);
      dots.arc(xs[k], ys[k], r, 0, 2 * Math.PI);
    }
  }
  ctx.save();
  ctx.globalAlpha = m.opacity ?? 1;
  if (paths.length > 1) ctx.lineCap = 'round';
  // The halo first, solid under a dashed line too, around heads and dots alike: the line keeps its own colour on top.
  if (m.halo) {
    ctx.strokeStyle = m.halo.color;
    ctx.lineWidth = m.width + 2 * m.halo.width;
    for (const p of paths) ctx.stroke(p);
    ctx.lineWidth = 2 * m.halo.width;
    if (heads) ctx.stroke(heads);
    if (dots) ctx.stroke(dots);
  }
  ctx.strokeStyle = m.color;
  ctx.lineWidth = m.width;
  if (m.dash) ctx.setLineDash(m.dash);
  for (const p of paths) ctx.stroke(p);
  ctx.setLineDash([]);
  ctx.fillStyle = m.color;
  if (heads) ctx.fill(heads);
  ctx.restore();
  // Dots at full strength, however faint their line: a batch cloud is its dots.
  if (dots) {
    ctx.fillStyle = m.color;
    ctx.fill(dots);
  }
  return { mark: m, index: index.subarray(0, kept), px: xs.subarray(0, kept), py: ys.subarray(0, kept) };
}

function dot(ctx: Ctx, m: DotMark, [x, y]: [number, number]): void {
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
    if (l.mark.silent) continue;
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

/** The arrowheads at the end of every segment of a line, pointing along its last piece, as one path. */
function headsPath(m: LineMark, xs: Float32Array, ys: Float32Array, index: Int32Array): Path2D {
  const size = 3 * m.width + 4;
  const path = new Path2D();
  for (let k = 1; k < index.length; k++) {
    const i = index[k];
    const ends = i === m.y.length - 1 || !Number.isFinite(m.y[i + 1]) || (m.x !== null && !Number.isFinite(m.x[i + 1]));
    if (!ends || index[k - 1] !== i - 1) continue;
    const dx = xs[k] - xs[k - 1], dy = ys[k] - ys[k - 1], d = Math.hypot(dx, dy);
    if (d < 1) continue;
    const ux = dx / d, uy = dy / d, s = Math.min(size, d * 0.6);
    path.moveTo(xs[k], ys[k]);
    path.lineTo(xs[k] - s * ux + (s / 2.2) * uy, ys[k] - s * uy - (s / 2.2) * ux);
    path.lineTo(xs[k] - s * ux - (s / 2.2) * uy, ys[k] - s * uy + (s / 2.2) * ux);
    path.closePath();
  }
  return path;
}
