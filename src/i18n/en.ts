// Every string the UI shows, in English: the source table. `Messages` is its type, so a language that
// misses a key (or adds one) does not compile. Strings that carry values are functions of them; numbers
// arrive already formatted for the language (see formatNumber), counts as plain integers.
import type { OptimizerKind } from '../core';
import { englishFormulaMessages } from '../expr/errors';

export const en = {
  /** The page's <title>. */
  title: 'Ravine — an optimizer playground',
  header: {
    tagline:
      'Gradient descent, SGD, Momentum and Nesterov on the same function, from the same start. Click the plot to move the start; drag η and α to see why inertia helps in a ravine.',
    language: 'Language',
    shortcuts: 'Keyboard shortcuts',
  },

  presets: {
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
          'GD (η = 1.8) and Momentum (α = 0.8, η = 0.36: the same long-run step η/(1−α) = 1.8). Summed, the steps across the ravine cancel and the steps along it add up.',
      },
      nesterov: {
        title: 'Momentum vs Nesterov',
        caption:
          'Same η = 0.5 and α = 0.9. Momentum overshoots and swings across the ravine; Nesterov takes the gradient where its inertia is carrying it, and the swing dies out.',
      },
      batch: {
        title: 'Which batch size to take?',
        caption:
          'SGD (one sample), mini-batches of 4 and 16, and GD on all 64: the same step, with gradient noise that shrinks as the batch grows.',
      },
      stepsize: {
        title: 'The step size matters',
        caption: 'GD with η = 0.1 (too small: it crawls), η = 1 (good) and η = 2.2 > 2/L = 2 (too large: it diverges).',
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
    suggestedLr: (lr: string) => `Step size from the curvature at the start: η\u00a0≈\u00a0${lr}`,
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
  },

  runs: {
    heading: 'Optimizers',
    addGroup: 'Add an optimizer',
    add: 'Add:',
    kinds: {
      gd: 'GD',
      sgd: 'SGD',
      minibatch: 'Mini-batch GD',
      momentum: 'Momentum',
      nesterov: 'Nesterov',
    } as Record<OptimizerKind, string>,
    show: 'show',
    remove: (kind: string) => `Remove ${kind} run`,
    lr: 'Step size η',
    lrOf: (kind: string) => `Step size η of ${kind}`,
    alpha: 'Momentum α',
    alphaOf: (kind: string) => `Momentum α of ${kind}`,
    batch: (n: number) => `Batch size B (of ${n})`,
    batchOf: (kind: string) => `Batch size of ${kind}`,
    seed: 'Seed',
    divergedAt: (step: number) => `diverged at step ${step}`,
    theoryRate: (rate: string) => `theory: rate ${rate} per step`,
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
    iteration: 'iteration t',
    minimum: 'minimum',
    saddle: 'saddle point',
    start: 'start',
    intercept: 'w₀ (intercept)',
    slope: 'w₁ (slope)',
    /** Plotly's layout.separators: the decimal mark, then the thousands separator. */
    separators: '.,',
    decimal: '.',
    contour: "Contour plot of the function with the optimizers' paths; click to move the start",
    loss: 'Loss against iteration, one line per run',
  },

  field: {
    /** The one message of a refused number: what it must be. */
    range: (integer: boolean, minExclusive: boolean, min: string, max: string) =>
      `Enter ${integer ? 'a whole number' : 'a number'} ${minExclusive ? 'above' : 'from'} ${min} ${minExclusive ? 'up to' : 'to'} ${max}`,
  },

  export: {
    open: 'Export figure',
    figure: 'Figure',
    contour: 'Contour with paths',
    loss: 'Loss plot',
    both: 'Both, side by side',
    strip: 'Iteration strip',
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

  link: {
    notice: 'This link had settings Ravine could not use, so it opened with the nearest valid ones. Left out:',
    close: 'Close this notice',
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
    },
  },

  help: {
    title: 'Keyboard shortcuts',
    close: 'Close',
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
    note: 'The keys do nothing while you type in a field, pick from a list or move a slider.',
  },

  /** A refused formula, by its code (the parameters come from the FormulaError). */
  formula: englishFormulaMessages,
};

export type Messages = typeof en;
