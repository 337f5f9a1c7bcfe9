/**
 * Applies `WriteOp`s (setup-plan.ts) to the open workbook as one Office.js batch:
 * every operation is queued, then a single `context.sync()`.
 */
import type { ValidationDef } from "../core/layout";
import type { WriteOp } from "./setup-plan";
import { rectA1, type Rect } from "./a1";
import { syncWithTimeout } from "./sync";
import { TONES, PRINT_MARGINS, PRINT_FOOTER, type PrintPlan } from "../core/workbook-model";

/** "FFF2F2F2" (ARGB, as the file stores it) → "#F2F2F2" (Office.js). */
export function argbToHex(argb: string): string {
  return "#" + argb.slice(-6);
}

const OPERATOR: Record<string, string> = { min: "GreaterThanOrEqualTo" };

/** Office.js data-validation rule for a layout validation. */
export function officeRule(def: ValidationDef): Excel.DataValidationRule {
  const r = def.rule;
  switch (r.type) {
    case "whole":
      return r.max === undefined
        ? { wholeNumber: { formula1: r.min, operator: OPERATOR.min as Excel.DataValidationOperator } }
        : { wholeNumber: { formula1: r.min, formula2: r.max, operator: "Between" as Excel.DataValidationOperator } };
    case "decimal":
      return { decimal: { formula1: r.min, formula2: r.max, operator: "Between" as Excel.DataValidationOperator } };
    case "list":
      return { list: { inCellDropDown: true, source: r.values.join(",") } };
    case "date":
      return { date: { formula1: "1900-01-01", operator: OPERATOR.min as Excel.DataValidationOperator } };
    case "custom":
      return { custom: { formula: r.formula.startsWith("=") ? r.formula : "=" + r.formula } };
    case "textLength":
      return { textLength: { formula1: r.max, operator: "LessThanOrEqualTo" as Excel.DataValidationOperator } };
  }
}

function cut(s: string, n: number): string {
  return s.length <= n ? s : s.slice(0, n - 1) + "…";
}

function pad2(values: unknown[][], rows: number, cols: number, fill: unknown): unknown[][] {
  return Array.from({ length: rows }, (_r, i) => Array.from({ length: cols }, (_c, j) => (values[i] && values[i][j] !== undefined ? values[i][j] : fill)));
}

/** Queues the operations; the caller syncs (see `applyOps`). */
export function queueOps(context: Excel.RequestContext, ops: WriteOp[]): void {
  const wb = context.workbook;
  const sheets = new Map<string, Excel.Worksheet>();
  const sheet = (name: string): Excel.Worksheet => {
    let s = sheets.get(name);
    if (!s) {
      s = wb.worksheets.getItem(name);
      sheets.set(name, s);
    }
    return s;
  };
  const range = (name: string, r: Rect) => sheet(name).getRange(rectA1(r));
  for (const op of ops) {
    switch (op.kind) {
      case "addSheet":
        sheets.set(op.sheet, wb.worksheets.add(op.sheet));
        break;
      case "cells": {
        const rows = Math.max(op.values.length, op.formats.length);
        const cols = Math.max(0, ...op.values.map((r) => r.length), ...op.formats.map((r) => r.length));
        if (!rows || !cols) break;
        const rg = range(op.sheet, { row: op.row, col: op.col, rows, cols });
        // The format first, so that text formats ("@") hold what is written next.
        if (op.formats.length) rg.numberFormat = pad2(op.formats, rows, cols, "General") as string[][];
        if (op.values.length) rg.formulas = pad2(op.values, rows, cols, "") as string[][];
        break;
      }
      case "clear": {
        const rg = range(op.sheet, op.rect);
        rg.formulas = pad2([], op.rect.rows, op.rect.cols, "") as string[][];
        break;
      }
      case "bold":
        range(op.sheet, op.rect).format.font.bold = true;
        break;
      case "wrap":
        range(op.sheet, op.rect).format.wrapText = true;
        break;
      case "width":
        range(op.sheet, { row: 0, col: op.col, rows: 1, cols: 1 }).getEntireColumn().format.columnWidth = op.points;
        break;
      case "validation": {
        const dv = range(op.sheet, op.rect).dataValidation;
        dv.clear();
        dv.ignoreBlanks = true;
        dv.rule = officeRule(op.def);
        dv.errorAlert = {
          showAlert: true,
          style: (op.def.errorStyle === "stop" ? "Stop" : op.def.errorStyle === "warning" ? "Warning" : "Information") as Excel.DataValidationAlertStyle,
          title: cut(op.def.title.vi, 32),
          message: cut(op.def.message.vi, 225),
        };
        dv.prompt = { showPrompt: true, title: cut(op.def.title.vi, 32), message: cut(op.def.message.vi, 255) };
        break;
      }
      case "table": {
        const t = sheet(op.sheet).tables.add(range(op.sheet, op.rect), true);
        t.name = op.name;
        t.style = "TableStyleLight9";
        break;
      }
      case "noValidation":
        range(op.sheet, op.rect).dataValidation.clear();
        break;
      case "tableRows":
        if (op.count > 0) wb.tables.getItem(op.table).rows.add(undefined, Array.from({ length: op.count }, () => Array.from({ length: op.cols }, () => "")));
        break;
      case "tableColumn":
        wb.tables.getItem(op.table).columns.add(undefined, undefined, op.header);
        break;
      case "freeze":
        sheet(op.sheet).freezePanes.freezeRows(op.rows);
        break;
      case "veryHidden":
        sheet(op.sheet).visibility = "VeryHidden" as Excel.SheetVisibility;
        break;
      case "name":
        wb.names.add(op.name, sheet(op.sheet).getRange(op.cell), "phuluc: layout marker / dấu nhận biết sổ của phuluc");
        break;
      case "activate":
        sheet(op.sheet).activate();
        sheet(op.sheet).getRange(op.cell).select();
        break;
      case "merge": {
        const rg = range(op.sheet, op.rect);
        rg.merge(false);
        rg.format.wrapText = true;
        rg.format.verticalAlignment = "Top" as Excel.VerticalAlignment;
        rg.format.rowHeight = op.height;
        break;
      }
      case "computed": {
        const f = range(op.sheet, op.rect).format;
        f.fill.color = argbToHex(TONES.computed.fill);
        f.font.color = argbToHex(TONES.computed.font);
        f.font.italic = true;
        break;
      }
      case "plain": {
        const f = range(op.sheet, op.rect).format;
        f.fill.clear();
        f.font.color = "#000000";
        f.font.italic = false;
        break;
      }
      case "highlight": {
        const rg = range(op.sheet, op.rect);
        // An upgrade rewrites the column: its earlier rules go, so they are not there twice.
        if (op.replace) rg.conditionalFormats.clearAll();
        for (const r of op.rules) {
          const cf = rg.conditionalFormats.add("ContainsText" as Excel.ConditionalFormatType);
          cf.textComparison.format.fill.color = argbToHex(TONES[r.tone].fill);
          cf.textComparison.format.font.color = argbToHex(TONES[r.tone].font);
          if (r.tone === "error") cf.textComparison.format.font.bold = true;
          cf.textComparison.rule = { operator: "Contains" as Excel.ConditionalTextOperator, text: r.text };
        }
        break;
      }
      case "print":
        queuePrint(sheet(op.sheet), op.print, op.titleRow);
        break;
    }
  }
}

