// The 3-D view (components/SurfaceView.svelte, draw/surface/): opened from the link or its button, loaded
// only then, its paths the runs' iterates and f at them, live with the sliders, its camera in the link, and a
// plain message with the contour where the browser has no WebGL.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { runColor } from '../../src/draw/palette';
import type { Drawn3d } from '../../src/draw/surface/scene';
import { buildFunction, runTrajectories } from '../../src/state/scene';
import { decode } from '../../src/state/url';
import { openPage, sharedPage } from './browser';
import { quiet } from './plot';

const s = sharedPage();
const GL = '[data-testid=surface-gl]';

function drawn(page: Page): Promise<Drawn3d> {
  return page.evaluate((sel) => (document.querySelector(sel) as unknown as { drawn: Drawn3d }).drawn, GL);
}

/** How many of the WebGL canvas's pixels are not the white ground, and how many are the surface's blue-grey. */
function pixels(page: Page): Promise<{ inked: number; surface: number; total: number }> {
  return page.evaluate((sel) => {
    const gl = document.querySelector(sel) as HTMLCanvasElement;
    const c = document.createElement('canvas');
    [c.width, c.height] = [gl.width, gl.height];
    const ctx = c.getContext('2d')!;
    ctx.drawImage(gl, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let inked = 0, surface = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (d[i] < 245 || d[i + 1] < 245 || d[i + 2] < 245) inked++;
      // The contour's bands: blue-grey, blue above red.
      if (d[i + 2] > d[i] + 15 && d[i + 2] < 240) surface++;
    }
    return { inked, surface, total: c.width * c.height };
  }, GL);
}

async function open(page: Page, search: string): Promise<void> {
  await page.goto(new URL(`/${search}`, page.url()).href);
  await page.waitForSelector(GL);
  await quiet(page);
}

