import { describe, expect, it } from 'vitest';
import { presentationKeys, runNumber, shortcutOf, showStep, togglePlay } from '../../src/page/shortcuts';

const key = (key: string, code = '', mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) =>
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
    expect(key('Tab', 'Tab')).toBeNull();
  });

  it('map the presentation’s keys, letters by their place so a Russian layout works too', () => {
    expect(key('p', 'KeyP')).toBe('present');
    expect(key('з', 'KeyP')).toBe('present');
    expect(key('Escape', 'Escape')).toBe('leave');
    expect(key('ArrowUp', 'ArrowUp')).toBe('lrUp');
    expect(key('ArrowDown', 'ArrowDown')).toBe('lrDown');
    expect(key('ArrowUp', 'ArrowUp', { shiftKey: true })).toBe('knobUp');
    expect(key('ArrowDown', 'ArrowDown', { shiftKey: true })).toBe('knobDown');
    expect(key('д', 'KeyL')).toBe('loss');
    expect(key('m', 'KeyM')).toBe('map');
    expect(key('ь', 'KeyM')).toBe('map');
    expect(key('v', 'KeyV')).toBe('vectors');
    expect(key('в', 'KeyD')).toBe('surface');
    expect(key('а', 'KeyF')).toBe('fullscreen');
    expect(key('3', 'Digit3')).toBe('run');
    // A presentation clicker's forward and back buttons.
    expect(key('PageDown', 'PageDown')).toBe('nextPreset');
    expect(key('PageUp', 'PageUp')).toBe('previousPreset');
    expect(key('0', 'Digit0')).toBeNull();
    // A digit typed with Shift on a French layout still names its key.
    expect(runNumber({ key: '"', code: 'Digit3' })).toBe(3);
    expect(runNumber({ key: '7', code: 'Numpad7' })).toBe(7);
    expect(key('p', 'KeyP', { ctrlKey: true })).toBeNull();
  });

  it('leave Page Down and Page Up to scroll the page outside the presentation', () => {
    expect(presentationKeys).toContain('nextPreset');
    expect(presentationKeys).toContain('previousPreset');
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
