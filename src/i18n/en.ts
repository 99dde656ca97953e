// Every string the UI shows, in English: the source table. `Messages` is its type, so a language that
// misses a key (or adds one) does not compile. Strings that carry values are functions of them; numbers
// arrive already formatted for the language (see formatNumber), counts as plain integers.
import type { HyperName, OptimizerKind, ScheduleKind, ScheduleParam } from '../core';
import { englishFormulaMessages } from '../expr/errors';
import type { Overlay, ShowState } from '../state/show';
import type { SurfaceView, ZAxis } from '../state/surface';

export const en = {
  /** The page's <title>. */
  title: 'Ravine — an optimizer playground',
  /** The first tab stop, to the figure's playback. */
  skip: 'Skip to the figure',
  header: {
    /** `touch`: on a touch screen, where the plot is tapped, not clicked. */
    tagline: (touch: boolean) =>
      `Gradient descent, SGD, Momentum and Nesterov on the same function, from the same start. ${touch ? 'Tap' : 'Click'} the plot to move the start; drag η and α to see why inertia helps in a ravine.`,
    language: 'Language',
    shortcuts: 'Keyboard shortcuts',
    copyLink: 'Copy link',
    /** The same button on a phone, where the header must keep to one row beside the title. */
    copyLinkShort: 'Copy link',
    copied: 'Link copied',
    copyFailed: 'Could not copy: the address bar holds the link',
    present: 'Present',
    keysHint: 'Keys (?)',
    leave: 'Leave (Esc)',
  },

  presets: {
    more: 'more',
    less: 'less',
    heading: 'Lecture figures',
    texts: {
      ravine: {
        title: 'Gradient descent in a ravine',
        caption:
          'κ = 50: level lines stretched about 7 : 1 (√50 ≈ 7.1). The gradient is perpendicular to them, so GD at η = 1.9, close to 2/L = 2, jumps from wall to wall and crawls along the floor.',
      },
      inertia: {
        title: 'Without inertia / with inertia',
        caption:
          'GD (η = 1.8) and Momentum (α = 0.5, η = 0.9: the same long-run step η/(1−α) = 1.8), with the vectors of their last step at t = 3. Each Momentum step is α times the step before (dashed) plus the gradient step (solid): across the ravine the two point almost opposite ways (164°) and mostly cancel (0.53 against 0.78), along it they add, while GD’s whole step, 2.3 long, jumps from wall to wall. Momentum is already lower: f − f* = 0.32 against GD’s 0.62. Press → to see it go on.',
      },
      nesterov: {
        title: 'Momentum vs Nesterov',
        caption:
          'Same η = 0.5 and α = 0.9, at t = 3. Both carry their inertia (dashed) across the floor. Momentum takes its gradient where it stands and barely brakes (|η g| = 0.21); Nesterov takes it at the look-ahead point ○, where the inertia is carrying it, already past the floor, and pushes back twice as hard (0.40). So Momentum swings from wall to wall while Nesterov’s swing dies out.',
      },
      batch: {
        title: 'Which batch size to take?',
        caption:
          'SGD (one sample), mini-batches of 4 and 16, and GD on all 64, with the same step, at t = 5. The dots are the steps other batches of the same size would have taken from the same point, the dashed ellipse their 1-σ spread, the black arrow the full-gradient step: the cloud shrinks as the batch grows (its spread by about 1/√B while B is small against N), and for all 64 it is the full step itself.',
      },
      adam: {
        title: 'Adam in a ravine',
        caption:
          "Adam divides each coordinate's step by the root of that coordinate's running mean squared gradient. This ravine lies along the axes, so the steep y and the flat x move at the same pace, about η per step: Adam heads diagonally to the floor and crosses it only a few times, while Momentum and Nesterov swing from wall to wall. Turn the ravine (θ = 20°) and the scaling no longer matches it: Adam loses its edge.",
      },
      warmup: {
        title: 'Why Adam warms up',
        caption:
          "Adam with η = 0.5 from a steep start on Rosenbrock's wall, f = 12.5, without and with a linear warmup over W = 20 steps. Adam's first step is η along each coordinate whatever the gradient: without the warmup it lands at (−2, 2), where f = 409 and |∇f| = 1655. Its v (β₂ = 0.999) remembers that gradient for hundreds of steps, so √v̂ stays about 5 times larger and every later step smaller: after 300 steps f = 0.33. With the warmup the first steps are η/20, 2η/20, …: Adam slides down the wall (f never rises above 12.5) and after 300 steps f = 0.00028.",
      },
      stepsize: {
        title: 'The step size matters',
        caption: 'GD with η = 0.1 (too small: it crawls), η = 1 (good) and η = 2.2 > 2/L = 2 (too large: it diverges).',
      },
      cost: {
        title: 'Which batch size to take? — the cost',
        caption:
          'The same η = 0.5 for GD on all 64 samples, mini-batches of 16 and 4, and SGD, each run with 16 seeds; the loss plot counts gradient evaluations, not steps. To reach f − f* ≤ 10⁻⁴ GD needs the fewest steps, 79, but 5056 evaluations; a batch of 16 needs a median of 1304 (all 16 seeds get there), a batch of 4 a median of 668, but only 13 of 16 seeds get there in 300 steps, and SGD only 6 of 16. Per step the large batch wins, per evaluation the small one, until its noise keeps it above ε.',
      },
    },
  },

  fn: {
    heading: 'Function',
    picker: 'Test function',
    names: {
      quadratic: 'Ravine (elongated quadratic)',
      rosenbrock: 'Rosenbrock',
      beale: 'Beale',
      himmelblau: 'Himmelblau',
      booth: 'Booth',
      matyas: 'Matyas',
      saddle: 'Saddle point',
      rastrigin: 'Rastrigin',
      camel: 'Six-hump camel',
      leastsquares: 'Least squares: exam score vs hours',
      logistic: 'Logistic regression: two kinds of iris',
      formula: 'Your formula',
    },
    params: {
      kappa: 'Condition number κ',
      theta: 'Rotation θ (degrees)',
    },
    formulaHelp: 'x, y, numbers, + − * / ^, pi, e, sin, cos, exp, log, sqrt, abs …',
    formulaKept: 'The plot still shows the last formula that worked.',
    leastSquares: (n: number) =>
      `Fit score = w₀ + w₁·hours to ${n} students' records. The hours are left unscaled, so the loss is a ravine; SGD draws from these ${n} records.`,
    logistic: (n: number) =>
      `Tell Iris virginica from Iris versicolor by petal length x₁ and width x₂ (standardized): p = σ(w₁x₁ + w₂x₂), fitted by the mean log loss over Fisher's ${n} flowers (1936); SGD draws from these ${n} flowers.`,
    stochastic: (n: number, noise: string) => `Stochastic gradients: N = ${n}, noise ${noise}`,
    stochasticHelp:
      'f is treated as an average of N terms fᵢ(x) = f(x) + ⟨ξᵢ, x⟩ with Σξᵢ = 0: SGD and mini-batches see ∇f plus noise that shrinks as the batch grows.',
    samples: 'Samples N',
    noise: 'Noise scale',
    noiseSeed: 'Noise seed',
  },

  start: {
    heading: 'Start and iterations',
    x: 'Start x₀',
    y: 'Start y₀',
    steps: 'Iterations',
    suggestedLr: (lr: string) => `Step size from the curvature at the start, small enough that no run diverges: η\u00a0≈\u00a0${lr}`,
    useLr: 'Use for every run',
  },

  box: {
    heading: 'Plotted box',
    xFrom: 'x from',
    xTo: 'x to',
    yFrom: 'y from',
    yTo: 'y to',
    fit: 'Fit',
    fitHelp: 'A box around the start and the minimum a short run finds',
    reset: 'Default',
    resetHelp: "The function's own box",
    empty: 'The lower end must be below the upper one',
    narrow: 'The box is too narrow to draw: make each side at least a billionth of its size',
  },

  runs: {
    /** The run whose η and α sit under the contour on small screens. */
    focus: 'Run under the plot',
    heading: 'Optimizers',
    addGroup: 'Add an optimizer',
    add: 'Add:',
    kinds: {
      gd: 'GD',
      sgd: 'SGD',
      minibatch: 'Mini-batch GD',
      momentum: 'Momentum',
      nesterov: 'Nesterov',
      adam: 'Adam',
      rmsprop: 'RMSProp',
      adagrad: 'AdaGrad',
      adamw: 'AdamW',
      lion: 'Lion',
      sign: 'Sign descent',
    } satisfies Record<OptimizerKind, string>,
    show: 'show',
    remove: (kind: string) => `Remove ${kind} run`,
    lr: 'Step size η',
    /** Each rule's own settings besides η, as their fields are labelled. */
    hyper: {
      alpha: 'Momentum α',
      beta1: 'Weight of the mean β₁',
      beta2: 'Decay of the moving average β₂',
      rho: 'Decay of the square ρ',
      eps: 'Safety term ε',
      lambda: 'Weight decay λ',
    } satisfies Record<HyperName, string>,
    /** A slider's name for screen readers: which setting of which run it moves. */
    of: (setting: string, kind: string) => `${setting} of ${kind}`,
    batch: (n: number) => `Batch size B (of ${n})`,
    batchName: 'Batch size',
    seed: 'Seed',
    divergedAt: (step: number) => `diverged at step ${step}`,
    /** A run whose start has no finite f (or lies far outside the box): it takes no step. */
    startUndefined: 'no step: f is not finite at the start (click the contour to move it)',
    theoryRate: (rate: string) => `theory: rate ${rate} per step`,
  },

  /** Step-size schedules: how η changes over the steps. */
  schedules: {
    label: 'Step size over time',
    kinds: {
      constant: 'constant η',
      inverse: 'inverse time: η / (1 + k t)',
      step: 'step decay: η γ^⌊t/s⌋',
      cosine: 'cosine: from η down to r η in T steps',
      onecycle: 'one-cycle: from η/25 up to η, then down to η/(25·10⁴) in T steps',
    } satisfies Record<ScheduleKind, string>,
    /** In legends and file columns. */
    short: {
      constant: 'constant',
      inverse: 'η/(1+kt)',
      step: 'η·γ^⌊t/s⌋',
      cosine: 'cosine',
      onecycle: 'one-cycle',
    } satisfies Record<ScheduleKind, string>,
    params: {
      k: 'Decay k',
      gamma: 'Factor γ',
      every: 'Every s steps',
      floor: 'Floor r (share of η)',
      period: 'Period T (steps)',
      warmup: 'Warmup W (steps)',
      peak: 'Peak at p·T (share of T)',
    } satisfies Record<ScheduleParam, string>,
    curve: (kind: string) => `Step size η_t of ${kind} against t`,
  },

  /** What the contour shows beside the paths: the forces behind each step. */
  show: {
    group: 'Show on the contour',
    /** Each overlay's control, in the panel's order. */
    labels: { vectors: 'Step vectors', cloud: 'Batch cloud', field: 'Field of −∇f', rest: 'Beyond the playhead' } satisfies Record<Overlay, string>,
    last: 'over the last steps',
    rests: { full: 'full paths', faint: 'faint', hidden: 'hidden' } satisfies Record<ShowState['rest'], string>,
    key: {
      inertia: 'inertia −α hₜ₋₁',
      gradient: 'gradient step −η g',
      lookahead: 'Nesterov’s look-ahead point',
      raw: 'raw gradient step −η g (adaptive rules)',
      step: 'step taken',
      cloud: 'other batches’ steps, 1-σ ellipse',
      full: 'full-gradient step',
    },
    /** A run card's numbers at the playhead. */
    at: (t: number, status: string) => `at t = ${t}: ${status}`,
    forces: (inertia: string, gradient: string, angle: string) => `|α h| = ${inertia}, |η g| = ${gradient}, angle ${angle}°`,
  },

  /** The 3-D view of the function's surface. */
  surface: {
    view: 'View',
    views: { off: 'Contour', beside: 'Both', only: '3-D' } satisfies Record<SurfaceView, string>,
    label: "3-D view of the function's surface with the optimizers' paths; drag to turn it, scroll or pinch to zoom, arrow keys turn it too",
    height: 'Height',
    zaxes: { f: 'f, linear', log: 'f − f*, log scale' } satisfies Record<ZAxis, string>,
    reset: 'Reset the camera',
    noWebgl: 'The 3-D view needs WebGL, which this browser does not offer: the contour is shown instead.',
  },

  /** The convergence-rate map of a run. */
  map: {
    heading: 'Convergence rate map',
    show: 'Show the rate map',
    of: 'Map of',
    hide: 'Hide the map',
    figure: (kind: string, second: string) => `Rate of ${kind} over η and ${second}: click or drag to set them`,
    curveFigure: (kind: string) => `Rate of ${kind} over η: click or drag to set it`,
    printTitle: (kind: string, second: string) => (second ? `Convergence rate of ${kind} over η and ${second}` : `Convergence rate of ${kind} over η`),
    exact: (kappa: string) => `q: the exact rate per step, theory on this quadratic (κ = ${kappa})`,
    /** A curve's vertical lines: theory's step sizes. */
    curveLines: 'the verticals at η = 1/L, 2/(L + μ), 2/L',
    measured: (steps: number) =>
      `Measured: the mean rate per step at which the distance to the minimum shrinks over the second half of each ${steps}-step run`,
    local: (at: string, kappa: string) => `Dashed: the local theory from the Hessian at ${at} (κ ≈ ${kappa})`,
    diverged: 'diverged',
    optimum: 'optimum',
    best: 'best measured',
    measuring: 'Measuring…',
    failed: (why: string) => `The map could not be measured (${why}); change a setting to try again.`,
    optimal: 'Optimal',
    export: 'Export the map:',
    optimalTheory: 'Set the run to theory’s best setting',
    optimalMeasured: 'Set the run to the best measured cell',
    tune: 'Tune every run',
    /** What "Tune every run" minimises. */
    tuneFor: 'Tune for',
    tuneTargets: { rate: 'the fastest rate', evals: 'the fewest gradient evaluations to reach ε' },
    tuneHelp: 'Each run gets its best η (and α, β₁ or ρ) measured on this function, from this start, in this many steps',
    tuning: (k: number, n: number) => `Tuning run ${k} of ${n}…`,
    tuned: (list: string) => `Tuned: ${list}`,
    tuneFailed: (why: string) => `Tuning stopped (${why}); the runs keep their settings.`,
    noMap: 'No rate map for this run: every setting diverged.',
  },

  /** The learning-rate range test of a run. */
  range: {
    heading: 'Learning-rate range test',
    show: 'Run the range test',
    /** On a run card: opens the test for that run. */
    open: (kind: string) => `Range test of ${kind}`,
    openShort: 'Range test of η',
    of: 'Test of',
    hide: 'Hide the test',
    intro: (n: number, steps: number) => `${n} runs from the start, each of ${steps} steps with its own η (log scale); the loss each reaches. The map's workers are shared: opening the test hides the map.`,
    figure: (kind: string) => `Loss reached by ${kind} against η, log scale`,
    /** The y axis: the gap above f* (or above the lowest value of the plotted grid where f* is unknown) at a run's end. */
    lossAxis: (known: boolean): string => (known ? 'f − f* at the end' : 'f − min f at the end'),
    measuring: 'Measuring…',
    failed: (why: string) => `The test could not be run (${why}); change a setting to try again.`,
    edge: (lr: string) => `Divergence edge: η ≈ ${lr} (from there on every run ended above its start or blew up)`,
    noEdge: 'No edge in this range: even the largest η did not diverge.',
    theory: (label: string, value: string, L: string) => `Theory on this quadratic: the edge is ${label} = ${value} (L = ${L}, the largest eigenvalue of the Hessian)`,
    run: (lr: string) => `this run's η = ${lr}`,
    diverged: 'diverged',
    useTenth: (lr: string) => `Use η = ${lr}`,
    useTenthHelp: 'A tenth of the edge: the usual rule of thumb for the range test',
  },

  playback: {
    group: 'Animation',
    play: 'Play',
    pause: 'Pause',
    playButton: '▶ Play',
    pauseButton: '❚❚ Pause',
    step: 'One step forward',
    stepButton: '+1 step',
    reset: 'Back to the start',
    resetButton: '⟲ Reset',
    scrub: 'Iteration shown',
    speed: 'Speed',
    speedLabel: 'Steps per second',
    perSecond: (n: number) => `${n} steps/s`,
  },

  /** What the figures say: axis and colour-bar titles, marker names, number separators. */
  plot: {
    /** The loss axis above the lowest f found, where f* is unknown (a typed formula). */
    lowestFound: 'f − f̂ (f̂: the lowest f found)',
    iteration: 'iteration t',
    minimum: 'minimum',
    saddle: 'saddle point',
    start: 'start',
    intercept: 'w₀ (intercept)',
    slope: 'w₁ (slope)',
    petalLength: 'w₁ (petal length)',
    petalWidth: 'w₂ (petal width)',
    /** Plotly's layout.separators: the decimal mark, then the thousands separator. */
    separators: '.,',
    decimal: '.',
    contour: "Contour plot of the function with the optimizers' paths; click to move the start",
    loss: 'Loss against iteration, one line per run',
  },

  /** What a run costs: seeds, the loss plot's axis, the race to ε. */
  cost: {
    heading: 'Seeds and cost',
    seeds: 'Seeds per stochastic run K',
    seedsHelp: 'Each SGD and mini-batch run also runs with the next K − 1 seeds: their paths are drawn faintly on the contour, and its loss becomes a band of the 10 %, 50 % and 90 % quantiles',
    axis: 'Loss against',
    axes: { step: 'iteration t', evals: 'gradient evaluations', epochs: 'epochs' },
    /** The loss plot's x-axis title. */
    titles: { step: 'iteration t', evals: 'gradient evaluations', epochs: 'epochs' },
    target: 'Target ε',
    targetHelp: 'A run has arrived when f − f* ≤ ε; by default a thousandth of f − f* at the start',
    race: (eps: string) => `Race to f − f* ≤ ${eps}`,
    steps: 'steps',
    evals: 'evaluations',
    notReached: 'not reached',
    reached: (reached: number, k: number) => `${reached} of ${k} seeds`,
    noRace: 'No race: f* is not known for a typed formula.',
  },

  field: {
    /** The one message of a refused number: what it must be. */
    range: (integer: boolean, minExclusive: boolean, min: string, max: string) =>
      `Enter ${integer ? 'a whole number' : 'a number'} ${minExclusive ? 'above' : 'from'} ${min} ${minExclusive ? 'up to' : 'to'} ${max}`,
    /** After the range, for an entry with a comma that groups no thousands. */
    comma: ', with a point before decimals (0.5)',
    /** The same, where a whole number is asked. */
    commaWhole: ', commas only between groups of three digits (10,000)',
  },

  export: {
    open: 'Export figure',
    figure: 'Figure',
    contour: 'Contour with paths',
    loss: 'Loss plot',
    both: 'Both, side by side',
    strip: 'Iteration strip',
    surface: '3-D view, as turned on screen',
    stripSteps: 'Iterations shown',
    stripHelp: (max: number, steps: number) => `Up to ${max} whole numbers from 0 to ${steps}, separated by commas`,
    title: 'Title (optional)',
    titlePlaceholder: 'e.g. GD vs Momentum, κ = 25',
    image: 'Image',
    pixels: (width: number, height: number) => `${width} × ${height} pixels`,
    svg: 'Vector image, for print',
    atPlayhead: (t: number) => `Mark where each run is at the playhead, t = ${t}`,
    gif: 'Animation (GIF) of the playhead from t = 0 to the end, for slides',
    gifProgress: (done: number, total: number) => `Frame ${done} of ${total}`,
    data: 'Data of the runs',
    dataColumns: '(step, x, y, loss per run)',
    drawing: 'Drawing…',
    saved: (name: string) => `Saved ${name}`,
    failed: (why: string) => `Could not draw the figure: ${why}`,
  },

  /** The lines across the top of the page (a link's unusable parts, a new version). */
  notice: {
    close: 'Close this notice',
  },

  update: {
    ready: 'A new version of Ravine is ready.',
    reload: 'Reload',
  },

  link: {
    notice: 'This link had settings Ravine could not use, so it opened with the nearest valid ones. Left out:',
    /** After the first parts named: how many more were left out. */
    more: (n: number) => ` and ${n.toLocaleString('en')} more.`,
    /** The names url.ts gives the parts of a link it drops (parameter names like kappa stay as they are). */
    parts: {
      function: 'function',
      formula: 'formula',
      N: 'N',
      noise: 'noise',
      'noise seed': 'noise seed',
      start: 'start',
      iterations: 'iterations',
      step: 'step',
      view: 'view',
      box: 'plotted box',
      run: 'run',
      language: 'language',
      map: 'rate map',
      range: 'range test',
      vectors: 'step vectors',
      cloud: 'batch cloud',
      field: 'gradient field',
      rest: 'path beyond the playhead',
      embed: 'embedded control',
      origin: 'origin of the page around the figure',
      seeds: 'seeds',
      axis: 'loss plot axis',
      target: 'target ε',
    },
  },

  /** An embedded figure (an iframe on a course page) and the dialog that writes its code. */
  embed: {
    open: 'Copy embed code',
    title: 'Embed this figure in a course page',
    controls: 'Show with the figure',
    play: 'Playback: play, pause, the iteration slider',
    loss: 'Loss plot',
    /** Under the choices of sliders, which are named as the run cards name them (runs.lr, runs.hyper). */
    sliders: "A setting's slider is shown for every run that has the setting.",
    /** An embed for a slide deck: the keys a deck turns its slides with go to the page around the figure. */
    keys: 'In a slide deck: pass the arrow keys, Space, Page Up / Page Down, Home and End on to the deck',
    keysHint: 'A slider or field in the figure keeps its own keys. The deck’s page needs the script the code ends with.',
    width: 'Width (pixels)',
    height: 'Height (pixels)',
    code: 'Code to paste into the page',
    copy: 'Copy code',
    copied: 'Code copied',
    copyFailed: 'Could not copy: select the code and copy it',
    close: 'Close',
    openFull: 'Open in Ravine ↗',
    openFullHelp: 'The same figure with every control, in a new tab',
  },

  help: {
    title: 'Keyboard shortcuts',
    close: 'Close',
    build: (name: string) => `Ravine, build ${name}`,
    keys: 'Keys',
    action: 'Action',
    space: 'Space',
    or: 'or',
    playPause: 'Play or pause the animation',
    step: 'One step forward',
    back: 'One step back',
    reset: 'Back to the start, t = 0',
    end: 'To the last step',
    toggle: 'Show or hide this list',
    escape: 'Close this list',
    present: 'Present: the figure fills the screen, in large type',
    inPresentation: 'In the presentation',
    lr: 'Step size η of the run under the plot: up or down',
    knob: 'Its α (β₁, ρ): up or down',
    run: 'Put run 1 … 9 under the plot',
    loss: 'Show or hide the loss plot',
    map: 'Show or hide the rate map of the run under the plot',
    vectors: 'Show or hide the step vectors',
    surface: 'The 3-D view: beside the contour, in its place, or hidden',
    fullscreen: 'Full screen on or off',
    presets: 'The next or the previous lecture figure (a presentation clicker’s buttons)',
    leave: 'Leave the presentation',
    note: 'The keys do nothing while you type in a field, pick from a list or move a slider.',
  },

  /** A refused formula, by its code (the parameters come from the FormulaError). */
  formula: englishFormulaMessages,
};

export type Messages = typeof en;