describe('the 3-D view', () => {
  it('is not loaded until its button opens it; then it draws the surface beside the contour and the link says so', async () => {
    const { page } = s();
    const loaded = () => page.evaluate(() => performance.getEntriesByType('resource').some((e) => /SurfaceView/.test(e.name)));
    expect(await loaded()).toBe(false);
    expect(await page.locator(GL).count()).toBe(0);
    await page.selectOption('[data-testid=view]', 'beside');
    await page.waitForSelector(GL);
    await quiet(page);
    expect(await loaded()).toBe(true);
    expect(await page.locator('[data-testid=contour]').count()).toBe(1);
    const p = await pixels(page);
    expect(p.surface / p.total).toBeGreaterThan(0.1);
    expect(new URL(page.url()).searchParams.get('d3')).toBe('beside');
    // In its place: the contour goes, the view stays.
    await page.selectOption('[data-testid=view]', 'only');
    await quiet(page);
    expect(await page.locator('[data-testid=contour]').count()).toBe(0);
    expect(await page.locator(GL).count()).toBe(1);
  });

  it('opens from a link; its paths are the runs\' iterates and f at them, up to the playhead', async () => {
    const { page } = s();
    const search = '?d3=only&t=40';
    await open(page, search);
    const d = decode(search);
    const fn = buildFunction(d.state.fn);
    const runs = runTrajectories(fn, d.state);
    const shown = await drawn(page);
    expect(shown.paths.map((p) => p.id)).toEqual(d.state.runs.filter((r) => r.visible).map((r) => r.id));
    shown.paths.forEach((p, k) => {
      const tr = runs[k];
      expect(p.points).toHaveLength(41);
      p.points.forEach(([x, y, f], i) => {
        expect(x).toBe(tr.points[i][0]);
        expect(y).toBe(tr.points[i][1]);
        expect(f).toBe(tr.losses[i]);
      });
      // Each point landed inside the view.
      expect(p.px.every((q) => q !== null && q[0] >= 0 && q[1] >= 0)).toBe(true);
    });
  });

  it('lays one light coat of halo under the paths, however often they cross: no white piles up along them', async () => {
    const { page } = s();
    // GD's zig-zag crosses itself and the other runs dozens of times on the default page.
    await open(page, '?d3=only&rest=hidden');
    const shown = await drawn(page);
    // Pixels within 6 px of a path's points, away from the white-filled start, playhead dots and star.
    const dots = shown.paths.flatMap((p) => [p.px[0], p.px[p.px.length - 1]]).filter((q) => q !== null);
    const near = (q: [number, number], x: number, y: number, r: number) => Math.hypot(q[0] - x, q[1] - y) <= r;
    const at = new Map<string, [number, number]>();
    for (const p of shown.paths) for (const q of p.px) {
      if (!q) continue;
      for (let y = Math.round(q[1] - 6); y <= q[1] + 6; y++) for (let x = Math.round(q[0] - 6); x <= q[0] + 6; x++) {
        if (near(q, x, y, 6) && !dots.some((o) => near(o, x, y, 14))) at.set(`${x},${y}`, [x, y]);
      }
    }
    const sample = () => page.evaluate(([sel, points]) => {
      const gl = document.querySelector(sel) as HTMLCanvasElement;
      const dpr = gl.width / gl.clientWidth;
      const c = document.createElement('canvas');
      [c.width, c.height] = [gl.width, gl.height];
      const ctx = c.getContext('2d')!;
      ctx.drawImage(gl, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      return points.map(([x, y]) => {
        const o = 4 * (Math.round(y * dpr) * c.width + Math.round(x * dpr));
        return [d[o], d[o + 1], d[o + 2]];
      });
    }, [GL, [...at.values()]] as const);
    const withPaths = await sample();
    // The same pixels with no path drawn: the playhead at 0, nothing shown beyond it.
    await page.getByTestId('reset').click();
    await quiet(page);
    expect((await drawn(page)).paths.every((p) => p.points.length === 1)).toBe(true);
    const bare = await sample();
    // How far each pixel went from the surface towards white: one coat of the 60 % halo is 0.6 (less at an
    // antialiased edge, below 0 under a line); two coats were 0.84, and the crossings piled up more.
    let lightest = -Infinity, halo = 0;
    withPaths.forEach((c, i) => {
      const b = bare[i];
      if (Math.min(...b) > 235) return;
      const r = Math.min(...[0, 1, 2].map((k) => (c[k] - b[k]) / (255 - b[k])));
      lightest = Math.max(lightest, r);
      if (r > 0.4) halo++;
    });
    expect(halo).toBeGreaterThan(200);
    expect(lightest).toBeLessThan(0.7);
  });

  it('follows a slider of η in the next frame', async () => {
    const { page } = s();
    await open(page, '?d3=beside');
    const before = await drawn(page);
    await page.evaluate(() => new Promise<void>((done) => {
      const el = document.querySelector('#run-0-lr-slider') as HTMLInputElement;
      el.value = String(Number(el.value) - 40);
      el.dispatchEvent(new Event('input', { bubbles: true }));
      requestAnimationFrame(() => requestAnimationFrame(() => done()));
    }));
    const after = await drawn(page);
    expect(after.paths[0].points).not.toEqual(before.paths[0].points);
    // The other runs' paths stay where they were.
    expect(after.paths.slice(1)).toEqual(before.paths.slice(1));
  });

  it('follows a drag of κ with draft surfaces (half the samples a side), and draws the full one once it rests', async () => {
    const { page } = s();
    await open(page, '?d3=beside');
    const full = 2 * 99 * 99, draft = 2 * 49 * 49;
    expect((await drawn(page)).triangles).toBe(full);
    // One input a frame, as a pointer drags: what the view drew after each.
    const seen = await page.evaluate((sel) => new Promise<number[]>((done) => {
      const el = document.querySelector('#fn-kappa-slider') as HTMLInputElement;
      const gl = document.querySelector(sel) as unknown as { drawn: { triangles: number } };
      const out: number[] = [];
      let k = 0;
      const tick = () => {
        if (k > 0) out.push(gl.drawn.triangles);
        if (k++ === 12) return done(out);
        el.value = String(Number(el.value) + 3);
        el.dispatchEvent(new Event('input', { bubbles: true }));
        requestAnimationFrame(() => requestAnimationFrame(tick));
      };
      tick();
    }), GL);
    expect(seen.every((n) => n === draft || n === full), `drawn: ${seen}`).toBe(true);
    await quiet(page);
    expect((await drawn(page)).triangles).toBe(full);
  });

  it('turns with a drag and the arrow keys, zooms with the wheel, and its camera comes back from the link', async () => {
    const { page } = s();
    await open(page, '?d3=only');
    const view = page.locator('[data-testid=surface] .view');
    const box = (await view.boundingBox())!;
    const c0 = (await drawn(page)).camera;
    expect(c0).toEqual({ azimuth: -120, elevation: 32, zoom: 1 });
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 60, box.y + box.height / 2 + 30, { steps: 4 });
    await page.mouse.up();
    await quiet(page);
    const c1 = (await drawn(page)).camera;
    // A third of a degree a pixel: 60 px left is 20° around, 30 px down 10° higher.
    expect(c1.azimuth).toBeCloseTo(-100, 5);
    expect(c1.elevation).toBeCloseTo(42, 5);
    await view.focus();
    await page.keyboard.press('ArrowLeft');
    await page.mouse.wheel(0, -200);
    await quiet(page);
    const c2 = (await drawn(page)).camera;
    expect(c2.azimuth).toBeCloseTo(-105, 5);
    expect(c2.zoom).toBeGreaterThan(1.3);
    const link = page.url();
    expect(new URL(link).searchParams.get('az')).toBe(String(c2.azimuth));
    await page.goto(link);
    await page.waitForSelector(GL);
    await quiet(page);
    expect((await drawn(page)).camera).toEqual(c2);
    await page.click('[data-testid=surface-reset]');
    await quiet(page);
    expect((await drawn(page)).camera).toEqual(c0);
    expect(new URL(page.url()).searchParams.has('az')).toBe(false);
  });

  it('exports a PNG at 1×–3× of the print size, with the surface, the runs\' colours and the title', async () => {
    const { page } = s();
    await open(page, '?d3=beside&az=-90&el=45');
    await page.getByTestId('export-open').click();
    await page.getByTestId('export-surface').check();
    await page.getByTestId('export-title').fill('Ravine in 3-D');
    expect(await page.getByTestId('export-svg').count()).toBe(0);
    for (const k of [1, 3]) {
      const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId(`export-png-${k}`).click()]);
      expect(dl.suggestedFilename()).toBe(`ravine-surface-quadratic-k25-rot20-gd-momentum-nesterov${k === 1 ? '' : `@${k}x`}.png`);
      const bytes = readFileSync((await dl.path())!);
      // Decoded by the browser: its size, and how much of it is surface and each run's colour.
      const seen = await page.evaluate(async ({ data, colors }) => {
        const img = await createImageBitmap(new Blob([new Uint8Array(data)], { type: 'image/png' }));
        const c = new OffscreenCanvas(img.width, img.height);
        const ctx = c.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        const d = ctx.getImageData(0, 0, img.width, img.height).data;
        const rgb = colors.map((h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)));
        let surface = 0;
        const runs = rgb.map(() => 0);
        for (let i = 0; i < d.length; i += 4) {
          if (d[i + 2] > d[i] + 15 && d[i + 2] < 240) surface++;
          rgb.forEach((q, r) => {
            if (Math.abs(d[i] - q[0]) + Math.abs(d[i + 1] - q[1]) + Math.abs(d[i + 2] - q[2]) < 12) runs[r]++;
          });
        }
        return { width: img.width, height: img.height, surface: surface / (img.width * img.height), runs };
      }, { data: [...bytes], colors: [0, 1, 2].map(runColor) });
      expect([seen.width, seen.height]).toEqual([1200 * k, 900 * k]);
      expect(seen.surface).toBeGreaterThan(0.1);
      for (const n of seen.runs) expect(n).toBeGreaterThan(50 * k * k);
    }
  });

  it('D in the presentation puts it beside the contour, then in its place, then away', async () => {
    const { page } = s();
    await page.keyboard.press('p');
    await page.waitForSelector('.app.presenting');
    for (const [d3, contours, views] of [['beside', 1, 1], ['only', 0, 1], [null, 1, 0]] as const) {
      await page.keyboard.press('d');
      await quiet(page);
      expect(new URL(page.url()).searchParams.get('d3')).toBe(d3);
      expect(await page.locator('[data-testid=contour]').count()).toBe(contours);
      expect(await page.locator(GL).count()).toBe(views);
    }
  });

  it('shows its height as f or on the contour\'s log scale of f − f*', async () => {
    const { page } = s();
    await open(page, '?d3=only');
    expect((await drawn(page)).labels).toContain('f');
    await page.selectOption('[data-testid=surface-z]', 'log');
    await quiet(page);
    const labels = (await drawn(page)).labels;
    expect(labels).toContain('f − f*');
    expect(labels).toContain('0.01');
    expect(new URL(page.url()).searchParams.get('z')).toBe('log');
  });
});

