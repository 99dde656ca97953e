// Step-size schedules: η_t, the step size of the step that makes x_t (t = 1, 2, …), from η and a few
// settings. Each leaves η exactly as it is when it does not decay (k = 0, γ = 1, r = 1), so such a run
// is bit for bit the constant-step run. Only + − × ÷ again: a link gives the same path in every browser.
//
// A warmup of W steps goes before any of them but the one-cycle (whose first phase is one): η_t = η t / W while t < W, then the schedule from its start,
// φ(t − W) (φ(0) = η, so the ramp ends at η on step W). W = 0 is no warmup: φ(t), bit for bit.
//
// How this reads in PyTorch, where the t-th optimizer.step() uses the scheduler's lr at epoch t − 1 (the
// value before any scheduler.step()): with W ≥ 2, η_t is SequentialLR([LinearLR(start_factor=1/W,
// end_factor=1, total_iters=W−1), decay], milestones=[W−1]) in that loop (LinearLR's factor at epoch e ≤ W − 1
// is (e + 1)/W, and the decay starts from its epoch 0 at epoch W − 1, i.e. on step W); with W = 1 it is the
// decay alone in that loop, φ(t − 1). The decays themselves without a warmup are one epoch ahead of that loop:
// φ(t) is the scheduler's lr at epoch t (StepLR, CosineAnnealingLR, LambdaLR(1/(1 + k e))), as if it were
// stepped once before the first optimizer step; the first step already decays. The one-cycle is OneCycleLR in
// that loop (η_t its lr at epoch t − 1). tests/core/reference checks all of it.
import { settingValues, type SettingSpec } from './settings';

interface ScheduleDef<P extends string> {
  params: Readonly<Record<P, SettingSpec>>;
  /** η_t for t ≥ 1, before any warmup; at t = 0, where a warmup hands over, η. */
  lr(eta: number, t: number, p: Readonly<Record<P, number>>): number;
  /** The right side of η_t's formula in TeX, given how the time reads (t, or (t − W) after a warmup). */
  tex(t: string): string;
}

const define = <P extends string>(d: ScheduleDef<P>): ScheduleDef<P> => d;

/** xⁿ by squaring, with products only. */
function power(x: number, n: number): number {
  let result = 1;
  for (let base = x, k = n; k > 0; k = Math.floor(k / 2), base *= base) if (k % 2 === 1) result *= base;
  return result;
}

/** cos(π u) for u in [0, 1], by Taylor series on a quarter period, to within an ulp or two of the truth. */
export function cosPi(u: number): number {
  if (u > 0.5) return -cosPi(1 - u);
  if (u > 0.25) return sinSeries(Math.PI * (0.5 - u));
  return cosSeries(Math.PI * u);
}
function cosSeries(x: number): number {
  const x2 = x * x;
  let sum = 1, term = 1;
  for (let k = 1; k <= 10; k++) sum += term *= -x2 / ((2 * k - 1) * (2 * k));
  return sum;
}
function sinSeries(x: number): number {
  const x2 = x * x;
  let sum = x, term = x;
  for (let k = 1; k <= 10; k++) sum += term *= -x2 / ((2 * k) * (2 * k + 1));
  return sum;
}

/** W, the steps of a linear warmup before a schedule; 0, none (and a link leaves it out). */
const warmup: SettingSpec = {
  symbol: 'W', tex: 'W', min: 0, max: 10_000, integer: true, default: 0, scale: 'linear', slider: { min: 0, max: 1000 }, key: 'W',
};

/** T, the steps a schedule spans. */
const period: SettingSpec = { symbol: 'T', tex: 'T', min: 1, max: 10_000, integer: true, default: 100, scale: 'log', key: 'T', always: true };

