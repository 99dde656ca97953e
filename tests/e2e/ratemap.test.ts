// The rate map in the browser: theory's map linked both ways with the run's settings, Optimal, a measured
// map from the workers that never shows a stale function, Tune every run, and the map's export.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { roundTo } from '../../src/state/sliders';
import { openPage, sharedPage } from './browser';
import { POLL } from './plot';

const s = sharedPage();
const MAP = '[data-testid=rate-map]';
/** The runs of a page's link, as written: `run=gd,id:0,lr:1.8`. */
const runsInLink = (url: string) => new URL(url).search.slice(1).split('&').filter((p) => p.startsWith('run=')).map(decodeURIComponent);

describe('the rate map', () => {
  it('on the ravine: theory\'s exact map; Optimal sets Momentum to Polyak\'s (η*, α*) and GD to 2/(L + μ)', async () => {
    const { page } = s();
    await page.getByTestId('map-show').click();
    await page.getByTestId('map-run').selectOption('1');
    await expect.poll(() => page.locator(MAP).getAttribute('data-source'), POLL).toBe('theory');
    await expect.poll(() => page.url(), POLL).toContain('map=1');
    // κ = 25, L = 1, μ = 1/25: η* = 4/(1 + 1/5)² = 2.78 (to three digits), α* = ((5 − 1)/(5 + 1))² = 0.444.
    await page.getByTestId('map-optimal').click();
    await expect.poll(() => page.locator('#run-1-lr').inputValue(), POLL).toBe('2.78');
    expect(await page.locator('#run-1-alpha').inputValue()).toBe('0.444');
    expect(await page.getByTestId('run-status').nth(1).textContent()).toMatch(/theory: rate 0\.667/);
    // The link carries five digits (η* = 2.7777777777777772 computed): four would cost the rate (0.682).
    await expect.poll(() => runsInLink(page.url()).join('&'), POLL).toContain('run=momentum,id:1,lr:2.7777,a:0.44445');
    await page.getByTestId('map-run').selectOption('0');
    await page.getByTestId('map-optimal').click();
    await expect.poll(() => page.locator('#run-0-lr').inputValue(), POLL).toBe('1.92');
    await expect.poll(() => runsInLink(page.url()).join('&'), POLL).toContain('run=gd,id:0,lr:1.923');
  });

  it('opens for the run under the contour (the first with α on the default page), not the first run', async () => {
    const { page } = s();
    await page.getByTestId('map-show').click();
    await expect.poll(() => page.url(), POLL).toContain('map=1');
    expect(await page.getByTestId('map-run').inputValue()).toBe('1');
  });

  it('opened by a link, comes into view with its heading, though it sits screens down the panel', async () => {
    const { page } = s();
    await page.goto(new URL('/?map=1', page.url()).href);
    const map = page.getByTestId('rate-map');
    await map.waitFor();
    const height = page.viewportSize()!.height;
    const heading = (await page.locator('#map-heading').boundingBox())!;
    const box = (await map.boundingBox())!;
    expect(heading.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(height);
    // The figure stays where it was: only the panel scrolled.
    const contour = (await page.getByTestId('contour').boundingBox())!;
    expect(contour.y).toBeGreaterThanOrEqual(0);
    expect(contour.y).toBeLessThan(height / 2);
  });

  it('at 1024 × 768 opens for the run picked under the contour', async () => {
    const { page } = s();
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.getByTestId('focus-bar').getByRole('radio').nth(2).check();
    await page.getByTestId('map-show').click();
    await expect.poll(() => page.url(), POLL).toContain('map=2');
    expect(await page.getByTestId('map-run').inputValue()).toBe('2');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('a click on the map sets η and α; the fields move its marker back', async () => {
    const { page } = s();
    await page.getByTestId('map-show').click();
    await page.getByTestId('map-run').selectOption('1');
    await expect.poll(() => page.url(), POLL).toContain('map=1');
    await page.locator(MAP).scrollIntoViewIfNeeded();
    const box = (await page.locator(MAP).boundingBox())!;
    const link = page.url();
    // Low and to the left: a small η and a small α.
    await page.mouse.click(box.x + 70, box.y + box.height - 50);
    await expect.poll(() => page.url(), POLL).not.toBe(link);
    const lr = Number(await page.locator('#run-1-lr').inputValue());
    const alpha = Number(await page.locator('#run-1-alpha').inputValue());
    expect(lr).toBeLessThan(0.01);
    expect(alpha).toBeLessThan(0.8);
    // Up and to the right: larger η and α.
    await page.mouse.click(box.x + box.width - 60, box.y + 30);
    await expect.poll(async () => Number(await page.locator('#run-1-lr').inputValue()), POLL).toBeGreaterThan(lr);
    expect(Number(await page.locator('#run-1-alpha').inputValue())).toBeGreaterThan(0.95);
    await page.locator('#run-1-lr').fill('0.5');
    await page.locator('#run-1-alpha').fill('0.6');
    await expect.poll(() => page.locator(MAP).getAttribute('data-marker'), POLL).toBe('0.5,0.6');
  });

  it('measures a map on Rosenbrock in the workers, coarse then fine, and never shows a map of the function before', async () => {
    const { page } = s();
    await page.goto(page.url().replace(/\?.*$/, '') + '?fn=rosenbrock&steps=200&run=momentum,id:1,lr:0.0005,a:0.9&map=1');
    const map = page.locator(MAP);
    await expect.poll(() => map.getAttribute('data-level'), POLL).toBe('fine');
    expect(await map.getAttribute('data-source')).toBe('measured');
    expect(await map.getAttribute('data-key')).toContain('"id":"rosenbrock"');
    expect(await page.getByTestId('rate-map-legend').textContent()).toMatch(/Measured.*Hessian at \(1, 1\) \(κ ≈ 25\d\d\)/);
    // Record every key the map shows from the switch on.
    await page.evaluate(() => {
      const el = document.querySelector('[data-testid=rate-map]')!;
      const w = window as unknown as { shown: string[] };
      w.shown = [];
      new MutationObserver(() => w.shown.push(el.getAttribute('data-key') ?? '')).observe(el, { attributes: true, attributeFilter: ['data-key'] });
    });
    await page.getByTestId('function-select').selectOption('himmelblau');
    await expect.poll(() => map.getAttribute('data-key'), POLL).toContain('"id":"himmelblau"');
    await expect.poll(() => map.getAttribute('data-level'), POLL).toBe('fine');
    const shown = await page.evaluate(() => (window as unknown as { shown: string[] }).shown);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.filter((k) => k.includes('rosenbrock'))).toEqual([]);
    // Optimal takes the best measured cell there.
    const before = await page.locator('#run-1-lr').inputValue();
    await page.getByTestId('map-optimal').click();
    await expect.poll(() => page.locator('#run-1-lr').inputValue(), POLL).not.toBe(before);
  });

  it('Tune every run gives each run its best measured setting and says what it chose', async () => {
    const { page } = s();
    const statuses = await page.getByTestId('run-status').allTextContents();
    await page.getByTestId('tune-all').click();
    await expect.poll(() => page.getByTestId('tune-note').textContent(), { ...POLL, timeout: 20_000 }).toMatch(/^Tuned: GD η=[\d.]+; Momentum η=[\d.]+ α=[\d.]+; Nesterov η=[\d.]+ α=[\d.]+$/);
    const after = await page.getByTestId('run-status').allTextContents();
    // Theory's rate of each tuned run: GD's was near its best already (η = 1.8 against 2/(L + μ) = 1.92), the
    // inertial runs' default α = 0.8 was not.
    const rate = (text: string) => Number(/theory: rate ([\d.]+)/.exec(text)![1]);
    expect(rate(after[0])).toBeLessThanOrEqual(rate(statuses[0]) + 0.005);
    expect(rate(after[1])).toBeLessThan(rate(statuses[1]) - 0.1);
    expect(rate(after[2])).toBeLessThan(rate(statuses[2]) - 0.1);
    // Each tuned setting in the link is short: four significant digits, five or six where theory's rate needs them.
    await expect.poll(() => runsInLink(page.url()).join('&'), POLL).not.toContain('a:0.8');
    const runs = runsInLink(page.url());
    expect(runs).toHaveLength(3);
    const values = runs.flatMap((r) => [...r.matchAll(/(?:lr|a):([^,&]+)/g)].map((m) => m[1]));
    expect(values).toHaveLength(5);
    for (const v of values) {
      expect(v.length, v).toBeLessThanOrEqual(8);
      expect(Number(v), v).toBe(roundTo(Number(v), 6));
    }
  });
});

describe('the rate map, when its workers fail', () => {
  it('says why under the map and after Tune every run, and keeps the runs\' settings', async () => {
    const session = await openPage('/', undefined, undefined, { serviceWorkers: 'block' });
    const { page } = session;
    try {
      // Every map worker answers each row with an error, as the real one does when measuring throws.
      await page.route(/ratemap\.worker[^/]*\.js$/, (route) => route.fulfill({
        contentType: 'text/javascript',
        body: "self.onmessage = (e) => self.postMessage({ token: e.data.token, row: e.data.row, error: 'out of memory (test)' });",
      }));
      await page.goto(new URL('/?fn=rosenbrock&steps=200&run=momentum,id:1,lr:0.0005,a:0.9&map=1', page.url()).href);
      await expect.poll(() => page.getByTestId('map-failed').textContent(), POLL).toBe('The map could not be measured (out of memory (test)); change a setting to try again.');
      expect(await page.locator(MAP).getAttribute('data-source')).toBe('none');
      const lr = await page.locator('#run-1-lr').inputValue();
      await page.getByTestId('tune-all').click();
      await expect.poll(() => page.getByTestId('tune-note').textContent(), POLL).toBe('Tuning stopped (out of memory (test)); the runs keep their settings.');
      expect(await page.locator('#run-1-lr').inputValue()).toBe(lr);
      await expect.poll(() => page.getByTestId('tune-all').isEnabled(), POLL).toBe(true);
    } finally {
      await session.close();
    }
  });
});

describe('the rate map, exported', () => {
  it('as SVG and PNG: the cells, the boundary ρ = 1, the optimum and the run, with the legend in words', async () => {
    const { page } = s();
    await page.goto(new URL('/?map=1', page.url()).href);
    await expect.poll(() => page.locator(MAP).getAttribute('data-source'), POLL).toBe('theory');
    const dir = mkdtempSync(join(tmpdir(), 'ravine-map-'));
    try {
      const save = async (id: string) => {
        const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId(id).click()]);
        const path = join(dir, dl.suggestedFilename());
        await dl.saveAs(path);
        return { name: dl.suggestedFilename(), bytes: readFileSync(path) };
      };
      const svg = await save('map-svg');
      expect(svg.name).toBe('ravine-map-quadratic-k25-rot20-momentum.svg');
      const found = await page.evaluate((src) => {
        const doc = new DOMParser().parseFromString(src, 'image/svg+xml');
        return {
          heatmaps: doc.querySelectorAll('.hm, image').length,
          boundary: [...doc.querySelectorAll('.scatterlayer path.js-line')].some((p) => /176, 58, 46|#b03a2e/i.test((p as SVGElement).style.stroke)),
          points: doc.querySelectorAll('.scatterlayer path.point').length,
          text: doc.documentElement.textContent ?? '',
        };
      }, svg.bytes.toString('utf8'));
      expect(found.heatmaps).toBeGreaterThan(0);
      expect(found.boundary).toBe(true);
      expect(found.points).toBeGreaterThanOrEqual(2);
      expect(found.text).toContain('the exact rate per step');
      const png = await save('map-png');
      expect(png.name).toBe('ravine-map-quadratic-k25-rot20-momentum@2x.png');
      expect([...png.bytes.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
      expect(png.bytes.readUInt32BE(16)).toBe(2200);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
