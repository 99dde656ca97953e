// Files for the user: a figure drawn off-screen by Plotly into PNG or SVG, and any blob handed to the
// browser as a download.
import type { Figure } from './figures';
import { loadPlotly } from './plotly';

/** A figure as an image of `size` CSS pixels (a PNG at `scale` has that many times the pixels each way). */
export async function figureImage(figure: Figure, size: { width: number; height: number }, format: 'png' | 'svg', scale: number): Promise<Blob> {
  const Plotly = await loadPlotly();
  // Drawn from the figure object, not from a plot on the page: no mode bar, no hover.
  const out = await Plotly.toImage(
    { data: figure.data, layout: figure.layout, config: { staticPlot: true, displayModeBar: false } },
    { format, ...size, scale, imageDataOnly: true },
  );
  return format === 'svg'
    ? new Blob([out], { type: 'image/svg+xml' })
    : new Blob([Uint8Array.from(atob(out), (c) => c.charCodeAt(0))], { type: 'image/png' });
}

/** Hands a file to the browser: an <a download> on an object URL, released once the download has it. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Some browsers read the URL only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
