/** Test helpers of the template designer: a plan laid out as a snapshot, cells edited by header. */
import * as fs from "fs";
import * as path from "path";
import type { WorkbookPlan, WorkbookSnapshot, CellSnapshot } from "../../src/core/workbook-model";
import type { TemplateDef } from "../../src/core/types";
import { colLetter } from "../../src/core/layout";

export const FIXTURES = path.join(__dirname, "..", "fixtures", "templates");

/** The province-made template of the fixtures. */
export function provinceTemplate(file = "tinh-thu-2026.json"): TemplateDef {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, file), "utf8"));
}

/** What an adapter would read back from a written plan (values as written, tables with their ranges). */
export function snapshotOfPlan(plan: WorkbookPlan): WorkbookSnapshot {
  const sheets = plan.sheets.map((sp) => {
    const rows: CellSnapshot[][] = [];
    const put = (r: number, c: number, v: unknown) => {
      while (rows.length <= r) rows.push([]);
      while (rows[r].length <= c) rows[r].push({ v: null });
      rows[r][c] = { v: v === undefined ? null : (v as CellSnapshot["v"]) };
    };
    sp.preamble.forEach((row, r) => row.forEach((c, ci) => put(r, ci, c.v)));
    const h = sp.table.headerRow - 1;
    sp.table.header.forEach((x, ci) => put(h, ci, x));
    sp.table.rows.forEach((row, r) => row.forEach((c, ci) => put(h + 1 + r, ci, c.v)));
    const last = h + sp.table.rows.length;
    return { name: sp.name, rows, tables: [{ name: sp.table.name, range: `A${h + 1}:${colLetter(sp.table.header.length)}${last + 1}` }] };
  });
  sheets.push({ name: plan.marker.sheet, rows: plan.marker.rows.map((r) => r.map((v) => ({ v }))), tables: [] });
  return { sheets };
}

/** Sets the cell of a designer sheet found by its header text, in the n-th data row (0-based); returns its A1 with the sheet. */
export function setCell(snap: WorkbookSnapshot, sheet: string, header: string, row: number, v: string | number | null): string {
  const s = snap.sheets.find((x) => x.name === sheet)!;
  const h = s.rows.findIndex((r) => r.some((c) => c.v === header));
  if (h < 0) throw new Error(`no header ${header} on ${sheet}`);
  const col = s.rows[h].findIndex((c) => c.v === header);
  const r = h + 1 + row;
  while (s.rows.length <= r) s.rows.push([]);
  while (s.rows[r].length <= col) s.rows[r].push({ v: null });
  s.rows[r][col] = { v };
  return `'${sheet}'!${colLetter(col + 1)}${r + 1}`;
}

/** The data row (0-based) whose cell under `header` holds `value`. */
export function rowWhere(snap: WorkbookSnapshot, sheet: string, header: string, value: string): number {
  const s = snap.sheets.find((x) => x.name === sheet)!;
  const h = s.rows.findIndex((r) => r.some((c) => c.v === header));
  const col = s.rows[h].findIndex((c) => c.v === header);
  for (let r = h + 1; r < s.rows.length; r++) if (s.rows[r][col]?.v === value) return r - h - 1;
  throw new Error(`no ${value} under ${header}`);
}
