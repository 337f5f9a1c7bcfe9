/**
 * "Ghi vào sổ tính" of the "Tổng hợp" view: the units' sheet and the consolidated sheet
 * (src/core/merge/workbook.ts `paneSheets`) written as NEW sheets under free names
 * ("Đơn vị", "Đơn vị (2)", …): a sheet of the user's is never written over. One sync reads
 * the sheet names, one batch writes both sheets.
 */
import type { SheetGrid } from "../core/merge/workbook";
import { freeSheetName } from "./report-sheet";
import { cellA1 } from "./a1";
import { runExcel, syncWithTimeout } from "./sync";
import { queuePrint, syncTolerant } from "./apply";
import { isSetSupported } from "./caps";
import { printFor, type SheetPlan } from "../core/workbook-model";

export const UNITS_SHEET_BASE = "Đơn vị";
export const TOTAL_SHEET_BASE = "Tổng hợp";

/** Excel's width unit (characters) to points, roughly, for the default 11 pt font. */
function points(chars: number): number {
  return Math.round(chars * 5.6 + 5);
}

function queueGrid(context: Excel.RequestContext, g: SheetGrid): Excel.Worksheet {
  const sheet = context.workbook.worksheets.add(g.name);
  const rows = g.cells.length;
  const cols = Math.max(1, ...g.cells.map((r) => r.length));
  const formulas: (string | number | boolean)[][] = [];
  const formats: string[][] = [];
  for (let i = 0; i < rows; i++) {
    const f: (string | number | boolean)[] = [];
    const n: string[] = [];
    for (let j = 0; j < cols; j++) {
      const c = g.cells[i][j];
      if (c && c.formula) {
        f.push(c.formula);
        n.push(c.format ?? "General");
      } else {
        const v = c && c.v !== undefined && c.v !== null ? c.v : "";
        f.push(v);
        // Text stays text: an agency's name that starts with "=" is never a formula.
        n.push(typeof v === "string" && v !== "" ? "@" : (c && c.format) || "General");
      }
    }
    formulas.push(f);
    formats.push(n);
  }
  const all = sheet.getRange(`A1:${cellA1(rows - 1, cols - 1)}`);
  all.numberFormat = formats;
  all.formulas = formulas;
  g.widths.forEach((w, j) => {
    sheet.getRange(`${cellA1(0, j).replace(/\d+$/, "")}:${cellA1(0, j).replace(/\d+$/, "")}`).format.columnWidth = points(w);
  });
  sheet.getRange("A1").format.font.bold = true;
  sheet.getRange(`A${g.headerRow}:${cellA1(g.headerRow - 1, cols - 1)}`).format.font.bold = true;
  sheet.freezePanes.freezeRows(g.headerRow);
  return sheet;
}

/**
 * Writes the two sheets; `build` is given the free names (the formulas name the units' sheet).
 * Resolves to the names used.
 */
export function writeMergeSheets(build: (names: { units: string; total: string }) => { units: SheetGrid; total: SheetGrid }): Promise<{ units: string; total: string }> {
  return runExcel(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await syncWithTimeout(context);
    const existing = sheets.items.map((s) => s.name);
    const units = freeSheetName(existing, UNITS_SHEET_BASE);
    const total = freeSheetName([...existing, units], TOTAL_SHEET_BASE);
    const grids = build({ units, total });
    const sheets2 = [queueGrid(context, grids.total), queueGrid(context, grids.units)];
    context.workbook.worksheets.getItem(total).activate();
    // A4, one page wide, header row repeated (ExcelApi 1.9; else left out), queued last.
    const print = isSetSupported("ExcelApi", "1.9");
    if (print) [grids.total, grids.units].forEach((g, i) => queuePrint(sheets2[i], printFor({ table: { columns: g.widths.map((width) => ({ width })) } as SheetPlan["table"] }), g.headerRow));
    await syncTolerant(context, print);
    return { units, total };
  });
}
