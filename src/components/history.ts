/**
 * Keeps the address bar on the current link, once input has rested (writing it on every frame of a
 * drag costs the frame time it needs). Each burst of changes to the state becomes one history entry,
 * so Back and Forward step through meaningful changes; a burst that only moved the playhead rewrites
 * the entry it is in.
 */
export function linkWriter(initialStateLink: string, quietMs = 300) {
  let written = initialStateLink;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    write(stateLink: string, full: string): void {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (`?${full}` === location.search) return;
        const push = stateLink !== written;
        history[push ? 'pushState' : 'replaceState'](null, '', `${location.pathname}?${full}`);
        written = stateLink;
      }, quietMs);
    },
    /** After Back or Forward: the state now shown came from the address bar. */
    follow(stateLink: string): void {
      clearTimeout(timer);
      written = stateLink;
    },
  };
}
