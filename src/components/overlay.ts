// While an input moves the paths many times a second, Plotly's SVG cannot keep up: each redraw
// restyles thousands of elements. Meanwhile the scatter traces are painted on a canvas over the plot
// area, with Plotly's own axes; once input rests, Plotly draws the full figure again (hover included).
import type { Data } from 'plotly.js-dist-min';

interface Axis {
  _offset: number;
  _length: number;
  d2l(v: unknown): number;
  l2p(v: number): number;
}

type Trace = {
  type?: string;
  mode?: string;
  x?: ArrayLike<number>;
  y?: ArrayLike<number>;
  yaxis?: string;
  line?: { color?: string; width?: number; dash?: string };
  marker?: { color?: string; size?: number; symbol?: string; line?: { color?: string; width?: number } };
};

/** Paints every scatter trace of `data` on `canvas`, placed over `div`'s plot, through its current axes. */
export function paintOverlay(canvas: HTMLCanvasElement, div: HTMLElement, data: Data[]): void {
  const full = (div as unknown as { _fullLayout?: Record<string, Axis> })._fullLayout;
  const ctx = canvas.getContext('2d');
  if (!full?.xaxis || !ctx) return;
  const w = div.clientWidth, h = div.clientHeight, dpr = devicePixelRatio || 1;
  if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(h * dpr);
    canvas.style.width = `${w}px`;
    canvas.style.height = `${h}px`;
  }
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, w, h);
  const xa = full.xaxis;
  const main = full.yaxis;
  ctx.save();
  ctx.beginPath();
  ctx.rect(xa._offset, main._offset, xa._length, main._length);
  ctx.clip();
  for (const t of data as Trace[]) {
    if (t.type !== 'scatter' || !t.y) continue;
    const ya = full[t.yaxis === 'y2' ? 'yaxis2' : 'yaxis'] ?? main;
    const n = t.y.length;
    const px = new Float64Array(n), py = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      px[i] = xa._offset + xa.l2p(xa.d2l(t.x ? t.x[i] : i));
      py[i] = ya._offset + ya.l2p(ya.d2l(t.y[i]));
    }
    const mode = t.mode ?? '';
    if (mode.includes('lines')) strokeLine(ctx, px, py, t.line ?? {});
    // Hundreds of iterates' dots along a path merge into its line at this size: skip them while moving.
    if (mode.includes('markers') && n <= 300) paintMarkers(ctx, px, py, t.marker ?? {});
  }
  ctx.restore();
}

function strokeLine(ctx: CanvasRenderingContext2D, px: Float64Array, py: Float64Array, line: NonNullable<Trace['line']>): void {
  ctx.strokeStyle = line.color ?? '#000';
  ctx.lineWidth = line.width ?? 2;
  ctx.setLineDash(line.dash === 'dot' ? [2, 3] : []);
  ctx.beginPath();
  let pen = false;
  for (let i = 0; i < px.length; i++) {
    const ok = Number.isFinite(px[i]) && Number.isFinite(py[i]);
    if (ok && pen) ctx.lineTo(px[i], py[i]);
    else if (ok) ctx.moveTo(px[i], py[i]);
    pen = ok;
  }
  ctx.stroke();
  ctx.setLineDash([]);
}

function paintMarkers(ctx: CanvasRenderingContext2D, px: Float64Array, py: Float64Array, m: NonNullable<Trace['marker']>): void {
  const r = (m.size ?? 6) / 2;
  const symbol = m.symbol ?? 'circle';
  ctx.fillStyle = m.color ?? '#000';
  ctx.strokeStyle = m.line?.color ?? m.color ?? '#000';
  ctx.lineWidth = m.line?.width ?? 1;
  for (let i = 0; i < px.length; i++) {
    const x = px[i], y = py[i];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    if (symbol.startsWith('x')) {
      ctx.beginPath();
      ctx.moveTo(x - r, y - r);
      ctx.lineTo(x + r, y + r);
      ctx.moveTo(x + r, y - r);
      ctx.lineTo(x - r, y + r);
      ctx.stroke();
    } else if (r <= 2.5) {
      // The iterates along a path: squares are a fraction of the cost of circles, and as small.
      ctx.fillRect(x - r, y - r, 2 * r, 2 * r);
    } else {
      ctx.beginPath();
      ctx.arc(x, y, r, 0, 2 * Math.PI);
      if (!symbol.endsWith('open')) ctx.fill();
      if (m.line?.width) ctx.stroke();
    }
  }
}
