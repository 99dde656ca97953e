import { describe, expect, it } from 'vitest';
import type { Trajectory } from '../../src/core';
import { dictionaries, LANGS, presetText } from '../../src/i18n';
import { presets } from '../../src/state/presets';
import { race } from '../../src/state/race';
import { buildFunction, predictedRate, runTrajectories } from '../../src/state/scene';
import { seedTrajectories } from '../../src/state/seeds';
import { decode } from '../../src/state/url';
import { batchCloud, recentVectors, stepVectors } from '../../src/state/vectors';

function load(id: string) {
  const preset = presets.find((p) => p.id === id)!;
  const d = decode(preset.link);
  const fn = buildFunction(d.state.fn);
  return { ...d, fn, runs: runTrajectories(fn, d.state) };
}

/** The coordinate across the floor of the quadratic turned by θ degrees. */
const across = (t: Trajectory, theta: number) =>
  t.points.map(([x, y]) => -Math.sin((theta * Math.PI) / 180) * x + Math.cos((theta * Math.PI) / 180) * y);
const flips = (v: number[]) => v.slice(1).filter((x, i) => Math.sign(x) !== Math.sign(v[i])).length;
const travel = (v: number[]) => v.slice(1).reduce((s, x, i) => s + Math.abs(x - v[i]), 0);
const last = (t: Trajectory) => t.losses[t.losses.length - 1];

describe('the lecture presets', () => {
  it('are clean links with a title and a caption each', () => {
    expect(presets.map((p) => p.id)).toEqual(['ravine', 'inertia', 'nesterov', 'batch', 'cost', 'adam', 'warmup', 'stepsize']);
    for (const p of presets) {
      const d = decode(p.link);
      expect(d.dropped, p.id).toEqual([]);
      expect(d.state.runs.length, p.id).toBe(p.link.split('run=').length - 1);
      for (const lang of LANGS) {
        expect(presetText(dictionaries[lang], p.id).title.length, `${p.id} ${lang}`).toBeGreaterThan(5);
        expect(presetText(dictionaries[lang], p.id).caption.length, `${p.id} ${lang}`).toBeGreaterThan(20);
      }
    }
  });

  it('draw every path (to the playhead where the rest is hidden) and every step vector inside the view they open on', () => {
    for (const p of presets) {
      const { runs, state, fn, view, playhead, show } = load(p.id);
      const box = view ?? fn.view;
      const at = playhead ?? state.steps;
      const t = show?.rest === 'hidden' ? at : state.steps;
      runs.forEach((tr, i) => {
        // A run that diverges leaves any view: that is what it shows.
        if (tr.diverged) return;
        const pts = tr.points.slice(0, t + 1);
        if (show?.vectors) pts.push(...recentVectors(state.runs[i], tr, at, show.vectors).flatMap((v) => v.parts.flatMap((q) => [q.from, q.to])));
        for (const [x, y] of pts) {
          expect(x, `${p.id} run ${i}`).toBeGreaterThanOrEqual(box.x[0]);
          expect(x, `${p.id} run ${i}`).toBeLessThanOrEqual(box.x[1]);
          expect(y, `${p.id} run ${i}`).toBeGreaterThanOrEqual(box.y[0]);
          expect(y, `${p.id} run ${i}`).toBeLessThanOrEqual(box.y[1]);
        }
      });
    }
  });

  it('"Gradient descent in a ravine": GD crosses the floor at every step and is still far along it', () => {
    const { runs, state } = load('ravine');
    const v = across(runs[0], state.fn.params.theta);
    expect(flips(v)).toBe(v.length - 1);
    expect(runs[0].diverged).toBeNull();
    expect(Math.abs(runs[0].points.at(-1)![0])).toBeGreaterThan(0.1);
  });

  it('"Without inertia / with inertia": Momentum travels less across the ravine and ends lower', () => {
    const { runs, state } = load('inertia');
    const [gd, mom] = runs.map((t) => across(t, state.fn.params.theta));
    expect(travel(mom)).toBeLessThan(travel(gd) / 2);
    // Crossings of the floor that can be seen, a swing over 1 % of the start's height up the wall: Momentum's
    // (α = 0.5) dies out in a few, GD's (a factor −0.8 a step) goes on for twenty.
    const seen = (v: number[]) => flips(v.filter((x) => Math.abs(x) > 0.01 * Math.abs(v[0])));
    expect(seen(mom)).toBeLessThan(seen(gd) / 3);
    // Along the floor α = 0.5 gains little on GD (a rate of 0.921 a step against 0.928): at t = 80 it ends 2.6
    // times lower, 4.4·10⁻⁷ against 1.1·10⁻⁶ (α = 0.8 ended 10 times lower, but its arrows were too short to see).
    expect(last(runs[1])).toBeLessThan(last(runs[0]) / 2);
  });

  it('"Momentum vs Nesterov": the look-ahead damps the swing across the ravine', () => {
    const { runs, state, fn } = load('nesterov');
    const [mom, nes] = runs.map((t) => across(t, state.fn.params.theta));
    expect(travel(nes)).toBeLessThan(travel(mom) / 2);
    expect(predictedRate(fn, state.runs[0])).toBeCloseTo(0.949, 3);
    expect(predictedRate(fn, state.runs[1])).toBeCloseTo(0.939, 3);
  });

  it('"Which batch size to take?": the noise of the loss shrinks as the batch grows, GD smallest', () => {
    const { runs, state } = load('batch');
    expect(state.runs.map((r) => r.batch)).toEqual([1, 4, 16, 64]);
    const tail = runs.map((t) => t.losses.slice(50).reduce((a, b) => a + b) / 50);
    expect(tail[0]).toBeGreaterThan(tail[1]);
    expect(tail[1]).toBeGreaterThan(tail[2]);
    expect(tail[2]).toBeGreaterThan(tail[3]);
  });

  it('"Adam in a ravine": per-coordinate steps of about η, hardly a swing, and no edge once the ravine turns', () => {
    const { runs, state } = load('adam');
    expect(state.runs.map((r) => r.kind)).toEqual(['momentum', 'nesterov', 'adam']);
    const [mom, nes, adam] = runs.map((t) => across(t, 0));
    // It crosses the floor a few times (5) where Momentum and Nesterov cross it every few steps (16 each).
    expect(flips(adam)).toBeLessThanOrEqual(5);
    expect(flips(adam)).toBeLessThan(flips(mom) / 3);
    expect(flips(adam)).toBeLessThan(flips(nes) / 3);
    // The first step is η = 0.2 along each coordinate: a diagonal.
    const [p0, p1] = runs[2].points;
    expect(p1[0] - p0[0]).toBeCloseTo(0.2, 6);
    expect(p1[1] - p0[1]).toBeCloseTo(-0.2, 6);
    // The edge shows in the loss too: Adam ends lowest of the three, at t = 40 and at t = 80.
    for (const t of [40, 80]) expect(runs[2].losses[t]).toBeLessThan(Math.min(runs[0].losses[t], runs[1].losses[t]));
    // Turned by 20°, the same runs: Adam now ends far above Momentum.
    const turned = decode(presets.find((p) => p.id === 'adam')!.link.replace('theta=0', 'theta=20'));
    const fn = buildFunction(turned.state.fn);
    const [m, , a] = runTrajectories(fn, turned.state);
    expect(last(a)).toBeGreaterThan(10 * last(m));
  });

  it('"The step size matters": too small crawls, good converges, too large diverges', () => {
    const { runs } = load('stepsize');
    expect(runs.map((t) => t.diverged?.step ?? null)).toEqual([null, null, expect.any(Number)]);
    expect(last(runs[0])).toBeGreaterThan(0.05);
    expect(last(runs[1])).toBeLessThan(1e-3);
  });
});

