// An embedded figure (an iframe on a course page): its link's `embed` parameter names what it shows
// beside the contour, and "Copy embed code" writes the iframe for it.
import { optimizerDef, optimizerKinds, type OptimizerKind } from '../core';
import type { RunState } from './playground';

/**
 * One item of an `embed` parameter: `play` (the playback bar), `loss` (the loss plot), `lr` (every run's η
 * slider), a rule setting's link key (`a`, `b1`, …: that setting's slider for every run that has it), or
 * `keys` (the keys the figure does not use go to the page around it: see embedMessages.ts).
 */
export type EmbedItem = string;

/** The rules' settings by link key, in table order: the key names the same setting in every rule that has it. */
const settings = new Map<string, string>(
  optimizerKinds.flatMap((k) => Object.entries(optimizerDef(k).hyper).map(([name, spec]) => [spec.key, name] as const)),
);

/** Every item an embed link may name, in the order the embed dialog offers them. */
export const embedItems: readonly EmbedItem[] = ['play', 'loss', 'lr', ...settings.keys(), 'keys'];

/** The known items of an `embed` parameter, in the link's order, each once, and the unknown ones. `embed=` is the figure alone. */
export function readEmbed(text: string): { items: EmbedItem[]; unknown: string[] } {
  const items = new Set<EmbedItem>(), unknown = new Set<string>();
  for (const part of text.split(',')) {
    if (part !== '') (embedItems.includes(part) ? items : unknown).add(part);
  }
  return { items: [...items], unknown: [...unknown] };
}

/** The sliders (RunSliders' names: 'lr' and setting names) a run of a kind shows for the items, in their order. */
export function embedSliders(items: readonly EmbedItem[], kind: OptimizerKind): string[] {
  const hyper = optimizerDef(kind).hyper;
  return items.flatMap((item) => {
    if (item === 'lr') return ['lr'];
    const name = settings.get(item);
    return name !== undefined && name in hyper ? [name] : [];
  });
}

/** The settings the runs have, as items with their names (the dialog's choices), in table order. */
export function embedSettings(runs: readonly Pick<RunState, 'kind'>[]): { item: EmbedItem; name: string }[] {
  return [...settings].filter(([, name]) => runs.some((r) => name in optimizerDef(r.kind).hyper)).map(([item, name]) => ({ item, name }));
}

/** What "Copy embed code" ticks first: playback, η, and the setting each run's rate map spans (α, β₁, ρ). */
export function defaultEmbed(runs: readonly Pick<RunState, 'kind'>[]): EmbedItem[] {
  const spanned = new Set(runs.map((r) => optimizerDef(r.kind).map).filter((n) => n !== undefined));
  return ['play', 'lr', ...embedSettings(runs).filter((s) => spanned.has(s.name)).map((s) => s.item)];
}

/**
 * The origin an embed link names for the page around it (`origin=https://course.example`): exactly as a browser
 * writes an origin (scheme, host and a port other than the scheme's own; no path, no slash), http or https.
 * Null for anything else.
 */
export function readOrigin(text: string): string | null {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === text ? text : null;
  } catch {
    return null;
  }
}

/** Text made safe inside a double-quoted HTML attribute. */
const attribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The iframe a course page pastes: the embed link at a size, titled for screen readers by the runs it
 * shows (their legend names), loaded when scrolled to; with `script`, the page's half after it
 * (static/ravine-embed.js, served beside the app: it hands the keys an embed passes on to the page).
 */
export function embedSnippet(src: string, size: { width: number; height: number }, runNames: string[], script = false): string {
  const title = runNames.length > 0 ? `Ravine: ${runNames.join('; ')}` : 'Ravine';
  const frame = `<iframe src="${attribute(src)}" width="${size.width}" height="${size.height}" style="border:0;max-width:100%" title="${attribute(title)}" loading="lazy"></iframe>`;
  return script ? `${frame}\n<script src="${attribute(new URL('ravine-embed.js', src).href)}"></script>` : frame;
}
