/**
 * The exceljs adapter: an .xlsx file → WorkbookSnapshot (for readWorkbook), and a
 * WorkbookPlan (from planWorkbook) → an .xlsx file.
 */
import * as fs from "fs";
import * as path from "path";
import type ExcelJS from "exceljs";
import type { WorkbookSnapshot, SheetSnapshot, CellSnapshot, WorkbookPlan, CellPlan } from "../core/workbook-model";
import { TONES, PRINT_MARGINS, PRINT_FOOTER, printFor, spanHeight } from "../core/workbook-model";
import type { ValidationDef } from "../core/layout";
import { colLetter } from "../core/layout";

import { FileError } from "./errors";
import { writeOutput, type WriteOptions } from "./files";
import { openZip, fixAbsoluteRels, tooBig, MAX_UNZIPPED_BYTES } from "./zip";

export { FileError };

const DAY_MS = 86400000;

/**
 * exceljs's Workbook class, loaded on first use: `phuluc --version`, `--help` and the
 * check of a JSON file then start without it. Its own module (the class `ExcelJS.Workbook`
 * is) loads in about half the time of the package's index, which also loads the streaming
 * reader and writer we do not use.
 */
let WorkbookClass: typeof ExcelJS.Workbook | undefined;
export function newWorkbook(): ExcelJS.Workbook {
  if (!WorkbookClass) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      WorkbookClass = require("exceljs/lib/doc/workbook") as typeof ExcelJS.Workbook;
    } catch {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      WorkbookClass = (require("exceljs") as typeof ExcelJS).Workbook;
    }
  }
  return new WorkbookClass();
}

/** exceljs gives dates as JS Dates read as UTC; back to the Excel serial, without any time-zone shift. */
function dateToSerial(d: Date, date1904: boolean): number | null {
  const t = d.getTime();
  if (isNaN(t)) return null;
  const s = t / DAY_MS + 25569 - (date1904 ? 1462 : 0);
  return Math.round(s * 86400) / 86400;
}

function plainText(v: unknown): string {
  if (v && typeof v === "object") {
    const o = v as { richText?: { text: string }[]; text?: unknown };
    if (Array.isArray(o.richText)) return o.richText.map((x) => x.text).join("");
    if (o.text !== undefined) return plainText(o.text);
  }
  return v === null || v === undefined ? "" : String(v);
}

function snapValue(v: unknown, date1904: boolean, out: CellSnapshot): void {
  if (v === null || v === undefined) {
    out.v = null;
  } else if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") {
    out.v = v;
  } else if (v instanceof Date) {
    out.v = dateToSerial(v, date1904);
  } else if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if ("error" in o && typeof o.error === "string") {
      out.v = null;
      out.error = o.error;
    } else if ("formula" in o || "sharedFormula" in o) {
      out.formula = "=" + String(o.formula ?? o.sharedFormula ?? "");
      if ("result" in o) snapValue(o.result, date1904, out);
      else out.v = null;
    } else if ("richText" in o || "text" in o) {
      out.v = plainText(o);
    } else {
      out.v = null;
    }
  } else {
    out.v = String(v);
  }
}

function checkReadable(file: string): void {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    throw new FileError(`Không tìm thấy tệp "${file}".`, `File "${file}" not found.`);
  }
  if (st.isDirectory()) throw new FileError(`"${file}" là một thư mục, không phải tệp.`, `"${file}" is a folder, not a file.`);
  let head = Buffer.alloc(0);
  try {
    const fd = fs.openSync(file, "r");
    head = Buffer.alloc(4);
    const n = fs.readSync(fd, head, 0, 4, 0);
    fs.closeSync(fd);
    head = head.subarray(0, n);
  } catch {
    throw new FileError(`Không mở được tệp "${file}" (không có quyền đọc?).`, `Cannot open "${file}" (no read permission?).`);
  }
  if (head.length < 4 || head[0] !== 0x50 || head[1] !== 0x4b) {
    const legacy = head.length >= 4 && head[0] === 0xd0 && head[1] === 0xcf;
    throw new FileError(
      legacy
        ? `Tệp "${file}" là tệp Excel đời cũ (.xls), không phải .xlsx. Hãy mở bằng Excel và lưu lại dưới dạng "Excel Workbook (*.xlsx)".`
        : `Tệp "${file}" không phải tệp Excel .xlsx (có thể là tệp khác bị đổi đuôi). Hãy mở bằng Excel và lưu lại dưới dạng "Excel Workbook (*.xlsx)".`,
      legacy
        ? `"${file}" is an old Excel file (.xls), not .xlsx. Open it in Excel and save it as "Excel Workbook (*.xlsx)".`
        : `"${file}" is not an Excel .xlsx file (perhaps another file renamed). Open it in Excel and save it as "Excel Workbook (*.xlsx)".`,
    );
  }
}

