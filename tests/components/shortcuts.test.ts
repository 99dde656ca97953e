import { describe, expect, it } from 'vitest';
import { shortcutOf, showStep, togglePlay } from '../../src/components/shortcuts';

const key = (key: string, code = '', mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {}) =>
  shortcutOf({ key, code, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('keyboard shortcuts', () => {
  it('map keys to actions, on an English or a Russian layout', () => {
    expect(key(' ', 'Space')).toBe('play');
    expect(key('ArrowRight')).toBe('step');
    expect(key('.', 'Period')).toBe('step');
    expect(key('.', 'Slash')).toBe('step'); // where a Russian layout types '.'
    expect(key('ArrowLeft')).toBe('back');
    expect(key('r', 'KeyR')).toBe('reset');
    expect(key('R', 'KeyR')).toBe('reset');
    expect(key('к', 'KeyR')).toBe('reset');
    expect(key('Home')).toBe('reset');
    expect(key('End')).toBe('end');
    expect(key('?', 'Slash')).toBe('help');
    expect(key('?', 'Digit7')).toBe('help');
    expect(key('a', 'KeyA')).toBeNull();
    expect(key('Escape')).toBeNull();
  });

  it('leave the browser its own shortcuts', () => {
    expect(key('r', 'KeyR', { ctrlKey: true })).toBeNull();
    expect(key('r', 'KeyR', { metaKey: true })).toBeNull();
    expect(key('ArrowLeft', '', { altKey: true })).toBeNull();
  });

  it('play, step and reset the playhead as the buttons do', () => {
    expect(togglePlay({ playhead: 5, playing: false }, 10)).toEqual({ playhead: 5, playing: true });
    expect(togglePlay({ playhead: 5, playing: true }, 10)).toEqual({ playhead: 5, playing: false });
    // Play at the end starts over; a playhead past the end counts as the end.
    expect(togglePlay({ playhead: 10, playing: false }, 10)).toEqual({ playhead: 0, playing: true });
    expect(togglePlay({ playhead: 2000, playing: false }, 10)).toEqual({ playhead: 0, playing: true });
    expect(showStep(11, 10)).toEqual({ playhead: 10, playing: false });
    expect(showStep(-1, 10)).toEqual({ playhead: 0, playing: false });
    expect(showStep(4, 10)).toEqual({ playhead: 4, playing: false });
  });
});
