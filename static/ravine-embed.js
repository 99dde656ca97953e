/*
 * ravine-embed.js — the page's half of an embedded Ravine figure (a slide deck, a course page).
 *
 *   <iframe src="https://…/?…&embed=play,lr,keys" …></iframe>
 *   <script src="https://…/ravine-embed.js"></script>
 *
 * - With `keys` in the figure's `embed`, the keys it passes on (the arrows, Space, Page Up / Page Down, Home,
 *   End) are pressed again on this page, from the iframe: keydown then keyup, with `key`, `code`, `keyCode`
 *   and `which` as a real key press has them, so a deck (reveal.js reads keyCode) turns its slides after a
 *   click into the figure.
 * - RavineEmbed.send(iframe, { type: 'seek', t: 12 }) sends a command (see the README: link, play, pause,
 *   seek, set); commands sent before the figure is ready wait for it.
 * - RavineEmbed.on(iframe, type, callback) calls back with each announcement of that type ('ready', 'link',
 *   'playhead', 'dropped', 'error', 'key'; '*' for all); it returns a function that stops it.
 *
 * Only messages from an iframe of this page, from the origin its src names, count.
 */
(function () {
  'use strict';
  if (window.RavineEmbed) return;
  var PROTOCOL = 1;
  var listeners = [];
  /** Per iframe: whether it said `ready`, and the commands waiting for it. */
  var frames = new WeakMap();

  function originOf(iframe) {
    return new URL(iframe.src, location.href).origin;
  }

  function stateOf(iframe) {
    var s = frames.get(iframe);
    if (!s) frames.set(iframe, (s = { ready: false, waiting: [] }));
    return s;
  }

  function frameOf(source) {
    var all = document.getElementsByTagName('iframe');
    for (var i = 0; i < all.length; i++) if (all[i].contentWindow === source) return all[i];
    return null;
  }

  function post(iframe, command) {
    iframe.contentWindow.postMessage(Object.assign({ ravine: PROTOCOL }, command), originOf(iframe));
  }

  /** The key again, on this page: it bubbles from the iframe element to the document and the window. */
  function press(iframe, m) {
    ['keydown', 'keyup'].forEach(function (type) {
      var event = new KeyboardEvent(type, {
        key: m.key, code: m.code, keyCode: m.keyCode, which: m.keyCode, shiftKey: !!m.shiftKey,
        bubbles: true, cancelable: true, composed: true,
      });
      // Browsers that leave keyCode out of the event's init read 0: give the event its own.
      if (event.keyCode !== m.keyCode) {
        Object.defineProperty(event, 'keyCode', { get: function () { return m.keyCode; } });
        Object.defineProperty(event, 'which', { get: function () { return m.keyCode; } });
      }
      iframe.dispatchEvent(event);
    });
  }

  window.addEventListener('message', function (e) {
    var m = e.data;
    if (typeof m !== 'object' || m === null || m.ravine !== PROTOCOL || typeof m.type !== 'string') return;
    var iframe = frameOf(e.source);
    if (!iframe || e.origin !== originOf(iframe)) return;
    // The figure says nothing before `ready`: any word from it (should this script have come late) means it listens.
    var s = stateOf(iframe);
    if (!s.ready) {
      s.ready = true;
      s.waiting.splice(0).forEach(function (command) { post(iframe, command); });
    }
    if (m.type === 'key' && typeof m.key === 'string' && typeof m.keyCode === 'number') press(iframe, m);
    listeners.slice().forEach(function (l) {
      if (l.iframe === iframe && (l.type === m.type || l.type === '*')) l.callback(m);
    });
  });

  window.RavineEmbed = {
    send: function (iframe, command) {
      var s = stateOf(iframe);
      if (s.ready) post(iframe, command);
      else s.waiting.push(command);
    },
    on: function (iframe, type, callback) {
      var l = { iframe: iframe, type: type, callback: callback };
      listeners.push(l);
      return function () {
        var i = listeners.indexOf(l);
        if (i >= 0) listeners.splice(i, 1);
      };
    },
  };
})();
