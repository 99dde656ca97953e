// Reads what the page has drawn: the contour from Plotly's SVG, and every moving thing (paths, markers,
// loss curves) from the canvas layer — what it reports it drew (canvas.drawn, see liveLayer.ts), kept only
// where the canvas's own pixels show it, so a blank or misplaced layer fails the tests.
import { expect } from 'vitest';
import type { Frame, Page } from 'playwright-core';

export const CONTOUR = '[data-testid=contour]';
export const LOSS = '[data-testid=loss]';

/** How long a change may take to reach the drawing (Plotly under software GL on 2 cores). */
export const POLL = { timeout: 8_000, interval: 50 };


type Pt = [number, number];

export interface Line {
  /** 'rgb(r, g, b)'. */
  stroke: string;
  /** The drawn points (thinned to the pixel), as text: equal texts, same drawing. */
  d: string;
  /** The loss plot's playhead is the one dashed line. */
  dashed: boolean;
  /** The first drawn point, in the plot area's pixels (origin at its top left). */
  first: Pt;
}

export interface Head {
  color: string;
  at: Pt;
}

interface Layer {
  lines: Line[];
  heads: Head[];
  /** The plot area in the layer's box (CSS pixels). */
  area: { x: number; y: number; width: number; height: number };
}

/**
 * What the plot's canvas layer shows: its lines (and the loss plot's dashed playhead) and the playhead
 * dots (filled, ringed in white). Each is kept only if the canvas has pixels of its colour where it says
 * it drew it. `page` may be a frame: a figure embedded in another page.
 */
