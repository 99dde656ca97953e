// Work the page has deferred on a timer (the link written once input rests, a formula applied once typing
// pauses) or handed to a worker (the other seeds' runs), named on <html data-pending>: a test that checks
// nothing changed waits until the list is empty instead of sleeping for a guess of the delays.

const waiting = new Set<string>();

/** Writes the attribute only when its value changes: a write restyles the page (a drag marks work once a frame). */
function show(): void {
  const value = [...waiting].sort().join(' '), root = document.documentElement;
  if (value === (root.dataset.pending ?? '')) return;
  if (value) root.dataset.pending = value;
  else delete root.dataset.pending;
}

/** Marks work in flight elsewhere (a worker's answer awaited) as pending, or done. */
export function pending(name: string, on: boolean): void {
  if (on) waiting.add(name);
  else waiting.delete(name);
  show();
}

/** A timer of `ms` that runs `run` unless replaced or cancelled first; the page is pending meanwhile. */
export function deferred(name: string, ms: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    clearTimeout(timer);
    pending(name, false);
  };
  return {
    schedule(run: () => void): void {
      clearTimeout(timer);
      pending(name, true);
      timer = setTimeout(() => {
        cancel();
        run();
      }, ms);
    },
    cancel,
  };
}
