// The lecture's figures, each a link like any other: loading one is opening its permalink.

export interface Preset {
  id: string;
  link: string;
}

export const presets: readonly Preset[] = [
  // GD at η just below its limit 2/L: the gradient, perpendicular to the stretched level lines,
  // points across the ravine, so each step overshoots the floor.
  { id: 'ravine', link: 'fn=quadratic&kappa=50&theta=0&start=-2.5,1.5&steps=60&run=gd,id:0,lr:1.9' },
  // Momentum with α = 0.5 and η = 0.9 takes the same long-run step η/(1 − α) = 1.8 as GD: summed, the
  // alternating parts of the steps cancel and the parts along the floor add up. (With GD's own η, any
  // α > 0 keeps an oscillation across the ravine: for η > 1/L no momentum is free of it.)
  // At t = 3, with the last step's vectors: Momentum's inertia (dashed) and its gradient step point almost
  // opposite ways (164°) across the ravine, while GD's whole step crosses it. The ravine runs at θ = 60°, so
  // that the swings across it lie along the plot's width: at 1024×768 the arrows are 110–470 px, every path
  // inside the view (α = 0.8 and η = 0.36 kept Momentum's gradient step under 30 px at any moment where the
  // whole zig-zag of GD was in view; tests/state/presets.test.ts checks the caption's numbers).
  {
    id: 'inertia',
    link: 'fn=quadratic&kappa=25&theta=60&start=-3.2,-1.6&steps=80&t=3&view=-3.4,0.3,-3.4,-1.4&run=gd,id:0,lr:1.8&run=momentum,id:1,lr:0.9,a:0.5&vec=1&rest=hidden',
  },
  // Same η and α; across the ravine Momentum's oscillation decays at 0.95 per step, Nesterov's at 0.67.
  {
    id: 'nesterov',
    // At t = 3 both carry their inertia across the floor; Nesterov's gradient, taken at the look-ahead point
    // beyond it, pushes back twice as hard as Momentum's (|η g| 0.40 against 0.21). The ravine and start are
    // the inertia figure's.
    link: 'fn=quadratic&kappa=25&theta=60&start=-3.2,-1.6&steps=80&t=3&view=-3.4,0.3,-3.4,-1.4&run=momentum,id:1,lr:0.5,a:0.9&run=nesterov,id:2,lr:0.5,a:0.9&vec=1&rest=hidden',
  },
  // One sample, mini-batches of 4 and 16 and all 64: the same η, noise shrinking as the batch grows.
  // Run ids choose colours: within one figure no two runs take Okabe–Ito's near pairs (vermillion and orange,
  // blue and sky blue, purple and wine); tests/draw/contrast.test.ts measures it.
  {
    id: 'batch',
    // At t = 5 the cloud of other batches' steps from each run's x_4: all 64 samples for SGD, smaller for 4 and 16.
    // The view holds the four paths from their start (the view of y ∈ [−0.8, 0.8] cut their first steps off).
    link: 'fn=quadratic&kappa=10&theta=0&N=64&noise=0.5&start=-2.5,1.2&steps=100&t=5&view=-2.65,-0.55,-0.6,1.3&run=sgd,id:3,lr:1&run=minibatch,id:2,lr:1,B:4&run=minibatch,id:5,lr:1,B:16&run=gd,id:0,lr:1&cloud=1&vec=1&rest=hidden',
  },
  // The race to f − f* ≤ 10⁻⁴ at one η for every batch, 16 seeds each, against gradient evaluations: GD takes
  // the fewest steps but the most evaluations, the small batches the fewest evaluations until their noise
  // floor keeps seeds from arriving (tests/state/presets.test.ts checks the caption's numbers).
  {
    id: 'cost',
    link: 'fn=quadratic&kappa=10&theta=0&N=64&noise=1&start=-2.5,1.2&steps=300&run=gd,id:0,lr:0.5&run=minibatch,id:1,lr:0.5,B:16&run=minibatch,id:2,lr:0.5,B:4&run=sgd,id:3,lr:0.5&seeds=16&axis=evals&target=1e-4',
  },
  // An axis-aligned ravine: Adam's per-coordinate scaling makes the steep and the flat coordinate move alike,
  // so it walks diagonally to the floor and hardly swings across it. At θ = 20° the scaling misses the
  // ravine's axes and Momentum does better (tests/state/presets.test.ts checks both). At η = 0.2 Adam also ends
  // lowest of the three at t = 80 (4·10⁻⁵ against 8·10⁻⁵ and 10⁻⁴; at η = 0.1 it ended highest, 2·10⁻⁴).
  {
    id: 'adam',
    link: 'fn=quadratic&kappa=50&theta=0&start=-2.5,1.5&steps=80&run=momentum,id:1,lr:0.36,a:0.8&run=nesterov,id:2,lr:0.36,a:0.8&run=adam,id:0,lr:0.2',
  },
  // Adam from a steep start, without and with a linear warmup over 20 steps: its first step is η along each
  // coordinate whatever the gradient, so at η = 0.5 it lands higher up Rosenbrock's wall, where the gradient is
  // ten times the start's; v (β₂ = 0.999) remembers that for hundreds of steps and keeps the later steps small.
  // The warmup's first steps are η/20, 2η/20, …: it slides down instead (tests/state/presets.test.ts checks the caption).
  { id: 'warmup', link: 'fn=rosenbrock&start=-1.5,2.5&steps=300&run=adam,id:0,lr:0.5&run=adam,id:1,lr:0.5,sched:constant,W:20' },
  // κ = 10: η = 0.1 crawls, η = 1 is near the best 2/(L + μ) ≈ 1.82 for the floor, η = 2.2 > 2/L diverges.
  { id: 'stepsize', link: 'fn=quadratic&kappa=10&theta=0&start=-2.5,1.2&steps=50&run=gd,id:0,lr:0.1&run=gd,id:1,lr:1&run=gd,id:2,lr:2.2' },
];
