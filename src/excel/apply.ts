/**
 * Applies `WriteOp`s (setup-plan.ts) to the open workbook as one Office.js batch:
 * every operation is queued, then a single `context.sync()`.
 */
import type { ValidationDef } from "../core/layout";
import type { WriteOp } from "./setup-plan";
import { rectA1, type Rect } from "./a1";
import { syncWithTimeout } from "./sync";

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
    }
  }
}

/** Queues and runs the operations in one `context.sync()`. */
export async function applyOps(context: Excel.RequestContext, ops: WriteOp[]): Promise<void> {
  if (!ops.length) return;
  queueOps(context, ops);
  await syncWithTimeout(context);
}
