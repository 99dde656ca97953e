// Work the page has deferred on a timer (the link written once input rests, a formula applied once typing
// pauses), named on <html data-pending>: a test that checks nothing changed waits until the list is empty
// instead of sleeping for a guess of the delays.

const waiting = new Set<string>();

function show(): void {
  if (waiting.size) document.documentElement.dataset.pending = [...waiting].join(' ');
  else delete document.documentElement.dataset.pending;
}

/** A timer of `ms` that runs `run` unless replaced or cancelled first; the page is pending meanwhile. */
export function deferred(name: string, ms: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    clearTimeout(timer);
    waiting.delete(name);
    show();
  };
  return {
    schedule(run: () => void): void {
      clearTimeout(timer);
      waiting.add(name);
      show();
      timer = setTimeout(() => {
        cancel();
        run();
      }, ms);
    },
    cancel,
  };
}
