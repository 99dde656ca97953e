// The rate map's and the range test's small canvas plots: one ground (the canvas at the screen's density,
// the plot area filled and clipped) and one frame (its border, η's ticks below, the y-axis's ticks and title).
export interface SmallPlot {
  g: CanvasRenderingContext2D;
  /** The plot area in CSS pixels. */
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Sizes, clears and fills the canvas; what is drawn next is clipped to the plot area until `plotFrame`. `width`
 * and `height` are in the plot's own units, `zoom` CSS pixels each (1.5 in the presentation: larger type).
 */
export function plotGround(canvas: HTMLCanvasElement, width: number, height: number, m: { left: number; right: number; top: number; bottom: number }, zoom = 1): SmallPlot {
  const dpr = (window.devicePixelRatio || 1) * zoom;
  canvas.width = Math.round(width * dpr);
  canvas.height = Math.round(height * dpr);
  const g = canvas.getContext('2d')!;
  g.setTransform(dpr, 0, 0, dpr, 0, 0);
  g.clearRect(0, 0, width, height);
  const p = { g, left: m.left, top: m.top, width: width - m.left - m.right, height: height - m.top - m.bottom };
  g.fillStyle = '#f4f6f8';
  g.fillRect(p.left, p.top, p.width, p.height);
  g.save();
  g.beginPath();
  g.rect(p.left, p.top, p.width, p.height);
  g.clip();
  return p;
}

/** Ends the clip and draws the frame: `x` ticks at px(v) under the plot with η below, `y` ticks at their heights, the y title turned. */
export function plotFrame(p: SmallPlot, x: { at: number[]; px: (v: number) => number; label: (v: number) => string }, y: { at: number[]; py: (v: number) => number; label: (v: number) => string; title: string }): void {
  const { g, left, top, width, height } = p;
  g.restore();
  g.strokeStyle = '#667';
  g.lineWidth = 1;
  g.strokeRect(left, top, width, height);
  g.fillStyle = '#334';
  g.font = '11px system-ui, sans-serif';
  g.textAlign = 'center';
  g.textBaseline = 'top';
  for (const v of x.at) g.fillText(x.label(v), x.px(v), top + height + 4);
  g.fillText('η', left + width / 2, top + height + 19);
  g.textAlign = 'right';
  g.textBaseline = 'middle';
  for (const v of y.at) g.fillText(y.label(v), left - 4, y.py(v));
  g.save();
  g.translate(11, top + height / 2);
  g.rotate(-Math.PI / 2);
  g.textAlign = 'center';
  g.fillText(y.title, 0, 0);
  g.restore();
}
