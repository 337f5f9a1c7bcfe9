/**
 * A1 arithmetic for the test doubles (office-addin-mock workbooks, browser test dumps),
 * written once and kept apart from src/excel/a1.ts so that the mocks do not share a bug
 * with the code they test. 0-based rows and columns.
 */
export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** "A" → 0, "AA" → 26. */
export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 0 → "A", 26 → "AA". */
export function colLetter(i: number): string {
  let s = "";
  let n = i + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "'Sheet'!$B$3:D5", "E14", "A:C" (whole columns) → rectangle. */
export function parseA1(address: string): Rect {
  const s = address.replace(/^.*!/, "").replace(/\$/g, "");
  const m = /^([A-Z]+)(\d*)(?::([A-Z]+)(\d*))?$/i.exec(s);
  if (!m) throw new Error("bad address " + address);
  const c0 = colIndex(m[1]);
  const c1 = m[3] ? colIndex(m[3]) : c0;
  if (!m[2]) return { row: 0, col: Math.min(c0, c1), rows: 1048576, cols: Math.abs(c1 - c0) + 1 };
  const r0 = +m[2] - 1;
  const r1 = m[4] ? +m[4] - 1 : r0;
  return { row: Math.min(r0, r1), col: Math.min(c0, c1), rows: Math.abs(r1 - r0) + 1, cols: Math.abs(c1 - c0) + 1 };
}

/** (13, 4) → "E14". */
export function cellA1(row: number, col: number): string {
  return colLetter(col) + (row + 1);
}

/** Rectangle → "B3:D5" (or "E14" for one cell). */
export function rectA1(r: Rect): string {
  const s = cellA1(r.row, r.col);
  return r.rows === 1 && r.cols === 1 ? s : s + ":" + cellA1(r.row + r.rows - 1, r.col + r.cols - 1);
}
