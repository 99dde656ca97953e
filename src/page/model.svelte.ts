import { untrack } from 'svelte';
import { optimizerDef, type Box } from '../core';
import { runColor } from '../draw/palette';
import type { PathView } from '../draw/types';
import { lang, t } from '../i18n/lang.svelte';
import { changeRun, nudgeRun } from '../state/actions';
import type { EmbedItem } from '../state/embed';
import { runLabel, runStatus, standing, statusAt } from '../state/labels';
import { defaultState } from '../state/defaults';
import { limits, type PlaygroundState } from '../state/playground';
import { axisValues } from '../state/cost';
import { presets, type Preset } from '../state/presets';
import { roundPick, type Pick } from '../state/sliders';
import { race, raceTarget } from '../state/race';
import type { TuneTarget } from '../state/ratemap';
import { baseFunction, boxRange, finiteSum, lossFloor, lossSeries, predictedRate, runTrajectories, surface } from '../state/scene';
import { bandSeries, runBands, seedKey, seedTrajectories } from '../state/seeds';
import { SeedRuns } from './seedRuns.svelte';
import { deferred, pending } from './pending';
import { defaultShow, type ShowState } from '../state/show';
import { surfaceViews } from '../state/surface';
import { decode, encode, type Decoded } from '../state/url';
import { hasCloud, recentVectors, visibleVectorStep } from '../state/vectors';
import { linkWriter, pageUrl } from './history';
import { overlays } from './overlays';
import { Presentation } from './presentation.svelte';
import type { Shortcut } from './shortcuts';
import { tuneRuns } from './tune';

/** How long input must rest before the seeds worker is asked for the present settings' seeds. */
const SEEDS_AFTER_MS = 150;

/** The presets by their state's link, to tell which one is on screen. */
const presetLinks = presets.map((p) => ({ p, link: encode({ state: decode(p.link).state, playhead: null, view: null }) }));

/**
 * The playground behind the page: what a link holds (the state, the playhead, the zoom, the view options,
 * the rate map's run), how it plays, and everything the figures draw, derived from it. Components read it
 * and change it through its methods and the state's actions; nothing flows back up.
 */
export class PlaygroundModel {
  // What an empty link holds, until the constructor opens the page's link (open sets each of these).
  s: PlaygroundState = $state(defaultState());
  /** The iteration shown; it may lie past the last step (it rests at the end when the iterations grow). */
  playhead: number = $state(limits.steps.max);
  /** The user's zoom, or null for the function's own view. */
  view: Box | null = $state(null);
  /** What the contour shows beside the paths. */
  show: ShowState = $state(defaultShow());
  /** The run whose rate map is shown; null while the map is hidden. */
  mapRun: number | null = $state(null);
  /** The run whose learning-rate range test is shown; null while it is hidden. */
  rangeRun: number | null = $state(null);
  /** What the link had that could not be used, in words. */
  dropped: string[] = $state([]);
  playing = $state(false);
  speed = $state(20);
  /** The run picked for the focus bar, if any. */
  focusId: number | null = $state(null);
  /** What the page shows when a course page embeds it (the link's `embed`); null for the full page. */
  readonly embed: EmbedItem[] | null;
  /** The origin of the only page an embedded figure talks to (the link's `origin`); null for any that frames it. */
  readonly origin: string | null;
  readonly presentation = new Presentation();
  copyNote = $state('');
  tuneNote = $state('');
  tuning = $state(false);
  /** What "Tune every run" minimises; the evaluations to reach ε only where there is a race (f* known). */
  tuneFor: TuneTarget['kind'] = $state('rate');

  // The contour depends on the function alone; noise and runs only move the paths.
  readonly base = $derived(baseFunction({ id: this.s.fn.id, params: { ...this.s.fn.params }, formula: this.s.fn.formula, view: this.s.fn.view }));
  readonly grid = $derived(surface(this.base));
  readonly fn = $derived(finiteSum(this.base, this.s.fn));
  readonly trajectories = $derived(runTrajectories(this.fn, this.s));
  readonly shownStep = $derived(Math.min(this.playhead, this.s.steps));
  /**
   * Each stochastic run's other K − 1 seeds and its band of f over all K, from the seeds worker (null for a
   * full-gradient run or K = 1); `seedsCurrent` says whether all are for the present settings yet.
   */
  readonly seedRuns = new SeedRuns();
  readonly seedKeys = $derived(this.s.runs.map((r) => seedKey(this.s, r, this.fn.n, this.show.seeds)));
  readonly spreads = $derived(this.seedRuns.shown(this.s.runs, this.seedKeys));
  readonly seedsCurrent = $derived(this.seedRuns.current(this.s.runs, this.seedKeys));
  readonly extras = $derived(this.spreads.map((x) => x?.paths ?? []));
  readonly bands = $derived(this.spreads.map((x) => x?.band ?? null));
  /** The race's ε, and the race to it; null where f* is unknown. */
  readonly target = $derived(raceTarget(this.fn, this.s, this.show));
  readonly race = $derived(this.target === null ? null : race(this.fn, this.s, this.trajectories, this.extras, this.target));

