// In-page instrumentation for bench/ui.ts, installed with addInitScript before the app's own scripts run.
// Plain JavaScript on purpose: it is injected as text, so no transpiler helpers can leak into the page.
//
// window.__bench holds:
//  - load:        when the Plotly bundle finished evaluating, when the first contour entered the DOM (Plotly's
//                 contour paths, or the page's own canvas marked data-drawn) and
//                 (one rAF + setTimeout later, i.e. after that frame's rendering) when it was painted;
//  - longtasks:   every 'longtask' entry (Chromium's Long Tasks API, tasks over 50 ms);
//  - calls:       Plotly calls made while recording, with their synchronous cost per plot;
//  - lastCall, lastLongFrame: when Plotly was last called and a frame last took over 50 ms (for "quiet");
//  - start()/result(): one recorded drag, see below.
(() => {
  if (window.top !== window || window.__bench) return;
  // tsx/esbuild may wrap functions that page.evaluate serializes in __name(); make that harmless here.
  if (!globalThis.__name) globalThis.__name = (f) => f;

  const B = {
    load: { plotlyEvaluated: null, contourDom: null, contourPaint: null, contourBy: null },
    longtasks: [],
    longtaskSupported: false,
    calls: [],
    lastCall: 0,
    lastLongFrame: 0,
    recording: false,
    plotly: null,
  };
  window.__bench = B;

  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) B.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    B.longtaskSupported = true;
  } catch {
    B.longtaskSupported = false;
  }

  // The time of the last frame that came more than 50 ms after the one before: `rest` waits for quiet.
  let lastFrame = 0;
  requestAnimationFrame(function watch(now) {
    if (lastFrame && now - lastFrame > 50) B.lastLongFrame = performance.now();
    lastFrame = now;
    requestAnimationFrame(watch);
  });

  // plotly.js-dist-min assigns window.Plotly when its bundle has run (and the app's loadPlotly resolves
  // to that same object): catch the assignment to time it and to wrap react/animate.
  function wrap(P) {
    B.plotly = P;
    for (const name of ['react', 'newPlot', 'relayout', 'restyle', 'animate']) {
      const orig = P[name];
      if (typeof orig !== 'function') continue;
      P[name] = function (gd, ...rest) {
        const plot = (gd && gd.closest && gd.closest('[data-testid]')?.dataset.testid) || '?';
        const t = performance.now();
        const r = orig.call(this, gd, ...rest);
        const ms = performance.now() - t;
        B.lastCall = performance.now();
        if (B.recording) B.calls.push({ fn: name, plot, ms });
        return r;
      };
    }
  }
  let plotlyValue;
  Object.defineProperty(window, 'Plotly', {
    configurable: true,
    enumerable: true,
    get: () => plotlyValue,
    set(v) {
      plotlyValue = v;
      if (v && !B.plotly) {
        B.load.plotlyEvaluated = performance.now();
        wrap(v);
      }
    },
  });

  // The first contour: polled once per frame from the document's start. A path found in a rAF callback
  // was inserted before that frame's rendering; the setTimeout queued from it runs after that rendering.
  function poll() {
    const svg = document.querySelector('[data-testid=contour] .contourlayer path');
    const canvas = document.querySelector('[data-testid=contour] canvas[data-drawn]');
    if (svg || canvas) {
      B.load.contourDom = performance.now();
      B.load.contourBy = canvas ? 'canvas' : 'Plotly';
      setTimeout(() => (B.load.contourPaint = performance.now()), 0);
      return;
    }
    requestAnimationFrame(poll);
  }
  requestAnimationFrame(poll);

  // One recorded drag. The recorder is a rAF loop that stamps performance.now() at the start of every
  // frame's callbacks. With drive = true a second rAF loop moves the slider: once per frame it sets the
  // position the hand has reached by now (a triangle: `span` positions away over the first half of
  // `duration`, back over the second) and dispatches 'input' if it changed. That is what Chromium itself
  // delivers during a real drag: pointer moves are coalesced and dispatched once per frame, just before
  // the rAF callbacks, and a slow page gets fewer, bigger steps, not a backlog.
  let current = null;
  B.start = function ({ selector, duration, span, drive }) {
    const el = document.querySelector(selector);
    if (!el) throw new Error(`no element ${selector}`);
    const lo = Number(el.min || 0), hi = Number(el.max || 100);
    const p0 = Number(el.value);
    const dir = p0 - span >= lo ? -1 : 1;
    const run = {
      stamps: [], costs: [], inputs: 0, contours: 0, p0, p1: Math.max(lo, Math.min(hi, p0 + dir * span)),
      lt0: B.longtasks.length, t0: 0, t1: 0, done: null,
    };
    const onInput = () => run.inputs++;
    el.addEventListener('input', onInput);
    B.calls = [];
    B.recording = true;
    current = run;
    run.done = new Promise((resolve) => {
      let t0;
      let last = p0;
      let sent = null;
      // The live contour's canvas keeps what it drew last: a new object, a new painting shown.
      const bands = document.querySelector('[data-testid=contour] canvas.bands');
      let painted = bands?.drawn;
      run.seq0 = painted?.seq ?? 0;
      const finish = () => {
        B.recording = false;
        el.removeEventListener('input', onInput);
        performance.mark('bench-drag-end');
        run.t1 = performance.now();
        resolve();
      };
      const record = () => {
        const now = performance.now();
        if (t0 === undefined) {
          t0 = run.t0 = now;
          performance.mark('bench-drag-start');
        }
        run.stamps.push(now);
        if (bands?.drawn !== painted) {
          painted = bands.drawn;
          run.contours++;
        }
        if (now - t0 >= duration) return finish();
        requestAnimationFrame(record);
      };
      const move = () => {
        if (!B.recording) return;
        const t = performance.now() - t0;
        const phase = Math.min(1, t / duration);
        const off = phase < 0.5 ? 2 * phase : 2 - 2 * phase;
        const v = Math.max(lo, Math.min(hi, Math.round(p0 + dir * span * off)));
        if (v !== last) {
          last = v;
          sent = performance.now();
          el.value = String(v);
          el.dispatchEvent(new Event('input', { bubbles: true }));
        }
        requestAnimationFrame(move);
        requestAnimationFrame(after);
      };
      // The next callback of the same frame runs after every microtask the input caused (Svelte's
      // effects, Plotly's promise chain): input → end of the script it triggered, before rendering.
      const after = () => {
        if (sent !== null && B.recording) run.costs.push(performance.now() - sent);
        sent = null;
      };
      requestAnimationFrame(record);
      if (drive) requestAnimationFrame(move);
    });
    return { p0: run.p0, p1: run.p1, lo, hi };
  };
  B.result = async function () {
    const run = current;
    await run.done;
    current = null;
    const calls = B.calls.slice();
    // The 1.5 s after the hand lets go: every frame interval, and the long tasks that start in it.
    let maxFrame = 0;
    await new Promise((resolve) => {
      let prev = performance.now();
      requestAnimationFrame(function tick(now) {
        maxFrame = Math.max(maxFrame, now - prev);
        prev = now;
        if (now - run.t1 < 1500) requestAnimationFrame(tick);
        else resolve();
      });
    });
    // Every change of the function is a numbered request to the contour's worker; after the 1.5 s the last
    // one is painted, so the numbers tell how many changes the drag made.
    const seq1 = document.querySelector('[data-testid=contour] canvas.bands')?.drawn?.seq ?? 0;
    const longtasks = B.longtasks.slice(run.lt0).filter((e) => e.start + e.duration > run.t0 && e.start < run.t1);
    const after = B.longtasks.slice(run.lt0).filter((e) => e.start >= run.t1 && e.start < run.t1 + 1500);
    return {
      stamps: run.stamps, costs: run.costs, inputs: run.inputs, contours: run.contours, changes: seq1 - run.seq0, p0: run.p0, p1: run.p1,
      t0: run.t0, t1: run.t1, longtasks, calls, after: { longtasks: after, maxFrame },
    };
  };
})();
