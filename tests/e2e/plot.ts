// Reads what Plotly has drawn into the page's SVG: the tests check what the user sees, not gd.data.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

export const CONTOUR = '[data-testid=contour]';
export const LOSS = '[data-testid=loss]';

/** How long a change may take to reach the SVG (Plotly under software GL on 2 cores). */
export const POLL = { timeout: 8_000, interval: 50 };
/**
 * For "nothing changed" checks: longer than every delay between an input and its drawing (the plot
 * updater's 250 ms settle, the formula field's 400 ms debounce).
 */
export const QUIET_MS = 600;

type Pt = [number, number];

export interface Line {
  /** Computed stroke, 'rgb(r, g, b)'. */
  stroke: string;
  d: string;
  /** The loss plot's playhead is the one dashed line. */
  dashed: boolean;
  /** The first vertex of `d`, in the subplot's pixels (origin at the plot area's top left). */
  first: Pt;
}

/** Every drawn line of a plot's scatter traces (traces with a line and a non-empty path), in drawing order. */
export function lines(page: Page, plot = CONTOUR): Promise<Line[]> {
  return page.evaluate((sel) => {
    const out: { stroke: string; d: string; dashed: boolean; first: [number, number] }[] = [];
    for (const p of document.querySelectorAll<SVGPathElement>(`${sel} .scatterlayer .trace path.js-line`)) {
      const d = p.getAttribute('d') ?? '';
      if (!d) continue;
      const m = /^M\s*([-+\d.e]+)[ ,]([-+\d.e]+)/i.exec(d);
      const dash = p.style.strokeDasharray;
      out.push({ stroke: p.style.stroke, d, dashed: !!dash && dash !== 'none', first: m ? [Number(m[1]), Number(m[2])] : [NaN, NaN] });
    }
    return out;
  }, plot);
}

/** The runs' lines on the loss plot (every line but the dashed playhead). */
export async function lossLines(page: Page): Promise<Line[]> {
  return (await lines(page, LOSS)).filter((l) => !l.dashed);
}

export interface Head {
  color: string;
  at: Pt;
}

/**
 * The playhead markers on the contour: the single-point traces filled with a run's colour and ringed in
 * white (the path's own small markers are many per trace; minima are white, the start is hollow).
 */
export function heads(page: Page): Promise<Head[]> {
  return page.evaluate((sel) => {
    const out: { color: string; at: [number, number] }[] = [];
    for (const t of document.querySelectorAll(`${sel} .scatterlayer .trace`)) {
      const pts = t.querySelectorAll<SVGPathElement>('path.point');
      if (pts.length !== 1) continue;
      const p = pts[0];
      if (p.style.stroke !== 'rgb(255, 255, 255)' || !p.style.fill || p.style.fill === 'none') continue;
      const m = /translate\(\s*([-+\d.e]+)[ ,]\s*([-+\d.e]+)\)/i.exec(p.getAttribute('transform') ?? '');
      out.push({ color: p.style.fill, at: m ? [Number(m[1]), Number(m[2])] : [NaN, NaN] });
    }
    return out;
  }, CONTOUR);
}

export interface ContourLook {
  /** Number of drawn contour paths (fills and level lines) with a non-empty d. */
  count: number;
  /** A hash of every contour path's d: equal hashes, same drawing. */
  hash: number;
}

export function contour(page: Page): Promise<ContourLook> {
  return page.evaluate((sel) => {
    let count = 0;
    let hash = 17;
    for (const p of document.querySelectorAll(`${sel} .contourlayer path`)) {
      const d = p.getAttribute('d') ?? '';
      if (!d) continue;
      count++;
      for (let i = 0; i < d.length; i++) hash = (Math.imul(hash, 31) + d.charCodeAt(i)) | 0;
    }
    return { count, hash };
  }, CONTOUR);
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

/** The contour plot's area (Plotly's '.nsewdrag' rectangle) in page pixels. */
export async function plotArea(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await page.locator(`${CONTOUR} .nsewdrag`).first().boundingBox();
  expect(box).not.toBeNull();
  return box!;
}

export function near(a: Pt, b: Pt, tol: number): boolean {
  return Math.abs(a[0] - b[0]) <= tol && Math.abs(a[1] - b[1]) <= tol;
}

/** Waits long enough for any pending redraw, for checks that something did NOT change. */
export function quiet(page: Page): Promise<void> {
  return page.waitForTimeout(QUIET_MS);
}
