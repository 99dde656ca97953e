// Powers of ten as print writes them, 10⁻⁷, for labels the engine's grids carry.

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
};

/** 10ⁿ in superscript digits, e.g. power(-7) = '10⁻⁷'. */
export function power(n: number): string {
  return `10${String(n).replace(/./g, (c) => SUPERSCRIPT[c] ?? c)}`;
}