/**
 * Reads an .xlsx file into a snapshot. Throws FileError (only) when the file cannot be read:
 * missing, not a zip, damaged, or too large once uncompressed (zip.ts). Workbooks saved by
 * openpyxl (absolute relationship paths) are read after their paths are rewritten.
 */
export async function loadSnapshot(file: string): Promise<WorkbookSnapshot> {
  return snapshotOf(await loadWorkbook(file));
}

/** An .xlsx file as an exceljs workbook (the same checks and repairs as `loadSnapshot`). */
export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  checkReadable(file);
  let bytes: Buffer;
  try {
    if (fs.statSync(file).size > MAX_UNZIPPED_BYTES) bytes = Buffer.alloc(0);
    else bytes = fs.readFileSync(file);
  } catch {
    throw new FileError(`Không mở được tệp "${file}" (không có quyền đọc?).`, `Cannot open "${file}" (no read permission?).`);
  }
  if (!bytes.length) throw tooBig(file, "xlsx");
  const zip = await openZip(bytes, file, "xlsx");
  let data: Uint8Array = bytes;
  if (await fixAbsoluteRels(zip)) data = await zip.generateAsync({ type: "nodebuffer", compression: "STORE" });
  const wb = newWorkbook();
  try {
    await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new FileError(
      `Tệp "${file}" bị hỏng hoặc không phải sổ tính Excel hợp lệ, không đọc được (${(e as Error).message || e}). Hãy mở bằng Excel để sửa, hoặc tạo sổ mới bằng phuluc init.`,
      `"${file}" is damaged or not a valid Excel workbook and cannot be read (${(e as Error).message || e}). Open it in Excel to repair it, or make a new one with phuluc init.`,
    );
  }
  return wb;
}

/**
 * Copies sheets of `from` into `to` as they are (values, formulas, styles, widths, merges,
 * visibility): the user's own sheets when a file is rewritten (an upgrade). A name `to`
 * already has gets " (2)", " (3)", …; returns the names given, by the original name.
 */
export function copySheets(from: ExcelJS.Workbook, to: ExcelJS.Workbook, names: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const taken = (n: string) => to.worksheets.some((w) => w.name.toLowerCase() === n.toLowerCase());
  for (const name of names) {
    const src = from.getWorksheet(name);
    if (!src) continue;
    let target = name;
    for (let i = 2; taken(target) && i < 100; i++) target = name.slice(0, 31 - (" (" + i + ")").length) + " (" + i + ")";
    const ws = to.addWorksheet(target, { state: src.state === "visible" ? "visible" : src.state });
    src.columns?.forEach((c, i) => {
      if (c && c.width) ws.getColumn(i + 1).width = c.width;
    });
    src.eachRow({ includeEmpty: false }, (row, r) => {
      if (row.height) ws.getRow(r).height = row.height;
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.isMerged && cell.master && cell.master !== cell) return;
        const t = ws.getCell(r, c);
        const v = cell.value as unknown;
        // A shared formula's follower is written as its own formula (its master may be elsewhere).
        if (v && typeof v === "object" && "sharedFormula" in (v as object)) t.value = { formula: cell.formula, result: (v as { result?: unknown }).result } as ExcelJS.CellValue;
        else t.value = cell.value;
        t.style = JSON.parse(JSON.stringify(cell.style ?? {}));
      });
    });
    const merges = ((src as unknown as { model: { merges?: string[] } }).model.merges ?? []) as string[];
    for (const m of merges) {
      try {
        ws.mergeCells(m);
      } catch {
        /* a merge exceljs cannot repeat is left out; the values are there */
      }
    }
    out[name] = target;
  }
  return out;
}

