// The controls: η's field and slider, a click on the plot, playback, and a typed formula.
import { describe, expect, it } from 'vitest';
import { openPage, sharedPage } from './browser';
import { contour, frames, heads, lines, near, playhead, plotArea, POLL, quiet, runColors, shownBox } from './plot';

const s = sharedPage();

// The default function's view (the quadratic ravine): what the plot area spans before any zoom.

describe('controls', () => {
  it('η: the numeric field and the slider move the GD path; invalid entries show a message and change nothing', async () => {
    const { page } = s();
    const gdColor = (await runColors(page))[0];
    const gdPath = async () => (await lines(page)).find((l) => l.stroke === gdColor)?.d ?? '';
    const card = page.getByTestId('run').first();
    expect(await card.getAttribute('data-kind')).toBe('gd');
    const status = () => card.getByTestId('run-status').textContent();
    const field = page.locator('#run-0-lr');
    const slider = page.locator('#run-0-lr-slider');
    expect(await field.inputValue()).toBe('1.8');
    const d0 = await gdPath();
    const s0 = await status();
    expect(d0).not.toBe('');

    // The numeric field commits on input.
    await field.fill('0.5');
    await expect.poll(gdPath, POLL).not.toBe(d0);
    await expect.poll(status, POLL).not.toBe(s0);
    expect(await slider.getAttribute('aria-valuetext')).toBe('0.5');
    await quiet(page);
    const d1 = await gdPath();
    const s1 = await status();

    // The slider, by keyboard: a few positions down its log scale.
    await slider.focus();
    for (let i = 0; i < 5; i++) await slider.press('ArrowLeft');
    await expect.poll(gdPath, POLL).not.toBe(d1);
    await expect.poll(status, POLL).not.toBe(s1);
    const lr = Number(await field.inputValue());
    expect(lr).toBeLessThan(0.5);
    expect(lr).toBeGreaterThan(0.45);
    expect(await slider.getAttribute('aria-valuetext')).toBe(String(lr));
    await quiet(page);
    const d2 = await gdPath();
    const s2 = await status();

    // Invalid entries: a message next to the field, and the run keeps its η.
    const alert = card.getByRole('alert');
    for (const bad of ['abc', '-1']) {
      await field.fill(bad);
      await expect.poll(() => alert.count(), POLL).toBe(1);
      expect(await alert.textContent()).toMatch(/number/i);
      expect(await alert.getAttribute('id')).toBe('run-0-lr-error');
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      expect(await field.getAttribute('aria-describedby')).toBe('run-0-lr-error');
      const f = (await field.boundingBox())!;
      const a = (await alert.boundingBox())!;
      expect(a.y).toBeGreaterThanOrEqual(f.y + f.height - 1);
      expect(a.y - (f.y + f.height)).toBeLessThan(30);

      await quiet(page);
      expect(await gdPath()).toBe(d2);
      expect(await status()).toBe(s2);
      expect(await slider.getAttribute('aria-valuetext')).toBe(String(lr));
    }
    // Escape gives the field back its value.
    await field.press('Escape');
    expect(await field.inputValue()).toBe(String(lr));
    expect(await alert.count()).toBe(0);
  });

  it('a click on the contour moves the start, and every path with it', async () => {
    const { page } = s();
    const area = await plotArea(page);
    const shown = await shownBox(page);
    // The default paths' box (from the start (−2.76, 0.27) to the minimum) within the ravine's, x ∈ [−3, 3] and
    // y ∈ [−2, 2], widened to the plot area's shape.
    expect(shown.x[0]).toBeLessThanOrEqual(-2.76);
    expect(shown.x[1]).toBeGreaterThanOrEqual(0);
    expect(shown.y[0]).toBeGreaterThanOrEqual(-2);
    expect(shown.y[1]).toBeGreaterThanOrEqual(0.27);
    // Whole pixels: the browser reports mouse positions rounded, so the expected point is exact.
    const px = Math.round(area.x + 0.7 * area.width);
    const py = Math.round(area.y + 0.65 * area.height);
    const want = [
      shown.x[0] + ((px - area.x) / area.width) * (shown.x[1] - shown.x[0]),
      shown.y[1] - ((py - area.y) / area.height) * (shown.y[1] - shown.y[0]),
    ];
    const startX = page.locator('#start-x');
    const startY = page.locator('#start-y');
    const before = [Number(await startX.inputValue()), Number(await startY.inputValue())];
    // The click is far from the default start, so a change cannot pass for a match.
    expect(Math.hypot(before[0] - want[0], before[1] - want[1])).toBeGreaterThan(1);
    const paths0 = await lines(page);

    await page.mouse.click(px, py);

    // One pixel is about 4/420 ≈ 0.01 either way; the fields show 3 significant digits.
    const tol = 0.02;
    await expect.poll(async () => Math.abs(Number(await startX.inputValue()) - want[0]), POLL).toBeLessThanOrEqual(tol);
    await expect.poll(async () => Math.abs(Number(await startY.inputValue()) - want[1]), POLL).toBeLessThanOrEqual(tol);
    // Every path now begins where the click was (path coordinates are the plot area's pixels), in the view
    // as it is now: it may have grown to hold the new paths, never shrunk.
    await expect
      .poll(async () => {
        const now = await shownBox(page);
        const at: [number, number] = [
          ((want[0] - now.x[0]) / (now.x[1] - now.x[0])) * area.width, ((now.y[1] - want[1]) / (now.y[1] - now.y[0])) * area.height,
        ];
        const grew = now.x[0] <= shown.x[0] && now.x[1] >= shown.x[1] && now.y[0] <= shown.y[0] && now.y[1] >= shown.y[1];
        return [grew, ...(await lines(page)).map((l) => near(l.first, at, 1.5))];
      }, POLL)
      .toEqual([true, ...paths0.map(() => true)]);
    // A click is not a zoom: the plot area is where it was.
    expect(await plotArea(page)).toEqual(area);
  });

  it('play moves the markers, pause stops them, +1 step adds exactly one', async () => {
    const { page } = s();
    const colors = await runColors(page);
    const positions = async () => (await heads(page)).map((h) => h.at);

    // Every path's first point, read while the paths are drawn in full (at t = 0 only the start is left).
    const starts = (await lines(page)).map((l) => l.first);
    await page.getByTestId('reset').click();
    await expect.poll(async () => (await playhead(page)).t, POLL).toBe(0);
    // At t = 0 every marker sits on its path's first point.
    await expect.poll(async () => (await positions()).map((p, i) => near(p, starts[i], 0.5)), POLL).toEqual(colors.map(() => true));
    const atZero = await positions();

    await page.getByTestId('play').click();
    expect(await page.getByTestId('play').getAttribute('aria-label')).toBe('Pause');
    await expect.poll(async () => (await playhead(page)).t, POLL).toBeGreaterThanOrEqual(5);

    await page.getByTestId('play').click();
    expect(await page.getByTestId('play').getAttribute('aria-label')).toBe('Play');
    const paused = await playhead(page);
    expect(paused.t).toBeLessThan(paused.of);
    // Once paused, the markers stay where the playhead stopped: every one has moved.
    await expect.poll(async () => (await positions()).every((p, i) => !near(p, atZero[i], 1)), POLL).toBe(true);
    await quiet(page);
    expect(await playhead(page)).toEqual(paused);
    const still = await positions();
    // Half a second of frames: a playback that had not stopped would have moved 10 steps.
    await frames(page, 30);
    expect(await playhead(page)).toEqual(paused);
    expect(await positions()).toEqual(still);

    await page.getByTestId('step').click();
    expect(await playhead(page)).toEqual({ t: paused.t + 1, of: paused.of });
    await expect.poll(async () => (await positions()).some((p, i) => !near(p, still[i], 0.01)), POLL).toBe(true);
    await page.getByTestId('step').click();
    expect((await playhead(page)).t).toBe(paused.t + 2);
  });

  it('a bad formula shows its message and leaves the plot as it was', async () => {
    const { page } = s();
    const initial = await contour(page);

    await page.getByTestId('function-select').selectOption('formula');
    const input = page.getByTestId('formula');
    await input.waitFor();
    await expect.poll(async () => (await contour(page)).hash, POLL).not.toBe(initial.hash);
    await quiet(page);
    const first = await contour(page);

    // Not a quadratic: on one, GD and Nesterov at η = 1/L both run along the floor's line after their first
    // step, and the one drawn last, with its casing, covers the other.
    await input.fill('x^2 + 3*y^2 + sin(x + y)');
    await input.press('Enter');
    await expect.poll(async () => (await contour(page)).hash, POLL).not.toBe(first.hash);
    await quiet(page);
    const good = await contour(page);
    expect(good.count).toBeGreaterThan(10);
    expect(await page.getByTestId('formula-error').count()).toBe(0);
    const paths = (await lines(page)).map((l) => l.d);
    expect(paths).toHaveLength(3);

    for (const [bad, says] of [['x^2 + (y', /parenthes/i], ['import(1)', /import/]] as const) {
      await input.fill(bad);
      await input.press('Enter');
      const error = page.getByTestId('formula-error');
      await expect.poll(() => error.count(), POLL).toBe(1);
      expect(await error.getAttribute('role')).toBe('alert');
      expect(await error.textContent()).toMatch(says);
      expect(await input.getAttribute('aria-invalid')).toBe('true');
      expect(await input.inputValue()).toBe(bad);

      await quiet(page);
      expect(await contour(page)).toEqual(good);
      expect((await lines(page)).map((l) => l.d)).toEqual(paths);
    }
  });
});

describe('on a touch screen', () => {
  it('a tap on the contour moves the start, kept to the precision of the tap', async () => {
    const { page, close } = await openPage('/', { width: 390, height: 844 }, undefined, { hasTouch: true, isMobile: true });
    try {
      const before = await page.inputValue('#start-x');
      const area = await plotArea(page);
      await page.touchscreen.tap(area.x + area.width * 0.7, area.y + area.height * 0.5);
      await expect.poll(() => page.inputValue('#start-x'), POLL).not.toBe(before);
      // The link says it in a few digits, not sixteen.
      await expect.poll(() => new URL(page.url()).searchParams.get('start') ?? '', POLL).toMatch(/^-?\d+(\.\d{1,4})?,-?\d+(\.\d{1,4})?$/);
    } finally {
      await close();
    }
  });
});
