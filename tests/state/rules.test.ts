// The optimizer table as the playground uses it: new runs, changes, labels, theory, and old links.
import { describe, expect, it } from 'vitest';
import { optimizerDef, optimizerKinds } from '../../src/core';
import { addRun, changeRun, nudgeRun } from '../../src/state/actions';
import { defaultState } from '../../src/state/defaults';
import { runLabel } from '../../src/state/labels';
import { presets } from '../../src/state/presets';
import { buildFunction, lrMarks, lrRange, predictedRate, runTrajectories, stepSizes } from '../../src/state/scene';
import { fromPosition, nudge, settingSlider, toPosition } from '../../src/state/sliders';
import { decode, encode } from '../../src/state/url';

const withRun = (kind: (typeof optimizerKinds)[number]) => {
  const s = defaultState();
  addRun(s, kind);
  return { s, run: s.runs[3], fn: buildFunction(s.fn) };
};

describe('a new run of each rule', () => {
  it.each(optimizerKinds)('%s: every setting of its table entry at its default, η suited to the function', (kind) => {
    const { run, fn } = withRun(kind);
    const def = optimizerDef(kind);
    expect(Object.keys(run.params).sort()).toEqual(Object.keys(def.hyper).sort());
    for (const [name, spec] of Object.entries(def.hyper)) expect(run.params[name], name).toBe(spec.default);
    expect(run.lr).toBe(lrRange(fn, kind).default);
    expect(run.schedule).toEqual({ kind: 'constant', params: { warmup: 0 } });
    expect(runTrajectories(fn, { ...defaultState(), runs: [run] })[0].diverged, kind).toBeNull();
  });

  it('measures η in units of 1/L for the gradient rules (to twice as far with inertia) and as a length for the adaptive ones', () => {
    const fn = buildFunction(defaultState().fn); // the 6 × 4 view
    expect(lrRange(fn, 'gd')).toEqual(fn.lr);
    expect(lrRange(fn, 'momentum')).toEqual({ ...fn.lr, max: 2 * fn.lr.max });
    expect(lrRange(fn, 'adam')).toEqual({ min: 0.0006, max: 6, default: 0.3 });
  });
});

describe('changes through actions', () => {
  it('set a setting, a schedule with its defaults, and a schedule setting; leave other runs alone', () => {
    const { s, run } = withRun('adam');
    const before = structuredClone(s.runs.slice(0, 3));
    changeRun(s, run.id, { param: 'beta2', value: 0.99 });
    changeRun(s, run.id, { schedule: 'step' });
    expect(s.runs[3].schedule).toEqual({ kind: 'step', params: { gamma: 0.5, every: 20, warmup: 0 } });
    changeRun(s, run.id, { scheduleParam: 'every', value: 5 });
    expect(s.runs[3].params.beta2).toBe(0.99);
    expect(s.runs[3].schedule.params.every).toBe(5);
    expect(s.runs.slice(0, 3)).toEqual(before);
    expect(stepSizes(s.runs[3], 6)).toEqual([0.3, 0.3, 0.3, 0.3, 0.15, 0.15]);
  });
  it('keep a warmup when the decay after it changes, and start a new one at W = 0', () => {
    const { s, run } = withRun('adamw');
    changeRun(s, run.id, { scheduleParam: 'warmup', value: 4 });
    expect(stepSizes(s.runs[3], 5)).toEqual([0.075, 0.15, 0.22499999999999998, 0.3, 0.3]);
    changeRun(s, run.id, { schedule: 'cosine' });
    expect(s.runs[3].schedule).toEqual({ kind: 'cosine', params: { floor: 0, period: 100, warmup: 4 } });
    changeRun(s, run.id, { schedule: 'constant' });
    expect(s.runs[3].schedule).toEqual({ kind: 'constant', params: { warmup: 4 } });
    expect(s.runs.slice(0, 3).map((r) => r.schedule.params.warmup)).toEqual([0, 0, 0]);
  });
  it('nudge η or the rule\'s knob (α, β₁) along its slider, and leave a rule without a knob its settings', () => {
    const { s, run, fn } = withRun('adam');
    const lr = { ...lrRange(fn, 'adam'), scale: 'log' as const };
    const before = run.lr;
    nudgeRun(s, fn, run.id, 'lr', 10);
    expect(s.runs[3].lr).toBe(fromPosition(toPosition(before, lr) + 10, lr));
    expect(s.runs[3].lr).toBeGreaterThan(before);
    // β₁ from 0.9 to 0.99: a decade of 1 − β₁, a third of its slider.
    nudgeRun(s, fn, run.id, 'knob', 333);
    expect(s.runs[3].params.beta1).toBe(0.99);
    nudgeRun(s, fn, 1, 'knob', 1000);
    expect(s.runs[1].params.alpha).toBe(0.999);
    const gd = structuredClone(s.runs[0]);
    nudgeRun(s, fn, 0, 'knob', 10);
    expect(s.runs[0]).toEqual(gd);
  });
});

