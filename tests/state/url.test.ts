import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { optimizerDef, optimizerKinds, scheduleDef, scheduleKinds, testFunctions } from '../../src/core';
import type { SettingSpec, Vec2 } from '../../src/core';
import { defaultState } from '../../src/state/defaults';
import { drawableBox, FORMULA_ID, limits, type RunState } from '../../src/state/playground';
import { buildFunction } from '../../src/state/scene';
import { decode, encode, LINK_KEYS, type LinkState } from '../../src/state/url';
import { costAxes, defaultShow, viewSettings } from '../../src/state/show';
import { embedItems } from '../../src/state/embed';

const kinds = optimizerKinds;
const finite = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
/** The most settings a rule (a schedule) has: each run draws a fraction of the way through every one of them. */
const mostSettings = Math.max(...kinds.map((k) => Object.keys(optimizerDef(k).hyper).length));
const mostTiming = Math.max(...scheduleKinds.map((k) => Object.keys(scheduleDef(k).params).length));

/** Valid states as the UI can make them: every field in range, irrelevant fields as a new run has them. */
const validState: fc.Arbitrary<LinkState> = fc
  .record({
    fnIndex: fc.integer({ min: 0, max: testFunctions.length }),
    kappa: finite(1, 1000),
    theta: finite(-90, 90),
    formula: fc.constantFrom('x^2 + 10*y^2', 'sin(x) * cos(y) + (x - 1)^2', 'log(1 + x^2 + 5 y^2)'),
    samples: fc.integer({ min: limits.samples.min, max: limits.samples.max }),
    noise: finite(0, 1000),
    noiseSeed: fc.integer({ min: 0, max: limits.seed.max }),
    start: fc.tuple(finite(-1e6, 1e6), finite(-1e6, 1e6)),
    steps: fc.integer({ min: 1, max: 2000 }),
    playhead: fc.option(fc.integer({ min: 0, max: 1999 })),
    lang: fc.option(fc.constantFrom('en' as const, 'ru' as const), { nil: undefined }),
    // Any of the items in any order (shuffled, not sorted): a link keeps the order it was given.
    embed: fc.option(fc.shuffledSubarray([...embedItems])),
    origin: fc.option(fc.constantFrom('https://course.example', 'http://127.0.0.1:8080'), { nil: undefined }),
    cost: fc.record({
      seeds: fc.integer({ min: limits.seeds.min, max: limits.seeds.max }),
      axis: fc.constantFrom(...costAxes),
      target: fc.option(finite(1e-300, 1e6).filter((v) => v > 0)),
    }),
    view: fc.option(fc.tuple(finite(-1e6, 1e6), finite(-1e6, 1e6), finite(-1e6, 1e6), finite(-1e6, 1e6))
      .filter(([a, b, c, d]) => drawableBox({ x: [a, b], y: [c, d] }))),
    runs: fc.uniqueArray(
      fc.record({
        id: fc.integer({ min: 0, max: 999 }),
        kind: fc.constantFrom(...kinds),
        lr: finite(1e-9, 100).filter((v) => v > 0),
        settings: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: mostSettings, maxLength: mostSettings }),
        schedule: fc.constantFrom(...scheduleKinds),
        timing: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: mostTiming, maxLength: mostTiming }),
        batchFraction: fc.double({ min: 0, max: 1, noNaN: true }),
        seed: fc.integer({ min: 0, max: limits.seed.max }),
        visible: fc.boolean(),
      }),
      { maxLength: limits.runs.max, selector: (r) => r.id },
    ),
  })
  .map((g) => {
    const s = defaultState();
    const id = g.fnIndex === testFunctions.length ? FORMULA_ID : testFunctions[g.fnIndex].id;
    s.fn = {
      id, params: id === 'quadratic' ? { kappa: g.kappa, theta: g.theta } : {}, formula: g.formula,
      samples: g.samples, noise: g.noise, noiseSeed: g.noiseSeed,
    };
    const n = buildFunction(s.fn).n;
    s.start = g.start;
    s.steps = g.steps;
    // A fraction of the way through a setting's range: any value its field accepts.
    const pick = (specs: Readonly<Record<string, SettingSpec>>, at: number[]) =>
      Object.fromEntries(Object.entries(specs).map(([name, spec], i) => {
        const v = spec.min + at[i] * (spec.max - spec.min);
        return [name, spec.integer ? Math.round(v) : spec.minExclusive && v === spec.min ? spec.max : v];
      }));
    s.runs = g.runs.map((r): RunState => {
      const def = optimizerDef(r.kind);
      const batch = !def.batch.choice ? (def.batch.size === 1 ? 1 : n) : 1 + Math.floor(r.batchFraction * (n - 1));
      return {
        id: r.id, kind: r.kind, lr: r.lr, params: pick(def.hyper, r.settings),
        schedule: { kind: r.schedule, params: pick(scheduleDef(r.schedule).params, r.timing) },
        batch, seed: r.seed, visible: r.visible,
      };
    });
    const view = g.view && { x: [g.view[0], g.view[1]] as Vec2, y: [g.view[2], g.view[3]] as Vec2 };
    return {
      state: s, playhead: g.playhead === null ? null : Math.min(g.playhead, g.steps - 1), view, lang: g.lang, embed: g.embed,
      // Only an embed link names the page it talks to.
      ...(g.embed && g.origin ? { origin: g.origin } : {}),
      show: { ...defaultShow(), ...g.cost },
    };
  });