describe('the presets that show the forces', () => {
  /** A number as a caption writes it in `lang`: `digits` significant digits, a decimal comma in Russian. */
  const say = (v: number, digits: number, lang: (typeof LANGS)[number]) => {
    const text = String(Number(v.toPrecision(digits)));
    return lang === 'ru' ? text.replace('.', ',') : text;
  };
  /** A vector's parts along the floor of the quadratic turned by θ degrees and across it. */
  const split = (from: [number, number], to: [number, number], theta: number) => {
    const [c, s] = [Math.cos((theta * Math.PI) / 180), Math.sin((theta * Math.PI) / 180)];
    const [dx, dy] = [to[0] - from[0], to[1] - from[1]];
    return { along: c * dx + s * dy, across: -s * dx + c * dy };
  };

  it('"Without / with inertia" opens at t = 3 with the last step\'s vectors: across the ravine they cancel, along it they add', () => {
    const d = decode(presets.find((p) => p.id === 'inertia')!.link);
    expect([d.playhead, d.show?.vectors, d.show?.rest]).toEqual([3, 1, 'hidden']);
    const fn = buildFunction(d.state.fn);
    const [gd, mom] = runTrajectories(fn, d.state);
    const v = stepVectors(d.state.runs[1], mom, 3)!;
    const [inertia, gradient] = v.parts.map((p) => split(p.from, p.to, d.state.fn.params.theta));
    // Opposite ways across (the sum is less than either), the same way along.
    expect(Math.sign(inertia.across)).toBe(-Math.sign(gradient.across));
    expect(Math.abs(inertia.across + gradient.across)).toBeLessThan(Math.min(Math.abs(inertia.across), Math.abs(gradient.across)));
    expect(Math.sign(inertia.along)).toBe(Math.sign(gradient.along));
    // GD's whole step crosses the ravine: it is almost all across.
    const g = stepVectors(d.state.runs[0], gd, 3)!;
    const gs = split(g.parts[0].from, g.parts[0].to, d.state.fn.params.theta);
    expect(Math.abs(gs.across)).toBeGreaterThan(10 * Math.abs(gs.along));
    // Momentum is lower at t = 3.
    expect(mom.losses[3]).toBeLessThan(gd.losses[3] / 1.5);
    const said = [
      `${Math.round(v.angle!)}°`, say(Math.abs(inertia.across), 2, 'en'), say(Math.abs(gradient.across), 2, 'en'), say(g.gradient, 2, 'en'),
      say(mom.losses[3], 2, 'en'), say(gd.losses[3], 2, 'en'),
    ];
    expect(said).toEqual(['164°', '0.53', '0.78', '2.3', '0.32', '0.62']);
    for (const lang of LANGS) {
      const { caption } = presetText(dictionaries[lang], 'inertia');
      for (const x of [Math.abs(inertia.across), Math.abs(gradient.across), g.gradient, mom.losses[3], gd.losses[3]]) expect(caption, lang).toContain(say(x, 2, lang));
      expect(caption).toContain(`${Math.round(v.angle!)}°`);
      expect(caption).toContain('t = 3');
      for (const x of [0.5, 0.9, 1.8]) expect(caption).toContain(say(x, 2, lang));
    }
  });

  it('"Momentum vs Nesterov" opens at t = 3: Nesterov\'s gradient step at the look-ahead is about twice Momentum\'s', () => {
    const d = decode(presets.find((p) => p.id === 'nesterov')!.link);
    expect([d.playhead, d.show?.vectors]).toEqual([3, 1]);
    const fn = buildFunction(d.state.fn);
    const [mom, nes] = runTrajectories(fn, d.state).map((tr, i) => stepVectors(d.state.runs[i], tr, 3)!);
    expect(nes.gradient / mom.gradient).toBeGreaterThan(1.8);
    expect(nes.lookahead).not.toBeNull();
    for (const lang of LANGS) {
      const { caption } = presetText(dictionaries[lang], 'nesterov');
      const fixed = (v: number) => (lang === 'ru' ? v.toFixed(2).replace('.', ',') : v.toFixed(2));
      expect(caption).toContain(`|η g| = ${fixed(mom.gradient)}`);
      expect(caption).toContain(`(${fixed(nes.gradient)})`);
    }
  });

  it('"Which batch size to take?" opens at t = 5 with the clouds: smaller for larger batches, none for GD', () => {
    const d = decode(presets.find((p) => p.id === 'batch')!.link);
    expect([d.playhead, d.show?.cloud]).toEqual([5, true]);
    const fn = buildFunction(d.state.fn);
    const clouds = runTrajectories(fn, d.state).map((tr, i) => batchCloud(fn, d.state.runs[i], tr, 5));
    const spread = (c: ReturnType<typeof batchCloud>) => Math.max(...c!.ellipse.map((p) => p[0])) - Math.min(...c!.ellipse.map((p) => p[0]));
    expect(spread(clouds[1])).toBeLessThan(spread(clouds[0]));
    expect(spread(clouds[2])).toBeLessThan(spread(clouds[1]));
    expect(clouds[3]).toBeNull();
  });
});

