import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { limits } from '../../src/state/playground';
import { costAxes, defaultShow, MAX_VECTORS, overlays, readShow, rests, showLink, viewSettings, type ShowState } from '../../src/state/show';
import { CAMERA_LIMITS, surfaceViews, zAxes } from '../../src/state/surface';

const read = (pairs: [string, string][]) => readShow((key) => new URLSearchParams(pairs).get(key));

describe('the view settings table', () => {
  it('gives the defaults, and a link of the defaults is empty', () => {
    expect(defaultShow()).toEqual({
      vectors: 0, cloud: false, field: false, rest: 'faint', seeds: 1, axis: 'step', target: null,
      surface: 'off', zaxis: 'f', azimuth: -120, elevation: 32, zoom: 1,
    });
    expect(showLink(defaultShow())).toEqual([]);
    // Each call is a fresh object: a page changing its own cannot change the defaults.
    expect(defaultShow()).not.toBe(defaultShow());
  });

  it('offers the contour\'s overlays with the controls their values need', () => {
    expect(overlays.map((o) => [o, viewSettings[o].control.kind])).toEqual([['vectors', 'count'], ['cloud', 'toggle'], ['field', 'toggle'], ['rest', 'choice']]);
  });

  it('writes only what differs from the defaults, in the table\'s order, and reads it back', () => {
    const show = fc.record<ShowState>({
      vectors: fc.integer({ min: 0, max: MAX_VECTORS }),
      cloud: fc.boolean(),
      field: fc.boolean(),
      rest: fc.constantFrom(...rests),
      seeds: fc.integer({ min: limits.seeds.min, max: limits.seeds.max }),
      axis: fc.constantFrom(...costAxes),
      target: fc.option(fc.double({ min: limits.target.min, max: limits.target.max, noNaN: true, minExcluded: true }), { nil: null }),
      surface: fc.constantFrom(...surfaceViews),
      zaxis: fc.constantFrom(...zAxes),
      // A link writes −0 as 0, as the camera itself never holds −0 (orbit adds 0).
      azimuth: fc.double({ ...CAMERA_LIMITS.azimuth, noNaN: true }).map((v) => v + 0),
      elevation: fc.double({ ...CAMERA_LIMITS.elevation, noNaN: true }).map((v) => v + 0),
      zoom: fc.double({ ...CAMERA_LIMITS.zoom, noNaN: true }),
    });
    fc.assert(
      fc.property(show, (s) => {
        const link = showLink(s);
        const order = Object.values(viewSettings).map((v) => v.key);
        expect(link.map(([k]) => order.indexOf(k))).toEqual([...link.map(([k]) => order.indexOf(k))].sort((a, b) => a - b));
        expect(link).toHaveLength((Object.keys(s) as (keyof ShowState)[]).filter((k) => s[k] !== defaultShow()[k]).length);
        expect(read(link)).toEqual({ show: s, unusable: [] });
      }),
    );
  });

  it('names what it cannot use and keeps the default for it', () => {
    const r = read([['vec', '2.5'], ['cloud', 'true'], ['rest', 'Faint'], ['seeds', '0'], ['axis', 'epochs'], ['field', '1']]);
    expect(r.show).toEqual({ ...defaultShow(), axis: 'epochs', field: true });
    expect(r.unusable).toEqual([['vectors', '2.5'], ['cloud', 'true'], ['rest', 'Faint'], ['seeds', '0']]);
  });
});
