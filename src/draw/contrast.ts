// WCAG 2's contrast between two colours (relative luminance): how well a line stands off its ground, which
// is what a washed-out projector or a grey print leaves of a figure. 3 : 1 is WCAG's minimum for graphics.

export type RGB = [number, number, number];

/** '#rrggbb' as its three channels, 0 … 255. */
export function hexRgb(hex: string): RGB {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Relative luminance, 0 (black) … 1 (white), from sRGB channels 0 … 255. */
export function luminance([r, g, b]: RGB): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** The contrast ratio of two colours, 1 … 21, whichever is lighter. */
export function contrast(a: RGB, b: RGB): number {
  const la = luminance(a), lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}