describe('"Which batch size to take? — the cost"', () => {
  const d = decode(presets.find((p) => p.id === 'cost')!.link);
  const fn = buildFunction(d.state.fn);
  const runs = runTrajectories(fn, d.state);
  const extras = seedTrajectories(fn, d.state, d.show!.seeds);
  const table = race(fn, d.state, runs, extras, d.show!.target!)!;
  const [gd, b16, b4, sgd] = table;

  it('races GD, batches of 16 and 4 and SGD at one η, with 16 seeds, on the evaluations axis, to ε = 10⁻⁴', () => {
    expect(d.state.runs.map((r) => [r.kind, r.batch, r.lr])).toEqual([['gd', 64, 0.5], ['minibatch', 16, 0.5], ['minibatch', 4, 0.5], ['sgd', 1, 0.5]]);
    expect(d.show).toMatchObject({ seeds: 16, axis: 'evals', target: 1e-4 });
  });

  it('has the numbers its caption says, in both languages', () => {
    expect([gd.steps, gd.evals, gd.seeds]).toEqual([79, 79 * 64, null]);
    expect(b16.seeds).toMatchObject({ k: 16, reached: 16, evals: { p50: 1304 } });
    expect(b4.seeds).toMatchObject({ reached: 13, evals: { p50: 668, p90: null } });
    expect(sgd.seeds).toMatchObject({ reached: 6, evals: { p50: null } });
    // Per step GD is first; per evaluation the order turns round, until SGD's noise floor.
    expect(b16.seeds!.steps.p50!).toBeGreaterThan(gd.steps!);
    expect(b4.seeds!.evals.p50!).toBeLessThan(b16.seeds!.evals.p50!);
    expect(b16.seeds!.evals.p50!).toBeLessThan(gd.evals!);
    for (const lang of LANGS) {
      const { caption } = presetText(dictionaries[lang], 'cost');
      for (const said of ['79', '5056', '1304', '668', '13', '6 ', '16', '300', '10⁻⁴']) expect(caption, `${lang} ${said}`).toContain(said);
      expect(caption).toContain(lang === 'ru' ? 'η = 0,5' : 'η = 0.5');
    }
  });
});

