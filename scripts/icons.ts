// Renders static/icon.svg into the PNG icons the web app manifest names (192 and 512 pixels), with
// Debian's Chromium: `npx tsx scripts/icons.ts`. The PNGs are committed; run this after changing the SVG.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const svg = readFileSync('static/icon.svg', 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'ravine-icons-'));
const context = await chromium.launchPersistentContext(dir, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  for (const size of [192, 512]) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<style>html,body{margin:0}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
    await page.screenshot({ path: `static/icon-${size}.png`, omitBackground: false });
  }
} finally {
  await context.close();
  rmSync(dir, { recursive: true, force: true });
}
