// An animated GIF for slides: print figures drawn off-screen, encoded by gifenc. The frames share their
// backdrop (the contour, its colour bar, the axes, the legend, the title), which Plotly draws once; each frame
// draws only its marks over a copy of it, and the GIF keeps only the pixels that changed from frame to frame.
import { applyPalette, GIFEncoder, quantize } from 'gifenc';
import type { Data, Layout } from 'plotly.js-dist-min';
import type { Figure } from './figures';
import { loadPlotly } from './plotly';

type Size = { width: number; height: number };
type Area = { x: number; y: number; width: number; height: number };

/** The palette index of a pixel that is as in the frame before: transparent, over the frame before. */
const SAME = 255;

/** A figure drawn off-screen (no mode bar, no hover) as SVG. */
async function svg(fig: Figure, size: Size): Promise<string> {
  const Plotly = await loadPlotly();
  return Plotly.toImage({ data: fig.data, layout: fig.layout, config: { staticPlot: true, displayModeBar: false } }, { format: 'svg', ...size });
}

/** An SVG (a data URL) painted over what the canvas holds. */
async function paint(ctx: CanvasRenderingContext2D, url: string, size: Size): Promise<void> {
  const img = new Image(size.width, size.height);
  img.src = url;
  await img.decode();
  ctx.drawImage(img, 0, 0, size.width, size.height);
}

/**
 * Where Plotly put the plot area in a drawn figure: the clip rectangle of its x-y axes (`clipPath.axesclip`). The
 * marks are drawn on a figure of that very area (the browser test compares a frame with the still of the same t).
 */
function plotArea(url: string): Area {
  const doc = new DOMParser().parseFromString(decodeURIComponent(url.slice(url.indexOf(',') + 1)), 'image/svg+xml');
  const bg = doc.querySelector('clipPath.axesclip[id$="xy"] rect');
  if (!bg) throw new Error('no plot area in the figure');
  const [x, y, width, height] = ['x', 'y', 'width', 'height'].map((k) => Number(bg.getAttribute(k)));
  return { x, y, width, height };
}

/** The traces every frame shares (the contour and the minima, `meta: 'backdrop'`) and the marks that move. */
const shared = (d: Data) => (d as { meta?: unknown }).meta === 'backdrop';

/**
 * The backdrop: the frame's figure with no annotation (its t) and its marks gone, but for each legend entry's
 * trace as one point beyond the axes, clipped (Plotly leaves a trace with no points out of the legend); the
 * marks: only them, on the backdrop's plot area, on a transparent page with no axes.
 */
function split(fig: Figure, area: Area | null, size: Size): { backdrop: Figure; marks: Figure } {
  const [x, y] = (['xaxis', 'yaxis'] as const).map((k) => {
    const [a, b] = (fig.layout[k]?.range ?? [0, 1]) as [number, number];
    return [b + 10 * (b - a)];
  });
  const named = (d: Data) => (d as { showlegend?: boolean }).showlegend !== false;
  const backdrop: Figure = {
    data: fig.data.flatMap((d) => (shared(d) ? [d] : named(d) ? [{ ...d, x, y, cliponaxis: true } as Data] : [])),
    layout: { ...fig.layout, annotations: [] },
  };
  const a = area ?? { x: 0, y: 0, ...size };
  const axis = (k: 'xaxis' | 'yaxis') => ({ range: fig.layout[k]?.range, visible: false, fixedrange: true });
  const layout: Partial<Layout> = {
    ...size, showlegend: false, paper_bgcolor: 'rgba(0,0,0,0)', plot_bgcolor: 'rgba(0,0,0,0)', annotations: fig.layout.annotations,
    font: fig.layout.font, separators: fig.layout.separators,
    margin: { l: a.x, t: a.y, r: size.width - a.x - a.width, b: size.height - a.y - a.height, pad: 0, autoexpand: false },
    xaxis: axis('xaxis'), yaxis: axis('yaxis'),
  };
  return { backdrop, marks: { data: fig.data.filter((d) => !shared(d)), layout } };
}

/**
 * The frames as a looping GIF, `delay` ms each and the last held for a second and a half. One palette for
 * all, from the last frame: the frames differ only in where the marks are, not in their colours, and a shared
 * palette keeps the background from flickering. Every frame after the first leaves the pixels it shares with
 * the one before transparent. `onframe` hears of each frame done.
 */
export async function animatedGif(frames: Figure[], size: Size, delay: number, onframe: (done: number) => void): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  const last = frames[frames.length - 1];
  const back = await svg(split(last, null, size).backdrop, size);
  const area = plotArea(back);
  await paint(ctx, back, size);
  const ground = ctx.getImageData(0, 0, size.width, size.height);
  const draw = async (fig: Figure) => {
    ctx.putImageData(ground, 0, 0);
    await paint(ctx, await svg(split(fig, area, size).marks, size), size);
    return ctx.getImageData(0, 0, size.width, size.height).data;
  };
  const palette = quantize(await draw(last), SAME);
  while (palette.length <= SAME) palette.push([0, 0, 0]);
  const gif = GIFEncoder();
  let before: Uint8ClampedArray | null = null;
  for (const [i, frame] of frames.entries()) {
    const px = await draw(frame);
    const index = applyPalette(px, palette);
    if (before) {
      for (let k = 0, p = 0; k < index.length; k++, p += 4) {
        if (px[p] === before[p] && px[p + 1] === before[p + 1] && px[p + 2] === before[p + 2]) index[k] = SAME;
      }
    }
    // Only the first frame carries the palette (the global one); the others keep the frame before under their transparent pixels.
    gif.writeFrame(index, size.width, size.height, {
      ...(before ? { transparent: true, transparentIndex: SAME, dispose: 1 } : { palette }),
      delay: i === frames.length - 1 ? 1500 : delay,
    });
    before = px;
    onframe(i + 1);
  }
  gif.finish();
  return new Blob([gif.bytes() as Uint8Array<ArrayBuffer>], { type: 'image/gif' });
}
