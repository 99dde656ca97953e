// The live figure's one way to draw: Plotly draws the axes, our canvases the contour and every moving
// thing, through a frame we give Plotly. These tests hold the two together and the layer to its pixels.
import { describe, expect, it } from 'vitest';
import { sharedPage } from './browser';
import { CONTOUR, contourPixels, heads, layer, lines, LOSS, near, plotArea, POLL } from './plot';

const s = sharedPage();

/** Plotly's plot area (its drag rectangle) of a plot, in page pixels. */
async function plotlyArea(page: import('playwright-core').Page, plot: string) {
  const box = await page.locator(`${plot} .nsewdrag`).first().boundingBox();
  expect(box).not.toBeNull();
  return box!;
}

describe('the live layer', () => {
  it('projects onto the plot area Plotly draws, on both plots', async () => {
    const { page } = s();
    const area = await plotArea(page);
    const plotly = await plotlyArea(page, CONTOUR);
    for (const k of ['x', 'y', 'width', 'height'] as const) expect(Math.abs(area[k] - plotly[k]), k).toBeLessThanOrEqual(1);
    const loss = await layer(page, LOSS);
    const canvas = (await page.locator(`${LOSS} canvas.marks`).boundingBox())!;
    const lossPlotly = await plotlyArea(page, LOSS);
    expect(Math.abs(canvas.x + loss.area.x - lossPlotly.x)).toBeLessThanOrEqual(1);
    expect(Math.abs(canvas.y + loss.area.y - lossPlotly.y)).toBeLessThanOrEqual(1);
    expect(Math.abs(loss.area.width - lossPlotly.width)).toBeLessThanOrEqual(1);
    expect(Math.abs(loss.area.height - lossPlotly.height)).toBeLessThanOrEqual(1);
  });

  it('ends a converged path on the minimum the contour marks, where Plotly\'s axes put (0, 0)', async () => {
    const { page } = s();
    // GD at a good step on a zoomed ravine: after 400 steps it sits on the minimum (0, 0).
    await page.goto(new URL('/?fn=quadratic&kappa=25&theta=20&steps=400&view=-1.5,1.5,-1,1&run=gd,id:0,lr:1', page.url()).href);
    await expect.poll(async () => (await lines(page)).length, POLL).toBe(1);
    const [path] = (await layer(page)).lines;
    const last = path.d.split(' ').at(-1)!.split(',').map(Number) as [number, number];
    const canvas = (await page.locator(`${CONTOUR} canvas.marks`).boundingBox())!;
    // The star: drawn on the contour's canvas in white with a dark ring (once it has drawn this view).
    const star = async () => {
      const found = await page.evaluate((sel) => {
        const c = document.querySelector(`${sel} canvas.bands`) as HTMLCanvasElement & { drawn?: { extrema: { symbol: string; at: [number, number] }[] } };
        const e = c.drawn?.extrema.find((x) => x.symbol === 'star');
        const box = c.getBoundingClientRect();
        return e ? { in: e.at, at: [box.x + e.at[0], box.y + e.at[1]] as [number, number] } : null;
      }, CONTOUR);
      if (!found) return null;
      const [[r, g, b]] = await contourPixels(page, [found.in]);
      return { at: found.at, white: r + g + b === 765 };
    };
    await expect.poll(async () => {
      const s = await star();
      return !!s && s.white && near([canvas.x + last[0], canvas.y + last[1]], s.at, 1.5);
    }, POLL).toBe(true);
    // Plotly's ticks at x = 0 and y = 0 stand where the star is.
    const zero = await page.evaluate((sel) => {
      const tick = (axis: string) => [...document.querySelectorAll(`${sel} .${axis}tick text`)].find((t) => t.textContent === '0')!.getBoundingClientRect();
      const x = tick('x'), y = tick('y');
      return [x.x + x.width / 2, y.y + y.height / 2] as [number, number];
    }, CONTOUR);
    const at = (await star())!.at;
    expect(Math.abs(zero[0] - at[0])).toBeLessThanOrEqual(1.5);
    expect(Math.abs(zero[1] - at[1])).toBeLessThanOrEqual(1.5);
  });

  it('after a drag of one run, shows every run in its order (unchanged ones come from its bitmaps)', async () => {
    const { page } = s();
    // Heavy enough that the unchanged runs are cached: 3 runs × 2,000 steps; GD (dragged) drawn last, on top.
    // Paths drawn in full (rest=full), so that a step of the playhead moves only its dots.
    await page.goto(new URL('/?fn=quadratic&kappa=1000&steps=2000&run=sgd,id:1&run=minibatch,id:2&run=gd,id:0&rest=full', page.url()).href);
    await expect.poll(async () => (await lines(page)).length, POLL).toBe(3);
    const before = await lines(page);
    // Only the playhead moves (a step back, by key): all lines go into one bitmap and stay as they were.
    const stepBack = async () => {
      const at = (await heads(page)).map((h) => h.at);
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('ArrowLeft');
      await expect.poll(async () => (await heads(page)).map((h) => h.at), POLL).not.toEqual(at);
    };
    await stepBack();
    expect(await lines(page)).toEqual(before);
    const slider = page.locator('#run-0-lr-slider');
    await slider.focus();
    for (let i = 0; i < 4; i++) await slider.press('ArrowLeft');
    await expect.poll(async () => (await lines(page))[2]?.d, POLL).not.toBe(before[2].d);
    const after = await lines(page);
    expect(after.map((l) => l.stroke)).toEqual(before.map((l) => l.stroke));
    expect(after.slice(0, 2).map((l) => l.d)).toEqual(before.slice(0, 2).map((l) => l.d));
    await stepBack();
    expect(await lines(page)).toEqual(after);
  });

  it('is what the tests read: a blanked layer shows no line', async () => {
    const { page } = s();
    expect(await lines(page)).toHaveLength(3);
    await page.evaluate((sel) => {
      const c = document.querySelector<HTMLCanvasElement>(`${sel} canvas.marks`)!;
      c.getContext('2d')!.clearRect(0, 0, c.width, c.height);
    }, CONTOUR);
    expect(await lines(page)).toEqual([]);
  });

  it('hovering a path shows its step, point and value', async () => {
    const { page } = s();
    const [gd] = (await layer(page)).lines;
    const box = (await page.locator(`${CONTOUR} canvas.marks`).boundingBox())!;
    const [x, y] = gd.d.split(' ')[3].split(',').map(Number);
    await page.mouse.move(box.x + x, box.y + y);
    const hover = page.getByTestId('hover');
    await expect.poll(() => hover.count(), POLL).toBe(1);
    expect(await hover.textContent()).toMatch(/GD.*t = \d+.*f = /s);
    await page.mouse.move(0, 0);
    await expect.poll(() => hover.count(), POLL).toBe(0);
  });

  it('strokes a long wide path and its loss curve (in pieces) with no gap: their colour at every point kept', async () => {
    const { page } = s();
    await page.goto(new URL('/?fn=quadratic&kappa=25&steps=2000&run=sgd,id:0,lr:0.5&rest=full', page.url()).href);
    for (const plot of [CONTOUR, LOSS]) {
      await expect.poll(async () => (await lines(page, plot)).length, POLL).toBeGreaterThan(0);
      const { kept, missing } = await page.evaluate((sel) => {
        const canvas = document.querySelector(`${sel} canvas.marks`) as HTMLCanvasElement & { drawn?: any };
        const d = canvas.drawn;
        const dpr = canvas.width / d.frame.width;
        const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        const line = d.lines.find((l: any) => !l.mark.silent && l.mark.width > 1);
        const c = parseInt(line.mark.color.slice(1), 16), rgb = [(c >> 16) & 255, (c >> 8) & 255, c & 255];
        // The stroke's colour within a pixel of (x, y): a bevelled join ends at a point where the path turns back.
        const covered = (x: number, y: number) => [-1, 0, 1].some((dy) => [-1, 0, 1].some((dx) => {
          const o = 4 * (Math.floor((y + dy) * dpr) * canvas.width + Math.floor((x + dx) * dpr));
          return pixels[o + 3] > 0 && Math.abs(pixels[o] - rgb[0]) + Math.abs(pixels[o + 1] - rgb[1]) + Math.abs(pixels[o + 2] - rgb[2]) < 30;
        }));
        // Inside the plot area and away from the dots (the start, the playhead), which cover the line.
        const dots = d.dots.map((e: any) => e.at);
        const inside = (x: number, y: number) => x > d.frame.x.offset + 2 && x < d.frame.x.offset + d.frame.x.length - 2
          && y > d.frame.y.offset + 2 && y < d.frame.y.offset + d.frame.y.length - 2 && dots.every(([u, v]: number[]) => Math.hypot(x - u, y - v) > 10);
        let kept = 0, missing = 0;
        for (let k = 0; k < line.px.length; k++) {
          const [x, y] = [line.px[k], line.py[k]];
          if (!inside(x, y)) continue;
          kept++;
          if (!covered(x, y)) missing++;
        }
        return { kept, missing };
      }, plot);
      // Many pieces of 64 points each, none of them lost.
      expect(kept, plot).toBeGreaterThan(5 * 64);
      expect(missing, plot).toBe(0);
    }
  });
});
