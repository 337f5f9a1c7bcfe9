/**
 * Test helpers: lay a WorkbookPlan out as cells (as an adapter would), compute its formulas
 * with the test evaluator, and take a WorkbookSnapshot of the result for readWorkbook.
 */
import type { WorkbookPlan, WorkbookSnapshot, CellSnapshot, CellPlan, SheetPlan } from "../../src/core/workbook-model";
import { colLetter, quoteSheet } from "../../src/core/layout";
import { MiniSheet, type Cell } from "./formula-eval";

export interface PlannedBook {
  plan: WorkbookPlan;
  /** Sheet name → its cells. */
  sheets: Map<string, MiniSheet>;
}

function put(ms: MiniSheet, row1: number, col1: number, c: CellPlan): void {
  const cell: Cell = { v: c.v === undefined ? null : c.v };
  if (c.formula) cell.formula = c.formula;
  if (c.format) cell.format = c.format;
  ms.set(colLetter(col1) + row1, cell);
}

export function sheetOfPlan(sp: SheetPlan): MiniSheet {
  const ms = new MiniSheet();
  sp.preamble.forEach((row, r) => row.forEach((c, ci) => put(ms, r + 1, ci + 1, c)));
  sp.table.header.forEach((h, ci) => put(ms, sp.table.headerRow, ci + 1, { v: h }));
  sp.table.rows.forEach((row, r) => row.forEach((c, ci) => put(ms, sp.table.headerRow + 1 + r, ci + 1, c)));
  return ms;
}

export function layOut(plan: WorkbookPlan): PlannedBook {
  const sheets = new Map<string, MiniSheet>();
  for (const sp of plan.sheets) {
    const ms = sheetOfPlan(sp);
    ms.name = sp.name;
    ms.book = sheets;
    sheets.set(sp.name, ms);
  }
  return { plan, sheets };
}

function parseA1(a: string): { r: number; c: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a)!;
  let c = 0;
  for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
  return { r: +m[2], c };
}

/** Snapshot of a laid-out plan, formulas computed (their cached results in `v`). */
export function snapshotOf(book: PlannedBook): WorkbookSnapshot {
  const out: WorkbookSnapshot = { sheets: [], names: {} };
  for (const sp of book.plan.sheets) {
    const ms = book.sheets.get(sp.name)!;
    const rows: CellSnapshot[][] = [];
    for (const addr of ms.cells.keys()) {
      const { r, c } = parseA1(addr);
      const got = ms.get(addr)!;
      const cell: CellSnapshot = { v: got.v === undefined ? null : (got.v as CellSnapshot["v"]) };
      if (got.format) cell.format = got.format;
      if (got.formula) cell.formula = got.formula;
      if (got.error) {
        cell.error = got.error;
        cell.v = null;
      }
      (rows[r - 1] ??= [])[c - 1] = cell;
    }
    for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
    for (const row of rows) for (let i = 0; i < row.length; i++) if (!row[i]) row[i] = { v: null };
    const width = sp.table.header.length;
    const last = sp.table.headerRow + sp.table.rows.length;
    out.sheets.push({
      name: sp.name,
      visibility: "visible",
      rows,
      tables: [{ name: sp.table.name, range: `A${sp.table.headerRow}:${colLetter(width)}${last}` }],
    });
  }
  const m = book.plan.marker;
  out.sheets.push({ name: m.sheet, visibility: "veryHidden", rows: m.rows.map((r) => r.map((v) => ({ v }))) });
  out.names![m.name] = m.ref;
  return out;
}

export { quoteSheet };
