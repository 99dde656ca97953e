// One live canvas layer: paints the latest marks once per frame however often they change, and answers
// "which drawn point is under the pointer" for hover.
import type { Frame } from './frame';
import { layerPainter, nearest, type Drawn } from './layer';
import type { LineMark, Mark } from './marks';

/** The canvas carries what it drew last: hover reads it, and so do the browser tests (with its pixels). */
export type LayerCanvas = HTMLCanvasElement & { drawn?: Drawn };

export interface Hovered {
  mark: LineMark;
  i: number;
  /** CSS pixels in the layer's box. */
  at: [number, number];
}

export function liveLayer(canvas: LayerCanvas) {
  const paint = layerPainter(canvas);
  let pending: [Frame, Mark[]] | null = null;
  let raf = 0;
  return {
    paint(frame: Frame, marks: Mark[]): void {
      pending = [frame, marks];
      raf ||= requestAnimationFrame(() => {
        raf = 0;
        if (pending) canvas.drawn = paint(...pending);
        pending = null;
      });
    },
    /** The drawn point nearest to a pointer event, within 8 px. */
    at(e: PointerEvent): Hovered | null {
      if (!canvas.drawn) return null;
      const box = canvas.getBoundingClientRect();
      return nearest(canvas.drawn, e.clientX - box.left, e.clientY - box.top);
    },
    dispose(): void {
      cancelAnimationFrame(raf);
    },
  };
}
