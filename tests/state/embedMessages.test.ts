import { describe, expect, it } from 'vitest';
import { deckKey, readCommand, type Figure } from '../../src/state/embedMessages';

// The default page's runs, with ids that are not their indices: GD has no α.
const figure: Figure = { steps: 100, runs: [{ id: 4, kind: 'gd' }, { id: 7, kind: 'momentum' }, { id: 9, kind: 'nesterov' }] };
const read = (m: unknown, f = figure) => readCommand(m, f);
const error = (m: unknown, f = figure) => {
  const r = read(m, f);
  if (r === null || r.ok) throw new Error(`not refused: ${JSON.stringify(m)}`);
  return r.error;
};

describe('embed commands', () => {
  it('ignore what is not ours: strings (reveal.js posts JSON text), null, numbers, objects without `ravine`', () => {
    for (const m of ['{"method":"slide","args":[2]}', null, undefined, 3, [], { type: 'seek', t: 3 }, { namespace: 'reveal', eventName: 'ready' }]) {
      expect(read(m), JSON.stringify(m)).toBeNull();
    }
  });

  it('read link, play, pause and seek', () => {
    expect(read({ ravine: 1, type: 'link', link: '?fn=rosenbrock&steps=50' })).toEqual({ ok: true, command: { type: 'link', link: '?fn=rosenbrock&steps=50' } });
    // Any text is a link: decode makes a state of it and names what it dropped.
    expect(read({ ravine: 1, type: 'link', link: '' })).toEqual({ ok: true, command: { type: 'link', link: '' } });
    expect(read({ ravine: 1, type: 'play' })).toEqual({ ok: true, command: { type: 'play' } });
    expect(read({ ravine: 1, type: 'pause' })).toEqual({ ok: true, command: { type: 'pause' } });
    for (const t of [0, 12, 100]) expect(read({ ravine: 1, type: 'seek', t })).toEqual({ ok: true, command: { type: 'seek', t } });
  });

  it('read set by index or by id, with η, α or both, each checked as its field checks it', () => {
    expect(read({ ravine: 1, type: 'set', index: 1, lr: 0.25 })).toEqual({ ok: true, command: { type: 'set', id: 7, lr: 0.25 } });
    expect(read({ ravine: 1, type: 'set', id: 9, alpha: 0.95 })).toEqual({ ok: true, command: { type: 'set', id: 9, alpha: 0.95 } });
    expect(read({ ravine: 1, type: 'set', index: 0, lr: 100 })).toEqual({ ok: true, command: { type: 'set', id: 4, lr: 100 } });
    expect(read({ ravine: 1, type: 'set', id: 7, lr: 1e-7, alpha: 0 })).toEqual({ ok: true, command: { type: 'set', id: 7, lr: 1e-7, alpha: 0 } });
  });

  it('refuse another version and unknown commands, naming them', () => {
    expect(error({ ravine: 2, type: 'seek', t: 3 })).toEqual({ type: 'error', command: 'seek', message: 'ravine must be 1 (the version of these messages), got 2' });
    expect(error({ ravine: '1', type: 'play' }).message).toBe('ravine must be 1 (the version of these messages), got "1"');
    expect(error({ ravine: 1, type: 'rewind' })).toEqual({ type: 'error', command: null, message: 'unknown command "rewind": the commands are link, play, pause, seek, set' });
    expect(error({ ravine: 1 }).message).toBe('unknown command undefined: the commands are link, play, pause, seek, set');
    expect(error({ ravine: 1, type: 'toString' }).command).toBeNull();
  });

  it('refuse a field a command does not take', () => {
    expect(error({ ravine: 1, type: 'play', t: 3 })).toEqual({ type: 'error', command: 'play', message: 'play: unknown field "t" (it takes none)' });
    expect(error({ ravine: 1, type: 'seek', t: 3, speed: 2 }).message).toBe('seek: unknown field "speed" (it takes t)');
    expect(error({ ravine: 1, type: 'set', index: 0, beta1: 0.5 }).message).toBe('set: unknown field "beta1" (it takes index, id, lr, alpha)');
  });

  it('refuse a link that is not text', () => {
    expect(error({ ravine: 1, type: 'link', link: { fn: 'rosenbrock' } }).message).toBe('link: link must be a string (a query such as "?fn=rosenbrock&steps=50"), got {"fn":"rosenbrock"}');
    expect(error({ ravine: 1, type: 'link' }).message).toBe('link: link must be a string (a query such as "?fn=rosenbrock&steps=50"), got undefined');
  });

  it('refuse a t outside 0 … steps, a fraction, text or no t', () => {
    for (const [t, got] of [[101, '101'], [-1, '-1'], [2.5, '2.5'], ['12', '"12"'], [null, 'null'], [Number.NaN, 'null'], [undefined, 'undefined']] as const) {
      expect(error({ ravine: 1, type: 'seek', t }), String(t)).toEqual({ type: 'error', command: 'seek', message: `seek: t must be a whole number from 0 to 100, got ${got}` });
    }
    expect(error({ ravine: 1, type: 'seek', t: 12 }, { ...figure, steps: 10 }).message).toBe('seek: t must be a whole number from 0 to 10, got 12');
  });

  it('refuse a run named both ways or neither, or one the figure lacks', () => {
    expect(error({ ravine: 1, type: 'set', lr: 1 }).message).toBe('set: name the run by one of index and id');
    expect(error({ ravine: 1, type: 'set', index: 0, id: 4, lr: 1 }).message).toBe('set: name the run by one of index and id');
    expect(error({ ravine: 1, type: 'set', index: 3, lr: 1 }).message).toBe('set: index must be a whole number from 0 to 2 (the figure has 3 runs), got 3');
    expect(error({ ravine: 1, type: 'set', index: '0', lr: 1 }).message).toBe('set: index must be a whole number from 0 to 2 (the figure has 3 runs), got "0"');
    expect(error({ ravine: 1, type: 'set', id: 0, lr: 1 }).message).toBe('set: no run has id 0 (the ids are 4, 7, 9)');
    expect(error({ ravine: 1, type: 'set', index: 0, lr: 1 }, { steps: 100, runs: [] }).message).toBe('set: the figure has no runs');
  });

  it('refuse a set that sets nothing, an η its field refuses, α where the rule has none or out of its range', () => {
    expect(error({ ravine: 1, type: 'set', index: 1 })).toEqual({ type: 'error', command: 'set', message: 'set: give lr, alpha or both' });
    for (const [lr, got] of [[0, '0'], [-0.1, '-0.1'], [100.5, '100.5'], [Infinity, 'null'], ['0.3', '"0.3"']] as const) {
      expect(error({ ravine: 1, type: 'set', index: 1, lr }).message, String(lr)).toBe(`set: lr must be a number greater than 0 and at most 100, got ${got}`);
    }
    expect(error({ ravine: 1, type: 'set', index: 0, alpha: 0.5 }).message).toBe('set: run 4 (gd) has no alpha');
    expect(error({ ravine: 1, type: 'set', id: 7, alpha: 1 }).message).toBe('set: alpha must be a number from 0 to 0.999, got 1');
    // One bad value refuses the whole command: the good η is not applied either.
    expect(error({ ravine: 1, type: 'set', id: 7, lr: 0.5, alpha: -1 }).message).toBe('set: alpha must be a number from 0 to 0.999, got -1');
  });

  it('quote long values shortly', () => {
    expect(error({ ravine: 1, type: 'seek', t: 'x'.repeat(100) }).message).toBe(`seek: t must be a whole number from 0 to 100, got "${'x'.repeat(39)}…`);
  });
});

