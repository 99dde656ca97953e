// The live contour's canvas on the page: the first picture painted here, then every change sent to the
// contour worker (the latest function over the latest area), each bitmap shown as it arrives. The worker
// paints only the newest change, in drafts while changes come faster than it paints (see its file).
import type { Box } from '../core';
import type { ContourDrawn } from './contour';
import { renderContour, type ContourRequest, type ContourResult } from './contourRender';
import type { Frame } from './frame';

/** What the canvas shows: a full painting of the newest change, or a draft (or an older one) meanwhile. */
export type ContourShown = ContourResult['drawn'];

/** The canvas carries what it drew last, for the colour bar and the browser tests (with its pixels). */
export type ContourCanvas = HTMLCanvasElement & { drawn?: ContourShown };

/**
 * `painted` hears of every picture shown; `settled` whether the newest change is shown in full (false while
 * the worker has one to paint, or has shown only its draft).
 */
export function contourLayer(canvas: ContourCanvas, painted: (drawn: ContourDrawn) => void, settled: (done: boolean) => void) {
  const worker = new Worker(new URL('../workers/contour.worker.ts', import.meta.url), { type: 'module' });
  // The bitmap becomes the canvas's pixels without a copy: the page's thread does no drawing for it.
  const ctx = canvas.getContext('bitmaprenderer')!;
  let seq = 0;

  function show({ bitmap, drawn }: ContourResult): void {
    // The canvas's own size follows the picture's (a draft's is half a full one's), for whoever reads its pixels.
    if (canvas.width !== bitmap.width || canvas.height !== bitmap.height) {
      canvas.width = bitmap.width;
      canvas.height = bitmap.height;
    }
    ctx.transferFromImageBitmap(bitmap);
    canvas.drawn = drawn;
    canvas.dataset.drawn = 'contour';
    painted(drawn);
    settled(drawn.seq === seq && !drawn.draft);
  }

  worker.onmessage = (e: MessageEvent<ContourResult>) => show(e.data);
  // A painting that failed is a bug of ours: say so, and keep the page from waiting for it (the worker goes
  // on with the next change).
  worker.onerror = (e) => {
    console.error('contour worker:', e.message);
    settled(true);
  };

  return {
    /** `fn` must be plain data (a snapshot of the state's function). */
    paint(fn: ContourRequest['fn'], frame: Frame, area: Box): void {
      const request: ContourRequest = { fn, frame, area, dpr: devicePixelRatio || 1, seq: ++seq };
      // The first picture at once, here: the worker is still starting while Plotly's bundle loads.
      if (!canvas.drawn) show(renderContour(request));
      else {
        settled(false);
        worker.postMessage(request);
      }
    },
    dispose(): void {
      worker.terminate();
      settled(true);
    },
  };
}