  // The forces behind the step at the playhead.
  readonly vectors = $derived(
    this.trajectories.map((tr, i) => (this.show.vectors > 0 ? recentVectors(this.s.runs[i], tr, Math.min(this.shownStep, tr.points.length - 1), this.show.vectors) : [])),
  );
  /** The overlays' marks: the field of −∇f, each run's cloud and step vectors. */
  readonly extra = $derived(overlays(this));
  /** Which parts of the forces the key explains. */
  readonly keyParts = $derived({
    inertia: this.s.runs.some((r, i) => r.visible && this.vectors[i].some((v) => v.inertia !== null)),
    lookahead: this.s.runs.some((r, i) => r.visible && this.vectors[i].some((v) => v.lookahead !== null)),
    raw: this.s.runs.some((r, i) => r.visible && this.vectors[i].some((v) => v.parts.some((p) => p.kind === 'raw'))),
    cloud: this.show.cloud && this.s.runs.some((r) => r.visible && hasCloud(r)),
  });

  /** The loss plot's log floor: f*, or for a formula bounded below on the box the lowest value found. */
  readonly floor = $derived(lossFloor(this.fn, () => this.range, this.trajectories));
  /** f's range over the box, its lowest value searched for: read only while f* is unknown, once per function. */
  private readonly range = $derived(boxRange(this.base));
  readonly logLoss = $derived(this.floor !== null);
  readonly statuses = $derived(this.trajectories.map((tr) => runStatus(tr, this.fn.fMin, lang())));
  /** Where each run stands at the playhead, for the legend and the cards: f there, or how it ended. */
  readonly atStep = $derived(this.trajectories.map((tr) => statusAt(tr, this.shownStep, this.fn.fMin, lang())));
  /** The visible runs as the plots draw them. */
  readonly paths: PathView[] = $derived(
    this.s.runs.flatMap((r, i) => {
      if (!r.visible) return [];
      const tr = this.trajectories[i];
      return [{
        id: r.id, color: runColor(r.id),
        name: runLabel(r, this.fn.n, lang()),
        status: this.atStep[i],
        points: tr.points, f: tr.losses, loss: lossSeries(this.fn, tr, this.floor).y,
        diverged: tr.diverged?.step ?? null,
        xs: axisValues(this.show.axis, r, this.fn.n, this.s.steps + 1),
        band: this.bands[i] && bandSeries(this.bands[i], this.floor),
        seeds: this.extras[i],
      }];
    }),
  );

  readonly mapped = $derived(this.s.runs.find((r) => r.id === this.mapRun) ?? null);
  readonly ranged = $derived(this.s.runs.find((r) => r.id === this.rangeRun) ?? null);

  /**
   * Shows a run's rate map or its range test (null hides it). Both are measured by the page's one pool of map
   * workers, where a new request cancels the one before, so one of the two shows at a time.
   */
  showMap(id: number | null): void {
    this.mapRun = id;
    if (id !== null) this.rangeRun = null;
  }

  showRange(id: number | null): void {
    this.rangeRun = id;
    if (id !== null) this.mapRun = null;
  }
  /** The run under the contour: the one picked, else the first with a knob beside η (α, β₁, ρ), else the first. */
  readonly focused = $derived(
    this.s.runs.find((r) => r.id === this.focusId) ?? this.s.runs.find((r) => optimizerDef(r.kind).map) ?? this.s.runs[0] ?? null,
  );

  /** The link of the state and zoom alone: a change of it is a step Back undoes. */
  readonly #stateLink = $derived(encode({ state: this.s, playhead: null, view: this.view }));
  /**
   * The preset whose figure is on screen now, if any: its caption says what to look at. Unzoomed, the
   * state's link is the one to compare (a drag encodes the state once a frame, not twice).
   */
  readonly activePreset = $derived.by(() => {
    const link = this.view === null ? this.#stateLink : encode({ state: this.s, playhead: null, view: null });
    return presetLinks.find((x) => x.link === link)?.p ?? null;
  });
  readonly #links: ReturnType<typeof linkWriter>;

  /** The page opens on its link: the state, the playhead and the zoom; what the link had wrong is named. */
  constructor(opened: Decoded) {
    this.embed = opened.embed ?? null;
    this.origin = opened.origin ?? null;
    this.open(opened);
    this.#links = linkWriter(this.#stateLink);
  }

