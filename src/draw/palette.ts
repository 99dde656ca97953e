import { contrast, hexRgb } from './contrast';

// Okabe–Ito colours: distinct for readers with colour-blindness. Against the contour's darker bands several
// are barely lighter or darker than the fill (1.1–1.6 : 1), so each run's path is cased in a halo (HALO).
const colors = ['#D55E00', '#0072B2', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#882255'];

export function runColor(id: number): string {
  return colors[id % colors.length];
}

/** The contour's fill: pale, so the coloured paths over it stay the figure's subject. */
export const contourScale: [number, string][] = [
  [0, '#fbfdff'],
  [0.5, '#d5e2ee'],
  [1, '#8fa8c2'],
];

/** How many filled bands the contour's colour scale is cut into (Plotly's levels and our first image alike). */
export const contourBands = 24;

/** The contour's level lines: faint, so that they only say where the heights change. */
export const LEVEL_LINE = { color: 'rgba(40, 60, 90, 0.35)', width: 0.6 };

/** The minima (stars) and saddles (diamonds): white, ringed in near-black, on screen and in print. */
export const EXTREMUM = { size: 13, fill: '#fff', ring: '#222', ringWidth: 1.5 };

/**
 * The casing under a run's path and its step arrows (px each side of the line): white or the page's ink,
 * whichever sets the line's colour off more, so every colour stands 3.9 : 1 or more off what lies under it
 * (the Okabe–Ito yellow and sky blue only 2.3 : 1 off white, the blue 2.9 : 1 off the ink).
 */
export const HALO = { light: '#ffffff', dark: '#1d2733', width: 2 };

export function haloOf(color: string): { color: string; width: number } {
  const c = hexRgb(color);
  const light = contrast(c, hexRgb(HALO.light)) >= contrast(c, hexRgb(HALO.dark));
  return { color: light ? HALO.light : HALO.dark, width: HALO.width };
}
