// Paths and step arrows a washed-out projector still shows: every run's colour stands at least 3 : 1 (WCAG's
// minimum for graphics) off what lies right beside it on the contour, for each of the eight run colours.
import { describe, expect, it } from 'vitest';
import { contrast, hexRgb } from '../../src/draw/contrast';
import { runColor } from '../../src/draw/palette';
import { sharedPage, waitForPlots } from './browser';
import { edgeSamples, type EdgeSamples } from './plot';

const s = sharedPage();

/** The ratio that 90 % of the samples beside a line reach (another line crossing it may take the rest). */
function ratio({ color, beside }: EdgeSamples): number {
  const ratios = beside.map((c) => contrast(hexRgb(color), c)).sort((a, b) => a - b);
  return ratios[Math.floor(ratios.length * 0.1)];
}

async function open(link: string): Promise<void> {
  const { page } = s();
  await page.goto(new URL(`/?${link}`, page.url()).href);
  await waitForPlots(page);
}

describe('contrast on the contour', () => {
  it('every run colour’s path stands 3 : 1 off the fill beside it (GD zig-zagging across the ravine’s bands)', async () => {
    const { page } = s();
    const found: Record<string, number> = {};
    for (let id = 0; id < 8; id++) {
      await open(`fn=quadratic&kappa=25&theta=20&steps=80&run=gd,id:${id},lr:1.8`);
      const [path] = await edgeSamples(page, 'paths');
      expect(path.color.toLowerCase()).toBe(runColor(id).toLowerCase());
      expect(path.beside.length).toBeGreaterThan(20);
      found[path.color] = Number(ratio(path).toFixed(2));
    }
    console.log('contrast beside the line (10th percentile), by run colour:', JSON.stringify(found));
    expect(Object.values(found).every((r) => r >= 3), JSON.stringify(found)).toBe(true);
  });

  it('so do the step arrows of every run colour (Momentum’s inertia and gradient step at t = 5)', async () => {
    const { page } = s();
    const found: Record<string, number> = {};
    for (let id = 0; id < 8; id++) {
      await open(`fn=quadratic&kappa=25&theta=20&steps=80&t=5&view=-3,0,-1.9,-0.1&run=momentum,id:${id},lr:0.36,a:0.8&vec=2&rest=hidden`);
      const arrows = (await edgeSamples(page, 'arrows')).filter((a) => a.color.toLowerCase() === runColor(id).toLowerCase());
      expect(arrows.length).toBeGreaterThan(0);
      const all = { color: arrows[0].color, beside: arrows.flatMap((a) => a.beside) };
      expect(all.beside.length).toBeGreaterThanOrEqual(4);
      found[all.color] = Number(ratio(all).toFixed(2));
    }
    console.log('contrast beside the line (10th percentile), by run colour:', JSON.stringify(found));
    expect(Object.values(found).every((r) => r >= 3), JSON.stringify(found)).toBe(true);
  });
});
