import { describe, expect, it } from 'vitest';
import { draftWanted } from '../../src/draw/contourRender';

describe('when the contour worker paints a draft', () => {
  it('paints drafts only while changes come as a drag and a full painting is too slow for one', () => {
    // A drag on a slow machine: drafts.
    expect(draftWanted(16, 25)).toBe(true);
    expect(draftWanted(0, 9)).toBe(true);
    // A first change, or one after a pause: in full however slow.
    expect(draftWanted(Infinity, 25)).toBe(false);
    expect(draftWanted(150, 25)).toBe(false);
    // A machine that paints in full within half a frame never drafts.
    expect(draftWanted(16, 5)).toBe(false);
    expect(draftWanted(16, 0)).toBe(false);
  });
});
