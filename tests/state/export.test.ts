import { describe, expect, it } from 'vitest';
import type { Trajectory } from '../../src/core';
import { addRun, changeRun, selectFunction } from '../../src/state/actions';
import { defaultState } from '../../src/state/defaults';
import { CSV_COLUMNS, csvField, figureFileName, runsCsv, runsData, runsJson } from '../../src/state/export';
import { FORMULA_ID } from '../../src/state/playground';
import { buildFunction, runTrajectories, stepSizes } from '../../src/state/scene';
import { runBands, seedTrajectories } from '../../src/state/seeds';
import { decode } from '../../src/state/url';

/** A small RFC 4180 reader: fields, quoted fields with "" and line breaks inside. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else field += c;
  }
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  return rows;
}

function scene(edit?: (s: ReturnType<typeof defaultState>) => void) {
  const s = defaultState();
  edit?.(s);
  const fn = buildFunction(s.fn);
  return { s, fn, runs: runTrajectories(fn, s) };
}

describe('runsCsv', () => {
  const { s, fn, runs } = scene();
  const rows = parseCsv(runsCsv(s, runs, fn));

  it('has the header line and one row per iterate of every run', () => {
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows[0].join(',')).toBe('run,optimizer,lr,alpha,batch,seed,step,x,y,loss,beta1,beta2,eps,rho,schedule,lr_t,gx,gy,ex,ey,hx,hy,evals,loss_p10,loss_p50,loss_p90,lambda');
    const total = runs.reduce((n, t) => n + t.points.length, 0);
    expect(total).toBe(3 * (s.steps + 1));
    expect(rows).toHaveLength(1 + total);
    expect(rows.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
  });

  it('writes every number so that Number() reads back the same double', () => {
    let k = 1;
    s.runs.forEach((run, i) => {
      runs[i].points.forEach(([x, y], t) => {
        const [id, kind, lr, , , , step, rx, ry, loss] = rows[k++];
        expect([Number(id), kind, Number(lr), Number(step)]).toEqual([run.id, run.kind, run.lr, t]);
        expect(Object.is(Number(rx), x) && Object.is(Number(ry), y)).toBe(true);
        expect(Object.is(Number(loss), runs[i].losses[t])).toBe(true);
      });
    });
    expect(k).toBe(rows.length);
  });

  it('leaves α empty for GD and the seed empty for full-gradient runs; gives every run its real batch', () => {
    const at = (id: number) => rows.find((r) => r[0] === String(id))!;
    expect(at(0).slice(1, 6)).toEqual(['gd', '1.8', '', String(fn.n), '']);
    expect(at(1).slice(1, 6)).toEqual(['momentum', '0.3', '0.8', String(fn.n), '']);
    const mb = scene((x) => addRun(x, 'minibatch'));
    const row = parseCsv(runsCsv(mb.s, mb.runs, mb.fn)).find((r) => r[1] === 'minibatch')!;
    const run = mb.s.runs[3];
    expect(row.slice(3, 6)).toEqual(['', String(run.batch), String(run.seed)]);
    const sgd = scene((x) => addRun(x, 'sgd'));
    expect(parseCsv(runsCsv(sgd.s, sgd.runs, sgd.fn)).find((r) => r[1] === 'sgd')!.slice(4, 6)).toEqual(['1', String(sgd.s.runs[3].seed)]);
  });

  it('leaves out hidden runs, as the figures do', () => {
    const h = scene((x) => (x.runs[1].visible = false));
    const ids = new Set(parseCsv(runsCsv(h.s, h.runs, h.fn)).slice(1).map((r) => r[0]));
    expect([...ids]).toEqual(['0', '2']);
  });

  it('stops a diverged run at its last finite iterate', () => {
    const d = scene((x) => (x.runs[0].lr = 50));
    expect(d.runs[0].diverged).not.toBeNull();
    const gd = parseCsv(runsCsv(d.s, d.runs, d.fn)).filter((r) => r[0] === '0');
    expect(gd).toHaveLength(d.runs[0].points.length);
    expect(gd.every((r) => r.slice(7).every((v) => Number.isFinite(Number(v))))).toBe(true);
  });

  it('keeps −0 and extreme doubles exact', () => {
    const t: Trajectory = {
      points: [[-0, 5e-324], [1.7976931348623157e308, 0.1 + 0.2]],
      losses: [Number.MIN_VALUE, 1 / 3], velocities: null, diverged: null,
      gradients: [[1, 2]], gradientPoints: [[-0, 5e-324]], lrs: [1.8],
    };
    const one = scene((x) => (x.runs = [x.runs[0]]));
    const r = parseCsv(runsCsv(one.s, [t], one.fn));
    expect(Object.is(Number(r[1][7]), -0)).toBe(true);
    expect(Number(r[1][8])).toBe(5e-324);
    expect(Number(r[2][7])).toBe(1.7976931348623157e308);
    expect(Number(r[2][8])).toBe(0.1 + 0.2);
    expect(Number(r[2][9])).toBe(1 / 3);
  });

  it('quotes a field only when RFC 4180 asks for it', () => {
    expect(csvField('momentum')).toBe('momentum');
    expect(csvField('1e-7')).toBe('1e-7');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    const line = ['x,y', 'say "hi"', 'two\nlines', 'plain'].map(csvField).join(',') + '\n';
    expect(parseCsv(line)).toEqual([['x,y', 'say "hi"', 'two\nlines', 'plain']]);
  });

  it('refuses trajectories that do not match the runs', () => {
    expect(() => runsCsv(s, runs.slice(1), fn)).toThrow(/one trajectory per run/);
  });
});

describe('runsJson', () => {
  it('parses, names the function and the start, and holds each run\'s arrays exactly', () => {
    const { s, fn, runs } = scene();
    const j = JSON.parse(runsJson(s, runs, fn));
    expect(j.function).toEqual({ id: 'quadratic', params: { kappa: 25, theta: 20 }, formula: null, samples: fn.n, noise: s.fn.noise, noiseSeed: 1, fMin: fn.fMin });
    expect(j.start).toEqual(s.start);
    expect(j.steps).toBe(s.steps);
    expect(j.runs.map((r: { optimizer: string }) => r.optimizer)).toEqual(['gd', 'momentum', 'nesterov']);
    j.runs.forEach((r: Record<string, unknown>, i: number) => {
      const t = runs[i];
      expect(r.run).toBe(s.runs[i].id);
      expect(r.lr).toBe(s.runs[i].lr);
      expect(r.step).toEqual(t.points.map((_, k) => k));
      expect(r.x).toEqual(t.points.map((p) => p[0]));
      expect(r.y).toEqual(t.points.map((p) => p[1]));
      expect(r.loss).toEqual(t.losses);
      expect(r.diverged).toBeNull();
    });
    expect(j.runs[0]).toMatchObject({ label: 'GD η=1.8', alpha: null, batch: fn.n, seed: null });
    expect(j.runs[1]).toMatchObject({ label: 'Momentum η=0.3 α=0.8', alpha: 0.8 });
    expect(runsData(s, runs, fn)).toEqual(j);
  });

  it('gives a typed formula, an unknown minimum as null, and a diverged run\'s step', () => {
    const { s, fn, runs } = scene((x) => {
      x.fn.formula = 'x^2 + 3*y^2';
      selectFunction(x, FORMULA_ID);
      x.runs[0].lr = 5;
    });
    const j = JSON.parse(runsJson(s, runs, fn));
    expect(j.function).toMatchObject({ id: 'formula', formula: 'x^2 + 3*y^2', fMin: null, params: {} });
    expect(j.runs[0].diverged).toBe(runs[0].diverged!.step);
    expect(j.runs[0].x).toHaveLength(runs[0].points.length);
  });

  it.each([
    ['every run whole', (x: ReturnType<typeof defaultState>) => x],
    ['GD and Momentum diverging midway', (x: ReturnType<typeof defaultState>) => ((x.runs[0].lr = 50), (x.runs[1].lr = 50))],
    ['every run diverging at its start (f = +∞ there)', (x: ReturnType<typeof defaultState>) => {
      x.fn.formula = '1/x + y^2';
      selectFunction(x, FORMULA_ID);
      x.start = [0, 1];
    }],
  ])('gives each run parallel arrays of one length, for pandas: %s', (_, edit) => {
    const { s, fn, runs } = scene(edit);
    const j = runsData(s, runs, fn);
    const lengths = j.runs.map((r) => [r.step, r.x, r.y, r.loss, r.lr_t, r.gx, r.gy, r.ex, r.ey, r.evals, ...(r.hx ? [r.hx, r.hy!] : [])].map((a) => a.length));
    j.runs.forEach((r, i) => expect(lengths[i], r.label).toEqual(lengths[i].map(() => runs[i].points.length)));
    expect(j.runs.some((r) => r.hx !== null)).toBe(true);
  });

  it('writes a run that diverged at its start as empty arrays and its step 0', () => {
    const { s, fn, runs } = scene((x) => {
      x.fn.formula = '1/x + y^2';
      selectFunction(x, FORMULA_ID);
      x.start = [0, 1];
    });
    const r = runsData(s, runs, fn).runs[1];
    expect(r).toMatchObject({ diverged: 0, step: [], x: [], lr_t: [], gx: [], hx: [], evals: [] });
  });
});

describe('figureFileName', () => {
  const { s } = scene();

  it('says what the figure is: kind, function and parameters, the optimizers, the scale', () => {
    expect(figureFileName('contour', s, 'png', 2)).toBe('ravine-contour-quadratic-k25-rot20-gd-momentum-nesterov@2x.png');
    expect(figureFileName('contour', s, 'png', 1)).toBe('ravine-contour-quadratic-k25-rot20-gd-momentum-nesterov.png');
    expect(figureFileName('loss', s, 'svg')).toBe('ravine-loss-quadratic-k25-rot20-gd-momentum-nesterov.svg');
    expect(figureFileName('runs', s, 'csv')).toBe('ravine-runs-quadratic-k25-rot20-gd-momentum-nesterov.csv');
  });

  it('names each visible rule once, and writes numbers without dots or signs', () => {
    const t = scene((x) => {
      x.fn.params = { kappa: 2.5, theta: -45 };
      x.runs[1].visible = false;
      addRun(x, 'gd');
    }).s;
    expect(figureFileName('runs', t, 'json')).toBe('ravine-runs-quadratic-k2p5-rotm45-gd-nesterov.json');
  });

  it('is short and filesystem-safe for every function, a formula included', () => {
    const f = scene((x) => {
      x.fn.formula = 'sin(x) / (y^2 + 1) + x*y';
      selectFunction(x, FORMULA_ID);
    }).s;
    expect(figureFileName('contour', f, 'png', 3)).toBe('ravine-contour-formula-gd-momentum-nesterov@3x.png');
    const none = scene((x) => (x.runs = [])).s;
    expect(figureFileName('loss', none, 'SVG')).toBe('ravine-loss-quadratic-k25-rot20.svg');
    for (const name of [figureFileName('contour', s, 'png', 3), figureFileName('runs', f, 'json')]) {
      expect(name).toMatch(/^[a-z0-9-]+(@\dx)?\.[a-z]+$/);
      expect(name.length).toBeLessThan(80);
    }
  });
});

describe('the adaptive rules and schedules in the data files', () => {
  const { s, fn, runs } = scene((x) => {
    addRun(x, 'adam');
    changeRun(x, 3, { param: 'beta2', value: 0.99 });
    changeRun(x, 0, { schedule: 'step' });
    addRun(x, 'adamw');
  });

  it('CSV: each rule\'s settings in their own columns, the schedule in words and η_t on every row', () => {
    const rows = parseCsv(runsCsv(s, runs, fn));
    const col = (name: string) => CSV_COLUMNS.indexOf(name as (typeof CSV_COLUMNS)[number]);
    const adam = rows.filter((r) => r[1] === 'adam');
    expect(adam).toHaveLength(runs[3].points.length);
    expect([adam[0][col('alpha')], adam[0][col('beta1')], adam[0][col('beta2')], adam[0][col('eps')], adam[0][col('rho')]])
      .toEqual(['', '0.9', '0.99', '1e-8', '']);
    const gd = rows.filter((r) => r[1] === 'gd');
    expect(gd[0][col('schedule')]).toBe('η·γ^⌊t/s⌋ γ=0.5 s=20');
    expect(gd[0][col('lr_t')]).toBe('');
    expect(gd.slice(1).map((r) => Number(r[col('lr_t')]))).toEqual(stepSizes(s.runs[0], s.steps));
    expect(Number(gd[20][col('lr_t')])).toBe(0.9);
    expect(adam[5][col('lr_t')]).toBe('0.3');
    // A setting of a rule added later (AdamW's λ) is the last column, empty for the rules without it.
    const adamw = rows.filter((r) => r[1] === 'adamw');
    expect(adamw).toHaveLength(runs[4].points.length);
    expect(col('lambda')).toBe(CSV_COLUMNS.length - 1);
    expect([adamw[0][col('beta1')], adamw[0][col('lambda')], adam[0][col('lambda')], gd[0][col('lambda')]]).toEqual(['0.9', '0.01', '', '']);
  });

  it('JSON: the same settings by name, the schedule as an object, and lr_t beside x and y', () => {
    const j = runsData(s, runs, fn);
    expect(j.runs[3]).toMatchObject({ optimizer: 'adam', alpha: null, beta1: 0.9, beta2: 0.99, eps: 1e-8, rho: null, lambda: null, schedule: { kind: 'constant' } });
    expect(j.runs[4]).toMatchObject({ optimizer: 'adamw', beta1: 0.9, beta2: 0.999, eps: 1e-8, lambda: 0.01 });
    expect(j.runs[0].schedule).toEqual({ kind: 'step', gamma: 0.5, every: 20, warmup: 0 });
    expect(j.runs[0].lr_t).toEqual([null, ...stepSizes(s.runs[0], s.steps)]);
    expect(j.runs[0].lr_t).toHaveLength(j.runs[0].x.length);
  });
});

describe('the forces behind each step in the data files', () => {
  const { s, fn, runs } = scene();
  it('JSON: gx, gy, ex, ey per step (null at t = 0), hx, hy = h_t for the rules with inertia', () => {
    const j = runsData(s, runs, fn);
    const [gd, mom, nes] = j.runs;
    expect(gd.hx).toBeNull();
    expect(mom.hx).toEqual(runs[1].velocities!.map((h) => h[0]));
    expect(nes.gx).toEqual([null, ...runs[2].gradients.map((g) => g[0])]);
    expect(nes.ey).toEqual([null, ...runs[2].gradientPoints.map((p) => p[1])]);
    // Nesterov's gradient was taken at its look-ahead point, not at x_{t−1}.
    expect(nes.ex[5]).not.toBe(nes.x[4]);
    expect(mom.ex[5]).toBe(mom.x[4]);
    for (const r of j.runs) for (const k of ['gx', 'gy', 'ex', 'ey', 'lr_t'] as const) expect(r[k]).toHaveLength(r.x.length);
  });
  it('CSV: the same columns, empty where they do not apply', () => {
    const rows = parseCsv(runsCsv(s, runs, fn));
    const col = (name: string) => CSV_COLUMNS.indexOf(name as (typeof CSV_COLUMNS)[number]);
    const mom = rows.filter((r) => r[1] === 'momentum');
    expect(mom[0].slice(col('gx'), col('hy') + 1)).toEqual(['', '', '', '', '0', '0']);
    expect(Number(mom[3][col('gx')])).toBe(runs[1].gradients[2][0]);
    expect(Number(mom[3][col('hy')])).toBe(runs[1].velocities![3][1]);
    const gd = rows.filter((r) => r[1] === 'gd');
    expect(gd[3].slice(col('hx'), col('hy') + 1)).toEqual(['', '']);
  });
});

describe('the cost of each run in the data files: evaluations, and the band over seeds', () => {
  const { state: s } = decode('fn=quadratic&kappa=10&theta=0&N=64&noise=1&start=-2.5,1.2&steps=40&run=gd,id:0,lr:0.5&run=minibatch,id:1,lr:0.5,B:4&run=sgd,id:2,lr:2.2');
  const fn = buildFunction(s.fn);
  const runs = runTrajectories(fn, s);
  const bands = runBands(s, runs, seedTrajectories(fn, s, 5));
  const col = (name: string) => CSV_COLUMNS.indexOf(name as (typeof CSV_COLUMNS)[number]);

  it('JSON: evals = B·t for every run; a band of p10, p50, p90 over steps for the stochastic runs when K > 1', () => {
    const j = runsData(s, runs, fn, bands);
    expect(j.runs.map((r) => r.evals.slice(0, 3))).toEqual([[0, 64, 128], [0, 4, 8], [0, 1, 2]]);
    j.runs.forEach((r, i) => expect(r.evals).toHaveLength(runs[i].points.length));
    expect(j.runs[0].band).toBeUndefined();
    expect(j.runs[1].band).toEqual(bands[1]);
    expect(j.runs[1].band!.p50).toHaveLength(s.steps + 1);
    // SGD at η = 2.2 > 2/L diverges with every seed: its band turns to +∞, which JSON writes as null.
    expect(runs[2].diverged).not.toBeNull();
    const sgd = JSON.parse(runsJson(s, runs, fn, bands)).runs[2];
    expect(sgd.band.p90.at(-1)).toBeNull();
    expect(sgd.band.p90[0]).toBe(runs[2].losses[0]);
    // Without bands (K = 1) the runs carry evals and no band.
    expect(runsData(s, runs, fn).runs.every((r) => r.band === undefined)).toBe(true);
  });

  it('CSV: evals and the three band columns after the others (before the later rules\' settings), empty where a run has no band', () => {
    const rows = parseCsv(runsCsv(s, runs, fn, bands));
    expect(rows[0].slice(-5)).toEqual(['evals', 'loss_p10', 'loss_p50', 'loss_p90', 'lambda']);
    const mini = rows.filter((r) => r[0] === '1');
    mini.forEach((r, t) => {
      expect(Number(r[col('evals')])).toBe(4 * t);
      expect([r[col('loss_p10')], r[col('loss_p50')], r[col('loss_p90')]].map(Number)).toEqual([bands[1]!.p10[t], bands[1]!.p50[t], bands[1]!.p90[t]]);
    });
    const gd = rows.filter((r) => r[0] === '0');
    expect(gd[7].slice(col('evals'))).toEqual(['448', '', '', '', '']);
    expect(() => runsCsv(s, runs, fn, bands.slice(1))).toThrow(/one band per run/);
  });
});

describe('the newer rules and schedules in the data files: Lion, sign descent, a warmup, the one-cycle', () => {
  const { s, fn, runs } = scene((x) => {
    x.runs = [];
    addRun(x, 'lion');
    changeRun(x, 0, { param: 'lambda', value: 0.1 });
    changeRun(x, 0, { scheduleParam: 'warmup', value: 5 });
    addRun(x, 'sign');
    changeRun(x, 1, { schedule: 'onecycle' });
  });
  const col = (name: string) => CSV_COLUMNS.indexOf(name as (typeof CSV_COLUMNS)[number]);

  it('CSV: Lion’s β₁, β₂ and λ in the columns Adam’s and AdamW’s share, sign descent with none; the warmup and the one-cycle in words, η_t on every row', () => {
    const rows = parseCsv(runsCsv(s, runs, fn));
    const lion = rows.filter((r) => r[1] === 'lion'), sign = rows.filter((r) => r[1] === 'sign');
    expect(lion).toHaveLength(s.steps + 1);
    expect([lion[0][col('beta1')], lion[0][col('beta2')], lion[0][col('lambda')], lion[0][col('eps')], lion[0][col('alpha')]]).toEqual(['0.9', '0.99', '0.1', '', '']);
    expect([col('beta1'), col('beta2'), col('lambda')].map((c) => sign[0][c])).toEqual(['', '', '']);
    expect(lion[0][col('schedule')]).toBe('constant W=5');
    expect(sign[0][col('schedule')]).toBe('one-cycle T=100 p=0.3');
    // The warmup's η_t: η t / 5 for t < 5, then η.
    const lr = s.runs[0].lr;
    expect(lion.slice(1, 7).map((r) => Number(r[col('lr_t')]))).toEqual([1, 2, 3, 4, 5, 5].map((k) => (lr * k) / 5));
    // The one-cycle starts at η/25 and peaks at η on step pT = 30 (OneCycleLR's epoch 29), then falls.
    const cycle = sign.map((r) => Number(r[col('lr_t')]));
    expect(cycle[1]).toBeCloseTo(s.runs[1].lr / 25, 15);
    expect(cycle[30]).toBeCloseTo(s.runs[1].lr, 15);
    expect(Math.max(...cycle.slice(1))).toBe(cycle[30]);
  });

  it('JSON: the same settings by name, the warmup and the one-cycle’s T and p in the schedule object', () => {
    const j = runsData(s, runs, fn);
    expect(j.runs[0]).toMatchObject({ optimizer: 'lion', beta1: 0.9, beta2: 0.99, lambda: 0.1, eps: null, schedule: { kind: 'constant', warmup: 5 } });
    expect(j.runs[1]).toMatchObject({ optimizer: 'sign', beta1: null, lambda: null, schedule: { kind: 'onecycle', period: 100, peak: 0.3 } });
    expect(j.runs[1].lr_t).toEqual([null, ...stepSizes(s.runs[1], s.steps)]);
  });
});
