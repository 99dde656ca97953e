import { deferred } from './pending';

/**
 * Keeps the address bar on the current link, once input has rested (writing it on every frame of a
 * drag costs the frame time it needs). Each burst of changes to the state becomes one history entry,
 * so Back and Forward step through meaningful changes; a burst that only moved the playhead rewrites
 * the entry it is in.
 */
export function linkWriter(initialStateLink: string, quietMs = 300) {
  let written = initialStateLink;
  const timer = deferred('link', quietMs);
  return {
    /** `full` gives the whole link once input rests: encoding it on every change of a drag costs frame time too. */
    write(stateLink: string, full: () => string): void {
      timer.schedule(() => {
        const link = full();
        if (`?${link}` === location.search) return;
        const push = stateLink !== written;
        history[push ? 'pushState' : 'replaceState'](null, '', pageUrl(link));
        written = stateLink;
      });
    },
    /** After Back or Forward: the state now shown came from the address bar. */
    follow(stateLink: string): void {
      timer.cancel();
      written = stateLink;
    },
  };
}

/**
 * This page's address with the query `search`, absolute: a path that begins with // (a mistyped or crafted
 * link) would otherwise read as another host, which history refuses with a SecurityError.
 */
export function pageUrl(search: string): string {
  const url = new URL(location.href);
  url.search = search;
  url.hash = '';
  return url.href;
}