/** Snapshot of an exceljs workbook already in memory. */
export function snapshotOf(wb: ExcelJS.Workbook): WorkbookSnapshot {
  const date1904 = !!(wb.properties && (wb.properties as { date1904?: boolean }).date1904);
  const sheets: SheetSnapshot[] = [];
  wb.eachSheet((ws) => {
    const rows: CellSnapshot[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const out: CellSnapshot[] = [];
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        const c: CellSnapshot = { v: null };
        // A merged cell that is not the master reads as the master's value in exceljs: keep it blank.
        if (cell.isMerged && cell.master && cell.master !== cell) {
          c.mergedInto = cell.master.address;
        } else {
          snapValue(cell.value, date1904, c);
        }
        const fmt = cell.numFmt;
        if (fmt) c.format = fmt;
        out[colNumber - 1] = c;
      });
      rows[rowNumber - 1] = out;
    });
    // Merged ranges: make sure every non-master cell is marked, even if empty.
    const merges = (ws as unknown as { _merges?: Record<string, { model?: { top: number; left: number; bottom: number; right: number } }> })._merges || {};
    for (const key of Object.keys(merges)) {
      const m = merges[key] && merges[key].model;
      if (!m) continue;
      const master = colLetter(m.left) + m.top;
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) {
          if (r === m.top && c === m.left) continue;
          const row = rows[r - 1] || (rows[r - 1] = []);
          const cell = row[c - 1] || (row[c - 1] = { v: null });
          cell.v = null;
          cell.mergedInto = master;
        }
      }
    }
    const tables: { name: string; range: string }[] = [];
    try {
      for (const t of ws.getTables() as unknown as { table?: Record<string, unknown>; model?: Record<string, unknown> }[]) {
        const m = (t.table || t.model || {}) as { name?: string; tableRef?: string; ref?: string };
        const range = m.tableRef || m.ref;
        if (m.name && range) tables.push({ name: m.name, range });
      }
    } catch {
      /* tables are a hint only */
    }
    for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
    const sheet: SheetSnapshot = { name: ws.name, visibility: ws.state || "visible", rows };
    if (tables.length) sheet.tables = tables;
    sheets.push(sheet);
  });
  const names: Record<string, string> = {};
  try {
    const model = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model || [];
    for (const n of model) if (n && n.name) names[n.name] = (n.ranges || []).join(",");
  } catch {
    /* names are a hint only */
  }
  return { sheets, names };
}