describe('labels', () => {
  it('name α always and the adaptive rules\' settings only where they differ from torch\'s defaults', () => {
    const { s, run } = withRun('adam');
    expect(runLabel(run, 32)).toBe('Adam η=0.3');
    changeRun(s, run.id, { param: 'beta1', value: 0 });
    changeRun(s, run.id, { schedule: 'inverse' });
    expect(runLabel(s.runs[3], 32)).toBe('Adam η=0.3 β₁=0 (η/(1+kt) k=0.05)');
    expect(runLabel(s.runs[3], 32, 'ru')).toBe('Adam η=0,3 β₁=0 (η/(1+kt) k=0,05)');
    expect(runLabel(defaultState().runs[1], 32)).toBe('Momentum η=0.3 α=0.8');
    // A warmup is named only where there is one, after the schedule's own settings.
    changeRun(s, run.id, { scheduleParam: 'warmup', value: 10 });
    expect(runLabel(s.runs[3], 32)).toBe('Adam η=0.3 β₁=0 (η/(1+kt) k=0.05 W=10)');
    changeRun(s, run.id, { schedule: 'constant' });
    expect(runLabel(s.runs[3], 32)).toBe('Adam η=0.3 β₁=0 (constant W=10)');
  });
});

describe('theory', () => {
  it('predicts a rate only for rules that have one, on full batches and a constant step', () => {
    const { s, run, fn } = withRun('adam');
    expect(predictedRate(fn, run)).toBeNull();
    expect(predictedRate(fn, s.runs[1])).not.toBeNull();
    changeRun(s, 1, { schedule: 'cosine' });
    expect(predictedRate(fn, s.runs[1])).toBeNull();
    changeRun(s, 1, { schedule: 'constant' });
    expect(predictedRate(fn, s.runs[1])).not.toBeNull();
    // A warmup makes η_t change with t even before a constant step.
    changeRun(s, 1, { scheduleParam: 'warmup', value: 3 });
    expect(predictedRate(fn, s.runs[1])).toBeNull();
    changeRun(s, 1, { scheduleParam: 'warmup', value: 0 });
    changeRun(s, 1, { batch: 4 });
    expect(predictedRate(fn, s.runs[1])).toBeNull();
  });
});