describe('links', () => {
  it('encode then decode gives back every valid state exactly, with nothing dropped', () => {
    fc.assert(
      fc.property(validState, (link) => {
        const back = decode(encode(link));
        expect(back.dropped).toEqual([]);
        expect(back.state).toEqual(link.state);
        expect(back.playhead).toBe(link.playhead);
        expect(back.view).toEqual(link.view);
        expect(back.lang).toBe(link.lang);
        expect(back.embed ?? null).toEqual(link.embed);
        expect(back.origin).toBe(link.origin);
        expect(back.show).toEqual(link.show);
      }),
      { seed: 11, numRuns: 300 },
    );
  });

  it('opens the default page on an empty link', () => {
    expect(decode('')).toEqual({ state: defaultState(), playhead: null, view: null, show: defaultShow(), dropped: [] });
  });

  it('keeps numbers to the last digit', () => {
    const s = defaultState();
    s.runs[0].lr = 0.1 + 0.2;
    s.start = [Math.PI, -1 / 3];
    const back = decode(encode({ state: s, playhead: null, view: null })).state;
    expect(back.runs[0].lr).toBe(0.30000000000000004);
    expect(back.start).toEqual([Math.PI, -1 / 3]);
  });

  it('drops what it cannot use, says so, and keeps the rest', () => {
    const d = decode('fn=rosenbrock&steps=-5&start=1,zz&run=gd,id:0,lr:0.002&run=adadelta,id:1&run=momentum,id:2,lr:0,a:0.9&noise=NaN&view=1,0,0,1');
    expect(d.state.fn.id).toBe('rosenbrock');
    expect(d.state.steps).toBe(100);
    expect(d.state.runs).toHaveLength(1);
    expect(d.state.runs[0]).toMatchObject({ kind: 'gd', lr: 0.002 });
    expect(d.dropped).toEqual([
      'noise "NaN"', 'start "1,zz"', 'iterations "-5"', 'view "1,0,0,1"', 'run "adadelta,id:1"', 'run "momentum,id:2,lr:0,a:0.9"',
    ]);
  });

  it('names every part no setting reads: unknown keys, another function\'s parameters, a key given twice', () => {
    const cases: [string, string[]][] = [
      ['kapa=100', ['kapa "100"']],
      ['kappa=30&kappa=40', ['kappa "40"']],
      ['fn=rosenbrock&kappa=30&theta=5', ['kappa "30"', 'theta "5"']],
      ['fn=formula', ['formula ""']],
      ['steps=1,000', ['iterations "1,000"']],
      ['run=gd,id:0,lr:1,lr:2', ['run "gd,id:0,lr:1,lr:2"']],
      ['lang=ru&lang=en&steps=50&steps=60', ['lang "en"', 'steps "60"']],
    ];
    for (const [link, dropped] of cases) expect(decode(link).dropped, link).toEqual(dropped);
    expect(decode('kappa=30&kappa=40').state.fn.params.kappa).toBe(30);
    expect(decode('fn=formula').state.fn.id).toBe('quadratic');
    expect(decode('run=gd,id:0,lr:1,lr:2').state.runs).toEqual(defaultState().runs);
  });

  it('refuses a zoom or a box too narrow to draw, naming it', () => {
    for (const [key, value] of [['view', '0,5e-324,0,5e-324'], ['box', '0,1e-300,0,1e-300'], ['view', '1e6,1000000.0000001,0,1']]) {
      const d = decode(`fn=formula&formula=x^2%2By^2&${key}=${value}`);
      expect(d.dropped, value).toEqual([`${key} "${value}"`]);
      expect([d.view, d.state.fn.view ?? null]).toEqual([null, null]);
    }
    // A billionth of the size is still drawn.
    expect(decode('view=1,1.000000002,0,1e-9').view).toEqual({ x: [1, 1.000000002], y: [0, 1e-9] });
  });

  it('writes only keys it reads: every key of a full link is a setting\'s', () => {
    const s = defaultState();
    s.fn.view = { x: [-2, 2], y: [-1, 1] };
    s.fn.formula = 'x^2 + y^2';
    const link = encode({ state: s, playhead: 3, view: { x: [0, 1], y: [0, 1] }, lang: 'ru', map: 1, range: 1, embed: ['play'], origin: 'https://course.example', show: {
      ...defaultShow(), vectors: 2, cloud: true, field: true, rest: 'hidden', seeds: 4, axis: 'evals', target: 0.1,
      surface: 'beside', zaxis: 'log', azimuth: 30.5, elevation: 60, zoom: 1.5,
    } });
    const keys = new Set(new URLSearchParams(link).keys());
    for (const k of LINK_KEYS) expect(keys, k).toContain(k);
    expect(decode(link).dropped).toEqual([]);
  });

  it('carries the range test’s run as range=<id>, and drops one that names no run', () => {
    const s = defaultState();
    const id = s.runs[0].id;
    const link = encode({ state: s, playhead: null, view: null, range: id });
    expect(new URLSearchParams(link).get('range')).toBe(String(id));
    expect(decode(link).range).toBe(id);
    expect(encode({ state: s, playhead: null, view: null, range: 998 })).not.toContain('range=');
    expect(encode({ state: s, playhead: null, view: null })).not.toContain('range=');
    const bad = decode('range=998&steps=50');
    expect(bad.range).toBeUndefined();
    expect(bad.state.steps).toBe(50);
    expect(bad.dropped).toEqual(['range "998"']);
    expect(decode('range=x').dropped).toEqual(['range "x"']);
  });

  it('carries the language as lang=en or lang=ru, and names any other value it drops', () => {
    const s = defaultState();
    expect(encode({ state: s, playhead: null, view: null, lang: 'ru' })).toMatch(/&lang=ru$/);
    expect(encode({ state: s, playhead: null, view: null })).not.toContain('lang=');
    expect(decode('lang=ru').lang).toBe('ru');
    expect(decode('lang=en').lang).toBe('en');
    expect(decode('').lang).toBeUndefined();
    const bad = decode('lang=de&steps=50');
    expect(bad.lang).toBeUndefined();
    expect(bad.state.steps).toBe(50);
    expect(bad.dropped).toEqual(['language "de"']);
  });

  it('refuses a formula that does not parse, and never shows it as anything but text', () => {
    const d = decode(`fn=formula&formula=${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
    expect(d.state.fn.id).toBe('quadratic');
    expect(d.dropped).toEqual(['formula "<img src=x onerror=alert(1)>"']);
  });

  it('turns any string into a valid state without throwing', () => {
    const token = fc.constantFrom(
      'fn=', 'formula', 'quadratic', 'run=', 'gd', 'momentum', 'adam', 'id:', 'lr:', 'a:', 'B:', 'seed:', 'hide', 'steps=',
      'b1:', 'b2:', 'eps:', 'rho:', 'sched:', 'inverse', 'cosine', 'k:', 'T:', 'g:', 's:',
      'start=', 't=', 'N=', 'noise=', 'kappa=', 'embed=', 'play', 'loss', 'lr', 'a', 'rho',
      '&', ',', ':', '1e999', '-1', '0.5', 'NaN', '%', '%zz', '=', '<script>',
    );
    const link = fc.oneof(fc.string(), fc.array(token, { maxLength: 30 }).map((t) => t.join('')));
    fc.assert(
      fc.property(link, (text) => {
        const { state: s, playhead, view, embed } = decode(text);
        if (embed) {
          expect(embed.every((item) => embedItems.includes(item))).toBe(true);
          expect(new Set(embed).size).toBe(embed.length);
        }
        expect(Number.isInteger(s.steps) && s.steps >= 1 && s.steps <= 2000).toBe(true);
        expect(s.start.every(Number.isFinite)).toBe(true);
        expect(s.runs.length).toBeLessThanOrEqual(limits.runs.max);
        const n = buildFunction(s.fn).n;
        for (const r of s.runs) {
          expect(r.lr > 0 && r.lr <= 100).toBe(true);
          for (const [name, spec] of Object.entries(optimizerDef(r.kind).hyper)) {
            expect(r.params[name] >= spec.min && r.params[name] <= spec.max, name).toBe(true);
          }
          expect(Number.isInteger(r.batch) && r.batch >= 1 && r.batch <= n).toBe(true);
        }
        expect(playhead === null || (playhead >= 0 && playhead <= s.steps)).toBe(true);
        if (view) expect(view.x[0] < view.x[1] && view.y[0] < view.y[1]).toBe(true);
        expect(decode(encode({ state: s, playhead, view })).state).toEqual(s);
      }),
      { seed: 5, numRuns: 1000 },
    );
  });
});

describe('links, readable', () => {
  it('keep commas and colons as they are, and the default page fits in a short line', () => {
    const link = encode({ state: defaultState(), playhead: null, view: null });
    expect(link).toContain('run=gd,id:0,lr:1.8&run=momentum,id:1,lr:0.3,a:0.8');
    expect(decode(link).state).toEqual(defaultState());
  });

  it('keep the default runs when a link names runs and none is usable, and none for `run=` alone', () => {
    const bad = decode('run=gd,id:0,lr:-1');
    expect(bad.state.runs).toEqual(defaultState().runs);
    expect(bad.dropped).toEqual(['run "gd,id:0,lr:-1"']);
    expect(decode('run=').state.runs).toEqual([]);
  });
});

describe('links, what the contour shows', () => {
  it('carry the step vectors, the batch cloud, the field and the rest of the paths, and drop what they cannot use', () => {
    const show = { ...defaultShow(), vectors: 5, cloud: true, field: true, rest: 'hidden' as const };
    const link = encode({ state: defaultState(), playhead: 12, view: null, show });
    expect(link).toContain('&vec=5&cloud=1&field=1&rest=hidden');
    expect(decode(link).show).toEqual(show);
    expect(encode({ state: defaultState(), playhead: null, view: null, show: defaultShow() })).not.toMatch(/vec=|cloud=|field=|rest=/);
    const bad = decode('vec=99&cloud=yes&rest=none&field=0');
    expect(bad.show).toEqual({ ...defaultShow(), field: false });
    expect(bad.dropped).toEqual(['vectors "99"', 'cloud "yes"', 'rest "none"']);
    // One table holds every view setting's key: each its own, none shared with the state's.
    const keys = Object.values(viewSettings).map((k) => k.key);
    expect(keys).toEqual(['vec', 'cloud', 'field', 'rest', 'seeds', 'axis', 'target', 'd3', 'z', 'az', 'el', 'zoom']);
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of keys) expect(LINK_KEYS.filter((l) => l === k)).toHaveLength(1);
  });
});

describe('links, the cost of batch sizes', () => {
  const page = { state: defaultState(), playhead: null, view: null };

  it('carry the seeds, the loss plot\'s axis and the race\'s ε, and give them back exactly', () => {
    for (const [seeds, axis, target] of [[1, 'epochs', 1e-3], [64, 'evals', 0.1 + 0.2], [16, 'step', null]] as const) {
      const show = { ...defaultShow(), seeds, axis, target };
      const link = encode({ ...page, show });
      expect(decode(link)).toMatchObject({ show, dropped: [] });
    }
    expect(encode({ ...page, show: { ...defaultShow(), seeds: 8, axis: 'evals', target: 0.002 } })).toMatch(/&seeds=8&axis=evals&target=0\.002$/);
  });

  it('leave them out at their defaults, and a link without them opens as before', () => {
    expect(encode({ ...page, show: defaultShow() })).not.toMatch(/seeds=|axis=|target=/);
    const old = 'fn=quadratic&kappa=10&theta=0&N=64&noise=0.5&steps=100&run=sgd,id:3,lr:1&cloud=1';
    expect(decode(old).show).toEqual({ ...defaultShow(), cloud: true });
    expect(decode(old).dropped).toEqual([]);
  });

  it('drop a K outside 1 … 64, an unknown axis and an ε that is not positive, naming each', () => {
    const bad = decode('seeds=65&axis=time&target=0&steps=50');
    expect(bad.show).toEqual(defaultShow());
    expect(bad.state.steps).toBe(50);
    expect(bad.dropped).toEqual(['seeds "65"', 'axis "time"', 'target "0"']);
    expect(decode('seeds=0').dropped).toEqual(['seeds "0"']);
    expect(decode('seeds=2.5').dropped).toEqual(['seeds "2.5"']);
    expect(decode('target=-1e-3').dropped).toEqual(['target "-1e-3"']);
    expect(decode('seeds=64&target=1e-12').show).toMatchObject({ seeds: 64, target: 1e-12 });
  });
});

describe('links, embedded', () => {
  const page = { state: defaultState(), playhead: null, view: null };

  it('name what an embedded figure shows, in their order, at the end of the link', () => {
    const link = encode({ ...page, embed: ['a', 'play', 'lr'] });
    expect(link).toMatch(/&embed=a,play,lr$/);
    expect(decode(link).embed).toEqual(['a', 'play', 'lr']);
    expect(decode(link).state).toEqual(defaultState());
  });

  it('show the figure alone for `embed=`, and the full page without it', () => {
    expect(encode({ ...page, embed: [] })).toMatch(/&embed=$/);
    expect(decode('embed=')).toMatchObject({ embed: [], dropped: [] });
    expect(encode(page)).not.toContain('embed');
    expect(encode({ ...page, embed: null })).not.toContain('embed');
    expect(decode('steps=50').embed).toBeUndefined();
  });

  it('keep each item once, and drop and name the ones they do not know', () => {
    const d = decode('embed=lr,zoom,lr,a,,zoom,Play,play&steps=50');
    expect(d.embed).toEqual(['lr', 'a', 'play']);
    expect(d.state.steps).toBe(50);
    expect(d.dropped).toEqual(['embed "zoom"', 'embed "Play"']);
  });

  it('show hostile items as quoted text and still embed the figure', () => {
    const d = decode(`embed=${encodeURIComponent('<img src=x onerror=alert(1)>,lr')}&embed=loss`);
    // The first `embed` counts, as for every other key, and the second is named.
    expect(d.embed).toEqual(['lr']);
    expect(d.dropped).toEqual(['embed "<img src=x onerror=alert(1)>"', 'embed "loss"']);
    const long = decode(`embed=${'x'.repeat(5000)}`);
    expect(long.embed).toEqual([]);
    expect(long.dropped).toEqual([`embed "${'x'.repeat(40)}…"`]);
  });
});
