/**
 * "Nhập từ tệp JSON": load a report in the data exchange format into our sheets.
 * Like set-up, in two steps: `previewImport` says how many cells it will write and how
 * many typed values it would replace (2 syncs); `applyImport` re-reads, checks that the work
 * is unchanged and writes in one batch (2 + 1 syncs). Missing sheets are created on the way.
 */
import type { ReportData } from "../core/types";
import type { WorkbookSnapshot } from "../core/workbook-model";
import { parseReportJson } from "../core/normalize";
import { check } from "../core/engine";
import { analyse, markerTemplate, type Analysis } from "./setup-plan";
import { addinPlan } from "./plan";
import { readSnapshot } from "./read";
import { applyOps } from "./apply";
import { detectCaps, type ExcelCaps } from "./caps";
import { runExcel, ExcelTaskError } from "./sync";
import { layoutNames, sameWork, templateFor, type ApplyResult } from "./setup";

/** Reads a report JSON text (throws `InputError` with a Vietnamese message on bad input). */
export function parseImport(text: string): ReportData {
  return parseReportJson(text.replace(/^\uFEFF/, ""));
}

export function analyseImport(snap: WorkbookSnapshot, data: ReportData, caps: ExcelCaps): Analysis {
  const inBook = markerTemplate(snap);
  if (inBook && inBook !== data.template)
    throw new ExcelTaskError("template-mismatch", {
      vi: `Tệp JSON theo mẫu "${data.template}" nhưng sổ này theo mẫu "${inBook}": không nhập được vào sổ này.`,
      en: `The JSON file uses template "${data.template}" but this workbook uses "${inBook}": it cannot be imported here.`,
    });
  const t = templateFor(snap, data.template);
  return analyse(t, addinPlan(t, data), snap, { caps, importData: true });
}

export function previewImport(data: ReportData, caps: ExcelCaps = detectCaps()): Promise<Analysis> {
  return runExcel(async (ctx) => analyseImport(await readSnapshot(ctx, { names: layoutNames() }), data, caps));
}

export interface ImportResult extends ApplyResult {
  /** What the check finds in the imported data (when written): the pane says it and offers to show them. */
  summary?: { errors: number; warnings: number };
}

/**
 * The errors and warnings of the data as imported: the workbook's data columns now hold exactly
 * the file's data (import writes every data cell and replaces the tables' rows), so checking the
 * data is checking what the workbook holds, without reading it back.
 */
export function importSummary(data: ReportData): { errors: number; warnings: number } {
  const r = check(data);
  return { errors: r.summary.errors, warnings: r.summary.warnings };
}

export function applyImport(data: ReportData, preview: Analysis, caps: ExcelCaps = detectCaps()): Promise<ImportResult> {
  if (preview.ops.length === 0) return Promise.resolve({ analysis: preview, changed: false, summary: importSummary(data) });
  return runExcel(async (ctx) => {
    const now = analyseImport(await readSnapshot(ctx, { names: layoutNames() }), data, caps);
    if (!sameWork(now, preview)) return { analysis: now, changed: true };
    await applyOps(ctx, now.ops);
    return { analysis: now, changed: false, summary: importSummary(data) };
  });
}