describe('the 3-D view on a touch screen, and without WebGL', () => {
  it('two fingers zoom it', async () => {
    const session = await openPage('/', { width: 390, height: 844 }, undefined, { hasTouch: true, isMobile: true });
    try {
      const { page } = session;
      await open(page, '?d3=only');
      const box = (await page.locator('[data-testid=surface] .view').boundingBox())!;
      const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
      const cdp = await page.context().newCDPSession(page);
      const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', spread: number) => cdp.send('Input.dispatchTouchEvent', {
        type, touchPoints: type === 'touchEnd' ? [] : [{ x: cx - spread, y: cy, id: 1 }, { x: cx + spread, y: cy, id: 2 }],
      });
      await touch('touchStart', 40);
      for (const spread of [50, 60, 70, 80]) await touch('touchMove', spread);
      await touch('touchEnd', 0);
      await quiet(page);
      // Fingers twice as far apart: twice the zoom.
      expect((await drawn(page)).camera.zoom).toBeCloseTo(2, 1);
    } finally {
      await session.close();
    }
  });

  it('where WebGL is missing, it says so and the contour stays', async () => {
    const session = await openPage('/', undefined, undefined, {});
    try {
      const { page, context } = session;
      await context.addInitScript(() => {
        const get = HTMLCanvasElement.prototype.getContext;
        HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, kind: string, ...rest: unknown[]) {
          return kind === 'webgl2' ? null : (get as (...a: unknown[]) => unknown).call(this, kind, ...rest);
        } as typeof get;
      });
      await page.goto(new URL('/?d3=only', page.url()).href);
      await page.waitForSelector('[data-testid=no-webgl]');
      await quiet(page);
      expect(await page.locator('[data-testid=contour]').count()).toBe(1);
      expect(await page.locator(GL).count()).toBe(0);
      expect(await page.textContent('[data-testid=no-webgl]')).toMatch(/needs WebGL/);
    } finally {
      await session.close();
    }
  });
});
