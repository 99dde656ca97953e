// "Export figure" and the rules on the run cards, in a real browser: every button gives a file the
// browser downloads, and each file is what it says it is.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hexRgb } from '../../src/draw/contrast';
import { PRINT_SIZE } from '../../src/draw/figures';
import { HALO } from '../../src/draw/palette';
import { CSV_COLUMNS, figureFileName, runsCsv, runsJson } from '../../src/state/export';
import { buildFunction, runTrajectories } from '../../src/state/scene';
import { lossText } from '../../src/state/labels';
import { decode } from '../../src/state/url';
import { sharedPage } from './browser';
import { layer, LOSS, POLL, runColors } from './plot';

const s = sharedPage();
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ravine-downloads-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Saved {
  name: string;
  bytes: Buffer;
  text: string;
}

/** Clicks an export button and saves what the browser downloads. */
async function download(page: Page, testid: string): Promise<Saved> {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId(testid).click()]);
  const name = dl.suggestedFilename();
  const path = join(dir, `${Date.now()}-${name}`);
  await dl.saveAs(path);
  expect(await dl.failure()).toBeNull();
  const bytes = readFileSync(path);
  return { name, bytes, text: bytes.toString('utf8') };
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(b: Buffer): { width: number; height: number } {
  expect([...b.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(b.readUInt32BE(8)).toBe(13);
  expect(b.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

async function openMenu(page: Page, which: 'contour' | 'loss' | 'both' | 'strip', title = ''): Promise<void> {
  if (!(await page.getByTestId('export').evaluate((d) => (d as HTMLDetailsElement).open))) await page.getByTestId('export-open').click();
  await page.getByTestId(`export-${which}`).check();
  await page.getByTestId('export-title').fill(title);
}

/** The state the page shows, as its link says, and what the engine computes for it. */
function shown(page: Page) {
  const { state } = decode(new URL(page.url()).search);
  const fn = buildFunction(state.fn);
  return { state, fn, runs: runTrajectories(fn, state) };
}

/** An SVG parsed by the browser: whether it is well-formed, its size, its runs' lines and its texts. */
/** The strokes of the halos under the runs' lines (see palette.ts), as an SVG writes them. */
const haloStrokes = [HALO.light, HALO.dark].map((h) => `rgb(${hexRgb(h).join(', ')})`);

function readSvg(page: Page, text: string) {
  return page.evaluate(({ src, haloStrokes }) => {
    const doc = new DOMParser().parseFromString(src, 'image/svg+xml');
    const root = doc.documentElement;
    const all = [...doc.querySelectorAll('.scatterlayer .trace path.js-line')]
      .filter((p) => (p.getAttribute('d') ?? '') !== '')
      .map((p) => ({ stroke: (p as SVGElement).style.stroke || (p.getAttribute('style') ?? ''), dash: (p as SVGElement).style.strokeDasharray }));
    return {
      wellFormed: doc.getElementsByTagName('parsererror').length === 0 && root.nodeName === 'svg',
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      /** The lines, apart from the halos under them. */
      lines: all.filter((l) => !haloStrokes.includes(l.stroke)),
      halos: all.filter((l) => haloStrokes.includes(l.stroke)).length,
      legend: [...doc.querySelectorAll('.legend .legendtext')].map((t) => t.textContent ?? ''),
      title: doc.querySelector('.gtitle')?.textContent ?? null,
    };
  }, { src: text, haloStrokes });
}

describe('export figure', () => {
  it('opens from the keyboard, and Escape closes it with focus back on its button', async () => {
    const { page } = s();
    const panel = page.getByTestId('export-png-1');
    expect(await panel.isVisible()).toBe(false);
    await page.getByTestId('export-open').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.isVisible(), POLL).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.isVisible(), POLL).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('export-open');
  });

  it('PNG 1×, 2×, 3× of the contour and of the loss plot: real PNGs of the print size times the scale', async () => {
    const { page } = s();
    const { state } = shown(page);
    for (const which of ['contour', 'loss'] as const) {
      await openMenu(page, which);
      for (const k of [1, 2, 3]) {
        const png = await download(page, `export-png-${k}`);
        expect(png.name).toBe(figureFileName(which, state, 'png', k));
        expect(pngSize(png.bytes)).toEqual({ width: PRINT_SIZE[which].width * k, height: PRINT_SIZE[which].height * k });
      }
    }
    expect(figureFileName('contour', state, 'png', 2)).toBe('ravine-contour-quadratic-k25-rot20-gd-momentum-nesterov@2x.png');
  });

  it('SVG of the contour: well-formed, the title, one line per run in its colour, a legend naming η and α', async () => {
    const { page } = s();
    const colors = await runColors(page, true);
    await openMenu(page, 'contour', 'Ravine <κ = 25> & inertia');
    const svg = await download(page, 'export-svg');
    expect(svg.name).toBe('ravine-contour-quadratic-k25-rot20-gd-momentum-nesterov.svg');
    expect(svg.text).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg.text).not.toMatch(/modebar/i);
    const doc = await readSvg(page, svg.text);
    expect(doc.wellFormed).toBe(true);
    expect([doc.width, doc.height]).toEqual([PRINT_SIZE.contour.width, PRINT_SIZE.contour.height]);
    expect(doc.lines.map((l) => l.stroke)).toEqual(colors);
    // Each run's path is cased in a halo, as on screen.
    expect(doc.halos).toBe(colors.length);
    // The title is shown as typed, not read as markup.
    expect(doc.title).toBe('Ravine <κ = 25> & inertia');
    expect(doc.legend).toHaveLength(3);
    expect(doc.legend[0]).toMatch(/^GD η=1\.8/);
    expect(doc.legend[1]).toMatch(/^Momentum η=0\.3 α=0\.8/);
  });

  it('SVG of the loss plot: one line per run in its colour and no playhead', async () => {
    const { page } = s();
    const colors = await runColors(page, true);
    await openMenu(page, 'loss');
    const svg = await download(page, 'export-svg');
    expect(svg.name).toBe('ravine-loss-quadratic-k25-rot20-gd-momentum-nesterov.svg');
    const doc = await readSvg(page, svg.text);
    expect(doc.wellFormed).toBe(true);
    expect([doc.width, doc.height]).toEqual([PRINT_SIZE.loss.width, PRINT_SIZE.loss.height]);
    expect(doc.lines.map((l) => l.stroke)).toEqual(colors);
    // No playhead (a grey dotted line): the only dashes are the runs' own, one pattern each.
    expect(new Set(doc.lines.map((l) => l.dash)).size).toBe(doc.lines.length);
    expect(doc.title).toBeNull();
  });

  it('CSV: the header and one row per iterate of each visible run, exactly what the engine computes', async () => {
    const { page } = s();
    await page.getByTestId('run').nth(1).getByTestId('run-visible').uncheck();
    // The address bar follows once input rests.
    await expect.poll(() => shown(page).state.runs[1].visible, POLL).toBe(false);
    await openMenu(page, 'contour');
    const csv = await download(page, 'export-csv');
    const { state, fn, runs } = shown(page);
    expect(csv.name).toBe('ravine-runs-quadratic-k25-rot20-gd-nesterov.csv');
    const rows = csv.text.trimEnd().split('\n').map((r) => r.split(','));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(1 + runs[0].points.length + runs[2].points.length);
    expect(new Set(rows.slice(1).map((r) => r[1]))).toEqual(new Set(['gd', 'nesterov']));
    const last = rows[rows.length - 1];
    const nesterov = runs[2];
    expect(Number(last[6])).toBe(nesterov.points.length - 1);
    expect([Number(last[7]), Number(last[8]), Number(last[9])]).toEqual([...nesterov.points.at(-1)!, nesterov.losses.at(-1)!]);
    expect(csv.text).toBe(runsCsv(state, runs, fn));
  });

  it('JSON: parses, names the function, and holds every run\'s step, x, y and loss', async () => {
    const { page } = s();
    await openMenu(page, 'loss');
    const json = await download(page, 'export-json');
    const { state, fn, runs } = shown(page);
    expect(json.name).toBe('ravine-runs-quadratic-k25-rot20-gd-momentum-nesterov.json');
    const j = JSON.parse(json.text);
    expect(j.function).toMatchObject({ id: 'quadratic', params: { kappa: 25, theta: 20 } });
    expect(j.runs).toHaveLength(3);
    j.runs.forEach((r: { x: number[]; y: number[]; loss: number[]; step: number[] }, i: number) => {
      expect(r.x).toEqual(runs[i].points.map((p) => p[0]));
      expect(r.y).toEqual(runs[i].points.map((p) => p[1]));
      expect(r.loss).toEqual(runs[i].losses);
      expect(r.step).toHaveLength(runs[i].points.length);
    });
    expect(json.text).toBe(runsJson(state, runs, fn));
  });
});

describe('the rules on the run cards', () => {
  it('each card shows its update rule typeset by KaTeX, in the lecture\'s notation, with its fonts loaded', async () => {
    const { page } = s();
    const cards = page.getByTestId('run');
    await expect.poll(() => page.locator('[data-testid=run] .katex').count(), POLL).toBeGreaterThanOrEqual(3);
    const rules = await cards.evaluateAll((els) =>
      els.map((c) => ({
        kind: c.getAttribute('data-kind'),
        // KaTeX pads with zero-width spaces: drop them with the white space.
        text: [...c.querySelectorAll('.katex-html')].map((k) => (k.textContent ?? '').replace(/[\s\u200b]/g, '')).join('|'),
        katex: c.querySelectorAll('.katex').length,
      })),
    );
    expect(rules.map((r) => r.kind)).toEqual(['gd', 'momentum', 'nesterov']);
    for (const r of rules) {
      expect(r.katex, r.kind!).toBeGreaterThan(0);
      expect(r.text, r.kind!).toContain('η');
      expect(r.text, r.kind!).toContain('∇');
    }
    for (const r of rules.slice(1)) {
      expect(r.text).toContain('α');
      expect(r.text).toMatch(/ht=αht−1/);
    }
    expect(rules[0].text).not.toContain('α');
    // Nesterov takes the gradient at the look-ahead point.
    expect(rules[2].text).toContain('∇f(xt−1−αht−1)');
    expect(rules[1].text).toContain('∇f(xt−1)|xt=xt−1−ht');
    expect(await page.evaluate(async () => {
      await document.fonts.ready;
      return document.fonts.check('16px KaTeX_Main') && document.fonts.check('16px KaTeX_Math');
    })).toBe(true);
  });

  it('a run on mini-batches shows the mini-batch gradient; SGD one sample', async () => {
    const { page } = s();
    await page.click('[data-testid=add-sgd]');
    await page.fill('#run-1-batch', '4');
    await page.press('#run-1-batch', 'Enter');
    const text = async (i: number) =>
      ((await page.getByTestId('run').nth(i).locator('.katex-html').first().textContent()) ?? '').replace(/[\s\u200b]/g, '');
    await expect.poll(() => text(1), POLL).toContain('∑');
    // h_t = α h_{t−1} + η (1/B) Σ_{i∈B_t} ∇f_i(x_{t−1}) (KaTeX writes a fraction's denominator first).
    expect(await text(1)).toBe('ht=αht−1+ηB1∑i∈Bt∇fi(xt−1)');
    expect(await text(2)).not.toContain('∑');
    expect(await text(3)).toBe('xt=xt−1−η∇fit(xt−1)');
  });
});

describe('figures for print and slides', () => {
  // Six runs, among them ones whose gap to f* falls below 10⁻¹⁰: tiny numbers in the legend and on the axis.
  const six =
    'fn=quadratic&kappa=10&theta=0&N=64&noise=0.5&start=-2.5,1.2&steps=100&run=sgd,id:3,lr:1&run=minibatch,id:4,lr:1,B:4' +
    '&run=minibatch,id:5,lr:1,B:16&run=gd,id:0,lr:1&run=momentum,id:1,lr:0.3,a:0.8&run=nesterov,id:2,lr:0.3,a:0.8';

  /** Each run's line dash and marker shape (a marker's path, drawn about its own centre) in an exported SVG. */
  function runLooks(page: Page, text: string) {
    return page.evaluate(({ src, haloStrokes }) => {
      const doc = new DOMParser().parseFromString(src, 'image/svg+xml');
      return [...doc.querySelectorAll('.scatterlayer .trace')]
        .filter((t) => (t.querySelector('path.js-line')?.getAttribute('d') ?? '') !== '')
        .filter((t) => !haloStrokes.includes((t.querySelector('path.js-line') as SVGElement).style.stroke))
        .map((t) => ({
          stroke: (t.querySelector('path.js-line') as SVGElement).style.stroke,
          dash: (t.querySelector('path.js-line') as SVGElement).style.strokeDasharray || 'solid',
          marker: [...t.querySelectorAll('path.point')].map((p) => p.getAttribute('d') ?? '').find((d) => d.length > 8) ?? '',
        }));
    }, { src: text, haloStrokes });
  }

  it('each run has its own dash pattern and marker shape, in the contour and the loss export alike', async () => {
    const { page } = s();
    await page.goto(`${new URL(page.url()).origin}/?${six}`);
    await expect.poll(async () => (await layer(page, LOSS)).lines.length, POLL).toBeGreaterThan(5);
    const looks: Record<string, { dash: string; marker: string }[]> = {};
    for (const which of ['contour', 'loss'] as const) {
      await openMenu(page, which);
      const runs = await runLooks(page, (await download(page, 'export-svg')).text);
      expect(runs, which).toHaveLength(6);
      expect(new Set(runs.map((r) => r.dash)).size, `${which} dashes`).toBe(6);
      expect(runs.every((r) => r.marker !== ''), `${which} markers`).toBe(true);
      expect(new Set(runs.map((r) => r.marker)).size, `${which} markers`).toBe(6);
      looks[which] = runs.map(({ dash, marker }) => ({ dash, marker }));
    }
    // A run looks the same in both figures, so one legend serves both.
    expect(looks.loss.map((r) => r.dash)).toEqual(looks.contour.map((r) => r.dash));
  });

  for (const lang of ['en', 'ru'] as const) {
    it(`numbers in exported figures read m·10ⁿ, never 1e-7 (${lang})`, async () => {
      const { page } = s();
      await page.goto(`${new URL(page.url()).origin}/?${six}&lang=${lang}`);
      await expect.poll(async () => (await layer(page, LOSS)).lines.length, POLL).toBeGreaterThan(5);
      for (const which of ['contour', 'loss'] as const) {
        await openMenu(page, which);
        const svg = await download(page, 'export-svg');
        const texts: string[] = await page.evaluate((src) => {
          const doc = new DOMParser().parseFromString(src, 'image/svg+xml');
          return [...doc.querySelectorAll('text')].map((t) => t.textContent ?? '');
        }, svg.text);
        const all = texts.join(' | ');
        expect(all, which).not.toMatch(/\d[eE][-+−]?\d/);
        // The legend's tiny gaps to f* are written with a power of ten, in the language's decimal mark.
        if (which === 'loss') expect(all).toMatch(lang === 'ru' ? /\d,\d+·10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+/ : /\d\.\d+·10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+/);
      }
    });
  }

  it('the contour and the loss side by side: one PNG and SVG of the print size, every run in both plots', async () => {
    const { page } = s();
    await openMenu(page, 'both');
    const png = await download(page, 'export-png-1');
    expect(pngSize(png.bytes)).toEqual(PRINT_SIZE.both);
    const doc = await readSvg(page, (await download(page, 'export-svg')).text);
    const colors = await runColors(page, true);
    expect(doc.lines.map((l) => l.stroke)).toEqual([...colors, ...colors]);
    expect(doc.legend).toHaveLength(3);
  });

  it('an iteration strip: the iterations as typed, a bad list refused at the field', async () => {
    const { page } = s();
    await openMenu(page, 'strip');
    const field = page.getByTestId('export-strip-steps');
    expect(await field.inputValue()).toBe('0, 10, 33, 100');
    await field.fill('0, 20, 500');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('export-svg').isDisabled()).toBe(true);
    await field.fill('0, 20, 100');
    expect(await page.getByTestId('export-svg').isDisabled()).toBe(false);
    const png = await download(page, 'export-png-1');
    expect(pngSize(png.bytes)).toEqual(PRINT_SIZE.strip);
    const svg = await download(page, 'export-svg');
    const heads = await page.evaluate((src) => {
      const doc = new DOMParser().parseFromString(src, 'image/svg+xml');
      return [...doc.querySelectorAll('.annotation-text')].map((t) => t.textContent);
    }, svg.text);
    expect(heads).toEqual(['t = 0', 't = 20', 't = 100']);
    const doc = await readSvg(page, svg.text);
    // Every run in every panel, in its colour.
    const colors = await runColors(page, true);
    expect(doc.lines.map((l) => l.stroke)).toEqual([...colors, ...colors, ...colors]);
  });

  it('the strip shares one box that holds every panel’s paths, whatever the zoom on screen', async () => {
    const { page } = s();
    // Zoomed on the minimum: on screen the start (−2.5, 1.2) and the first steps are out of view.
    await page.goto(`${new URL(page.url()).origin}/?fn=quadratic&kappa=25&theta=20&start=-2.5,1.2&steps=40&view=-0.5,0.5,-0.4,0.4&run=gd,id:0,lr:1.8&run=momentum,id:1,lr:0.36,a:0.8&lang=en`);
    await expect.poll(async () => (await layer(page, LOSS)).lines.length, POLL).toBeGreaterThan(1);
    await openMenu(page, 'strip');
    await page.getByTestId('export-strip-steps').fill('0, 5, 40');
    const svg = await download(page, 'export-svg');
    // Each panel: its plot area, its x range, and how many of its runs' points fall outside the area.
    const panels = await page.evaluate((src) => {
      const doc = new DOMParser().parseFromString(src, 'image/svg+xml');
      return ['xy', 'x2y2', 'x3y3'].map((id) => {
        const rect = doc.querySelector(`clipPath[id$="${id}plot"] rect`)!;
        const [w, h] = [Number(rect.getAttribute('width')), Number(rect.getAttribute('height'))];
        const lines = [...doc.querySelectorAll(`.subplot.${id} .scatterlayer .trace path.js-line`)].map((p) => p.getAttribute('d') ?? '').filter((d) => d !== '');
        const xy = lines.flatMap((d) => [...d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]));
        return { w, h, points: xy.length, outside: xy.filter(([x, y]) => x < -1 || x > w + 1 || y < -1 || y > h + 1).length };
      });
    }, svg.text);
    expect(panels).toHaveLength(3);
    for (const p of panels) {
      expect(p.w).toBeGreaterThan(300);
      expect(p.points).toBeGreaterThan(0);
      expect(p.outside).toBe(0);
    }
    // The panels are the same size: one box, so they compare.
    expect(new Set(panels.map((p) => `${p.w}×${p.h}`)).size).toBe(1);
  });

  it('with the playhead at t = 5, the contour’s legend says t = 5, the loss plot’s how each run ended, the strip’s names the runs alone', async () => {
    const { page } = s();
    await page.goto(`${new URL(page.url()).origin}/?fn=quadratic&kappa=25&theta=20&steps=80&t=5&run=gd,id:0,lr:1.8&run=momentum,id:1,lr:0.36,a:0.8&lang=en`);
    await expect.poll(async () => (await layer(page, LOSS)).lines.length, POLL).toBeGreaterThan(1);
    const legend = async (which: 'contour' | 'loss' | 'strip') => {
      await openMenu(page, which);
      return (await readSvg(page, (await download(page, 'export-svg')).text)).legend;
    };
    const contour = await legend('contour');
    expect(contour).toHaveLength(2);
    for (const l of contour) expect(l).toMatch(/ · at t = 5: f − f\* = /);
    const loss = await legend('loss');
    expect(loss).toHaveLength(2);
    // After 80 steps: GD and Momentum both far below f(x₅), and nothing says t = 5.
    for (const l of loss) expect(l).toMatch(/^(GD|Momentum) η=[\d.]+( α=0\.8)? · f − f\* = /);
    expect(loss.join(' ')).not.toContain('t = 5');
    const strip = await legend('strip');
    expect(strip.length).toBeGreaterThanOrEqual(2);
    for (const l of strip) expect(l).toMatch(/^(GD|Momentum) η=[\d.]+( α=0\.8)?$/);
  });

  it("the GIF's frames are the playhead's figure at their t, with a progress bar while it is made", async () => {
    const { page } = s();
    // 12 steps: a frame for each t from 0 to 12.
    await page.goto(`${new URL(page.url()).origin}/?fn=quadratic&kappa=25&theta=20&steps=12&t=6&run=gd,id:0,lr:1.8&run=momentum,id:1,lr:0.3,a:0.8&lang=en`);
    await expect.poll(async () => (await layer(page, LOSS)).lines.length, POLL).toBeGreaterThan(1);
    await openMenu(page, 'contour');
    await page.getByTestId('export-at-playhead').check();
    const still = await download(page, 'export-png-1');
    // A figure at the playhead says its t in the corner (each GIF frame is one), and under it each run's f − f*
    // there (the engine's, at t = 6), in the legend's order; the legend names the runs alone, one size for every frame.
    const stillSvg = await download(page, 'export-svg');
    const corner = await page.evaluate((src) => [...new DOMParser().parseFromString(src, 'image/svg+xml').querySelectorAll('.annotation-text')].map((t) => [...t.querySelectorAll('tspan.line')].map((l) => l.textContent)), stillSvg.text);
    const { fn, runs } = shown(page);
    expect(corner).toEqual([['t = 6', `● ${lossText(runs[0].losses[6], fn.fMin)}`, `■ ${lossText(runs[1].losses[6], fn.fMin)}`]]);
    expect(corner[0][1]).toMatch(/^● f − f\* = 0\.\d+$/);
    for (const l of (await readSvg(page, stillSvg.text)).legend) expect(l).toMatch(/^(GD|Momentum) η=[\d.]+( α=0\.8)?$/);
    const [gif] = await Promise.all([
      download(page, 'export-gif'),
      expect.poll(() => page.getByTestId('export-progress').count(), POLL).toBe(1),
    ]);
    expect(gif.name).toBe('ravine-contour-quadratic-k25-rot20-gd-momentum.gif');
    expect(gif.text.slice(0, 6)).toBe('GIF89a');
    // Each frame after the first keeps only the pixels that changed: 13 frames of 1200×900 in ~130 kB (each a
    // full image, they took 836 kB).
    expect(gif.bytes.length).toBeLessThan(300_000);
    // Decoded by the browser: the number of frames, and how far frames 0, 6 and 12 are from the still at t = 6.
    const r = await page.evaluate(async ([gifB64, pngB64]) => {
      const bytes = (b: string) => Uint8Array.from(atob(b), (c) => c.charCodeAt(0));
      const rgba = (img: CanvasImageSource & { displayWidth?: number; width?: number }, w: number, h: number) => {
        const c = new OffscreenCanvas(w, h);
        const ctx = c.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        return ctx.getImageData(0, 0, w, h).data;
      };
      const png = await createImageBitmap(new Blob([bytes(pngB64)], { type: 'image/png' }));
      const ref = rgba(png, png.width, png.height);
      const dec = new ImageDecoder({ data: bytes(gifB64), type: 'image/gif' });
      await dec.tracks.ready;
      const distance = async (k: number) => {
        const { image } = await dec.decode({ frameIndex: k });
        const px = rgba(image, image.displayWidth, image.displayHeight);
        // Pixels that differ by more than the GIF's 256 colours can explain.
        let off = 0;
        for (let i = 0; i < px.length; i += 4) {
          if (Math.max(Math.abs(px[i] - ref[i]), Math.abs(px[i + 1] - ref[i + 1]), Math.abs(px[i + 2] - ref[i + 2])) > 64) off++;
        }
        return { size: [image.displayWidth, image.displayHeight], off };
      };
      return { frames: dec.tracks.selectedTrack!.frameCount, size: [png.width, png.height], at: await Promise.all([0, 6, 12].map(distance)) };
    }, [gif.bytes.toString('base64'), still.bytes.toString('base64')] as const);
    expect(r.frames).toBe(13);
    expect(r.size).toEqual([PRINT_SIZE.contour.width, PRINT_SIZE.contour.height]);
    for (const f of r.at) expect(f.size).toEqual(r.size);
    // Frame 6 is the still but for the GIF's 256 colours; frames 0 and 12 have their marks elsewhere.
    expect(r.at[1].off).toBeLessThan(50);
    expect(r.at[0].off).toBeGreaterThan(400);
    expect(r.at[2].off).toBeGreaterThan(400);
    expect(await page.getByTestId('export-progress').count()).toBe(0);
  });
});
