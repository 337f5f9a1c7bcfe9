/**
 * "Chèn vào trang tính": the report's rows (src/core/render/rows.ts) on a NEW sheet
 * "Báo cáo" ("Báo cáo (2)", … — an existing sheet is never overwritten). One sync reads
 * the sheet names; everything is then written in one batch with one sync.
 */
import type { SheetRows } from "../core/render/rows";
import { runExcel, syncWithTimeout } from "./sync";
import { queuePrint, syncTolerant } from "./apply";
import { isSetSupported } from "./caps";

export const REPORT_SHEET_BASE = "Báo cáo";
/** Excel's limit on the characters of a cell. */
const CELL_MAX = 32767;

/** The first free name: "Báo cáo", "Báo cáo (2)", … (Excel compares sheet names without case). */
export function freeSheetName(existing: string[], base = REPORT_SHEET_BASE): string {
  const taken = new Set(existing.map((n) => n.toLocaleLowerCase("vi")));
  if (!taken.has(base.toLocaleLowerCase("vi"))) return base;
  for (let i = 2; ; i++) {
    const n = `${base} (${i})`;
    if (!taken.has(n.toLocaleLowerCase("vi"))) return n;
  }
}

const H_ALIGN: Record<string, Excel.HorizontalAlignment> = {
  left: "Left" as Excel.HorizontalAlignment,
  center: "Center" as Excel.HorizontalAlignment,
  right: "Right" as Excel.HorizontalAlignment,
  justify: "Justify" as Excel.HorizontalAlignment,
};

/** Width in points of a column of `chars` characters of a 14 pt serif font. */
function columnPoints(chars: number, fontSize: number): number {
  return Math.round(chars * fontSize * 0.5);
}

/** Writes the rows on a new sheet in the given context (2 syncs); returns the sheet's name. */
export async function writeReportSheet(context: Excel.RequestContext, rows: SheetRows, base = REPORT_SHEET_BASE): Promise<string> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await syncWithTimeout(context);
  const name = freeSheetName(
    sheets.items.map((s) => s.name),
    base,
  );

  const sheet = sheets.add(name);
  const nCols = rows.columnWidths.length;
  const nRows = Math.max(1, rows.rows.length);
  const last = String.fromCharCode(64 + nCols);
  const all = sheet.getRange(`A1:${last}${nRows}`);
  // Text format first: a user's "=…" stays text, never a formula.
  all.numberFormat = Array.from({ length: nRows }, () => Array.from({ length: nCols }, () => "@"));
  const values: string[][] = Array.from({ length: nRows }, () => Array.from({ length: nCols }, () => ""));
  rows.rows.forEach((r, i) => {
    let c = 0;
    for (const cell of r.cells) {
      if (c >= nCols) break;
      values[i][c] = cell.v.length > CELL_MAX ? cell.v.slice(0, CELL_MAX - 1) + "…" : cell.v;
      c += Math.max(1, cell.span ?? 1);
    }
  });
  all.values = values;
  all.format.font.name = rows.font;
  all.format.font.size = rows.fontSize;
  all.format.verticalAlignment = "Top" as Excel.VerticalAlignment;
  rows.columnWidths.forEach((w, i) => {
    const col = String.fromCharCode(65 + i);
    sheet.getRange(`${col}:${col}`).format.columnWidth = columnPoints(w, rows.fontSize);
  });

  rows.rows.forEach((r, i) => {
    const row = i + 1;
    let c = 0;
    for (const cell of r.cells) {
      if (c >= nCols) break;
      const span = Math.min(Math.max(1, cell.span ?? 1), nCols - c);
      const from = String.fromCharCode(65 + c);
      const to = String.fromCharCode(65 + c + span - 1);
      const range = sheet.getRange(span > 1 ? `${from}${row}:${to}${row}` : `${from}${row}`);
      if (span > 1) range.merge(false);
      if (cell.bold) range.format.font.bold = true;
      if (cell.italic) range.format.font.italic = true;
      if (cell.underline) range.format.font.underline = "Single" as Excel.RangeUnderlineStyle;
      if (cell.size && cell.size !== rows.fontSize) range.format.font.size = cell.size;
      if (cell.align) range.format.horizontalAlignment = H_ALIGN[cell.align];
      if (cell.wrap) range.format.wrapText = true;
      if (cell.indent) range.format.indentLevel = cell.indent;
      if (cell.borderBottom) {
        const b = range.format.borders.getItem("EdgeBottom" as Excel.BorderIndex);
        b.style = "Continuous" as Excel.BorderLineStyle;
        b.weight = "Thin" as Excel.BorderWeight;
      }
      c += span;
    }
    if (r.height) sheet.getRange(`A${row}`).format.rowHeight = Math.min(409, r.height);
  });
  sheet.activate();
  sheet.getRange("A1").select();
  // The report prints on A4 portrait, one page wide (ExcelApi 1.9; else left out), queued last.
  const print = isSetSupported("ExcelApi", "1.9");
  if (print) queuePrint(sheet, { paper: "A4", orientation: "portrait", fitToWidth: true });
  await syncTolerant(context, print);
  return name;
}

/** The add-in's entry point: a new "Báo cáo" sheet with the rows; resolves to its name. */
export function insertReportSheet(rows: SheetRows, base = REPORT_SHEET_BASE): Promise<string> {
  return runExcel((context) => writeReportSheet(context, rows, base));
}