export const schedules = {
  constant: define({ params: { warmup }, lr: (eta) => eta, tex: () => '\\eta' }),
  /** η_t = η / (1 + k t): the decay that makes SGD settle (Robbins–Monro). */
  inverse: define({
    params: { k: { symbol: 'k', tex: 'k', min: 0, max: 10, default: 0.05, scale: 'log', slider: { min: 1e-4, max: 10 }, key: 'k', always: true }, warmup },
    lr: (eta, t, { k }) => eta / (1 + k * t),
    tex: (t) => `\\dfrac{\\eta}{1 + k\\, ${t}}`,
  }),
  /** η_t = η γ^⌊t/s⌋: η shrinks by γ every s steps. */
  step: define({
    params: {
      gamma: { symbol: 'γ', tex: '\\gamma', min: 0, minExclusive: true, max: 1, default: 0.5, scale: 'linear', slider: { min: 0.01, max: 1 }, key: 'g', always: true },
      every: { symbol: 's', tex: 's', min: 1, max: 10_000, integer: true, default: 20, scale: 'log', key: 's', always: true },
      warmup,
    },
    lr: (eta, t, { gamma, every }) => eta * power(gamma, Math.floor(t / every)),
    tex: (t) => `\\eta\\, \\gamma^{\\lfloor ${t} / s \\rfloor}`,
  }),
  /** η_t falls from η to r η along half a cosine over T steps, then stays there. */
  cosine: define({
    params: {
      floor: { symbol: 'r', tex: 'r', min: 0, max: 1, default: 0, scale: 'linear', key: 'r', always: true },
      period,
      warmup,
    },
    lr: (eta, t, { floor, period }) => eta * (floor + ((1 - floor) * (1 + cosPi(Math.min(t, period) / period))) / 2),
    tex: (t) => `\\eta \\left(r + (1 - r)\\, \\dfrac{1 + \\cos(\\pi \\min(${t}, T) / T)}{2}\\right)`,
  }),
  /**
   * torch.optim.lr_scheduler.OneCycleLR with its default annealing (cos, div_factor 25, final_div_factor 10⁴,
   * three_phase False), η its max_lr: from η₀ = η/25 up to η along half a cosine until step pT, then down to
   * η₁ = η₀/10⁴ at step T, and η₁ after it. η_t is OneCycleLR's lr at epoch t − 1, to the last bits. Only the step
   * size cycles (cycle_momentum=False): a rule's α or β₁ stays the user's.
   */
  onecycle: define({
    params: {
      period,
      peak: { symbol: 'p', tex: 'p', min: 0, max: 0.9, default: 0.3, scale: 'linear', key: 'p', always: true },
    },
    lr(eta, t, { period: T, peak }) {
      const top = peak * T, from = eta / 25, to = from / 1e4;
      // OneCycleLR's anneal from a to b as u goes from 0 to 1: b + (a − b)/2 · (cos πu + 1).
      const anneal = (a: number, b: number, u: number) => b + ((a - b) / 2) * (cosPi(u) + 1);
      // The rise needs two steps or more (pT > 1); OneCycleLR divides by zero at pT = 1.
      if (t <= top && top > 1) return anneal(from, eta, (t - 1) / (top - 1));
      return anneal(eta, to, Math.min((t - top) / (T - top), 1));
    },
    tex: (t) => [
      `\\begin{cases} \\eta_0 + (\\eta - \\eta_0)\\, \\dfrac{1 - \\cos(\\pi \\frac{${t} - 1}{pT - 1})}{2}, & ${t} \\le pT \\\\`,
      `\\eta_1 + (\\eta - \\eta_1)\\, \\dfrac{1 + \\cos(\\pi \\min(\\frac{${t} - pT}{T - pT}, 1))}{2}, & ${t} > pT \\end{cases}`,
      '\\quad \\eta_0 = \\tfrac{\\eta}{25},\\ \\eta_1 = \\tfrac{\\eta_0}{10^4}',
    ].join(' '),
  }),
} as const;

export type ScheduleKind = keyof typeof schedules;
export const scheduleKinds = Object.keys(schedules) as ScheduleKind[];
export type ScheduleParam<K extends ScheduleKind = ScheduleKind> = K extends ScheduleKind ? keyof (typeof schedules)[K]['params'] & string : never;

/** A schedule with its settings, each defaulting to its table value. */
export type Schedule = { [K in ScheduleKind]: { kind: K } & { [P in ScheduleParam<K>]?: number } }[ScheduleKind];

/** The definition of a kind, seen through the table's common shape. */
export function scheduleDef(kind: ScheduleKind): ScheduleDef<string> {
  return schedules[kind] as ScheduleDef<string>;
}

/** A schedule's settings with its defaults filled in, checked against their ranges. */
export function scheduleParams(s: Schedule): Record<string, number> {
  return settingValues(scheduleDef(s.kind).params, s as Record<string, unknown>, `the ${s.kind} schedule`);
}

/** Whether η_t is η at every step: the constant schedule without a warmup. */
export function constantStep(s: Schedule): boolean {
  return s.kind === 'constant' && !s.warmup;
}

/** η_t as a function of t = 1, 2, …, its settings checked once: a warmup's ramp, then the schedule. */
export function scheduleLr(s: Schedule, eta: number): (t: number) => number {
  const def = scheduleDef(s.kind), p = scheduleParams(s);
  // The one-cycle takes no warmup: its rise is one.
  const w = p.warmup ?? 0;
  return (t) => (t < w ? (eta * t) / w : def.lr(eta, t - w, p));
}

/** η_1, …, η_steps of a schedule: what a run card draws. */
export function scheduleCurve(s: Schedule, eta: number, steps: number): number[] {
  const lr = scheduleLr(s, eta);
  return Array.from({ length: steps }, (_, i) => lr(i + 1));
}

/** η_t's formula in TeX, with the warmup's ramp as a first case where there is one; null for the constant step. */
export function scheduleTex(s: Schedule): string | null {
  if (constantStep(s)) return null;
  const { tex } = scheduleDef(s.kind);
  if (!scheduleParams(s).warmup) return `\\eta_t = ${tex('t')}`;
  return `\\eta_t = \\begin{cases} \\eta\\, t / W, & t < W \\\\ ${tex('(t - W)')}, & t \\ge W \\end{cases}`;
}
