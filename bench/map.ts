// `npm run bench` (second part) — the rate map's speed in the real page: how long after a change the
// first (16 × 16) and the full (64 × 64) measured map of 200-step runs on Rosenbrock appear, computed by
// the page's two workers, and the longest main-thread task meanwhile. Goals (issue "rate map"): coarse
// within 100 ms, fine within 1 s, no task over 50 ms.
//
// It builds the app into a temporary directory, serves it with `vite preview` on 127.0.0.1 and drives
// Debian's headless Chromium. Each round switches the map between two runs on Rosenbrock, Momentum and
// Nesterov (the map re-measures from nothing, and nothing else on the page redraws), and times the map's
// attribute changes from inside the page.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';

const ROUNDS = 7;
const GOALS = { coarse: 100, fine: 1000, task: 50 };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'ravine-bench-map-'));
  await build({ logLevel: 'error', build: { outDir, emptyOutDir: true } });
  const server = await preview({ preview: { host: '127.0.0.1', port: 0 }, build: { outDir }, logLevel: 'error' });
  const base = server.resolvedUrls!.local[0];
  const profile = mkdtempSync(join(tmpdir(), 'ravine-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, viewport: { width: 1280, height: 800 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${base}?fn=rosenbrock&steps=200&run=momentum,id:1,lr:0.0005,a:0.9&run=nesterov,id:2,lr:0.0005,a:0.9&map=1`);
    await page.waitForFunction(() => document.querySelector('[data-testid=rate-map]')?.getAttribute('data-level') === 'fine', undefined, { timeout: 60_000 });
    const rounds: { coarse: number; fine: number; task: number }[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const to = r % 2 === 0 ? '2' : '1';
      rounds.push(await page.evaluate(
        (to) => new Promise<{ coarse: number; fine: number; task: number }>((done) => {
          const map = document.querySelector('[data-testid=rate-map]')!;
          const select = document.querySelector<HTMLSelectElement>('[data-testid=map-run]')!;
          let coarse = NaN, task = 0;
          const tasks = new PerformanceObserver((list) => list.getEntries().forEach((e) => (task = Math.max(task, e.duration))));
          tasks.observe({ type: 'longtask' });
          const t0 = performance.now();
          new MutationObserver((_, obs) => {
            const level = map.getAttribute('data-level');
            if (!(map.getAttribute('data-key') ?? '').includes(`"id":${to},`)) return;
            if (level === 'coarse' && Number.isNaN(coarse)) coarse = performance.now() - t0;
            if (level === 'fine') {
              obs.disconnect();
              const fine = performance.now() - t0;
              // Long tasks are reported a little after they end.
              setTimeout(() => (tasks.disconnect(), done({ coarse: Number.isNaN(coarse) ? fine : coarse, fine, task })), 200);
            }
          }).observe(map, { attributes: true });
          select.value = to;
          select.dispatchEvent(new Event('change', { bubbles: true }));
        }),
        to,
      ));
    }
    // The first round also warms the workers' code; report the rest.
    const measured = rounds.slice(1);
    const line = (name: string, values: number[], goal: number) =>
      `  ${name.padEnd(34)} median ${median(values).toFixed(0).padStart(5)} ms   worst ${Math.max(...values).toFixed(0).padStart(5)} ms   goal < ${goal} ms  ${median(values) < goal ? 'PASS' : 'MISS'}`;
    console.log(`\nRate map — Rosenbrock, Momentum and Nesterov, 200-step runs, ${measured.length} switches (load ${loadavg()[0].toFixed(2)})`);
    console.log(line('first coarse map (16 × 16)', measured.map((r) => r.coarse), GOALS.coarse));
    console.log(line('full map (64 × 64)', measured.map((r) => r.fine), GOALS.fine));
    console.log(line('longest main-thread task meanwhile', measured.map((r) => r.task), GOALS.task));
  } finally {
    await context.close();
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}

await main();