export function layer(page: Page | Frame, plot = CONTOUR): Promise<Layer> {
  return page.evaluate((sel) => {
    const canvas = document.querySelector(`${sel} canvas.marks`) as HTMLCanvasElement & { drawn?: any };
    const d = canvas?.drawn;
    if (!d) return { lines: [], heads: [], area: { x: 0, y: 0, width: 0, height: 0 } };
    const rgb = (c: string) => {
      const m = /^#([0-9a-f]{6})$/i.exec(c);
      if (m) {
        const n = parseInt(m[1], 16);
        return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
      }
      return (/rgba?\(([^)]*)\)/.exec(c)?.[1].split(',').slice(0, 3).map(Number) ?? [0, 0, 0]) as number[];
    };
    const css = (c: number[]) => `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
    const dpr = canvas.width / d.frame.width;
    const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    /** Whether the canvas shows colour `c` (or, with `any`, anything at all) within a pixel of (x, y). */
    const shows = (x: number, y: number, c: number[], any = false) => {
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const X = Math.round((x + dx) * dpr), Y = Math.round((y + dy) * dpr);
          if (X < 0 || Y < 0 || X >= canvas.width || Y >= canvas.height) continue;
          const o = 4 * (Y * canvas.width + X);
          if (pixels[o + 3] === 0) continue;
          if (any || Math.abs(pixels[o] - c[0]) + Math.abs(pixels[o + 1] - c[1]) + Math.abs(pixels[o + 2] - c[2]) < 90) return true;
        }
      }
      return false;
    };
    const ox = d.frame.x.offset, oy = d.frame.y.offset;
    const lines: { stroke: string; d: string; dashed: boolean; first: [number, number] }[] = [];
    for (const l of d.lines) {
      // The runs' own lines only: vectors, clouds, fields and a path's faint rest beyond the playhead are silent.
      if (l.mark.silent) continue;
      const c = rgb(l.mark.color);
      const n = l.px.length;
      if (n === 0) continue;
      // Every painted line shows its colour at some of its points (another line may cover the rest).
      let seen = false;
      for (let k = 0; k < n && !seen; k++) seen = shows(l.px[k], l.py[k], c);
      if (!seen) continue;
      const pts = Array.from(l.px as Float32Array, (x, k) => `${x.toFixed(2)},${(l.py[k] as number).toFixed(2)}`);
      lines.push({ stroke: css(c), d: pts.join(' '), dashed: false, first: [l.px[0] - ox, l.py[0] - oy] });
    }
    for (const x of d.rules) {
      if (shows(x, oy + d.frame.y.length / 2, [0, 0, 0], true) || shows(x, oy + d.frame.y.length / 3, [0, 0, 0], true)) {
        lines.push({ stroke: 'rgb(0, 0, 0)', d: `rule ${x.toFixed(2)}`, dashed: true, first: [x - ox, 0] });
      }
    }
    const heads: { color: string; at: [number, number] }[] = [];
    for (const { mark, at } of d.dots) {
      if (mark.symbol !== 'circle' || mark.ring?.color !== '#fff') continue;
      // Heads at one point cover each other, so not each colour shows; but a head's white ring does.
      const r = mark.size / 2;
      let white = 0;
      for (let k = 0; k < 8; k++) white += shows(at[0] + r * Math.cos((k * Math.PI) / 4), at[1] + r * Math.sin((k * Math.PI) / 4), [255, 255, 255]) ? 1 : 0;
      if (white < 5) continue;
      heads.push({ color: css(rgb(mark.color)), at: [at[0] - ox, at[1] - oy] });
    }
    return { lines, heads, area: { x: ox, y: oy, width: d.frame.x.length, height: d.frame.y.length } };
  }, plot);
}

/**
 * The contour's paths in data coordinates, as the layer was given them (full doubles): only lines the
 * canvas shows (see `layer`), and only paths (lines that carry f for hover), in drawing order.
 */
export async function drawnPaths(page: Page | Frame): Promise<{ x: number[]; y: number[] }[]> {
  const painted = new Set((await lines(page)).map((l) => l.d));
  const all = await page.evaluate((sel) => {
    const d = (document.querySelector(`${sel} canvas.marks`) as HTMLCanvasElement & { drawn?: any })?.drawn;
    return (d?.lines ?? [])
      .filter((l: any) => l.mark.f && l.mark.x)
      .map((l: any) => ({
        key: Array.from(l.px as Float32Array, (x: number, k: number) => `${x.toFixed(2)},${(l.py[k] as number).toFixed(2)}`).join(' '),
        x: Array.from(l.mark.x as number[]), y: Array.from(l.mark.y as number[]),
      }));
  }, CONTOUR);
  return all.filter((p: { key: string }) => painted.has(p.key)).map(({ x, y }: { x: number[]; y: number[] }) => ({ x, y }));
}

/** Every painted line of a plot's layer, in drawing order. */
export async function lines(page: Page | Frame, plot = CONTOUR): Promise<Line[]> {
  return (await layer(page, plot)).lines;
}

/** The runs' lines on the loss plot (every line but the dashed playhead). */
export async function lossLines(page: Page | Frame): Promise<Line[]> {
  return (await lines(page, LOSS)).filter((l) => !l.dashed);
}

/** How many divergence crosses the contour's layer drew. */
export function divergenceMarks(page: Page): Promise<number> {
  return page.evaluate((sel) => {
    const d = (document.querySelector(`${sel} canvas.marks`) as HTMLCanvasElement & { drawn?: any })?.drawn;
    return (d?.dots ?? []).filter((x: any) => x.mark.symbol === 'cross').length;
  }, CONTOUR);
}

/** The playhead markers on the contour, in the plot area's pixels. */
export async function heads(page: Page | Frame): Promise<Head[]> {
  return (await layer(page)).heads;
}

/** Where the playhead markers the contour shows (see `heads`) stand, in data coordinates, as the layer was given them. */
export async function headPoints(page: Page | Frame): Promise<[number, number][]> {
  const shown = await heads(page);
  const dots: { at: [number, number]; x: number; y: number }[] = await page.evaluate((sel) => {
    const d = (document.querySelector(`${sel} canvas.marks`) as HTMLCanvasElement & { drawn?: any })?.drawn;
    return (d?.dots ?? []).map((x: any) => ({ at: [x.at[0] - d.frame.x.offset, x.at[1] - d.frame.y.offset], x: x.mark.x, y: x.mark.y }));
  }, CONTOUR);
  return shown.map((h) => dots.find((d) => d.at[0] === h.at[0] && d.at[1] === h.at[1])!).map((d) => [d.x, d.y]);
}

export interface ContourLook {
  /** How many level-line segments the contour canvas stroked. */
  count: number;
  /** A hash of the contour canvas's pixels: equal hashes, same drawing. */
  hash: number;
}

/** The contour as the page painted it (canvas.bands, see draw/contour.ts): what it drew and its pixels. */
export function contour(page: Page): Promise<ContourLook> {
  return page.evaluate((sel) => {
    const canvas = document.querySelector(`${sel} canvas.bands`) as HTMLCanvasElement & { drawn?: { segments: number } };
    // The canvas shows bitmaps (a 'bitmaprenderer' context): read its pixels through a copy.
    const copy = new OffscreenCanvas(canvas.width, canvas.height).getContext('2d')!;
    copy.drawImage(canvas, 0, 0);
    const pixels = new Int32Array(copy.getImageData(0, 0, canvas.width, canvas.height).data.buffer);
    let hash = 17;
    for (let i = 0; i < pixels.length; i++) hash = (Math.imul(hash, 31) + pixels[i]) | 0;
    return { count: canvas.drawn?.segments ?? 0, hash };
  }, CONTOUR);
}

/**
 * The contour canvas's RGBA at points given in CSS pixels of its box, each the pixel the point falls in. The
 * canvas shows bitmaps (a 'bitmaprenderer' context): its pixels are read through a copy.
 */
export function contourPixels(page: Page, at: [number, number][]): Promise<number[][]> {
  return page.evaluate(({ sel, at }) => {
    const c = document.querySelector(`${sel} canvas.bands`) as HTMLCanvasElement;
    const k = c.width / c.getBoundingClientRect().width;
    const copy = new OffscreenCanvas(c.width, c.height).getContext('2d')!;
    copy.drawImage(c, 0, 0);
    return at.map(([x, y]) => Array.from(copy.getImageData(Math.floor(x * k), Math.floor(y * k), 1, 1).data));
  }, { sel: CONTOUR, at });
}

/** How many times Plotly has drawn a plot's axes since the page loaded (draw/plotly.ts counts them). */
export async function plotlyDraws(page: Page, plot = CONTOUR): Promise<number> {
  return Number(await page.locator(`${plot} .plotly.layer`).getAttribute('data-draws'));
}

function rgb(hex: string): string {
  const h = hex.trim().replace('#', '');
  const n = parseInt(h.length === 3 ? [...h].map((c) => c + c).join('') : h, 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

/** The colours of the run cards (all, or only those whose "show" box is ticked), as the SVG writes them. */
export async function runColors(page: Page, onlyVisible = false): Promise<string[]> {
  const cards = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid=run]')].map((c) => ({
      color: getComputedStyle(c).getPropertyValue('--run-color'),
      visible: c.querySelector<HTMLInputElement>('[data-testid=run-visible]')?.checked ?? false,
    })),
  );
  return cards.filter((c) => !onlyVisible || c.visible).map((c) => rgb(c.color));
}

/** The playhead's "t = k / n". */
export async function playhead(page: Page): Promise<{ t: number; of: number }> {
  const text = (await page.getByTestId('playhead').textContent()) ?? '';
  const m = /t\s*=\s*(\d+)\s*\/\s*(\d+)/.exec(text);
  expect(m, `playhead text "${text}"`).not.toBeNull();
  return { t: Number(m![1]), of: Number(m![2]) };
}

/** The contour plot's area in page pixels, as the layer projects onto it. */
export async function plotArea(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await page.locator(`${CONTOUR} canvas.marks`).boundingBox();
  expect(box).not.toBeNull();
  const { area } = await layer(page);
  expect(area.width).toBeGreaterThan(0);
  return { x: box!.x + area.x, y: box!.y + area.y, width: area.width, height: area.height };
}

/** The data ranges the contour's plot area shows (the box, widened to the area's shape for equal axes). */
export function shownBox(page: Page): Promise<{ x: [number, number]; y: [number, number] }> {
  return page.evaluate((sel) => {
    const f = (document.querySelector(`${sel} canvas.marks`) as unknown as { drawn: { frame: { x: { range: [number, number] }; y: { range: [number, number] } } } }).drawn.frame;
    return { x: f.x.range, y: f.y.range };
  }, CONTOUR);
}

export function near(a: Pt, b: Pt, tol: number): boolean {
  return Math.abs(a[0] - b[0]) <= tol && Math.abs(a[1] - b[1]) <= tol;
}

/** Waits for `n` of the page's animation frames: a unit the page's own drawing and playback keep to. */
export function frames(page: Page | Frame, n: number): Promise<void> {
  return page.evaluate((count) => new Promise<void>((done) => {
    let k = 0;
    const tick = () => (++k >= count ? done() : requestAnimationFrame(tick));
    requestAnimationFrame(tick);
  }), n);
}

/**
 * Until the page has nothing deferred (the link written once input rests, a typed formula applied; see
 * components/pending.ts) and has drawn what it had to: for checks that something did NOT change.
 */
export async function quiet(page: Page | Frame): Promise<void> {
  await page.waitForFunction(() => !document.documentElement.dataset.pending, undefined, POLL);
  await frames(page, 3);
}

export interface EdgeSamples {
  /** The line's own colour, '#rrggbb'. */
  color: string;
  /** What shows just beside the line (its marks canvas over the contour canvas), as RGB, along its length. */
  beside: [number, number, number][];
}

/**
 * What lies right beside each run's path (`arrows`: each step arrow) on the contour: every 4 px along every drawn
 * segment, away from its ends (and from an arrowhead, 3 × width + 4 px long), on both sides, 1 px beyond the
 * line's edge, the marks canvas's pixel laid over the contour canvas's (a halo drawn there, else the contour's
 * fill). Arrows are the step vectors (lines with heads); paths the runs' own lines (not silent).
 */
export function edgeSamples(page: Page, which: 'paths' | 'arrows'): Promise<EdgeSamples[]> {
  return page.evaluate(({ sel, which }) => {
    const marks = document.querySelector(`${sel} canvas.marks`) as HTMLCanvasElement & { drawn?: any };
    const bands = document.querySelector(`${sel} canvas.bands`) as HTMLCanvasElement;
    const read = (c: HTMLCanvasElement) => {
      const copy = new OffscreenCanvas(c.width, c.height).getContext('2d')!;
      copy.drawImage(c, 0, 0);
      return { data: copy.getImageData(0, 0, c.width, c.height).data, w: c.width, h: c.height, k: c.width / c.getBoundingClientRect().width };
    };
    const top = read(marks), under = read(bands);
    const at = (img: ReturnType<typeof read>, x: number, y: number) => {
      const X = Math.floor(x * img.k), Y = Math.floor(y * img.k);
      const o = 4 * (Math.min(img.h - 1, Math.max(0, Y)) * img.w + Math.min(img.w - 1, Math.max(0, X)));
      return [img.data[o], img.data[o + 1], img.data[o + 2], img.data[o + 3]];
    };
    const d = marks.drawn;
    const area = d.frame;
    const inside = (x: number, y: number) => x > area.x.offset + 2 && x < area.x.offset + area.x.length - 2 && y > area.y.offset + 2 && y < area.y.offset + area.y.length - 2;
    return d.lines
      .filter((l: any) => (which === 'paths' ? !l.mark.silent : l.mark.heads))
      .map((l: any) => {
        const beside: [number, number, number][] = [];
        const off = l.mark.width / 2 + 1;
        for (let k = 1; k < l.px.length; k++) {
          // Consecutive points of one segment (a NaN between vectors breaks the line: its index jumps).
          if (l.index[k] !== l.index[k - 1] + 1) continue;
          const dx = l.px[k] - l.px[k - 1], dy = l.py[k] - l.py[k - 1], len = Math.hypot(dx, dy);
          const head = l.mark.heads ? 3 * l.mark.width + 4 : 0;
          for (let u = 3; u <= len - 3 - head; u += 4) {
            const mx = l.px[k - 1] + (dx * u) / len, my = l.py[k - 1] + (dy * u) / len;
            for (const side of [1, -1]) {
              const x = mx - (side * dy * off) / len, y = my + (side * dx * off) / len;
              if (!inside(x, y)) continue;
              const a = at(top, x, y), b = at(under, x, y), t = a[3] / 255;
              beside.push([0, 1, 2].map((i) => Math.round(a[i] * t + b[i] * (1 - t))) as [number, number, number]);
            }
          }
        }
        return { color: l.mark.color, beside };
      });
  }, { sel: CONTOUR, which });
}
