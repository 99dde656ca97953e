// The contour's axes read cleanly in any zoom (the y title clear of the tick labels' minus signs), and the
// figure has a name a screen reader says.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sharedPage, waitForPlots } from './browser';
import { CONTOUR } from './plot';

const s = sharedPage({ width: 1024, height: 768 });

type Box = { left: number; right: number; top: number; bottom: number; text: string };

/** The y title's box and the y tick labels' boxes, in the window's pixels, and the plot's own box. */
function yAxisBoxes(page: Page): Promise<{ title: Box; labels: Box[]; plot: Box }> {
  return page.evaluate((sel) => {
    const box = (e: Element): Box => {
      const r = e.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, text: e.textContent ?? '' };
    };
    const root = document.querySelector(sel)!;
    return {
      title: box(root.querySelector('.ytitle')!),
      labels: [...root.querySelectorAll('.ytick text')].map(box),
      plot: box(root),
    };
  }, CONTOUR);
}

describe('the contour’s y axis', () => {
  // The default view, a preset's zoom (labels −0.6 … −1.8) and two deep zooms (labels −1.25, −0.0125 …).
  const views = ['', 'view=-3,-0.7,-1.9,-0.5', 'view=-2.2,-1.7,-1.35,-1.1', 'view=-0.05,0.05,-0.0325,-0.0125'];
  for (const view of views) {
    it(`keeps its title clear of every tick label (${view || 'default view'})`, async () => {
      const { page } = s();
      await page.goto(new URL(`/?fn=quadratic&kappa=25&theta=20&steps=80&${view}`, page.url()).href);
      await waitForPlots(page);
      const { title, labels, plot } = await yAxisBoxes(page);
      expect(title.text).toBe('y');
      expect(labels.length).toBeGreaterThanOrEqual(3);
      // Negative labels are there, so there are minus signs to cover.
      expect(labels.some((l) => /^[−-]/.test(l.text))).toBe(true);
      const widest = labels.reduce((w, l) => Math.max(w, l.right - l.left), 0);
      expect(widest).toBeGreaterThan(10);
      for (const l of labels) {
        const apart = title.right <= l.left || title.left >= l.right || title.bottom <= l.top || title.top >= l.bottom;
        expect(apart, `title ${JSON.stringify(title)} over label ${JSON.stringify(l)}`).toBe(true);
      }
      // And the title is drawn whole, inside the plot's box.
      expect(title.left).toBeGreaterThanOrEqual(plot.left);
    });
  }
});

describe('the contour for a screen reader', () => {
  it('is a figure named in the page’s language', async () => {
    const { page } = s();
    await expect(page.getByRole('figure', { name: /^Contour plot of the function with the optimizers' paths/ }).count()).resolves.toBe(1);
    await page.getByTestId('lang-ru').click();
    await expect(page.getByRole('figure', { name: /^Линии уровня функции и траектории методов/ }).count()).resolves.toBe(1);
    // Under a mouse the tagline asks for a click (a phone's asks for a tap: touch.test.ts).
    expect(await page.locator('header.top p').textContent()).toContain('Щёлкните по графику, чтобы перенести старт');
  });
});
