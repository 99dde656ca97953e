import type { Config, Data, Layout } from 'plotly.js-dist-min';

// Plotly is most of the bundle: load it after the page's shell has painted, once for every plot.
type PlotlyModule = typeof import('plotly.js-dist-min');

let loading: Promise<PlotlyModule> | null = null;

export function loadPlotly(): Promise<PlotlyModule> {
  // The bundle is UMD: depending on the bundler's interop the API is the module or its default export.
  loading ??= import('plotly.js-dist-min').then((m) => ((m as unknown as { default?: PlotlyModule }).default ?? m));
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
// from the mode bar instead.
const config: Partial<Config> = {
  responsive: false, displaylogo: false, doubleClick: false, modeBarButtonsToRemove: ['select2d', 'lasso2d'],
};

/**
 * One live Plotly figure in `div`: Plotly loads lazily (the latest figure is drawn once it arrives),
 * the plot follows its container's size, and redraws are cheap. A full `react` happens only when
 * `structure` changes (a new surface, other traces); otherwise the traces from `firstMoving` on are
 * animated without a redraw, which keeps a slider drag at the display's rate, and a `react` once input
 * rests brings names and hover texts up to date.
 */
export function livePlot(div: HTMLElement, firstMoving: number, onrelayout?: (e: Record<string, unknown>) => void) {
  let P: PlotlyModule | null = null;
  let pending: [Data[], Partial<Layout>, readonly unknown[]] | null = null;
  let drawn: readonly unknown[] | null = null;
  let settle: ReturnType<typeof setTimeout> | undefined;
  let alive = true;

  function draw(data: Data[], layout: Partial<Layout>, structure: readonly unknown[]): void {
    if (!P) {
      pending = [data, layout, structure];
      return;
    }
    const Plotly = P;
    clearTimeout(settle);
    if (drawn && drawn.length === structure.length && drawn.every((v, i) => v === structure[i])) {
      const traces = data.map((_, i) => i).slice(firstMoving);
      Plotly.animate(div, { data: data.slice(firstMoving), traces }, {
        transition: { duration: 0 }, frame: { duration: 0, redraw: false }, mode: 'immediate',
      });
      settle = setTimeout(() => Plotly.react(div, data, layout, config), 250);
    } else {
      const first = drawn === null;
      Plotly.react(div, data, layout, config);
      drawn = structure;
      // Plotly adds `on` to the div it draws in; zooms, pans and resets arrive as relayouts.
      if (first && onrelayout) (div as unknown as { on(e: string, f: typeof onrelayout): void }).on('plotly_relayout', onrelayout);
    }
  }

  loadPlotly().then((module) => {
    if (!alive) return;
    P = module;
    if (pending) draw(...pending);
    pending = null;
  });
  const resize = new ResizeObserver(() => P && div.isConnected && P.Plots.resize(div));
  resize.observe(div);

  return {
    draw,
    dispose(): void {
      alive = false;
      clearTimeout(settle);
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
