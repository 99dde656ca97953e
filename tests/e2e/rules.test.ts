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

  it('Lion, sign descent and AdamW: their settings on the card, their typeset rule, the link; a bad λ is refused at its field', async () => {
    const { page } = s();
    for (const kind of ['lion', 'sign', 'adamw']) await page.getByTestId(`add-${kind}`).click();
    const [lion, sign, adamw] = [3, 4, 5].map((i) => page.getByTestId('run').nth(i));
    expect(await lion.getAttribute('data-kind')).toBe('lion');
    for (const id of ['lr', 'beta1', 'beta2', 'lambda']) expect(await lion.locator(`#run-3-${id}`).count(), id).toBe(1);
    expect([await lion.locator('#run-3-beta2').inputValue(), await lion.locator('#run-3-lambda').inputValue()]).toEqual(['0.99', '0']);
    // Sign descent has η alone; AdamW has Adam's settings and λ = 0.01.
    for (const id of ['beta1', 'beta2', 'lambda', 'alpha', 'eps']) expect(await sign.locator(`#run-4-${id}`).count(), id).toBe(0);
    expect(await sign.locator('#run-4-lr').count()).toBe(1);
    expect(await adamw.locator('#run-5-lambda').inputValue()).toBe('0.01');
    // Lion's three lines, sign descent's one, AdamW's four, typeset.
    for (const [card, lines] of [[lion, 3], [sign, 1], [adamw, 4]] as const) {
      await expect.poll(() => card.locator('[data-testid=run-rule] .katex').count(), POLL).toBe(lines);
    }
    expect(await lion.locator('[data-testid=run-rule]').textContent()).toMatch(/sign/);
    // Settings at their defaults are left out of a link, as every rule's are.
    await expect.poll(() => page.url(), POLL).toContain('run=lion,id:3,lr:0.3&run=sign,id:4,lr:0.3&run=adamw,id:5,lr:0.3');

    const status = lion.getByTestId('run-status');
    const before = await status.textContent();
    const link = page.url();
    const lambda = lion.locator('#run-3-lambda');
    await lambda.fill('-1');
    await expect.poll(() => lion.locator('#run-3-lambda-error').textContent(), POLL).toMatch(/from 0 to 10/);
    expect(await lambda.getAttribute('aria-invalid')).toBe('true');
    expect(page.url()).toBe(link);
    expect(await status.textContent()).toBe(before);
    await lambda.fill('0.5');
    await expect.poll(() => page.url(), POLL).toContain('run=lion,id:3,lr:0.3,wd:0.5&');
    await expect.poll(() => status.textContent(), POLL).not.toBe(before);
  });

  it('a warmup: W in the link after the schedule, the ramp on the η_t curve and in the rule; W = 2.5 is refused at its field', async () => {
    const { page } = s();
    const card = page.getByTestId('run').first();
    await card.locator('details.schedule > summary').click();
    await card.getByTestId('run-schedule').selectOption('cosine');
    await expect.poll(() => page.url(), POLL).toContain('run=gd,id:0,lr:1.8,sched:cosine,r:0,T:100&');
    const w = card.locator('#run-0-warmup');
    const link = page.url();
    await w.fill('2.5');
    await expect.poll(() => card.locator('#run-0-warmup-error').textContent(), POLL).toMatch(/whole/);
    expect(page.url()).toBe(link);
    await w.fill('20');
    await expect.poll(() => page.url(), POLL).toContain('run=gd,id:0,lr:1.8,sched:cosine,r:0,T:100,W:20');
    // η_t's formula gains the ramp's case; the curve now rises first: its first point lies below its highest.
    await expect.poll(() => card.locator('[data-testid=run-rule]').textContent(), POLL).toMatch(/t\s*<\s*W/);
    const ys = (await card.locator('[data-testid=schedule-curve] polyline').getAttribute('points'))!.split(' ').map((p) => Number(p.split(',')[1]));
    expect(ys[0]).toBeGreaterThan(Math.min(...ys) + 10);
  });
});
