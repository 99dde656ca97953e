// An animated GIF for slides: print figures drawn off-screen one by one, encoded by gifenc.
import { applyPalette, GIFEncoder, quantize } from 'gifenc';
import type { Figure } from './figures';
import { loadPlotly } from './plotly';

type Size = { width: number; height: number };

/** A figure drawn off-screen (no mode bar, no hover) as RGBA pixels. */
async function pixels(fig: Figure, size: Size): Promise<Uint8ClampedArray> {
  const Plotly = await loadPlotly();
  const url = await Plotly.toImage({ data: fig.data, layout: fig.layout, config: { staticPlot: true, displayModeBar: false } }, { format: 'png', ...size });
  const img = new Image();
  img.src = url;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.drawImage(img, 0, 0);
  return ctx.getImageData(0, 0, size.width, size.height).data;
}

/**
 * The frames as a looping GIF, `delay` ms each and the last held for a second and a half. One palette
 * for all, from the last frame: the frames differ only in where the marks are, not in their colours,
 * and a shared palette keeps the background from flickering. `onframe` hears of each frame done.
 */
export async function animatedGif(frames: Figure[], size: Size, delay: number, onframe: (done: number) => void): Promise<Blob> {
  const gif = GIFEncoder();
  const palette = quantize(await pixels(frames[frames.length - 1], size), 256);
  for (const [i, frame] of frames.entries()) {
    const index = applyPalette(await pixels(frame, size), palette);
    gif.writeFrame(index, size.width, size.height, { palette, delay: i === frames.length - 1 ? 1500 : delay });
    onframe(i + 1);
  }
  gif.finish();
  return new Blob([gif.bytes() as Uint8Array<ArrayBuffer>], { type: 'image/gif' });
}
