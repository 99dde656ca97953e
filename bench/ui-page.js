// In-page instrumentation for bench/ui.ts, installed with addInitScript before the app's own scripts run.
// Plain JavaScript on purpose: it is injected as text, so no transpiler helpers can leak into the page.
//
// window.__bench holds:
//  - load:        when the Plotly bundle finished evaluating, when the first contour path entered the DOM and
//                 (one rAF + setTimeout later, i.e. after that frame's rendering) when it was painted;
//  - longtasks:   every 'longtask' entry (Chromium's Long Tasks API, tasks over 50 ms);
//  - calls:       Plotly.react/animate calls made while recording, with their synchronous cost per plot;
//  - mode:        switches the benchmark's variants flip (drop Plotly calls, thin what animate draws);
//  - start()/result(): one recorded drag, see below.
(() => {
  if (window.top !== window || window.__bench) return;
  // tsx/esbuild may wrap functions that page.evaluate serializes in __name(); make that harmless here.
  if (!globalThis.__name) globalThis.__name = (f) => f;

  const B = {
    load: { plotlyEvaluated: null, contourDom: null, contourPaint: null },
    longtasks: [],
    longtaskSupported: false,
    calls: [],
    lastCall: 0,
    recording: false,
    // freeze: drop every Plotly.react/animate; skip: plots (data-testid) whose calls are dropped;
    // thin: draw at most this many points per trace in animate (0 = off); thinPlots: which plots;
    // lines: plots whose 'lines+markers' traces are animated as 'lines'; overlay: plots whose animate is
    // replaced by drawing the same traces on a <canvas> over the plot area (see `overlay` below).
    // squares: the overlay draws markers as squares (one fillRect each) instead of anti-aliased circles.
    // decimate: in animate, drop every point that lies within this many pixels (on screen, through the
    // plot's axes) of the last point kept — what the eye cannot tell apart; 0 = off; decimatePlots: which.
    mode: { freeze: false, skip: [], thin: 0, thinPlots: [], lines: [], overlay: [], squares: false, decimate: 0, decimatePlots: [] },
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

  // Every k-th point and the last one, so a path keeps its shape and its end.
  function thinArray(a, limit) {
    if (!a || a.length <= limit) return a;
    const k = Math.ceil(a.length / limit);
    const out = [];
    for (let i = 0; i < a.length; i += k) out.push(a[i]);
    if ((a.length - 1) % k !== 0) out.push(a[a.length - 1]);
    return out;
  }
  function thinFrame(frame, limit) {
    if (!frame || !Array.isArray(frame.data)) return frame;
    const data = frame.data.map((t) => {
      const n = Math.max(t.x ? t.x.length : 0, t.y ? t.y.length : 0);
      if (n <= limit) return t;
      // A trace given only y (the loss curves) gets explicit x, or thinning would squeeze it leftwards.
      const x = t.x ?? Array.from({ length: n }, (_, i) => i);
      const out = { ...t, x: thinArray(x, limit), y: thinArray(t.y, limit) };
      if (t.customdata) out.customdata = thinArray(t.customdata, limit);
      return out;
    });
    return { ...frame, data };
  }

  // Screen-space decimation: keep a point when it is at least `px` pixels (in x or y) from the last kept
  // one, and always the last. Non-finite points are kept (they break the line).
  function decimateTrace(gd, t, px) {
    const fl = gd._fullLayout;
    const n = Math.max(t.x ? t.x.length : 0, t.y ? t.y.length : 0);
    if (!fl || n <= 2 || !t.y) return t;
    const xa = fl.xaxis, ya = t.yaxis === 'y2' ? fl.yaxis2 : fl.yaxis;
    const keep = [];
    let lx = NaN, ly = NaN;
    for (let i = 0; i < n; i++) {
      const X = xa.l2p(xa.d2l(t.x ? t.x[i] : i)), Y = ya.l2p(ya.d2l(t.y[i]));
      if (!Number.isFinite(X) || !Number.isFinite(Y) || i === n - 1 || !(Math.abs(X - lx) < px && Math.abs(Y - ly) < px)) {
        keep.push(i);
        lx = X;
        ly = Y;
      }
    }
    if (keep.length === n) return t;
    const pick = (a) => (a ? keep.map((i) => a[i]) : a);
    const out = { ...t, x: t.x ? pick(t.x) : keep.slice(), y: pick(t.y) };
    if (t.customdata) out.customdata = pick(t.customdata);
    return out;
  }
  function decimateFrame(gd, frame, px) {
    if (!frame || !Array.isArray(frame.data)) return frame;
    return { ...frame, data: frame.data.map((t) => decimateTrace(gd, t, px)) };
  }
  /** Points per trace of a plot's current figure after decimation (for the report). */
  B.decimatedCounts = function (selector, px) {
    const gd = document.querySelector(selector);
    return gd.data.map((t) => {
      const n = Math.max(t.x ? t.x.length : 0, t.y ? t.y.length : 0);
      return t.type === 'scatter' && n > 10 ? [n, decimateTrace(gd, t, px).y.length] : null;
    }).filter(Boolean);
  };

  function linesOnly(frame) {
    if (!frame || !Array.isArray(frame.data)) return frame;
    return { ...frame, data: frame.data.map((t) => (t.mode === 'lines+markers' ? { ...t, mode: 'lines' } : t)) };
  }

  // What a canvas overlay would cost: the traces an animate call carries, drawn with the plot's own axes
  // onto a <canvas> over its plot area, while Plotly's scatter layer is hidden. Lines and markers as the
  // traces ask for them. The next react (the settle) clears it and shows Plotly's layer again.
  function overlay(gd, frame) {
    const fl = gd._fullLayout;
    if (!fl || !frame || !Array.isArray(frame.data)) return;
    const xa = fl.xaxis, ya = fl.yaxis;
    let cv = gd.__benchCanvas;
    if (!cv) {
      cv = gd.__benchCanvas = document.createElement('canvas');
      Object.assign(cv.style, { position: 'absolute', pointerEvents: 'none', zIndex: '5' });
      gd.querySelector('.svg-container').append(cv);
    }
    const dpr = window.devicePixelRatio || 1;
    const w = Math.round(xa._length * dpr), h = Math.round(ya._length * dpr);
    if (cv.width !== w || cv.height !== h) Object.assign(cv, { width: w, height: h });
    Object.assign(cv.style, { left: `${xa._offset}px`, top: `${ya._offset}px`, width: `${xa._length}px`, height: `${ya._length}px`, display: '' });
    const layer = gd.querySelector('.scatterlayer');
    if (layer) layer.style.display = 'none';
    const ctx = cv.getContext('2d');
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, xa._length, ya._length);
    for (const t of frame.data) {
      const yax = t.yaxis === 'y2' ? fl.yaxis2 : ya;
      const n = t.y ? t.y.length : 0;
      const X = (i) => xa.l2p(xa.d2l(t.x ? t.x[i] : i));
      const Y = (i) => yax.l2p(yax.d2l(t.y[i]));
      const mode = t.mode || 'lines';
      if (mode.includes('lines') && n > 1) {
        ctx.beginPath();
        let pen = false;
        for (let i = 0; i < n; i++) {
          const px = X(i), py = Y(i);
          if (!Number.isFinite(px) || !Number.isFinite(py)) { pen = false; continue; }
          if (pen) ctx.lineTo(px, py); else { ctx.moveTo(px, py); pen = true; }
        }
        ctx.strokeStyle = (t.line && t.line.color) || '#000';
        ctx.lineWidth = (t.line && t.line.width) || 2;
        ctx.setLineDash(t.line && t.line.dash === 'dot' ? [2, 3] : []);
        ctx.stroke();
      }
      if (mode.includes('markers') && n > 0) {
        const m = t.marker || {};
        const r = (m.size || 6) / 2;
        ctx.fillStyle = m.color || '#000';
        if (B.mode.squares && n > 1) {
          for (let i = 0; i < n; i++) {
            const px = X(i), py = Y(i);
            if (Number.isFinite(px) && Number.isFinite(py)) ctx.fillRect(px - r, py - r, 2 * r, 2 * r);
          }
          continue;
        }
        ctx.beginPath();
        for (let i = 0; i < n; i++) {
          const px = X(i), py = Y(i);
          if (!Number.isFinite(px) || !Number.isFinite(py)) continue;
          ctx.moveTo(px + r, py);
          ctx.arc(px, py, r, 0, 2 * Math.PI);
        }
        ctx.fill();
        if (m.line && m.line.width) {
          ctx.strokeStyle = m.line.color || '#fff';
          ctx.lineWidth = m.line.width;
          ctx.stroke();
        }
      }
    }
  }
  function clearOverlay(gd) {
    if (!gd || !gd.__benchCanvas) return;
    gd.__benchCanvas.style.display = 'none';
    const layer = gd.querySelector('.scatterlayer');
    if (layer) layer.style.display = '';
  }

  // plotly.js-dist-min assigns window.Plotly when its bundle has run (and the app's loadPlotly resolves
  // to that same object): catch the assignment to time it and to wrap react/animate.
  function wrap(P) {
    B.plotly = P;
    for (const name of ['react', 'animate']) {
      const orig = P[name];
      if (typeof orig !== 'function') continue;
      P[name] = function (gd, ...rest) {
        const plot = (gd && gd.dataset && gd.dataset.testid) || '?';
        const m = B.mode;
        B.lastCall = performance.now();
        if (m.freeze || m.skip.includes(plot)) {
          if (B.recording) B.calls.push({ fn: name, plot, ms: 0, skipped: true });
          return Promise.resolve(gd);
        }
        if (name === 'react') clearOverlay(gd);
        if (name === 'animate' && m.thin > 0 && m.thinPlots.includes(plot)) rest[0] = thinFrame(rest[0], m.thin);
        if (name === 'animate' && m.decimate > 0 && m.decimatePlots.includes(plot)) rest[0] = decimateFrame(gd, rest[0], m.decimate);
        if (name === 'animate' && m.lines.includes(plot)) rest[0] = linesOnly(rest[0]);
        if (name === 'animate' && m.overlay.includes(plot)) {
          const t = performance.now();
          overlay(gd, rest[0]);
          if (B.recording) B.calls.push({ fn: 'overlay', plot, ms: performance.now() - t, skipped: false });
          return Promise.resolve(gd);
        }
        const t = performance.now();
        const r = orig.call(this, gd, ...rest);
        const ms = performance.now() - t;
        B.lastCall = performance.now();
        if (B.recording) B.calls.push({ fn: name, plot, ms, skipped: false });
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
    if (document.querySelector('[data-testid=contour] .contourlayer path')) {
      B.load.contourDom = performance.now();
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
      stamps: [], costs: [], inputs: 0, p0, p1: Math.max(lo, Math.min(hi, p0 + dir * span)),
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
    const longtasks = B.longtasks.slice(run.lt0).filter((e) => e.start + e.duration > run.t0 && e.start < run.t1);
    return {
      stamps: run.stamps, costs: run.costs, inputs: run.inputs, p0: run.p0, p1: run.p1,
      t0: run.t0, t1: run.t1, longtasks, calls: B.calls.slice(),
    };
  };
})();
