// The default page: what it draws, and how the runs' list changes the drawing.
import { describe, expect, it } from 'vitest';
import { sharedPage } from './browser';
import { contour, heads, lines, lossLines, POLL, runColors } from './plot';

const s = sharedPage();

describe('the default page', () => {
  it('loads with no console error and no uncaught exception', async () => {
    const { page, errors } = s();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Ravine');
    expect(await page.getByTestId('run').count()).toBe(3);
    expect(await page.getByTestId('playhead').textContent()).toMatch(/^t = 100 \/ 100$/);
    // Checked again after every test, in afterEach.
    expect(errors).toEqual([]);
  });

  it('draws the contour, one path per visible run, and one loss line per visible run', async () => {
    const { page } = s();
    const c = await contour(page);
    expect(c.count).toBeGreaterThan(10);

    const colors = await runColors(page, true);
    expect(colors).toHaveLength(3);
    expect(new Set(colors).size).toBe(3);

    const paths = await lines(page);
    expect(paths).toHaveLength(colors.length);
    expect(paths.map((p) => p.stroke)).toEqual(colors);
    // All start from the same point.
    for (const p of paths) {
      expect(p.first[0]).toBeCloseTo(paths[0].first[0], 1);
      expect(p.first[1]).toBeCloseTo(paths[0].first[1], 1);
    }
    expect((await heads(page)).map((h) => h.color)).toEqual(colors);

    const loss = await lossLines(page);
    expect(loss.map((l) => l.stroke)).toEqual(colors);
    // The dashed playhead is there too, and only once.
    expect((await lines(page, '[data-testid=loss]')).filter((l) => l.dashed)).toHaveLength(1);
  });

  it('hiding a run removes its path and loss line; showing it brings them back', async () => {
    const { page } = s();
    const colors = await runColors(page);
    const before = await lines(page);
    const first = page.getByTestId('run').first().getByTestId('run-visible');

    await first.uncheck();
    await expect.poll(async () => (await lines(page)).map((l) => l.stroke), POLL).toEqual(colors.slice(1));
    await expect.poll(async () => (await lossLines(page)).map((l) => l.stroke), POLL).toEqual(colors.slice(1));
    expect((await heads(page)).map((h) => h.color)).not.toContain(colors[0]);

    await first.check();
    await expect.poll(async () => (await lines(page)).map((l) => l.stroke), POLL).toEqual(colors);
    await expect.poll(async () => (await lossLines(page)).map((l) => l.stroke), POLL).toEqual(colors);
    // The same path as before hiding it, once the legend has its third entry back (and the plot its size).
    await expect.poll(async () => (await lines(page))[0].d, POLL).toBe(before[0].d);
  });

  it('adding an SGD run draws a 4th path; its ✕ removes it', async () => {
    const { page } = s();
    const colors = await runColors(page);

    await page.getByTestId('add-sgd').click();
    await expect.poll(() => page.getByTestId('run').count(), POLL).toBe(4);
    const card = page.getByTestId('run').nth(3);
    expect(await card.getAttribute('data-kind')).toBe('sgd');
    const withSgd = await runColors(page);
    expect(withSgd.slice(0, 3)).toEqual(colors);
    expect(colors).not.toContain(withSgd[3]);
    await expect.poll(async () => (await lines(page)).map((l) => l.stroke), POLL).toEqual(withSgd);
    await expect.poll(async () => (await lossLines(page)).map((l) => l.stroke), POLL).toEqual(withSgd);

    await card.getByRole('button', { name: /^Remove SGD run$/ }).click();
    await expect.poll(() => page.getByTestId('run').count(), POLL).toBe(3);
    await expect.poll(async () => (await lines(page)).map((l) => l.stroke), POLL).toEqual(colors);
    await expect.poll(async () => (await lossLines(page)).map((l) => l.stroke), POLL).toEqual(colors);
  });
});
