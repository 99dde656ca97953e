// Okabe–Ito colours: distinct for readers with colour-blindness, and dark enough on a pale contour.
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
