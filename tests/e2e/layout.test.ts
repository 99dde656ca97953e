// The layout on a desktop and on a phone, with a screenshot of each in tests/e2e/artifacts/.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sharedPage, type Viewport } from './browser';
import { contour, lines, plotArea, POLL } from './plot';

const artifacts = fileURLToPath(new URL('./artifacts/', import.meta.url));
const desktop: Viewport = { width: 1280, height: 800 };
const phone: Viewport = { width: 390, height: 844 };

const s = sharedPage(desktop);

const scrollWidth = (page: Page) => page.evaluate(() => document.scrollingElement!.scrollWidth);

/** The contour plot is drawn, inside the viewport's width, and at least partly in its height. */
async function contourShows(page: Page, size: Viewport): Promise<void> {
  const box = (await page.getByTestId('contour').boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(size.width);
  expect(box.width).toBeGreaterThan(size.width / 2 - 40);
  expect(box.height).toBeGreaterThan(200);
  expect(box.y).toBeLessThan(size.height - 200);
  // Plotly's SVG fits its box.
  const svg = (await page.locator('[data-testid=contour] svg.main-svg').first().boundingBox())!;
  expect(svg.x + svg.width).toBeLessThanOrEqual(box.x + box.width + 1);
  expect((await contour(page)).count).toBeGreaterThan(10);
  expect(await lines(page)).toHaveLength(3);
}

describe('layout', () => {
  it('1280×800: no horizontal scrolling, the contour plot in view; screenshot default.png', async () => {
    const { page } = s();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(desktop.width);
    await contourShows(page, desktop);
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: `${artifacts}default.png` });
  });

  it('390×844: no horizontal scrolling, the contour plot in view; screenshot phone.png', async () => {
    const { page, reload } = s();
    await reload(phone);
    try {
      expect(await scrollWidth(page)).toBeLessThanOrEqual(phone.width);
      await contourShows(page, phone);
      mkdirSync(artifacts, { recursive: true });
      await page.screenshot({ path: `${artifacts}phone.png` });
    } finally {
      await page.setViewportSize(desktop);
    }
  });

  // A grid track sized by Plotly's last drawn SVG would never let the plots narrow again.
  it('narrowing a desktop window to a phone shrinks the plots (no horizontal scrolling)', async () => {
    const { page } = s();
    await page.setViewportSize(phone);
    try {
      await expect.poll(() => scrollWidth(page), { ...POLL, timeout: 3_000 }).toBeLessThanOrEqual(phone.width);
      await contourShows(page, phone);
    } finally {
      await page.setViewportSize(desktop);
    }
  });
});

describe('the colour bar', () => {
  it('sits right beside the plot area, however wide the window', async () => {
    const { page, reload } = s();
    for (const size of [desktop, { width: 1920, height: 1080 }]) {
      await reload(size);
      const area = await plotArea(page);
      const bar = (await page.locator('[data-testid=contour] .colorbar').boundingBox())!;
      expect(bar.x - (area.x + area.width), `${size.width}×${size.height}`).toBeGreaterThanOrEqual(0);
      expect(bar.x - (area.x + area.width), `${size.width}×${size.height}`).toBeLessThan(30);
    }
  });
});