function dv(v: ValidationDef): ExcelJS.DataValidation {
  const base = {
    allowBlank: true,
    showErrorMessage: true,
    showInputMessage: true,
    errorStyle: v.errorStyle,
    errorTitle: v.title.vi.slice(0, 32),
    error: v.message.vi.slice(0, 255),
    promptTitle: v.title.vi.slice(0, 32),
    prompt: v.message.vi.slice(0, 255),
  };
  const r = v.rule;
  switch (r.type) {
    case "whole":
    case "decimal":
      if (r.max === undefined) return { ...base, type: r.type, operator: "greaterThanOrEqual", formulae: [r.min] } as ExcelJS.DataValidation;
      return { ...base, type: r.type, operator: "between", formulae: [r.min, r.max] } as ExcelJS.DataValidation;
    case "list":
      return { ...base, type: "list", formulae: ['"' + r.values.map((x) => x.replace(/"/g, '""')).join(",") + '"'] } as ExcelJS.DataValidation;
    case "date":
      return { ...base, type: "date", operator: "greaterThan", formulae: [new Date(Date.UTC(1900, 0, 1))] } as ExcelJS.DataValidation;
    case "custom":
      return { ...base, type: "custom", formulae: [r.formula.replace(/^=/, "")] } as ExcelJS.DataValidation;
    case "textLength":
      return { ...base, type: "textLength", operator: "lessThanOrEqual", formulae: [r.max] } as ExcelJS.DataValidation;
  }
}

function cellValue(c: CellPlan): ExcelJS.CellValue {
  if (c.formula) {
    const f = { formula: c.formula.replace(/^=/, "") } as ExcelJS.CellFormulaValue;
    if (c.result !== undefined && c.result !== null) (f as { result?: unknown }).result = c.result;
    return f;
  }
  if (c.v === undefined) return null;
  return c.v;
}

function applyStyle(cell: ExcelJS.Cell, c: CellPlan): void {
  if (c.format) cell.numFmt = c.format;
  if (c.bold) cell.font = { bold: true, size: 13 };
  if (c.wrap) cell.alignment = { wrapText: true, vertical: "top" };
  if (c.validation) cell.dataValidation = dv(c.validation);
}

/** Builds the exceljs workbook of a plan (in memory). */
export function buildWorkbook(plan: WorkbookPlan): ExcelJS.Workbook {
  const wb = newWorkbook();
  wb.creator = "phuluc";
  wb.created = new Date();
  // Excel and LibreOffice compute every formula on opening (exceljs writes no results).
  (wb as unknown as { calcProperties: { fullCalcOnLoad: boolean } }).calcProperties = { fullCalcOnLoad: true };
  for (const sp of plan.sheets) {
    const ws = wb.addWorksheet(sp.name, { views: [{ state: "frozen", xSplit: 0, ySplit: sp.freezeRows, activeCell: "A" + (sp.freezeRows + 1) }] });
    // Column formats as column styles: Excel applies them to what is typed later, and the
    // file holds no empty styled cells (which would slow every later read).
    sp.table.columns.forEach((c, i) => {
      const col = ws.getColumn(i + 1);
      col.width = c.width;
      if (c.format) col.numFmt = c.format;
      if (c.wrap) col.alignment = { wrapText: true, vertical: "top" };
    });
    sp.preamble.forEach((row, r) => {
      row.forEach((c, ci) => {
        const cell = ws.getCell(r + 1, ci + 1);
        cell.value = cellValue(c);
        applyStyle(cell, c);
        if (c.span && c.span > 1) {
          ws.mergeCells(r + 1, ci + 1, r + 1, ci + c.span);
          ws.getCell(r + 1, ci + 1).alignment = { wrapText: true, vertical: "top" };
          const width = sp.table.columns.slice(ci, ci + c.span).reduce((n, x) => n + x.width, 0);
          ws.getRow(r + 1).height = spanHeight(String(c.v ?? "").length, width);
        }
      });
    });
    const t = sp.table;
    ws.addTable({
      name: t.name,
      displayName: t.name,
      ref: "A" + t.headerRow,
      headerRow: true,
      totalsRow: false,
      style: { theme: "TableStyleLight9", showRowStripes: true },
      columns: t.header.map((h) => ({ name: h, filterButton: true })),
      rows: t.rows.map((row) => t.header.map((_h, i) => cellValue(row[i] || { v: null }))),
    } as ExcelJS.TableProperties);
    const header = ws.getRow(t.headerRow);
    header.alignment = { wrapText: true, vertical: "middle" };
    // Whole-column validations (list sheets), as ranges: one entry each in the file.
    const first = t.headerRow + 1;
    const last = t.headerRow + Math.max(t.formatRows, t.rows.length);
    t.columns.forEach((c, i) => {
      const L = colLetter(i + 1);
      if (c.validation) {
        (ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${L}${first}:${L}${last}`, dv(c.validation));
      }
    });
    // The header and preamble keep the general format and no wrap of a column style.
    for (let r = 1; r <= t.headerRow; r++) {
      t.columns.forEach((c, i) => {
        if (!c.format && !c.wrap) return;
        const cell = ws.getCell(r, i + 1);
        if (c.format) cell.numFmt = "General";
        if (c.wrap && r < t.headerRow && !sp.preamble[r - 1]?.[i]?.span && !cell.isMerged) cell.alignment = {};
      });
    }
    // Per-cell formats and validations.
    t.rows.forEach((row, r) => {
      row.forEach((c, ci) => {
        if (!c) return;
        if (c.format || c.bold || c.wrap || c.validation) applyStyle(ws.getCell(t.headerRow + 1 + r, ci + 1), c);
      });
    });
    // Cells the workbook computes (derived totals, ✓/✗) look different from cells to type in.
    t.rows.forEach((row, r) => {
      row.forEach((c, ci) => {
        if (!c || !c.formula) return;
        const cell = ws.getCell(t.headerRow + 1 + r, ci + 1);
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: TONES.computed.fill } };
        cell.font = { italic: true, color: { argb: TONES.computed.font } };
      });
    });
    if (sp.highlight && t.rows.length) {
      const L = colLetter(sp.highlight.column);
      const ref = `${L}${first}:${L}${t.headerRow + t.rows.length}`;
      ws.addConditionalFormatting({
        ref,
        rules: sp.highlight.rules.map((h, i) => ({
          type: "containsText",
          operator: "containsText",
          text: h.text,
          priority: i + 1,
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: TONES[h.tone].fill } },
            font: { color: { argb: TONES[h.tone].font }, bold: h.tone === "error" },
          },
        })) as ExcelJS.ConditionalFormattingRule[],
      });
    }
    // Every sheet prints on A4, one page wide, its header row repeated on every page, numbered pages.
    const print = printFor(sp);
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: 9, // A4
      orientation: print.orientation,
      fitToPage: print.fitToWidth,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { ...PRINT_MARGINS },
      printTitlesRow: `${t.headerRow}:${t.headerRow}`,
    } as ExcelJS.PageSetup;
    ws.headerFooter = { ...ws.headerFooter, oddFooter: "&C" + PRINT_FOOTER };
    for (const h of sp.hiddenColumns || []) ws.getColumn(h).hidden = true;
  }
  const m = wb.addWorksheet(plan.marker.sheet, { state: "veryHidden" });
  plan.marker.rows.forEach((row, r) => {
    row.forEach((v, c) => {
      if (v === "") return;
      m.getCell(r + 1, c + 1).value = v;
    });
  });
  wb.definedNames.add(plan.marker.ref, plan.marker.name);
  return wb;
}

/**
 * Writes a plan to an .xlsx file through files.ts (a temporary file renamed into place, so
 * a failure leaves no half-written file). Commands pass their --force and inputs; the
 * default (library use, tests) replaces an existing file that is not an input.
 */
export async function writePlan(plan: WorkbookPlan, file: string, opts: WriteOptions = { force: true }): Promise<void> {
  const wb = buildWorkbook(plan);
  await writeOutput(file, (tmp) => wb.xlsx.writeFile(tmp), opts);
}