describe('links', () => {
  // Links as the first release wrote them: each must open exactly as it did, and read back the same.
  const old = [
    ...presets.filter((p) => p.id !== 'adam').map((p) => p.link),
    'fn=quadratic&kappa=25&theta=20&steps=80&run=gd,id:0,lr:1.8&run=momentum,id:1,lr:0.36,a:0.8',
    'fn=quadratic&kappa=25&theta=20&formula=x%5E2+%2B+10*y%5E2&N=32&noise=0.3&nseed=1&start=-2.9,0.27&steps=100&t=40&run=gd,id:0,lr:1.8&run=momentum,id:1,lr:0.3,a:0.8,B:4,seed:9,hide&run=nesterov,id:2,lr:0.3,a:0.8',
  ];
  it.each(old)('%s opens with nothing dropped and reads back as it was written', (link) => {
    const d = decode(link);
    expect(d.dropped).toEqual([]);
    for (const r of d.state.runs) expect(r.schedule.kind).toBe('constant');
    const again = decode(encode({ state: d.state, playhead: d.playhead, view: d.view }));
    expect(again.state).toEqual(d.state);
  });

  // Links with schedules as the release before warmups wrote them, with where their runs ended and their first
  // and last η_t as that release computed them (its src/ run by tsx): the same link back and the same paths.
  const scheduled = [
    {
      link: 'fn=quadratic&kappa=20&theta=0&N=32&noise=0.3&nseed=1&start=-2.5,1.2&steps=120&run=gd,id:0,lr:1,sched:inverse,k:0.05&run=momentum,id:1,lr:0.3,a:0.8,B:4,sched:step,g:0.5,s:20&run=adam,id:3,lr:0.3,b2:0.99,sched:cosine,r:0.1,T:100&run=sgd,id:4,lr:0.5,sched:cosine,r:0,T:50',
      ends: [[-0.3571428571428571, 1.450740453660123e-24], [-0.0212602975315977, 0.004079041308416827], [0.0018235738941143728, 0.0010747689031320202], [-1.252640685496086, -0.06464669101083786]],
      lrs: [[0.9523809523809523, 0.14285714285714285], [0.3, 0.0046875], [0.2999333856493737, 0.03], [0.49950668210706783, 0]],
    },
    {
      link: 'fn=rosenbrock&N=32&noise=0&nseed=1&start=-1.5,2&steps=300&run=adam,id:0,lr:0.05,sched:step,g:0.9,s:30&run=rmsprop,id:1,lr:0.01,sched:inverse,k:0.01',
      ends: [[-0.8748657568256186, 0.7709119943992097], [-1.2330096881452395, 1.5269170200336672]],
      lrs: [[0.05, 0.01743392200500001], [0.009900990099009901, 0.0025]],
    },
  ];
  it.each(scheduled)('a link with schedules from before warmups opens to the same paths, to the last digit, and reads back as written', ({ link, ends, lrs }) => {
    const d = decode(link);
    expect(d.dropped).toEqual([]);
    for (const r of d.state.runs) expect(r.schedule.params.warmup).toBe(0);
    expect(encode({ state: d.state, playhead: d.playhead, view: d.view })).toBe(link);
    const runs = runTrajectories(buildFunction(d.state.fn), d.state);
    expect(runs.map((t) => t.points[t.points.length - 1])).toEqual(ends);
    expect(runs.map((t) => [t.lrs[0], t.lrs[t.lrs.length - 1]])).toEqual(lrs);
  });

  it('write a warmup as W after the schedule\'s own settings, only where there is one; refuse one out of range', () => {
    const { s, run } = withRun('adamw');
    changeRun(s, run.id, { scheduleParam: 'warmup', value: 5 });
    const warmOnly = encode({ state: s, playhead: null, view: null });
    expect(warmOnly).toContain('run=adamw,id:3,lr:0.3,sched:constant,W:5');
    expect(decode(warmOnly).state).toEqual(s);
    changeRun(s, run.id, { schedule: 'cosine' });
    const link = encode({ state: s, playhead: null, view: null });
    expect(link).toContain('run=adamw,id:3,lr:0.3,sched:cosine,r:0,T:100,W:5');
    expect(decode(link).state).toEqual(s);
    changeRun(s, run.id, { scheduleParam: 'warmup', value: 0 });
    expect(encode({ state: s, playhead: null, view: null }).endsWith('run=adamw,id:3,lr:0.3,sched:cosine,r:0,T:100')).toBe(true);
    // W:0 written by hand is no warmup, as its absence is.
    expect(decode('run=gd,id:0,lr:1,sched:step,g:0.5,s:20,W:0').state.runs[0].schedule.params).toEqual({ gamma: 0.5, every: 20, warmup: 0 });
    // The one-cycle: its T and p always, and no warmup (its rise is one).
    changeRun(s, run.id, { schedule: 'onecycle' });
    expect(s.runs[3].schedule).toEqual({ kind: 'onecycle', params: { period: 100, peak: 0.3 } });
    const cycle = encode({ state: s, playhead: null, view: null });
    expect(cycle.endsWith('run=adamw,id:3,lr:0.3,sched:onecycle,T:100,p:0.3')).toBe(true);
    expect(decode(cycle).state).toEqual(s);
    expect(runLabel(s.runs[3], 32)).toBe('AdamW η=0.3 (one-cycle T=100 p=0.3)');
    for (const bad of [
      'gd,id:0,lr:1,sched:cosine,W:-1', 'gd,id:0,lr:1,sched:cosine,W:2.5', 'gd,id:0,lr:1,W:10001', 'gd,id:0,lr:1,W:x',
      'gd,id:0,lr:1,sched:onecycle,W:5', 'gd,id:0,lr:1,sched:onecycle,p:0.95',
    ]) {
      expect(decode(`run=${bad}`).dropped, bad).toEqual([`run "${bad}"`]);
    }
  });

  it('an old link\'s α on a rule without one is checked and ignored, as before', () => {
    expect(decode('run=gd,id:0,lr:1,a:0.5').dropped).toEqual([]);
    expect(decode('run=gd,id:0,lr:1,a:2').dropped).toEqual(['run "gd,id:0,lr:1,a:2"']);
  });

  it('write the adaptive rules\' settings and a schedule in short readable keys', () => {
    const { s, run } = withRun('adam');
    changeRun(s, run.id, { param: 'beta2', value: 0.99 });
    changeRun(s, run.id, { param: 'eps', value: 1e-6 });
    changeRun(s, run.id, { schedule: 'cosine' });
    const link = encode({ state: s, playhead: null, view: null });
    expect(link).toContain('run=adam,id:3,lr:0.3,b2:0.99,eps:0.000001,sched:cosine,r:0,T:100');
    expect(decode(link).state).toEqual(s);
  });

  it('drop a run whose setting is out of range or whose schedule is unknown, and say so', () => {
    for (const bad of ['adam,id:3,lr:0.1,b1:1', 'adam,id:3,lr:0.1,eps:0', 'rmsprop,id:3,lr:0.1,rho:-1', 'gd,id:3,lr:1,sched:warm', 'gd,id:3,lr:1,sched:inverse,k:-1', 'gd,id:3,lr:1,k:0.1']) {
      expect(decode(`run=${bad}`).dropped, bad).toEqual([`run "${bad}"`]);
    }
  });
});

