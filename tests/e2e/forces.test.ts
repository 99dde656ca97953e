// The forces behind each step, on the contour: the vectors sit at the playhead and move with it, their
// parts are the engine's own numbers, the batch cloud shrinks with B, and an export holds what the
// screen shows.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Vec2 } from '../../src/core';
import { buildFunction, runTrajectories } from '../../src/state/scene';
import { decode } from '../../src/state/url';
import { stepVectors } from '../../src/state/vectors';
import { sharedPage } from './browser';
import { CONTOUR, POLL } from './plot';

const s = sharedPage();

interface Drawn {
  color: string;
  dashed: boolean;
  width: number;
  x: number[];
  y: number[];
  /** Whether the canvas has pixels of the line's colour at the middle of its first segment. */
  painted: boolean;
  /** The extent of the drawn points in CSS pixels (largest of width and height). */
  extent: number;
}

/** The layer's silent lines (vectors, clouds, ellipses) as it reports them, checked against its pixels. */
function forces(page: Page): Promise<Drawn[]> {
  return page.evaluate((sel) => {
    const canvas = document.querySelector(`${sel} canvas.marks`) as HTMLCanvasElement & { drawn?: any };
    const d = canvas.drawn;
    const dpr = canvas.width / d.frame.width;
    const px = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    const hex = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
    const shows = (x: number, y: number, c: number[]) => {
      for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) {
        const o = 4 * (Math.round((y + dy) * dpr) * canvas.width + Math.round((x + dx) * dpr));
        if (px[o + 3] > 0 && Math.abs(px[o] - c[0]) + Math.abs(px[o + 1] - c[1]) + Math.abs(px[o + 2] - c[2]) < 90) return true;
      }
      return false;
    };
    // Vectors have heads, ellipses dashes, clouds dots; a faint path beyond the playhead has none.
    return d.lines.filter((l: any) => l.mark.silent && l.mark.color !== '#fff' && (l.mark.heads || l.mark.dash || l.mark.dots > 0)).map((l: any) => {
      const xs = [...l.px], ys = [...l.py];
      return {
        color: l.mark.color, dashed: !!l.mark.dash, width: l.mark.width, x: [...l.mark.x], y: [...l.mark.y],
        painted: xs.length >= 2 && shows((xs[0] + xs[1]) / 2, (ys[0] + ys[1]) / 2, hex(l.mark.color)),
        extent: xs.length ? Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)) : 0,
      };
    });
  }, CONTOUR);
}

/** What the engine says the parts of the step that made x_t are, for every run of the page's link. */
function expected(page: Page, t: number) {
  const { state } = decode(new URL(page.url()).search);
  const fn = buildFunction(state.fn);
  return runTrajectories(fn, state).map((tr, i) => stepVectors(state.runs[i], tr, t)!);
}

const seg = (l: Drawn): [Vec2, Vec2] => [[l.x[0], l.y[0]], [l.x[1], l.y[1]]];

