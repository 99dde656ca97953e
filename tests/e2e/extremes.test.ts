// Extreme settings keep the page responsive, and functions that misbehave are drawn where they are
// defined while runs that step off them stop with "diverged at step k".
import { describe, expect, it } from 'vitest';
import { openPage } from './browser';
import { contour, divergenceMarks, lines, POLL } from './plot';

const extreme =
  '?fn=quadratic&kappa=1000&theta=33&steps=2000' +
  '&run=gd,id:0,lr:2.5&run=momentum,id:1,lr:2.5,a:0.999&run=nesterov,id:2,lr:0.001,a:0.999' +
  '&run=sgd,id:3,lr:2.5&run=minibatch,id:4,lr:1,B:4';

describe('extreme settings', () => {
  // How long the main thread is busy meanwhile is a speed figure, measured by `npm run bench:ui -- --runs 5
  // --steps 2000`; this test holds what must stay true whatever the machine's speed.
  it('η at its maximum, α = 0.999, κ = 1000, 5 runs × 2,000 steps: drags redraw the paths, the page keeps working', async () => {
    const { page, errors, close } = await openPage(`/${extreme}`);
    try {
      // Drag sliders as a hand does, one input per frame for a second each.
      const drag = (selector: string, from: number, to: number) =>
        page.evaluate(
          ({ selector, from, to }) =>
            new Promise<number>((done) => {
              const el = document.querySelector<HTMLInputElement>(selector)!;
              const t0 = performance.now();
              let inputs = 0;
              const tick = (now: number) => {
                const k = Math.min(1, (now - t0) / 1000);
                el.value = String(from + (to - from) * k);
                el.dispatchEvent(new Event('input', { bubbles: true }));
                inputs++;
                if (k < 1) requestAnimationFrame(tick);
                else done(inputs);
              };
              requestAnimationFrame(tick);
            }),
          { selector, from, to },
        );
      const status = () => page.locator('[data-testid=run-status]').nth(1).textContent();
      const before = await status();
      const momentum = async () => (await lines(page))[1]?.d;
      const path = await momentum();
      expect(await drag('#run-1-lr-slider', 1000, 300)).toBeGreaterThan(5);
      // The drag moved Momentum's path on the layer.
      await expect.poll(momentum, POLL).not.toBe(path);
      expect(await status()).not.toBe(before);
      await drag('#run-1-alpha-slider', 0.999, 0.5);
      await drag('#run-0-lr-slider', 1000, 0);
      // Still responsive: the playback answers at once.
      await page.getByTestId('reset').click();
      await expect.poll(async () => (await page.getByTestId('playhead').textContent())?.startsWith('t = 0'), POLL).toBe(true);
      expect((await page.locator('[data-testid=run-status]').allTextContents())[3]).toMatch(/diverged at step \d+/);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('functions that misbehave', () => {
  it('are drawn where defined, and a run stepping off the domain stops with "diverged at step k"', async () => {
    // log(x) is undefined for x ≤ 0: the left half of the box has no value; 1/y blows up on y = 0.
    const formula = encodeURIComponent('log(x) + (y - 1)^2 + 0.1/y');
    const { page, errors, close } = await openPage(`/?fn=formula&formula=${formula}&start=2,2&steps=200&run=gd,id:0,lr:0.9&run=gd,id:1,lr:0.01`);
    try {
      expect((await contour(page)).count).toBeGreaterThan(5);
      const status = await page.locator('[data-testid=run-status]').allTextContents();
      expect(status[0]).toMatch(/diverged at step \d+/);
      expect(status[1]).not.toMatch(/diverged/);
      // Both paths are drawn, and the diverged run's ends in its mark.
      await expect.poll(async () => (await lines(page)).length, POLL).toBe(2);
      expect(await divergenceMarks(page)).toBe(1);
      // A start where f is undefined: the run says why it takes no step, and the page stays whole.
      await page.fill('#start-x', '-1');
      await expect.poll(() => page.locator('[data-testid=run-status]').first().textContent(), POLL).toMatch(/^no step: f is not finite at the start \(click the contour to move it\)/);
      expect((await contour(page)).count).toBeGreaterThan(5);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