  /**
   * Starts what follows the state: Play's clock and the address bar. Call it once from the page's script,
   * so these end with the page.
   */
  start(): void {
    // Play: advance the playhead at `speed` steps per second until the last step.
    $effect(() => {
      if (!this.playing) return;
      const from = untrack(() => this.shownStep);
      const t0 = performance.now();
      const tick = (now: number) => {
        const steps = untrack(() => this.s.steps);
        const k = Math.min(steps, from + Math.floor(((now - t0) / 1000) * this.speed));
        if (k !== untrack(() => this.playhead)) this.playhead = k;
        if (k >= steps) this.playing = false;
        else raf = requestAnimationFrame(tick);
      };
      let raf = requestAnimationFrame(tick);
      return () => cancelAnimationFrame(raf);
    });

    // The other seeds run in the worker, asked for once input rests: on two cores a worker busy during a drag
    // takes the time the page's renderer needs for its frames (each run shows its last seeds meanwhile). The
    // page is pending until each run shows its present seeds.
    const request = deferred('seed request', SEEDS_AFTER_MS);
    $effect(() => {
      const keys = this.seedKeys;
      if (untrack(() => this.seedRuns.current(this.s.runs, keys))) return request.cancel();
      const s = $state.snapshot(this.s), seeds = untrack(() => this.show.seeds);
      request.schedule(() => this.seedRuns.want(s, keys, seeds));
    });
    $effect(() => pending('seeds', !this.seedsCurrent));
    $effect(() => () => {
      request.cancel();
      this.seedRuns.dispose();
    });

    // The address bar follows the state; Back and Forward bring earlier states back (follow).
    $effect(() => {
      // An embedded figure leaves the address alone: an iframe's history entries join the course page's, so
      // its reader's Back would first undo slider moves. "Open in Ravine" carries the state instead.
      if (this.embed) return;
      // The language travels in the link, but changing it is not a step Back would undo. The whole link is
      // encoded once input rests: the effect follows its parts, not its text.
      void this.#linkParts;
      this.#links.write(this.#stateLink, () => this.#link());
    });
  }

  /** Shows a decoded link: a preset, or the address after Back or Forward. */
  open(d: Decoded): void {
    this.playing = false;
    this.s = d.state;
    this.playhead = d.playhead ?? limits.steps.max;
    this.view = d.view;
    this.dropped = d.dropped;
    this.mapRun = d.map ?? null;
    this.rangeRun = d.map != null ? null : (d.range ?? null);
    this.show = d.show ?? defaultShow();
  }

  /**
   * The visible runs' paths with the legend's words for another figure than the screen's: `'end'` how each run
   * ended (a loss plot shows the whole run), a step where each stands there, null none (a strip of several t,
   * each panel headed by its own). `bare`: without "at t = …", for a figure that says its t once (a GIF's frame).
   */
  pathsWith(at: number | 'end' | null, bare = false): PathView[] {
    const index = new Map(this.s.runs.map((r, i) => [r.id, i]));
    return this.paths.map((p) => {
      const i = index.get(p.id)!;
      const { status: _, ...rest } = p;
      if (at === null) return rest;
      if (at === 'end') return { ...rest, status: this.statuses[i] };
      return { ...rest, status: (bare ? standing : statusAt)(this.trajectories[i], at, this.fn.fMin, lang()) };
    });
  }

  /**
   * New view options. Step vectors turned on where the shown steps are too short to see (at the end of a run
   * that has converged) move the playhead back to the latest step whose vectors show.
   */
  setShow(next: ShowState): void {
    if (next.vectors > 0 && this.show.vectors === 0) {
      const view = this.view ?? this.fn.view;
      const at = visibleVectorStep(this.s.runs, this.trajectories, Math.min(this.shownStep, this.s.steps), view.x[1] - view.x[0]);
      if (at !== this.shownStep) {
        this.playing = false;
        this.playhead = at;
      }
    }
    this.show = next;
  }

  /** Opens a lecture preset: its link, whole (a preset's link is clean, it drops nothing). */
  openPreset(p: Preset): void {
    this.open({ ...decode(p.link), dropped: [] });
  }

  /**
   * The next (`by` 1) or previous (−1) preset after the one on screen, as a clicker steps through slides; from a
   * figure that is no preset, the first (or the last). The ends stay put: a lecture does not wrap round.
   */
  stepPreset(by: 1 | -1): void {
    const at = this.activePreset ? presets.indexOf(this.activePreset) : by > 0 ? -1 : presets.length;
    const next = presets[at + by];
    if (next) this.openPreset(next);
  }

  /** After Back or Forward: the state now shown came from the address bar. */
  follow(): void {
    const d = decode(location.search);
    this.#links.follow(encode({ state: d.state, playhead: null, view: d.view }));
    this.open(d);
  }

