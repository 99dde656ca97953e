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

export type Shortcut = 'play' | 'step' | 'back' | 'reset' | 'end' | 'help';

type Key = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey'>;

/**
 * The shortcut a key press means, or null. R works on any layout (by its place on the keyboard, so the
 * Russian К does it too); '.' and ',' are the keys that type them.
 */
export function shortcutOf(e: Key): Shortcut | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  switch (e.key) {
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
  return e.code === 'KeyR' ? 'reset' : null;
}

/**
 * Whether a key press on `el` belongs to it: typing in a field, choosing in a list, moving a slider,
 * anything in a dialog (the figure behind it stays put), or (for Space) pressing a button or ticking a box.
 */
export function ignoresShortcuts(el: Element | null, key: string): boolean {
  if (!el) return false;
  if (el.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"]), dialog')) return true;
  return key === ' ' && !!el.closest('button, summary, a[href], [role="button"], [role="checkbox"], [role="switch"]');
}
