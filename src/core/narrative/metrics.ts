/**
 * Printed width of a line of text in Times New Roman (the font of state documents), to
 * choose font sizes and column widths that keep a header line on one line. Advance widths
 * are those of Times New Roman / Liberation Serif (metric-compatible), in 1/1000 em;
 * Vietnamese letters take the width of their base letter ("Ộ" as "O", "Đ" as "D").
 */

// prettier-ignore
const REGULAR: Record<string, number> = {
  A: 722, B: 667, C: 667, D: 722, E: 611, F: 556, G: 722, H: 722, I: 333, J: 389, K: 722, L: 611, M: 889,
  N: 722, O: 722, P: 556, Q: 722, R: 667, S: 556, T: 611, U: 722, V: 722, W: 944, X: 722, Y: 722, Z: 611,
  a: 444, b: 500, c: 444, d: 500, e: 444, f: 333, g: 500, h: 500, i: 278, j: 278, k: 500, l: 278, m: 778,
  n: 500, o: 500, p: 500, q: 500, r: 333, s: 389, t: 278, u: 500, v: 500, w: 722, x: 500, y: 500, z: 444,
  " ": 250, "-": 333, ",": 250, ".": 250, ":": 278, ";": 278, "/": 278, "(": 333, ")": 333, "&": 778, "'": 180, '"': 408,
};

// prettier-ignore
const BOLD: Record<string, number> = {
  A: 722, B: 667, C: 722, D: 722, E: 667, F: 611, G: 778, H: 778, I: 389, J: 500, K: 778, L: 667, M: 944,
  N: 722, O: 778, P: 611, Q: 778, R: 722, S: 556, T: 667, U: 722, V: 722, W: 1000, X: 722, Y: 722, Z: 667,
  a: 500, b: 556, c: 444, d: 556, e: 444, f: 333, g: 500, h: 556, i: 278, j: 333, k: 556, l: 278, m: 833,
  n: 556, o: 500, p: 556, q: 556, r: 444, s: 389, t: 333, u: 556, v: 500, w: 722, x: 500, y: 500, z: 444,
  " ": 250, "-": 333, ",": 250, ".": 250, ":": 333, ";": 333, "/": 278, "(": 333, ")": 333, "&": 833, "'": 278, '"': 555,
};

const PT_PER_CM = 72 / 2.54;

function base(ch: string): string {
  if (ch === "Đ" || ch === "Ð") return "D";
  if (ch === "đ" || ch === "ð") return "d";
  return ch.normalize("NFD").charAt(0);
}

/** Width of `s` printed at `pt` points, in centimetres. Unknown characters count as 1 em. */
export function textWidthCmOf(s: string, pt: number, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  let units = 0;
  for (const ch of s) {
    const b = base(ch);
    units += table[b] ?? (/\d/.test(b) ? 500 : /\s/.test(b) ? 250 : 1000);
  }
  return (units / 1000) * pt / PT_PER_CM;
}

/**
 * The largest of `sizes` (largest first) at which every line fits in `availCm`, with a
 * little room to spare; the smallest size when none does (the line then wraps).
 */
export function fitSize(lines: { text: string; bold?: boolean }[], sizes: number[], availCm: number, spareCm = 0.1): number {
  for (const pt of sizes) if (lines.every((l) => textWidthCmOf(l.text, pt, l.bold) <= availCm - spareCm)) return pt;
  return sizes[sizes.length - 1];
}
