// What the playback buttons and the keyboard shortcuts do to the playhead, in one place, and which key
// means what. Pure, apart from `ignoresShortcuts`, which looks at the focused element.

export interface PlayState {
  /** The iteration shown; it may lie past the last step (it rests at the end when the iterations grow). */
  playhead: number;
  playing: boolean;
}

/** Play or pause; playing from the last step starts over from t = 0. */
export function togglePlay(p: PlayState, steps: number): PlayState {
  const at = Math.min(p.playhead, steps);
  return { playhead: !p.playing && at >= steps ? 0 : p.playhead, playing: !p.playing };
}

/** Pause and show iteration `t` (clamped to 0 … steps). */
export function showStep(t: number, steps: number): PlayState {
  return { playhead: Math.max(0, Math.min(steps, t)), playing: false };
}

/**
 * The playback keys everywhere, `present` to enter or leave the presentation, and the presentation's own
 * keys (which mean nothing outside it): η and the rule's knob (α, β₁, ρ) of the run under the plot up or
 * down, a run by its number, the loss plot, the rate map and the step vectors on or off, the 3-D view's place (D), full
 * screen, leave, and the next or previous lecture preset (Page Down / Page Up, what a clicker sends).
 */
export type Shortcut =
  | 'play' | 'step' | 'back' | 'reset' | 'end' | 'help' | 'present'
  | 'lrUp' | 'lrDown' | 'knobUp' | 'knobDown' | 'run' | 'loss' | 'map' | 'vectors' | 'surface' | 'fullscreen' | 'leave'
  | 'nextPreset' | 'previousPreset';

/** The presentation's own keys. */
export const presentationKeys: readonly Shortcut[] = [
  'lrUp', 'lrDown', 'knobUp', 'knobDown', 'run', 'loss', 'map', 'vectors', 'surface', 'fullscreen', 'leave', 'nextPreset', 'previousPreset',
];

type Key = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey'> & { shiftKey?: boolean };

/** Letter keys by their place on the keyboard, so a Russian layout's letters work too. */
const byPlace: Record<string, Shortcut> = { KeyR: 'reset', KeyP: 'present', KeyL: 'loss', KeyM: 'map', KeyV: 'vectors', KeyD: 'surface', KeyF: 'fullscreen' };

/**
 * The shortcut a key press means, or null. Letters work on any layout (by their place on the keyboard,
 * so the Russian К does R's work); '.' and ',' are the keys that type them.
 */
export function shortcutOf(e: Key): Shortcut | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  switch (e.key) {
    case 'ArrowUp':
      return e.shiftKey ? 'knobUp' : 'lrUp';
    case 'ArrowDown':
      return e.shiftKey ? 'knobDown' : 'lrDown';
    case 'Escape':
      return 'leave';
    // What a presentation clicker sends for its forward and back buttons: the next and the previous figure.
    case 'PageDown':
      return 'nextPreset';
    case 'PageUp':
      return 'previousPreset';
    case ' ':
      return 'play';
    case 'ArrowRight':
    case '.':
      return 'step';
    case 'ArrowLeft':
    case ',':
      return 'back';
    case 'Home':
    case 'r':
    case 'R':
      return 'reset';
    case 'End':
      return 'end';
    case '?':
      return 'help';
  }
  if (/^Digit[1-9]$/.test(e.code) || /^[1-9]$/.test(e.key)) return 'run';
  return byPlace[e.code] ?? null;
}

/** Which run a digit key names: 1 for the first. */
export function runNumber(e: Pick<KeyboardEvent, 'key' | 'code'>): number {
  return Number(/^Digit([1-9])$/.exec(e.code)?.[1] ?? e.key);
}

/**
 * Whether a key press on `el` belongs to it: typing in a field, choosing in a list, moving a slider,
 * anything in an open dialog (the figure behind it stays put; a dialog just closed may keep the focus until the
 * next frame), or (for Space) pressing a button or ticking a box.
 */
export function ignoresShortcuts(el: Element | null, key: string): boolean {
  if (!el) return false;
  if (el.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"]), dialog[open]')) return true;
  return key === ' ' && !!el.closest('button, summary, a[href], [role="button"], [role="checkbox"], [role="switch"]');
}
