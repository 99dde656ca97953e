import type { Config, Data, Layout } from 'plotly.js-dist-min';
import { paintOverlay } from './overlay';
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

/** Pixels in the plot area to data coordinates, through the axes Plotly has laid out. */
export function pixelToData(gd: HTMLElement, clientX: number, clientY: number): [number, number] | null {
  const layout = (gd as unknown as { _fullLayout?: { xaxis: Axis; yaxis: Axis } })._fullLayout;
  if (!layout) return null;
  const box = gd.getBoundingClientRect();
  const px = clientX - box.left - layout.xaxis._offset;
  const py = clientY - box.top - layout.yaxis._offset;
  if (px < 0 || py < 0 || px > layout.xaxis._length || py > layout.yaxis._length) return null;
  return [layout.xaxis.p2d(px), layout.yaxis.p2d(py)];
}

interface Axis {
  _offset: number;
  _length: number;
  p2d(px: number): number;
}

// A double click would also be two clicks on the plot, and a click moves the start: zoom is reset
// from the mode bar instead. Images come from "Export figure" (print style), and nothing is uploaded.
const config: Partial<Config> = {
  responsive: false, displaylogo: false, doubleClick: false,
  // (plotly.js 4's types do not list its new "Share chart" button yet.)
  modeBarButtonsToRemove: ['select2d', 'lasso2d', 'toImage', 'sendChartToCloud'] as Config['modeBarButtonsToRemove'],
};

/**
 * One live Plotly figure in `div`: Plotly loads lazily (the latest figure is drawn once it arrives),
 * the plot follows its container's size, and redraws are cheap. A full `react` happens when
 * `structure` changes (a new surface, other traces) and once input has rested for a moment; in
 * between, the scatter traces are painted on a canvas overlay, once per frame, which keeps a slider
 * drag at the display's rate.
 */
export function livePlot(div: HTMLElement, onrelayout?: (e: Record<string, unknown>) => void) {
  let P: PlotlyModule | null = null;
  let latest: [Data[], Partial<Layout>, readonly unknown[]] | null = null;
  let drawn: readonly unknown[] | null = null;
  let settle: ReturnType<typeof setTimeout> | undefined;
  let frame = 0;
  let alive = true;
  /** Plotly's locale (its mode bar's tooltips) asked for, and the one last drawn with. */
  let locale = 'en';
  let drawnLocale: string | null = null;
  const canvas = document.createElement('canvas');
  canvas.className = 'overlay';
  canvas.setAttribute('aria-hidden', 'true');

  function full(): void {
    if (!P || !latest) return;
    // A new locale makes react draw the plot anew (the mode bar too); the div keeps its event handlers.
    P.react(div, latest[0], latest[1], { ...config, locale });
    div.classList.remove('overlaid');
    drawnLocale = locale;
  }

  /** `lang`: the locale of Plotly's own texts ('en' or a registered one); a change redraws at once. */
  function draw(data: Data[], layout: Partial<Layout>, structure: readonly unknown[], lang?: string): void {
    latest = [data, layout, structure];
    if (lang) locale = lang;
    if (!P) return;
    clearTimeout(settle);
    const first = drawn === null;
    if (!first && locale === drawnLocale && drawn!.length === structure.length && drawn!.every((v, i) => v === structure[i])) {
      if (!frame) {
        frame = requestAnimationFrame(() => {
          frame = 0;
          if (!alive || !latest) return;
          div.classList.add('overlaid');
          paintOverlay(canvas, div, latest[0]);
        });
      }
      settle = setTimeout(full, 250);
      return;
    }
    drawn = structure;
    full();
    if (first) {
      div.append(canvas);
      // Plotly adds `on` to the div it draws in; zooms, pans and resets arrive as relayouts.
      if (onrelayout) (div as unknown as { on(e: string, f: typeof onrelayout): void }).on('plotly_relayout', onrelayout);
    }
  }

  loadPlotly().then((module) => {
    if (!alive) return;
    P = module;
    if (latest) draw(...latest);
  });
  const resize = new ResizeObserver(() => P && div.isConnected && drawn && P.Plots.resize(div));
  resize.observe(div);

  return {
    draw,
    dispose(): void {
      alive = false;
      clearTimeout(settle);
      cancelAnimationFrame(frame);
      resize.disconnect();
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