/** Clicks an export button and reads what the browser downloads. */
async function exported(page: Page, testid: string): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'ravine-forces-'));
  try {
    const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId(testid).click()]);
    const path = join(dir, dl.suggestedFilename());
    await dl.saveAs(path);
    return readFileSync(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the forces behind each step', () => {
  it('ticked on the default page (t = 100, steps below a pixel) go back to the latest step whose vectors show', async () => {
    const { page } = s();
    expect(await page.getByTestId('playhead').textContent()).toMatch(/^t = 100\b/);
    await page.getByTestId('show-vectors').check();
    await expect.poll(() => page.getByTestId('playhead').textContent(), POLL).not.toMatch(/^t = 100\b/);
    const t = Number(/^t = (\d+)/.exec((await page.getByTestId('playhead').textContent())!)![1]);
    expect(t).toBeGreaterThan(1);
    expect(t).toBeLessThan(100);
    await expect.poll(async () => (await forces(page)).length, POLL).toBeGreaterThan(0);
    const drawn = await forces(page);
    // Painted, and long enough to see: the longest vector spans 10 px or more.
    expect(drawn.every((l) => l.painted)).toBe(true);
    expect(Math.max(...drawn.map((l) => l.extent))).toBeGreaterThanOrEqual(10);
    await expect.poll(() => new URL(page.url()).searchParams.get('vec'), POLL).toBe('1');
    expect(new URL(page.url()).searchParams.get('t')).toBe(String(t));
  });

  it('Momentum and Nesterov at t = 4: inertia dashed, then the gradient step, ending on x_t; they move with the playhead', async () => {
    const { page } = s();
    await page.goto(new URL('/?fn=quadratic&kappa=25&theta=20&steps=80&t=4&run=momentum,id:1,lr:0.5,a:0.9&run=nesterov,id:2,lr:0.5,a:0.9&vec=1', page.url()).href);
    for (const t of [4, 5]) {
      await expect.poll(() => page.getByTestId('playhead').textContent(), POLL).toMatch(new RegExp(`^t = ${t}\\b`));
      const want = expected(page, t);
      // Each run's inertia (dashed) and gradient step, once the layer has drawn this t's.
      const colors = ['#0072B2', '#009E73'];
      const parts = (drawn: Drawn[]) => colors.map((color) => {
        const mine = drawn.filter((l) => l.color === color);
        return [mine.find((l) => l.dashed), mine.find((l) => !l.dashed)].map((l) => (l ? seg(l) : null));
      });
      await expect.poll(async () => parts(await forces(page)), POLL)
        .toEqual(want.map((w) => [[w.parts[0].from, w.parts[0].to], [w.parts[1].from, w.parts[1].to]]));
      const drawn = await forces(page);
      expect(drawn).toHaveLength(4);
      for (const l of drawn) expect(l.painted, `painted ${l.color} t=${t}`).toBe(true);
      // The card says how long the parts are and the angle between them.
      expect(await page.getByTestId('run-status').nth(1).textContent()).toMatch(/\|α h\| = [\d.]+, \|η g\| = [\d.]+, angle \d+°/);
      if (t === 4) await page.getByTestId('step').click();
    }
    // Nesterov's look-ahead point is ringed where its gradient was taken.
    expect(await page.getByTestId('force-key').textContent()).toContain('look-ahead');
  });

  it('the panel\'s controls set every overlay and its link key; a refused count changes nothing', async () => {
    const { page } = s();
    await page.goto(new URL('/?fn=quadratic&kappa=25&theta=20&steps=80&t=6&run=momentum,id:1,lr:0.5,a:0.9&run=sgd,id:2,lr:0.5', page.url()).href);
    const link = () => new URL(page.url()).searchParams;
    await page.getByTestId('show-vectors').check();
    await expect.poll(() => link().get('vec'), POLL).toBe('1');
    // Momentum's last step: inertia and gradient; SGD's: the gradient step.
    await expect.poll(async () => (await forces(page)).length, POLL).toBe(3);
    const count = page.locator('#show-vectors-count');
    await count.fill('3');
    await count.press('Enter');
    await expect.poll(() => link().get('vec'), POLL).toBe('3');
    // Each mark holds a part's segments of the last three steps.
    const segments = async () => (await forces(page)).map((l) => (l.x.length + 1) / 3);
    await expect.poll(segments, POLL).toEqual([3, 3, 3]);
    // Past the table's limit: refused beside the field, the link and the drawing as they were.
    await count.fill('99');
    await count.press('Enter');
    await expect.poll(() => page.locator('#show-vectors-count-error').textContent(), POLL).toMatch(/50/);
    expect(link().get('vec')).toBe('3');
    expect(await segments()).toEqual([3, 3, 3]);
    await count.press('Escape');
    await page.getByTestId('show-cloud').check();
    await page.getByTestId('show-field').check();
    await page.getByTestId('show-rest').selectOption('hidden');
    await expect.poll(() => [...link()].filter(([k]) => ['vec', 'cloud', 'field', 'rest'].includes(k)).join('&'), POLL).toBe('vec,3&cloud,1&field,1&rest,hidden');
    // The cloud (dots, ellipse, full step) joins SGD's marks; the field's arrows lie under the paths.
    await expect.poll(async () => (await forces(page)).length, POLL).toBe(7);
    await page.getByTestId('show-vectors').uncheck();
    await expect.poll(() => link().get('vec'), POLL).toBe(null);
    await expect.poll(() => page.locator('#show-vectors-count').count(), POLL).toBe(0);
  });

  it('the batch cloud: every sample for SGD, smaller for B = 16, gone at B = N', async () => {
    const { page } = s();
    await page.goto(new URL('/?fn=quadratic&kappa=10&theta=0&N=64&noise=0.5&start=-2.5,1.2&steps=100&t=10&run=sgd,id:3,lr:1&run=minibatch,id:4,lr:1,B:16&run=minibatch,id:5,lr:1,B:64&cloud=1', page.url()).href);
    await expect.poll(async () => (await forces(page)).length, POLL).toBeGreaterThan(0);
    const drawn = await forces(page);
    // The ellipses: dashed, 1.5 px, one per run.
    const ellipse = (color: string) => drawn.find((l) => l.color === color && l.dashed && l.width === 1.5)!;
    const [sgd, b16, bN] = ['#CC79A7', '#E69F00', '#56B4E9'].map(ellipse);
    expect(sgd.extent).toBeGreaterThan(10);
    expect(b16.extent).toBeLessThan(sgd.extent / 2);
    expect(bN.extent).toBeLessThan(1);
    // SGD's cloud holds all N = 64 samples' steps.
    const cloud = drawn.find((l) => l.color === '#CC79A7' && l.width === 1)!;
    expect(cloud.x.filter(Number.isFinite)).toHaveLength(64);
  });

  it('an SVG export holds the vectors as drawn: dashed inertia and arrowheads in the run\'s colour', async () => {
    const { page } = s();
    await page.goto(new URL('/?fn=quadratic&kappa=25&theta=20&steps=80&t=4&run=momentum,id:1,lr:0.5,a:0.9&vec=1', page.url()).href);
    await expect.poll(async () => (await forces(page)).length, POLL).toBe(2);
    await page.getByTestId('export-open').click();
    await page.getByTestId('export-contour').check();
    const svg = (await exported(page, 'export-svg')).toString('utf8');
    const found = await page.evaluate((src) => {
      const doc = new DOMParser().parseFromString(src, 'image/svg+xml');
      const lines = [...doc.querySelectorAll('.scatterlayer .trace path.js-line')].map((p) => (p as SVGElement).style);
      const blue = (c: string) => /0, 114, 178|#0072b2/i.test(c);
      return {
        dashed: lines.filter((l) => blue(l.stroke) && l.strokeDasharray && l.strokeDasharray !== 'none').length,
        arrows: [...doc.querySelectorAll('.scatterlayer .trace path.point')].filter((p) => blue((p as SVGElement).style.fill)).length,
      };
    }, svg);
    expect(found.dashed).toBeGreaterThanOrEqual(1);
    expect(found.arrows).toBeGreaterThanOrEqual(2);
  });

  it('a printed export keys its forces, dashes inertia unlike any path, and gives each run’s batch cloud the run’s marker shape', async () => {
    const { page } = s();
    await page.goto(new URL('/?fn=quadratic&kappa=10&theta=0&N=64&noise=0.5&start=-2.5,1.2&steps=30&t=4&run=minibatch,id:4,lr:1,B:4&run=momentum,id:1,lr:0.3,a:0.8&run=minibatch,id:5,lr:1,B:16&vec=1&cloud=1&lang=en', page.url()).href);
    await expect.poll(async () => (await forces(page)).length, POLL).toBeGreaterThan(4);
    await page.getByTestId('export-open').click();
    await page.getByTestId('export-contour').check();
    const svg = (await exported(page, 'export-svg')).toString('utf8');
    const found = await page.evaluate((src) => {
      const doc = new DOMParser().parseFromString(src, 'image/svg+xml');
      const traces = [...doc.querySelectorAll('.scatterlayer .trace')];
      const line = (t: Element) => t.querySelector('path.js-line') as SVGElement | null;
      const points = (t: Element) => [...t.querySelectorAll('path.point')] as SVGElement[];
      const blue = (c: string) => /0, 114, 178/.test(c);
      // Momentum's path runs through x_0 … x_4 (four segments, beside its faint thin rest); each of its step vectors is one segment.
      const segments = (t: Element) => ((line(t)?.getAttribute('d') ?? '').match(/L/g) ?? []).length;
      const dashes = (pick: (n: number) => boolean) => traces
        .filter((t) => line(t) && blue(line(t)!.style.stroke) && parseFloat(line(t)!.style.strokeWidth) >= 3 && pick(segments(t)))
        .map((t) => line(t)!.style.strokeDasharray || 'solid');
      // Each cloud: the marker shapes of the many points in the run's colour.
      const shapes = (rgb: string) => [...new Set(traces.flatMap((t) => (points(t).length >= 10 ? points(t) : [])).filter((p) => p.style.fill.includes(rgb)).map((p) => p.getAttribute('d')))];
      return {
        // The runs' legend above the plot, the key to the forces in a second one at the foot.
        legend: [...doc.querySelectorAll('.legend .legendtext')].map((t) => t.textContent ?? ''),
        key: [...doc.querySelectorAll('.legend2 .legend2text')].map((t) => t.textContent ?? ''),
        path: dashes((n) => n >= 4), vectors: dashes((n) => n === 1),
        clouds: [shapes('230, 159, 0'), shapes('86, 180, 233')],
      };
    }, svg);
    expect(found.key).toEqual(['inertia −α hₜ₋₁', 'gradient step −η g', 'other batches’ steps, 1-σ ellipse', 'full-gradient step']);
    expect(found.legend).toHaveLength(3);
    // The inertia dashed, the gradient step solid; Momentum's path dashed otherwise.
    expect(found.path).toHaveLength(1);
    expect(found.path[0]).not.toBe('solid');
    expect(found.vectors).toHaveLength(2);
    expect(found.vectors).toContain('solid');
    // Told apart in greyscale by their rhythm: the inertia's dashes repeat within 8 px, the path's take 8 or more.
    const period = (dash: string) => dash.split(',').reduce((a, d) => a + parseFloat(d), 0);
    expect(period(found.vectors.find((d) => d !== 'solid')!)).toBeLessThan(8);
    expect(period(found.path[0])).toBeGreaterThanOrEqual(8);
    expect(found.clouds[0]).toHaveLength(1);
    expect(found.clouds[1]).toHaveLength(1);
    expect(found.clouds[0][0]).not.toBe(found.clouds[1][0]);
  });

  it('in a printed PNG turned grey the two batch clouds keep apart: their markers differ in shape', async () => {
    const { page } = s();
    await page.goto(new URL('/?fn=quadratic&kappa=10&theta=0&N=64&noise=0.5&start=-2.5,1.2&steps=30&t=4&view=-1.9,-0.7,-0.45,0.45&run=minibatch,id:4,lr:1,B:4&run=minibatch,id:5,lr:1,B:16&cloud=1&lang=en', page.url()).href);
    await expect.poll(async () => (await forces(page)).length, POLL).toBeGreaterThan(2);
    await page.getByTestId('export-open').click();
    await page.getByTestId('export-contour').check();
    const [svg, png] = [(await exported(page, 'export-svg')).toString('utf8'), (await exported(page, 'export-png-1')).toString('base64')];
    const r = await page.evaluate(async ([src, b64]) => {
      // Each cloud's marker centres in the figure's pixels: the plot area's corner plus each point's place in it.
      const doc = new DOMParser().parseFromString(src, 'image/svg+xml');
      const clip = doc.querySelector('clipPath.axesclip[id$="xy"] rect')!;
      const [ox, oy] = [Number(clip.getAttribute('x')), Number(clip.getAttribute('y'))];
      const centres = (rgb: string) => [...doc.querySelectorAll('.scatterlayer .trace')]
        .filter((t) => t.querySelectorAll('path.point').length >= 10)
        .flatMap((t) => [...t.querySelectorAll('path.point')] as SVGElement[])
        // A filled marker in the run's colour, or an open one outlined in it.
        .filter((p) => `${p.style.fill} ${p.style.stroke}`.includes(rgb) && (p.getAttribute('d') ?? '').length > 8)
        .map((p) => /translate\(([-\d.]+),([-\d.]+)\)/.exec(p.getAttribute('transform') ?? '')!.slice(1).map(Number))
        .map(([x, y]) => [Math.round(ox + x), Math.round(oy + y)]);
      const all = [centres('230, 159, 0'), centres('86, 180, 233')];
      // Markers with no other within 16 px: their own shape, not a heap.
      const flat = all.flat();
      const alone = all.map((c) => c.filter(([x, y]) => flat.filter(([u, v]) => Math.hypot(u - x, v - y) < 16).length === 1));
      // The PNG in greyscale, as a print on a black-and-white printer.
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = new OffscreenCanvas(img.width, img.height);
      const g = c.getContext('2d')!;
      g.filter = 'grayscale(1)';
      g.drawImage(img, 0, 0);
      const px = g.getImageData(0, 0, img.width, img.height).data;
      const grey = (x: number, y: number) => px[4 * (y * img.width + x)];
      // A marker's mask: the pixels of its 15 × 15 window that stand off the window's border (the ground) by 12 levels
      // (in grey the two runs' colours, 0.75 opaque, sit 24 levels below the contour there, and 1 apart).
      const R = 7;
      const mask = ([x, y]: number[]) => {
        const edge: number[] = [];
        for (let k = -R; k <= R; k++) edge.push(grey(x + k, y - R), grey(x + k, y + R), grey(x - R, y + k), grey(x + R, y + k));
        const ground = edge.sort((a, b) => a - b)[edge.length >> 1];
        const m: boolean[] = [];
        for (let dy = -R; dy <= R; dy++) for (let dx = -R; dx <= R; dx++) m.push(Math.abs(grey(x + dx, y + dy) - ground) > 12);
        return m;
      };
      const iou = (a: boolean[], b: boolean[]) => a.filter((v, k) => v && b[k]).length / Math.max(1, a.filter((v, k) => v || b[k]).length);
      const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
      const [A, B] = alone.map((c) => c.slice(0, 6).map(mask));
      const within = [A, B].flatMap((m) => m.flatMap((a, i) => m.slice(i + 1).map((b) => iou(a, b))));
      const across = A.flatMap((a) => B.map((b) => iou(a, b)));
      return { alone: alone.map((a) => a.length), within: mean(within), across: mean(across) };
    }, [svg, png] as const);
    expect(r.alone[0]).toBeGreaterThanOrEqual(2);
    expect(r.alone[1]).toBeGreaterThanOrEqual(2);
    // In grey, a marker overlaps its own cloud's markers far more than the other cloud's (0.73 against 0.13;
    // filled circles against filled squares gave 0.69 against 0.60).
    expect(r.within - r.across).toBeGreaterThan(0.3);
  });
});