/**
 * Queues a sheet's print set-up (ExcelApi 1.9: the caller checks): A4, the orientation, one page
 * wide and as many tall as it takes, margins, page numbers, the header row repeated (`titleRow`,
 * 1-based; none when 0). The same set-up as the command line's (src/cli/xlsx.ts).
 */
export function queuePrint(ws: Excel.Worksheet, print: PrintPlan, titleRow = 0): void {
  const pl = ws.pageLayout;
  pl.paperSize = "A4" as Excel.PaperType;
  pl.orientation = (print.orientation === "landscape" ? "Landscape" : "Portrait") as Excel.PageOrientation;
  // One page wide, as many pages tall as it takes (0: automatic, as fitToHeight="0" in the file).
  if (print.fitToWidth) pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  pl.leftMargin = PRINT_MARGINS.left * 72;
  pl.rightMargin = PRINT_MARGINS.right * 72;
  pl.topMargin = PRINT_MARGINS.top * 72;
  pl.bottomMargin = PRINT_MARGINS.bottom * 72;
  pl.headerMargin = PRINT_MARGINS.header * 72;
  pl.footerMargin = PRINT_MARGINS.footer * 72;
  pl.centerHorizontally = true;
  if (titleRow > 0) pl.setPrintTitleRows(`$${titleRow}:$${titleRow}`);
  pl.headersFooters.defaultForAllPages.centerFooter = PRINT_FOOTER;
}

/**
 * One sync of a batch whose print set-up / conditional formats were queued last: should this
 * Excel refuse one of them, everything before it is written and the workbook usable, so that
 * error is not the user's (docs/TESTING.md lists the manual check).
 */
export async function syncTolerant(context: Excel.RequestContext, cosmeticQueued: boolean): Promise<void> {
  try {
    await syncWithTimeout(context);
  } catch (e) {
    if (cosmeticQueued && cosmeticError(e)) return;
    throw e;
  }
}

function cosmeticError(e: unknown): boolean {
  const loc = (e as { debugInfo?: { errorLocation?: string } } | undefined)?.debugInfo?.errorLocation ?? "";
  return /PageLayout|ConditionalFormat|HeaderFooter/i.test(loc);
}

/** Queues and runs the operations in one `context.sync()`. */
export async function applyOps(context: Excel.RequestContext, ops: WriteOp[]): Promise<void> {
  if (!ops.length) return;
  queueOps(context, ops);
  // The page layout and conditional formats come last in the batch (setup-plan.ts).
  await syncTolerant(context, ops.some((o) => o.kind === "print" || o.kind === "highlight"));
}
