// The live contour's canvas on the page: the first picture painted here, then every change asked of the
// contour worker (the latest function over the latest area), each bitmap drawn as it arrives. One request
// is in flight at a time; changes meanwhile are kept to the last, so a fast drag costs the worker one
// painting per answer and never builds a queue.
import type { Box } from '../core';
import type { ContourDrawn } from './contour';
import { renderContour, type ContourRequest, type ContourResult } from './contourRender';
import type { Frame } from './frame';

/** The canvas carries what it drew last, for the colour bar and the browser tests (with its pixels). */
export type ContourCanvas = HTMLCanvasElement & { drawn?: ContourDrawn };

export function contourLayer(canvas: ContourCanvas, painted: (drawn: ContourDrawn) => void) {
  const worker = new Worker(new URL('../workers/contour.worker.ts', import.meta.url), { type: 'module' });
  let busy = false;
  let next: ContourRequest | null = null;

  function send(): void {
    if (busy || !next) return;
    busy = true;
    worker.postMessage(next);
    next = null;
  }

  function show({ bitmap, drawn }: ContourResult): void {
    if (canvas.width !== bitmap.width || canvas.height !== bitmap.height) {
      canvas.width = bitmap.width;
      canvas.height = bitmap.height;
    }
    const ctx = canvas.getContext('2d')!;
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(bitmap, 0, 0);
    bitmap.close();
    canvas.drawn = drawn;
    canvas.dataset.drawn = 'contour';
    painted(drawn);
  }

  worker.onmessage = (e: MessageEvent<ContourResult>) => {
    busy = false;
    show(e.data);
    send();
  };

  // A painting that failed is a bug of ours: say so, and keep answering the next change.
  worker.onerror = (e) => {
    console.error('contour worker:', e.message);
    busy = false;
    send();
  };

  return {
    /** `fn` must be plain data (a snapshot of the state's function). */
    paint(fn: ContourRequest['fn'], frame: Frame, area: Box): void {
      next = { fn, frame, area, dpr: devicePixelRatio || 1 };
      // The first picture at once, here: the worker is still starting while Plotly's bundle loads.
      if (!canvas.drawn) {
        show(renderContour(next));
        next = null;
      }
      send();
    },
    dispose(): void {
      worker.terminate();
    },
  };
}