describe('deck keys', () => {
  const press = (key: string, code: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) =>
    deckKey({ key, code, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

  it('pass the arrows, Space, Page Up / Down, Home and End on, with the keyCode a deck reads', () => {
    const keys: [string, string, number][] = [
      ['ArrowLeft', 'ArrowLeft', 37], ['ArrowUp', 'ArrowUp', 38], ['ArrowRight', 'ArrowRight', 39], ['ArrowDown', 'ArrowDown', 40],
      [' ', 'Space', 32], ['PageUp', 'PageUp', 33], ['PageDown', 'PageDown', 34], ['End', 'End', 35], ['Home', 'Home', 36],
    ];
    for (const [key, code, keyCode] of keys) expect(press(key, code)).toEqual({ type: 'key', key, code, keyCode, shiftKey: false });
    // Shift+Space goes back in reveal.js: Shift travels with the key.
    expect(press(' ', 'Space', { shiftKey: true })).toEqual({ type: 'key', key: ' ', code: 'Space', keyCode: 32, shiftKey: true });
  });

  it('keep every other key, and any key with Ctrl, ⌘ or Alt (the browser\'s)', () => {
    for (const [key, code] of [['a', 'KeyA'], ['Enter', 'Enter'], ['Escape', 'Escape'], ['Tab', 'Tab'], ['n', 'KeyN'], ['constructor', '']]) {
      expect(press(key, code), key).toBeNull();
    }
    for (const mod of ['ctrlKey', 'metaKey', 'altKey'] as const) expect(press('ArrowRight', 'ArrowRight', { [mod]: true }), mod).toBeNull();
  });
});
