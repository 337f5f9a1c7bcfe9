/** A1 addresses: the small arithmetic the Office.js adapter needs. 0-based rows/columns. */
import { colLetter, quoteSheet } from "../core/layout";

export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "E14" → { row: 13, col: 4 }. */
export function parseCell(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1.trim());
  if (!m) throw new Error("bad cell address " + a1);
  return { row: parseInt(m[2], 10) - 1, col: colIndex(m[1]) };
}

export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** Drops the sheet part of an address as Office gives it ("'Phụ lục'!A8:G35" → "A8:G35"). */
export function stripSheet(address: string): string {
  const i = address.lastIndexOf("!");
  return i >= 0 ? address.slice(i + 1) : address;
}

/** "A8:G35" (or a single cell) → rectangle. */
export function parseRange(address: string): Rect {
  const [a, b] = stripSheet(address).split(":");
  const p = parseCell(a);
  const q = b ? parseCell(b) : p;
  return {
    row: Math.min(p.row, q.row),
    col: Math.min(p.col, q.col),
    rows: Math.abs(q.row - p.row) + 1,
    cols: Math.abs(q.col - p.col) + 1,
  };
}

export function cellA1(row: number, col: number): string {
  return colLetter(col + 1) + (row + 1);
}

export function rectA1(r: Rect): string {
  const a = cellA1(r.row, r.col);
  return r.rows === 1 && r.cols === 1 ? a : a + ":" + cellA1(r.row + r.rows - 1, r.col + r.cols - 1);
}

export function withSheet(sheet: string, a1: string): string {
  return quoteSheet(sheet) + "!" + a1;
}
