// The optimizer table on screen: an Adam run's own settings, refused values at their fields, and a
// step-size schedule with its formula, its curve and its link.
import { describe, expect, it } from 'vitest';
import { sharedPage } from './browser';
import { POLL, runColors } from './plot';

const s = sharedPage();

describe('rules from the table', () => {
  it('Adam: its settings, its typeset rule, its path; a bad β₂ or ε is refused at the field and changes nothing', async () => {
    const { page } = s();
    const colors = (await runColors(page)).length;
    await page.getByTestId('add-adam').click();
    const card = page.getByTestId('run').nth(3);
    expect(await card.getAttribute('data-kind')).toBe('adam');
    await expect.poll(async () => (await runColors(page)).length, POLL).toBe(colors + 1);
    for (const id of ['lr', 'beta1', 'beta2', 'eps']) expect(await card.locator(`#run-3-${id}`).count(), id).toBe(1);
    expect(await card.locator('#run-3-beta2').inputValue()).toBe('0.999');
    expect(await card.locator('#run-3-eps').inputValue()).toBe('1e-8');
    // The four lines of torch's Adam, typeset.
    await expect.poll(() => card.locator('[data-testid=run-rule] .katex').count(), POLL).toBe(4);
    await expect.poll(() => page.url(), POLL).toContain('run=adam,id:3,lr:0.3');
    const status = card.getByTestId('run-status');
    const before = await status.textContent();
    const link = page.url();

    for (const [id, bad, message] of [['beta2', '1.5', /from 0 to 0\.9999/], ['eps', '0', /above 0 up to 1/], ['beta1', 'x', /number/]] as const) {
      const field = card.locator(`#run-3-${id}`);
      await field.fill(bad);
      const alert = card.locator(`#run-3-${id}-error`);
      await expect.poll(() => alert.textContent(), POLL).toMatch(message);
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      expect(await status.textContent()).toBe(before);
      // What was typed stays in the field for the user to mend.
      expect(await field.inputValue()).toBe(bad);
      await field.press('Escape');
    }
    expect(page.url()).toBe(link);

    // A good value moves the path and goes into the link.
    await card.locator('#run-3-beta1').fill('0.5');
    await expect.poll(() => status.textContent(), POLL).not.toBe(before);
    await expect.poll(() => page.url(), POLL).toContain('run=adam,id:3,lr:0.3,b1:0.5');
  });

  it('a schedule: η_t in the rule, its curve, its setting in the link; k < 0 is refused at its field', async () => {
    const { page } = s();
    const card = page.getByTestId('run').first();
    const status = card.getByTestId('run-status');
    const before = await status.textContent();
    expect(await card.getByTestId('schedule-curve').count()).toBe(0);
    // Folded away while the step is constant, as most runs have it.
    expect(await card.getByTestId('run-schedule').isVisible()).toBe(false);
    await card.locator('details.schedule > summary').click();
    await card.getByTestId('run-schedule').selectOption('inverse');
    await expect.poll(() => page.url(), POLL).toContain('run=gd,id:0,lr:1.8,sched:inverse,k:0.05');
    await expect.poll(() => status.textContent(), POLL).not.toBe(before);
    // x_t with η_t, then η_t's own formula.
    await expect.poll(() => card.locator('[data-testid=run-rule] .katex').count(), POLL).toBe(2);
    expect(await card.locator('[data-testid=run-rule]').textContent()).toMatch(/ηt/);
    // The curve falls: its last point sits lower than its first.
    const points = (await card.locator('[data-testid=schedule-curve] polyline').getAttribute('points'))!.split(' ');
    expect(Number(points.at(-1)!.split(',')[1])).toBeGreaterThan(Number(points[0].split(',')[1]) + 10);
    // The theory line of the card goes: a decaying step has no single asymptotic rate.
    expect(await status.textContent()).not.toMatch(/theory/);

    const k = card.locator('#run-0-k');
    const link = page.url();
    await k.fill('-1');
    await expect.poll(() => card.locator('#run-0-k-error').textContent(), POLL).toMatch(/from 0 to 10/);
    expect(page.url()).toBe(link);
    await k.fill('0');
    await expect.poll(() => page.url(), POLL).toContain('sched:inverse,k:0');
    // k = 0 is the constant step, to the last digit: the card says what the constant run said.
    await expect.poll(() => status.textContent(), POLL).toBe((before ?? '').replace(/ · theory.*/, ''));
  });
});
