// The live contour (draw/contour.ts): painted by the page on its own canvas, so that the function's sliders
// redraw it at the display's rate. It must agree with the function, with Plotly's export of the same state,
// and cost Plotly nothing while a slider is dragged.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { bandColors, type ContourDrawn } from '../../src/draw/contour';
import { sharedPage, waitForPlots } from './browser';
import { CONTOUR, contour, contourPixels, drawnPaths, LOSS, plotlyDraws, POLL, quiet } from './plot';

const s = sharedPage();

/** Moves a range input to `value` as a hand would (an input event), then waits for the page's next frame. */
function slideTo(page: Page, selector: string, value: number): Promise<void> {
  return page.evaluate(({ selector, value }) => new Promise<void>((done) => {
    const el = document.querySelector(selector) as HTMLInputElement;
    el.value = String(value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
    requestAnimationFrame(() => done());
  }), { selector, value });
}

type Shown = ContourDrawn & { seq: number; draft: boolean };

/** What the contour canvas says it drew. */
function drawn(page: Page): Promise<Shown> {
  return page.evaluate((sel) => (document.querySelector(`${sel} canvas.bands`) as unknown as { drawn: Shown }).drawn, CONTOUR);
}

describe('the live contour', () => {
  for (const [name, selector] of [['κ', '#fn-kappa-slider'], ['θ', '#fn-theta-slider']] as const) {
    it(`a drag of ${name} moves the paths in the next frame and repaints the contour at every step, and Plotly draws no contour`, async () => {
      const { page } = s();
      await quiet(page);
      const draws = await plotlyDraws(page);
      expect(draws).toBeGreaterThan(0);
      const start = Number(await page.locator(selector).inputValue());
      let before = { contour: (await contour(page)).hash, paths: JSON.stringify(await drawnPaths(page)) };
      for (let k = 1; k <= 12; k++) {
        await slideTo(page, selector, start + 6 * k);
        // The paths in the very next frame; the contour as soon as the worker answers (the bench times it).
        const paths = JSON.stringify(await drawnPaths(page));
        expect(paths, `step ${k}: the paths`).not.toBe(before.paths);
        await expect.poll(async () => (await contour(page)).hash, POLL).not.toBe(before.contour);
        before = { contour: (await contour(page)).hash, paths };
      }
      await quiet(page);
      expect(await plotlyDraws(page)).toBe(draws);
    });
  }

  it('during a drag the page is pending until the last change is painted in full; a draft meanwhile is half the size', async () => {
    const { page } = s();
    await quiet(page);
    const seq = (await drawn(page)).seq;
    // One input a frame for 40 frames, as a hand drags κ: what the canvas showed after each.
    const seen = await page.evaluate(async (sel) => {
      const el = document.querySelector('#fn-kappa-slider') as HTMLInputElement;
      const c = document.querySelector(`${sel} canvas.bands`) as HTMLCanvasElement & { drawn: Shown };
      const out: { pending: boolean; draft: boolean; width: number; full: number }[] = [];
      for (let k = 0; k < 40; k++) {
        el.value = String(Number(el.value) + 5);
        el.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise(requestAnimationFrame);
        const pending = /\bcontour\b/.test(document.documentElement.dataset.pending ?? '');
        out.push({ pending, draft: c.drawn.draft, width: c.width, full: Math.round(c.drawn.frame.width * devicePixelRatio) });
      }
      return out;
    }, CONTOUR);
    // Right after an input its painting is still on its way.
    expect(seen[0].pending).toBe(true);
    for (const v of seen) expect(v.width).toBe(v.draft ? Math.round(v.full / 2) : v.full);
    await quiet(page);
    const d = await drawn(page);
    expect(d.seq).toBe(seq + 40);
    expect(d.draft).toBe(false);
    expect(await page.evaluate((sel) => document.querySelector(`${sel} canvas.bands`)!.getAttribute('width'), CONTOUR)).toBe(String(Math.round(d.frame.width)));
  });

  it('the loss plot\'s axes follow a change of decades in f − f* once input rests, in one Plotly drawing', async () => {
    const { page } = s();
    await quiet(page);
    const before = await plotlyDraws(page, LOSS);
    // κ from 25 to 1000 in twelve inputs within one task: no timer can run between them.
    const pending = await page.evaluate(async (selector) => {
      const el = document.querySelector(selector) as HTMLInputElement;
      for (let k = 1; k <= 12; k++) {
        el.value = String(Number(el.value) + 25);
        el.dispatchEvent(new Event('input', { bubbles: true }));
        // Svelte's effects run in microtasks.
        for (let m = 0; m < 5; m++) await Promise.resolve();
      }
      return document.documentElement.dataset.pending ?? '';
    }, '#fn-kappa-slider');
    expect(pending).toContain('loss range');
    await quiet(page);
    expect(await plotlyDraws(page, LOSS)).toBe(before + 1);
  });

  it('paints each point in the band of f there: the levels are log-spaced above the lowest value', async () => {
    const { page } = s();
    // f = x² + 3y² typed as a formula: its f* is unknown, so the levels stand on the grid's lowest value.
    await page.goto(new URL(`/?fn=formula&formula=${encodeURIComponent('x^2 + 3*y^2')}&run=gd,id:0,lr:0.1`, page.url()).href);
    await waitForPlots(page);
    const f = (x: number, y: number) => x * x + 3 * y * y;
    const d = await drawn(page);
    const colors = bandColors();
    // A 16 × 16 lattice of pixels over the plot area, read back from the canvas.
    const n = 16;
    const lattice = Array.from({ length: n * n }, (_, k) => [d.frame.x.offset + ((k % n) + 0.5) * (d.frame.x.length / n), d.frame.y.offset + (Math.floor(k / n) + 0.5) * (d.frame.y.length / n)]);
    const pixels = (await contourPixels(page, lattice as [number, number][])).map((p) => p.slice(0, 3));
    let checked = 0;
    lattice.forEach(([px, py], k) => {
      const x = d.frame.x.range[0] + ((px - d.frame.x.offset) / d.frame.x.length) * (d.frame.x.range[1] - d.frame.x.range[0]);
      const y = d.frame.y.range[1] - ((py - d.frame.y.offset) / d.frame.y.length) * (d.frame.y.range[1] - d.frame.y.range[0]);
      const t = (Math.log10(f(x, y) - d.floor + d.delta) - d.levels.start) / d.levels.size;
      // Not on a level line, nor next to the minimum, where log f bends too sharply for any grid.
      if (Math.abs(t - Math.round(t)) < 0.3 || Math.hypot(x, y) < 0.3) return;
      const band = t < 0 ? 0 : Math.min(Math.floor(t), 24) + 1;
      expect(pixels[k], `(${x.toFixed(2)}, ${y.toFixed(2)})`).toEqual(colors[band]);
      checked++;
    });
    expect(checked).toBeGreaterThan(80);
  });

  it('has the levels and colours of Plotly\'s own filled contour in the exported figure', async () => {
    const { page } = s();
    const d = await drawn(page);
    await page.getByTestId('export-open').click();
    await page.getByTestId('export-contour').check();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId('export-svg').click()]);
    const svg = readFileSync((await download.path())!, 'utf8');
    const exported = await page.evaluate((src) => {
      const doc = new DOMParser().parseFromString(src, 'image/svg+xml');
      return {
        levels: doc.querySelectorAll('.contourlevel').length,
        fills: [...doc.querySelectorAll('.contourfill path, .contourbg path')].map((p) => (p as SVGElement).style.fill),
        ticks: [...doc.querySelectorAll('.colorbar .cbaxis text, .colorbar .ytick text')].map((t) => t.textContent),
      };
    }, svg);
    const ours = await page.evaluate((sel) => [...document.querySelectorAll(`${sel} .colorbar text`)].map((t) => t.textContent), CONTOUR);
    // One level line per level, every fill one of our band colours (most of them used), the same ticks.
    expect(exported.levels).toBe(d.levels.count);
    const css = bandColors().map(([r, g, b]) => `rgb(${r}, ${g}, ${b})`);
    expect(exported.fills.length).toBeGreaterThan(20);
    for (const fill of exported.fills) expect(css).toContain(fill);
    expect(new Set(exported.fills).size).toBeGreaterThanOrEqual(20);
    expect(exported.ticks.length).toBeGreaterThan(2);
    expect(ours.slice(0, -1)).toEqual(exported.ticks);
    expect(ours.at(-1)).toBe('f − f*');
  });

  it('a zoom repaints the contour over the new range on the same levels', async () => {
    const { page } = s();
    const before = await drawn(page);
    await page.goto(new URL('/?fn=quadratic&kappa=25&theta=20&view=-1,1,-0.5,0.5', page.url()).href);
    await waitForPlots(page);
    await expect.poll(async () => (await drawn(page)).box.x[1] - (await drawn(page)).box.x[0], POLL).toBeLessThan(before.box.x[1] - before.box.x[0]);
    const after = await drawn(page);
    expect(after.levels).toEqual(before.levels);
    expect(after.segments).toBeGreaterThan(10);
  });
});
