// The 3-D view as a PNG for lecture notes: drawn off-screen at the print size times the scale, with the
// camera the screen has, heavier lines and type, the runs' legend and the title above it.
import { surfaceRenderer } from './renderer';
import { paintLabels, surfaceFrame, type SurfaceLook, type SurfaceScene } from './scene';

export interface SurfacePrint {
  /** The runs' names and colours, for the legend. */
  legend: { name: string; color: string }[];
  title?: string;
}

const FONT = 19;
const LEGEND_ROW = 28;

export async function surfaceImage(scene: SurfaceScene, look: Pick<SurfaceLook, 'camera' | 'width' | 'height'>, scale: number, print: SurfacePrint): Promise<Blob> {
  const W = Math.round(look.width * scale), H = Math.round(look.height * scale);
  // Room above the surface for the title and one row per run.
  const top = (print.title ? 48 : 16) + print.legend.length * LEGEND_ROW;
  const gl = document.createElement('canvas');
  [gl.width, gl.height] = [W, Math.round((look.height - top) * scale)];
  const renderer = surfaceRenderer(gl);
  if (!renderer) throw new Error('WebGL2 is not available');
  const plot = { ...look, height: look.height - top, scale, font: FONT, stroke: 1.5 };
  const { frame, labels } = surfaceFrame(scene, plot);
  renderer.draw(frame);
  const out = document.createElement('canvas');
  [out.width, out.height] = [W, H];
  const ctx = out.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, W, H);
  ctx.drawImage(gl, 0, Math.round(top * scale));
  renderer.dispose();
  ctx.save();
  ctx.translate(0, Math.round(top * scale));
  paintLabels(ctx, labels, scale, FONT);
  ctx.restore();
  ctx.save();
  ctx.scale(scale, scale);
  ctx.textBaseline = 'middle';
  ctx.fillStyle = '#111';
  if (print.title) {
    ctx.font = `28px system-ui, sans-serif`;
    ctx.textAlign = 'center';
    ctx.fillText(print.title, look.width / 2, 26);
  }
  ctx.font = `${FONT}px system-ui, sans-serif`;
  ctx.textAlign = 'left';
  print.legend.forEach((r, k) => {
    const y = (print.title ? 48 : 16) + k * LEGEND_ROW + LEGEND_ROW / 2;
    ctx.strokeStyle = r.color;
    ctx.lineWidth = 4;
    ctx.beginPath();
    ctx.moveTo(40, y);
    ctx.lineTo(80, y);
    ctx.stroke();
    ctx.fillStyle = '#111';
    ctx.fillText(r.name, 90, y);
  });
  ctx.restore();
  return new Promise((done, fail) => out.toBlob((b) => (b ? done(b) : fail(new Error('the PNG could not be made'))), 'image/png'));
}