describe('"Why Adam warms up"', () => {
  const { runs, state, fn } = load('warmup');
  const [cold, warm] = runs;
  /** √v̂_T of Adam (β₂ = 0.999) from the gradients a run took, written out here apart from the rule's code. */
  const rootV = (t: Trajectory) => {
    const v = [0, 0];
    for (const g of t.gradients) for (const k of [0, 1]) v[k] = 0.999 * v[k] + 0.001 * g[k] * g[k];
    return v.map((x) => Math.sqrt(x / (1 - 0.999 ** t.gradients.length)));
  };
  const caption = (lang: (typeof LANGS)[number]) => presetText(dictionaries[lang], 'warmup').caption;
  const say = (v: number, lang: (typeof LANGS)[number]) => (lang === 'ru' ? String(v).replace('.', ',') : String(v));

  it('is Adam at η = 0.5 on Rosenbrock from (−1.5, 2.5), without and with a warmup of 20 steps, 300 steps each', () => {
    expect(state.fn.id).toBe('rosenbrock');
    expect(state.start).toEqual([-1.5, 2.5]);
    expect(state.steps).toBe(300);
    expect(state.runs.map((r) => [r.kind, r.lr, r.schedule.kind, r.schedule.params.warmup])).toEqual([['adam', 0.5, 'constant', 0], ['adam', 0.5, 'constant', 20]]);
    expect(state.runs.map((r) => r.params)).toEqual([{ beta1: 0.9, beta2: 0.999, eps: 1e-8 }, { beta1: 0.9, beta2: 0.999, eps: 1e-8 }]);
    expect(warm.lrs.slice(0, 3)).toEqual([0.025, 0.05, 0.075]);
  });

  it('has the numbers its caption says, in both languages', () => {
    expect(cold.losses[0].toPrecision(3)).toBe('12.5');
    // The first step is η along each coordinate: (−1.5, 2.5) − 0.5 (1, 1) = (−2, 2), far up the wall.
    expect(cold.points[1][0]).toBeCloseTo(-2, 6);
    expect(cold.points[1][1]).toBeCloseTo(2, 6);
    expect(Math.round(cold.losses[1])).toBe(409);
    expect(Math.round(Math.max(...cold.gradients.map(([x, y]) => Math.hypot(x, y))))).toBe(1655);
    expect(Math.round(Math.hypot(...fn.grad(cold.points[1])))).toBe(1655);
    // √v̂ after 300 steps: about 5 times larger without the warmup, in each coordinate.
    const [c, w] = [rootV(cold), rootV(warm)];
    for (const k of [0, 1]) expect(Math.round(c[k] / w[k])).toBe(5);
    // The warmed-up run never climbs above its start; the cold one ends far higher.
    expect(Math.max(...warm.losses)).toBe(warm.losses[0]);
    const [endCold, endWarm] = [cold, warm].map((t) => Number(last(t).toPrecision(2)));
    expect([endCold, endWarm]).toEqual([0.33, 0.00028]);
    expect(cold.diverged).toBeNull();
    for (const lang of LANGS) {
      const text = caption(lang);
      for (const v of [0.5, 12.5, 409, 1655, 0.999, 300, 0.33, 0.00028]) expect(text, `${lang} ${v}`).toContain(say(v, lang));
      expect(text).toContain('W = 20');
      expect(text).toContain(lang === 'ru' ? '(−2; 2)' : '(−2, 2)');
      expect(text).toMatch(/5 times|в 5 раз/);
    }
  });
});
