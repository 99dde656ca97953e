// A worker that paints the live contour (draw/contourRender.ts) into bitmaps for the page, so that the
// page's thread keeps its frames for the paths while the function changes.
//
// The page sends every change; the worker paints only the newest (messages that arrived during a painting
// are all read before the next one starts). While a drag goes on and a full painting is too slow for it,
// it paints drafts; once the changes pause, it paints the last one in full.
import { draftWanted, renderContour, type ContourRequest } from '../draw/contourRender';

/** How long the changes must pause before the last draft is painted again in full. */
const REFINE_MS = 40;

let next: ContourRequest | null = null;
let lastArrival = -Infinity;
/** The time between the last two changes, and what the last full painting took. */
let interval = Infinity;
let fullCost = 0;
let queued = false;
let refine: ReturnType<typeof setTimeout> | undefined;

self.onmessage = (e: MessageEvent<ContourRequest>) => {
  const now = performance.now();
  interval = now - lastArrival;
  lastArrival = now;
  next = e.data;
  clearTimeout(refine);
  if (queued) return;
  queued = true;
  // A task after the messages already queued: the newest of them is painted.
  setTimeout(() => {
    queued = false;
    const request = next!;
    next = null;
    paint(request, draftWanted(interval, fullCost));
  });
};

function paint(request: ContourRequest, draft: boolean): void {
  const t = performance.now();
  const result = renderContour(request, draft);
  if (!draft) fullCost = performance.now() - t;
  (self as unknown as Worker).postMessage(result, [result.bitmap]);
  if (draft) refine = setTimeout(() => paint(request, false), REFINE_MS);
}
