// An embedded figure's side of the message API (state/embedMessages.ts): it takes the commands of the page that
// frames it, announces what changes, and with the link's `keys` passes the navigation keys on to that page.
import { startLang } from '../i18n/lang.svelte';
import { changeRun } from '../state/actions';
import { deckKey, PROTOCOL, readCommand, type Announcement, type Command } from '../state/embedMessages';
import { decode } from '../state/url';
import type { PlaygroundModel } from './model.svelte';
import { deferred } from './pending';
import { ignoresShortcuts, showStep, togglePlay, type PlayState } from './shortcuts';

/** How long input must rest before the link is announced (as the address bar is written on the full page). */
const LINK_AFTER_MS = 300;

/**
 * Starts the channel for a figure in a frame; call it once from the page's script. Commands count only from
 * the frame's parent, and from the link's `origin` when it names one; announcements go to that origin, else
 * to whichever page frames the figure: all they tell is the figure's link (public: it is the frame's own
 * address plus what the reader changed), the playhead and the navigation keys pressed in it.
 * `drawn` is to be called once the figure is drawn: the channel then says `ready`, and from then on every change.
 */
export function embedChannel(model: PlaygroundModel): { drawn(): void } {
  const parent = window.parent;
  const post = (m: Announcement) => parent.postMessage({ ravine: PROTOCOL, ...m }, model.origin ?? '*');
  let ready = false;
  let announced = '';

  const go = (p: PlayState) => {
    model.playhead = p.playhead;
    model.playing = p.playing;
  };
  function apply(c: Command): void {
    if (c.type === 'link') {
      const d = decode(c.link);
      if (d.lang) startLang(d.lang);
      model.open(d);
      post({ type: 'dropped', dropped: d.dropped });
    } else if (c.type === 'play') {
      if (!model.playing) go(togglePlay(model, model.s.steps));
    } else if (c.type === 'pause') model.playing = false;
    else if (c.type === 'seek') go(showStep(c.t, model.s.steps));
    else {
      if (c.lr !== undefined) changeRun(model.s, c.id, { lr: c.lr });
      if (c.alpha !== undefined) changeRun(model.s, c.id, { param: 'alpha', value: c.alpha });
    }
  }

  function onmessage(e: MessageEvent): void {
    if (e.source !== parent || (model.origin !== null && e.origin !== model.origin)) return;
    const read = readCommand(e.data, { steps: model.s.steps, runs: model.s.runs });
    if (read?.ok) apply(read.command);
    else if (read) post(read.error);
  }

  // A key no control of the figure takes (a focused slider keeps its arrows) goes to the page: a deck's →
  // still turns the slide after a click into the figure.
  function onkeydown(e: KeyboardEvent): void {
    if (e.defaultPrevented || ignoresShortcuts(e.target instanceof Element ? e.target : null, e.key)) return;
    const key = deckKey(e);
    if (!key) return;
    e.preventDefault();
    post(key);
  }

  $effect(() => {
    const keys = model.embed?.includes('keys') ?? false;
    window.addEventListener('message', onmessage);
    if (keys) window.addEventListener('keydown', onkeydown);
    return () => {
      window.removeEventListener('message', onmessage);
      window.removeEventListener('keydown', onkeydown);
    };
  });

  // The link once input rests (the page is pending meanwhile), when it differs from the last one said.
  const links = deferred('embed link', LINK_AFTER_MS);
  $effect(() => {
    const link = model.embedLink();
    if (!ready) return;
    if (link === announced) return links.cancel();
    links.schedule(() => {
      announced = link;
      post({ type: 'link', link });
    });
  });
  $effect(() => () => links.cancel());
  $effect(() => {
    const at: Announcement = { type: 'playhead', t: model.shownStep, steps: model.s.steps, playing: model.playing };
    if (ready) post(at);
  });

  return {
    drawn(): void {
      if (ready) return;
      ready = true;
      announced = model.embedLink();
      post({ type: 'ready', link: announced, t: model.shownStep, steps: model.s.steps, playing: model.playing, dropped: $state.snapshot(model.dropped) });
    },
  };
}
