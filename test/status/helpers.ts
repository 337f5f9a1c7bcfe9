/**
 * Shared test helpers for the status formulas: a workbook planned from report data,
 * laid out as cells, its status column computed by the test evaluator, and the core's
 * findings on the same workbook (snapshot → readWorkbook → check).
 */
import type { Finding, ReportData, TemplateDef } from "../../src/core/types";
import { buildLayout, valueAddress, type WorkbookLayout } from "../../src/core/layout";
import { planWorkbook } from "../../src/core/sheet-plan";
import { readWorkbook } from "../../src/core/sheet-read";
import { check } from "../../src/core/engine";
import { statusRows, percentDecimalsOfFormat, type StatusRow } from "../../src/core/status-formulas";
import { layOut, snapshotOf, type PlannedBook } from "./plan-sheet";
import { type MiniSheet, isErr, type Value } from "./formula-eval";

export interface Book extends PlannedBook {
  t: TemplateDef;
  layout: WorkbookLayout;
  sheet: MiniSheet;
  rows: StatusRow[];
}

/** Percent decimals of the value cells as the plan formatted them. */
export function planDecimals(t: TemplateDef, layout: WorkbookLayout, sheet: MiniSheet): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of t.indicators) {
    if (d.kind !== "percent") continue;
    const dec = percentDecimalsOfFormat(sheet.cells.get(valueAddress(t, layout, d.code))?.format);
    if (dec !== undefined) out[d.code] = dec;
  }
  return out;
}

/**
 * The workbook `planWorkbook` makes of `data` (or an empty one). `edit` may change value
 * cells afterwards, as a user typing would; the status formulas are (re)generated from
 * the cells' formats, as the plan does.
 */
export function makeBook(t: TemplateDef, data?: ReportData, edit?: (sheet: MiniSheet, addr: (code: string) => string) => void): Book {
  const layout = buildLayout(t);
  const plan = planWorkbook(t, data);
  const book = layOut(plan);
  const sheet = book.sheets.get("Phụ lục")!;
  edit?.(sheet, (code) => valueAddress(t, layout, code));
  const rows = statusRows(t, layout, { percentDecimals: planDecimals(t, layout, sheet) });
  for (const r of rows) sheet.set(r.cell, { v: null, formula: r.formula });
  return { ...book, t, layout, sheet, rows };
}

export function text(v: Value): string {
  if (isErr(v)) return "#ERR " + v.error;
  return v === null ? "" : String(v);
}

/** Status column: code → what the cell shows. */
export function statuses(b: Book): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of b.rows) out[r.code] = text(b.sheet.value(r.cell));
  return out;
}

/** Each rule's parts evaluated alone: rule id → the texts its parts show ("" when it holds). */
export function partTexts(b: Book): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of b.rows) {
    for (const p of r.parts) {
      const key = p.rule === "value.kind" ? "value.kind:" + p.row : p.rule;
      const v = text(b.sheet.evaluate("=" + p.expr));
      if (!out.has(key)) out.set(key, []);
      out.get(key)!.push(v);
    }
  }
  return out;
}

/** The core's findings on the same workbook. */
export function coreFindings(b: Book): Finding[] {
  const snap = snapshotOf(b);
  const read = readWorkbook(snap);
  const res = check(read.data, { cells: read.cells, structural: read.findings });
  return res.findings;
}
