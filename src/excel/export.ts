/**
 * "Xuất ra tệp JSON": our sheets as report data, through the same reader the command line
 * uses (`readWorkbook`), so the add-in and `phuluc export` give the same JSON for the same
 * workbook. 2 syncs.
 */
import type { Finding, Lang, ReportData, TemplateDef, CellMap } from "../core/types";
import type { WorkbookSnapshot } from "../core/workbook-model";
import { readWorkbook } from "../core/sheet-read";
import { readSnapshot } from "./read";
import { runExcel } from "./sync";
import { layoutNames } from "./setup";

export interface ExportResult {
  template?: TemplateDef;
  data: ReportData;
  cells: CellMap;
  /** `workbook.*` findings: missing sheets, renamed columns, … */
  findings: Finding[];
  /** The JSON text, exactly as `phuluc export` writes it. */
  json: string;
}

export function exportFromSnapshot(snap: WorkbookSnapshot, lang: Lang = "vi"): ExportResult {
  const r = readWorkbook(snap, { lang });
  return { template: r.template, data: r.data, cells: r.cells, findings: r.findings, json: JSON.stringify(r.data, null, 2) + "\n" };
}

export function exportWorkbook(lang: Lang = "vi"): Promise<ExportResult> {
  return runExcel(async (ctx) => exportFromSnapshot(await readSnapshot(ctx, { names: layoutNames() }), lang));
}

/** Report data of the open workbook (for the report and check views). */
export async function readReportData(lang: Lang = "vi"): Promise<ExportResult> {
  return exportWorkbook(lang);
}
