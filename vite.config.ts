/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The built page forbids inline and injected scripts, eval, plugins and foreign origins, so nothing
 * from a link or a formula can ever run as code. Styles may be inline: Plotly writes its own. Framing is
 * allowed (no frame-ancestors, which a meta tag could not set anyway): course pages embed the figure.
 * (Only the build: Vite's dev server injects scripts of its own.)
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const csp: Plugin = {
  name: 'ravine-csp',
  apply: 'build',
  transformIndexHtml: () => [
    { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy }, injectTo: 'head-prepend' },
  ],
};

/**
 * After one visit the page works offline and installs as an app: a service worker precaches the whole
 * build (Plotly's chunk too, hence the size limit). A new version's worker takes over on the next visit,
 * and the page offers a reload into it.
 */
const offline = VitePWA({
  // Registered by the page itself (page/update.svelte.ts), which offers a reload once a new version takes over.
  injectRegister: false,
  includeAssets: ['favicon.svg'],
  manifest: {
    name: 'Ravine — an optimizer playground',
    short_name: 'Ravine',
    description: 'Gradient descent, SGD, Momentum, Nesterov and Adam side by side on the same function.',
    theme_color: '#1d2733',
    background_color: '#f4f6f8',
    display: 'standalone',
    icons: [
      { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    // KaTeX ships .woff and .ttf beside .woff2; browsers here fetch only the .woff2.
    globPatterns: ['**/*.{js,css,html,svg,png,woff2,webmanifest}'],
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    navigateFallback: 'index.html',
    // The first visit's page comes under the worker at once, so it works offline without a second load;
    // a new version's worker takes over as soon as it has precached, not once every tab has closed.
    clientsClaim: true,
    skipWaiting: true,
  },
});

/**
 * Plotly is loaded on demand (after the page's first frame) but downloaded with the page: a modulepreload
 * link for its chunk lets the 1.4 MB arrive while the shell and our first image of the contour paint.
 */
const preloadPlotly: Plugin = {
  name: 'ravine-preload-plotly',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler: (_html, ctx) => {
      const chunk = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && /plotly/i.test(c.fileName));
      return chunk ? [{ tag: 'link', attrs: { rel: 'modulepreload', href: `/${chunk.fileName}` }, injectTo: 'head' }] : [];
    },
  },
};

/** Names the build in the help (RAVINE_BUILD, else when it was made): which version a page is, after an update. */
const build = process.env.RAVINE_BUILD ?? new Date().toISOString().slice(0, 16).replace('T', ' ');

export default defineConfig({
  plugins: [svelte(), csp, preloadPlotly, offline],
  define: { __RAVINE_BUILD__: JSON.stringify(build) },
  publicDir: 'static',
  resolve: { conditions: ['browser'] },
  build: { chunkSizeWarningLimit: 5000 },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/e2e/**'] },
      },
      {
        // Real Chromium against the built app served on 127.0.0.1 (`npm run build` first).
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/server.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
