/**
 * Keeps the address bar on the current link. A change of the state after a quiet second opens a new
 * history entry, so Back and Forward step through meaningful changes; the rest of a slider drag, and
 * the playhead moving, only rewrite the entry they are in.
 */
export function linkWriter(initialStateLink: string, quietMs = 1000) {
  let lastState = initialStateLink;
  let lastAt = -Infinity;
  return {
    write(stateLink: string, full: string): void {
      const changed = stateLink !== lastState;
      if (`?${full}` !== location.search) {
        const push = changed && performance.now() - lastAt > quietMs;
        history[push ? 'pushState' : 'replaceState'](null, '', `${location.pathname}?${full}`);
      }
      if (changed) lastAt = performance.now();
      lastState = stateLink;
    },
    /** After Back or Forward: the state now shown came from the address bar. */
    follow(stateLink: string): void {
      lastState = stateLink;
    },
  };
}
