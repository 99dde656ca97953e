import type { Config, Data, Layout } from 'plotly.js-dist-min';
import { plotlyRu } from './plotlyLocale';

// Plotly is most of the bundle: load it after the page's shell has painted, once for every plot.
type PlotlyModule = typeof import('plotly.js-dist-min');

let loading: Promise<PlotlyModule> | null = null;

export function loadPlotly(): Promise<PlotlyModule> {
  // The bundle is UMD: depending on the bundler's interop the API is the module or its default export.
  loading ??= import('plotly.js-dist-min').then((m) => {
    const Plotly = (m as unknown as { default?: PlotlyModule }).default ?? m;
    Plotly.register(plotlyRu);
    return Plotly;
  });
  return loading;
}

// A double click would also be two clicks on the plot, and a click moves the start: zoom is reset
// from the mode bar instead (so no "double-click to zoom back out" tip). Images come from "Export
// figure" (print style), and nothing is uploaded.
const config: Partial<Config> = {
  responsive: false, displaylogo: false, doubleClick: false, showTips: false,
  // (plotly.js 4's types do not list its new "Share chart" button yet.)
  modeBarButtonsToRemove: ['select2d', 'lasso2d', 'toImage', 'sendChartToCloud'] as Config['modeBarButtonsToRemove'],
};

type Listener = (e: Record<string, unknown>) => void;

/**
 * For a plot's box, in the capture phase: a finger on a plot scrolls the page instead of dragging a zoom
 * box (Plotly's drag layer would take the touch, and on a phone the plots fill most of the screen). The
 * mode bar keeps its touches, so its buttons still zoom and pan; a tap still moves the start (pointer events).
 */
export function touchScrollsPage(e: TouchEvent): void {
  if (!(e.target instanceof Element && e.target.closest('.modebar'))) e.stopPropagation();
}

/**
 * Plotly's part of a live figure in `div`: the axes, drawn again only when `key` changes (a new view, size
 * or language) — everything that moves, the contour too, is on our canvases. Plotly is evaluated after the
 * frame that shows the first figure; the latest axes are drawn once it arrives. Each drawing is counted on
 * `div.dataset.draws`, so a test can tell that a drag cost Plotly nothing. `relayouting` follows a pan as it
 * happens, `relayout` reports its end (and zooms and resets); `drawn` follows each drawing of the axes.
 */
export function livePlot(div: HTMLElement, on: { relayout?: Listener; relayouting?: Listener; drawn?: () => void } = {}) {
  let P: PlotlyModule | null = null;
  let latest: [Data[], Partial<Layout>, readonly unknown[], string] | null = null;
  let drawn: readonly unknown[] | null = null;
  let alive = true;
  let pending: ReturnType<typeof setTimeout> | undefined;

  /** `lang`: the locale of Plotly's own texts ('en' or a registered one). Drawn in a task of its own, once. */
  function draw(data: Data[], layout: Partial<Layout>, key: readonly unknown[], lang = 'en'): void {
    latest = [data, layout, key, lang];
    if (!frame) load();
    // A burst of changes (links followed, a window resized) costs one Plotly drawing at most, in a task of
    // its own: a new size or box makes Plotly draw its axes anew (20–40 ms), which must not share a task with
    // the frame that repaints our canvases.
    if (P && pending === undefined) pending = setTimeout(flush);
  }

  // Once the page has painted a frame with the first figure's layer and image: evaluating Plotly's
  // bundle then blocks the page for a second or more.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frame = 0;
  function load(): void {
    frame = requestAnimationFrame(() => {
      timer = setTimeout(() =>
        loadPlotly().then((module) => {
          if (!alive) return;
          P = module;
          flush();
        }),
      );
    });
  }

  function flush(): void {
    pending = undefined;
    if (!P || !latest || !alive) return;
    const [data, layout, key, lang] = latest;
    if (drawn && drawn.length === key.length && drawn.every((v, i) => v === key[i])) return;
    const first = drawn === null;
    drawn = key;
    div.dataset.draws = String(Number(div.dataset.draws ?? 0) + 1);
    void P.react(div, data, layout, { ...config, locale: lang }).then(() => alive && on.drawn?.());
    // Plotly adds `on` to the div it draws in; zooms, pans and resets arrive as relayouts.
    const events = div as unknown as { on(e: string, f: Listener): void };
    if (first && on.relayout) events.on('plotly_relayout', on.relayout);
    if (first && on.relayouting) events.on('plotly_relayouting', on.relayouting);
  }

  return {
    draw,
    dispose(): void {
      alive = false;
      cancelAnimationFrame(frame);
      clearTimeout(pending);
      clearTimeout(timer);
      P?.purge(div);
    },
  };
}

/** The axis ranges the plot shows now (after a zoom, a pan or a reset). */
export function shownRanges(div: HTMLElement): { x: [number, number]; y: [number, number] } | null {
  const layout = (div as unknown as { layout?: { xaxis?: { range?: number[] }; yaxis?: { range?: number[] } } }).layout;
  const x = layout?.xaxis?.range, y = layout?.yaxis?.range;
  if (!x || !y || x.length !== 2 || y.length !== 2 || ![...x, ...y].every(Number.isFinite)) return null;
  return { x: [x[0], x[1]], y: [y[0], y[1]] };
}
