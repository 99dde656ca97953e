// The rate map's canvas on the page: its cells, or its curve over the band of rates q ≥ 1, and the lines and markers
// of its overlay (mapOverlay.ts), at the plot's own coordinates (`px`, `py`).
import type { MapAxes } from '../state/ratemap';
import { EDGE, type MapLine, type MapMarker } from './mapOverlay';
import { DIVERGED, rateColor, STALLED } from './ratemapDraw';
import type { SmallPlot } from './smallPlot';

export interface MapCanvas {
  g: CanvasRenderingContext2D;
  /** The plot area. */
  area: SmallPlot;
  /** Where η and the second setting (or a curve's rate q) fall on the canvas. */
  px: (lr: number) => number;
  py: (v: number) => number;
}

/** Each cell in the colour of its rate. */
export function mapCells({ g, area }: MapCanvas, axes: MapAxes, values: Float64Array): void {
  const n = axes.lrs.length, rows = axes.second!.values.length;
  const cw = area.width / (n - 1), ch = area.height / (rows - 1);
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < n; i++) {
      g.fillStyle = rateColor(values[j * n + i]);
      g.fillRect(area.left + (i - 0.5) * cw, area.top + area.height - (j + 0.5) * ch, cw + 0.5, ch + 0.5);
    }
  }
}

/** A curve's band of the rates q ≥ 1, above its decades, in the colour of a map's cells there. */
export function curveBand({ g, area, py }: MapCanvas): void {
  g.fillStyle = STALLED;
  g.fillRect(area.left, py(Infinity), area.width, py(1) - py(Infinity));
}

/** A curve: the rate at each η, broken where a run diverged (a grey column) or was not measured. */
export function curveLine({ g, area, px, py }: MapCanvas, axes: MapAxes, values: Float64Array): void {
  const cw = area.width / (axes.lrs.length - 1);
  g.lineWidth = 2;
  g.strokeStyle = '#2c7fb8';
  g.beginPath();
  let open = false;
  axes.lrs.forEach((lr, i) => {
    const v = values[i];
    if (!Number.isFinite(v)) {
      g.fillStyle = v === Infinity ? DIVERGED : '#fff';
      g.fillRect(px(lr) - cw / 2, area.top, cw + 0.5, area.height);
      open = false;
      return;
    }
    if (open) g.lineTo(px(lr), py(v));
    else g.moveTo(px(lr), py(v));
    open = true;
  });
  g.stroke();
}

export function mapLine({ g, px, py }: MapCanvas, l: MapLine): void {
  g.setLineDash(l.dashed ? [5, 4] : []);
  g.strokeStyle = EDGE;
  g.lineWidth = 1.5;
  g.beginPath();
  l.points.forEach(([lr, v], j) => (j === 0 ? g.moveTo(px(lr), py(v)) : g.lineTo(px(lr), py(v))));
  g.stroke();
  g.setLineDash([]);
}

export function mapMarker({ g, px, py }: MapCanvas, { at: [lr, y], shape, color: fill }: MapMarker): void {
  const x = px(lr), yy = py(y);
  if (shape === 'dot') {
    // The run itself: its colour inside a white ring with a dark edge, visible on any cell.
    g.beginPath();
    g.arc(x, yy, 7.5, 0, 2 * Math.PI);
    g.fillStyle = '#fff';
    g.fill();
    g.strokeStyle = '#111';
    g.lineWidth = 1;
    g.stroke();
    g.beginPath();
    g.arc(x, yy, 5, 0, 2 * Math.PI);
    g.fillStyle = fill;
    g.fill();
    return;
  }
  g.fillStyle = fill;
  g.strokeStyle = '#fff';
  g.lineWidth = 1.5;
  g.beginPath();
  if (shape === 'diamond') {
    g.moveTo(x, yy - 6);
    g.lineTo(x + 6, yy);
    g.lineTo(x, yy + 6);
    g.lineTo(x - 6, yy);
    g.closePath();
  } else {
    for (let k = 0; k < 10; k++) {
      const r = k % 2 ? 3 : 7.5, a = -Math.PI / 2 + (k * Math.PI) / 5;
      g.lineTo(x + r * Math.cos(a), yy + r * Math.sin(a));
    }
    g.closePath();
  }
  g.fill();
  g.stroke();
}
