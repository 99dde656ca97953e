// A worker that paints the live contour (draw/contourRender.ts) into bitmaps for the page, so that the
// page's thread keeps its frames for the paths while the function changes.
import { renderContour, type ContourRequest } from '../draw/contourRender';

self.onmessage = (e: MessageEvent<ContourRequest>) => {
  const result = renderContour(e.data);
  (self as unknown as Worker).postMessage(result, [result.bitmap]);
};
