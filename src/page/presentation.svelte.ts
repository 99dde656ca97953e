// The presentation: the figure fills the screen in large type, the focused run's knobs under it, the
// keyboard drives it (Shortcuts). Full screen when the browser allows; leaving full screen leaves it.
export class Presentation {
  on = $state(false);
  /** Whether the loss plot shows beside the figure (L). */
  loss = $state(false);
  /** Whether the full screen is the one entering the presentation asked for, so leaving it leaves the presentation too. */
  #fullscreenOurs = false;

  async set(on: boolean): Promise<void> {
    this.on = on;
    if (on && !document.fullscreenElement) {
      this.#fullscreenOurs = await document.documentElement.requestFullscreen().then(() => true, () => false);
    } else if (!on && document.fullscreenElement) {
      this.#fullscreenOurs = false;
      await document.exitFullscreen().catch(() => {});
    }
  }

  /** F: full screen on or off, the presentation staying as it is. */
  toggleFullscreen(): void {
    if (document.fullscreenElement) {
      this.#fullscreenOurs = false;
      void document.exitFullscreen().catch(() => {});
    } else void document.documentElement.requestFullscreen().catch(() => {});
  }

  /** The document's `fullscreenchange`. */
  fullscreenChanged(): void {
    if (!document.fullscreenElement && this.#fullscreenOurs) {
      this.#fullscreenOurs = false;
      this.on = false;
    }
  }
}