describe('slider scales', () => {
  it('log(1 − v) gives 0.9, 0.99 and 0.999 equal room and reads back what a person would type', () => {
    const alpha = { min: 0, max: 0.999, scale: 'log1m' as const };
    const at = [0.9, 0.99, 0.999].map((v) => toPosition(v, alpha));
    expect(Math.abs(at[1] - at[0] - (at[2] - at[1]))).toBeLessThanOrEqual(1);
    expect(at[2]).toBe(1000);
    expect(fromPosition(at[0], alpha)).toBe(0.9);
    expect(fromPosition(at[1], alpha)).toBe(0.99);
    expect(fromPosition(0, alpha)).toBe(0);
  });
  it('log and linear scales round to three digits or to whole numbers', () => {
    expect(fromPosition(500, { min: 1e-4, max: 1, scale: 'log' })).toBe(0.01);
    expect(toPosition(0.01, { min: 1e-4, max: 1, scale: 'log' })).toBe(500);
    expect(fromPosition(333, { min: 1, max: 64, scale: 'linear', integer: true })).toBe(22);
    expect(toPosition(1e9, { min: 1, max: 64, scale: 'linear' })).toBe(1000);
  });
  it('a key press nudges a value along its slider and stops at the ends; a setting\'s slider is its own', () => {
    const lr = { min: 1e-4, max: 1, scale: 'log' as const };
    // 10 positions of 1,000 over four decades: a factor of 10^0.04.
    expect(nudge(0.01, lr, 10)).toBe(Number((0.01 * 10 ** 0.04).toPrecision(3)));
    expect(nudge(0.01, lr, -10)).toBe(Number((0.01 * 10 ** -0.04).toPrecision(3)));
    expect(nudge(0.99, lr, 10)).toBe(1);
    expect(nudge(1e-4, lr, -10)).toBe(1e-4);
    const alpha = settingSlider(optimizerDef('momentum').hyper.alpha);
    expect(alpha).toEqual({ min: 0, max: 0.999, scale: 'log1m', integer: undefined });
    expect(nudge(0.9, alpha, 333)).toBe(0.99);
    // ε's slider stops at 10⁻¹² where its field may go to 0 (exclusive).
    expect(settingSlider(optimizerDef('adam').hyper.eps)).toMatchObject({ min: 1e-12, max: 1, scale: 'log' });
  });
});

describe('the η slider\'s marks', () => {
  it('put theory\'s edge of stability on quadratics: 2/L, 2(1 + α)/L, 2(1 + α)/((1 + 2α) L)', () => {
    const s = defaultState(); // κ = 25, L = 1; GD, and Momentum and Nesterov with α = 0.8
    const fn = buildFunction(s.fn);
    expect(lrMarks(fn, s.runs[0])).toEqual([{ value: 2, label: '2/L' }]);
    expect(lrMarks(fn, s.runs[1])).toEqual([{ value: 3.6, label: '2(1+α)/L' }]);
    expect(lrMarks(fn, s.runs[2])[0].value).toBeCloseTo(3.6 / 2.6, 14);
    addRun(s, 'adam');
    expect(lrMarks(fn, s.runs[3])).toEqual([]);
    const rosen = buildFunction({ ...s.fn, id: 'rosenbrock', params: {} });
    expect(lrMarks(rosen, s.runs[0])).toEqual([]);
  });
});