  /** What the page's link holds: the state, and the playhead, zoom, language, map and view settings with it. */
  readonly #linkParts = $derived({
    state: this.s, playhead: this.shownStep < this.s.steps ? this.shownStep : null, view: this.view,
    lang: lang(), map: this.mapRun, range: this.rangeRun, show: $state.snapshot(this.show),
  });

  #link(embed?: EmbedItem[]): string {
    return encode({ ...this.#linkParts, embed });
  }

  /** An embedded figure's own link as it stands now (a query): its state and view with its `embed` and `origin`. */
  embedLink(): string {
    return `?${encode({ ...this.#linkParts, embed: this.embed, ...(this.origin ? { origin: this.origin } : {}) })}`;
  }

  /** The page's full link as it stands now (the address bar catches up only once input rests); with `embed`, an embedded figure's. */
  pageLink(embed?: EmbedItem[]): string {
    return pageUrl(this.#link(embed));
  }

  /** The page's link to the clipboard. */
  async copyLink(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.pageLink());
      this.copyNote = t().header.copied;
    } catch {
      this.copyNote = t().header.copyFailed;
    }
  }

  /** A presentation key: nudge the focused run's η or knob by 1 % of its slider, pick a run, toggle a layer or the map, move the 3-D view. */
  present(key: Shortcut, run: number): void {
    const p = this.presentation;
    if (key === 'present') void p.set(!p.on);
    else if (key === 'leave') void p.set(false);
    else if (key === 'fullscreen') p.toggleFullscreen();
    else if (key === 'run') this.focusId = this.s.runs[run - 1]?.id ?? this.focusId;
    // Beside the figure, the loss plot or the rate map of the run under it: one at a time.
    else if (key === 'loss') {
      p.loss = !p.loss;
      if (p.loss) this.showMap(null);
    } else if (key === 'map') {
      this.showMap(this.mapped || !this.focused ? null : this.focused.id);
      if (this.mapped) p.loss = false;
    }
    else if (key === 'vectors') this.setShow({ ...this.show, vectors: this.show.vectors > 0 ? 0 : 1 });
    else if (key === 'nextPreset' || key === 'previousPreset') this.stepPreset(key === 'nextPreset' ? 1 : -1);
    else if (key === 'surface') this.show.surface = surfaceViews[(surfaceViews.indexOf(this.show.surface) + 1) % surfaceViews.length];
    else if (this.focused) {
      const setting = key === 'lrUp' || key === 'lrDown' ? 'lr' : 'knob';
      nudgeRun(this.s, this.fn, this.focused.id, setting, key === 'lrUp' || key === 'knobUp' ? 10 : -10);
    }
  }

  /** Each run's band over its K seeds as an export writes it: computed here and now, never a moment old. */
  exportBands(): ReturnType<typeof runBands> {
    return runBands(this.s, this.trajectories, seedTrajectories(this.fn, this.s, this.show.seeds));
  }

  /**
   * A setting chosen on the map, by Optimal or by Tune: η and the map's second setting, to four significant
   * digits, or as many more as keep theory's rate (the link stays short; a computed optimum has sixteen).
   */
  pickSetting(id: number, computed: Pick): void {
    const run = this.s.runs.find((r) => r.id === id);
    if (!run) return;
    const base = $state.snapshot(run);
    const pick = roundPick(computed, (lr, value) =>
      predictedRate(this.fn, { ...base, lr, params: computed.param && value !== undefined ? { ...base.params, [computed.param.name]: value } : base.params }),
    );
    changeRun(this.s, id, { lr: pick.lr });
    if (pick.param) changeRun(this.s, id, { param: pick.param.name, value: pick.param.value });
  }

  /** "Tune every run": each run gets its best measured setting on the function and budget at hand. */
  async tune(): Promise<void> {
    this.tuning = true;
    try {
      const target: TuneTarget = this.tuneFor === 'evals' && this.target !== null
        ? { kind: 'evals', eps: this.target, seeds: this.show.seeds }
        : { kind: 'rate' };
      const tuned = await tuneRuns($state.snapshot(this.s), this.fn, target, (k, n) => (this.tuneNote = t().map.tuning(k, n)));
      for (const x of tuned) this.pickSetting(x.id, x);
      this.tuneNote = t().map.tuned(tuned.map((x) => runLabel(this.s.runs.find((r) => r.id === x.id)!, this.fn.n, lang())).join('; '));
    } catch (err) {
      // A worker failed: nothing was set (the settings are applied only once every run is tuned).
      this.tuneNote = t().map.tuneFailed(err instanceof Error ? err.message : String(err));
    } finally {
      this.tuning = false;
    }
  }
}
