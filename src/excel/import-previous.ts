/**
 * "Nhập số liệu năm trước": last year's figures into the "Năm trước" column of our
 * "Phụ lục" sheet, like set-up in two steps:
 *  1. `previewPrevious(source)` reads the workbook (2 syncs) and says what it will write
 *     (core/previous.ts: a typed value is never overwritten; what is unsure is listed);
 *  2. `applyPrevious(source, preview)` reads again, checks the plan is unchanged and writes
 *     the blank cells in one batch (1 sync).
 * The source is last year's report, read by the pane: its data (a phuluc workbook or JSON)
 * or its .docx's text.
 */
import type { Lang, ReportData, TemplateDef } from "../core/types";
import type { WorkbookSnapshot } from "../core/workbook-model";
import { readWorkbook } from "../core/sheet-read";
import { readValue } from "../core/values";
import { previousFromDocx, previousFromReport, planPrevious, type DocxContent, type PreviousPlan } from "../core/previous";
import { readSnapshot } from "./read";
import { runExcel, syncWithTimeout, ExcelTaskError } from "./sync";
import { layoutNames } from "./setup";

/** "'Phụ lục'" → "Phụ lục". */
function unquote(sheet: string): string {
  return sheet.startsWith("'") && sheet.endsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
}

/** Last year's report as the pane read it. */
export type PreviousSource = { kind: "data"; data: ReportData } | { kind: "docx"; content: DocxContent };

export interface PreviousPreview {
  template: TemplateDef;
  plan: PreviousPlan;
  /** code → "'Phụ lục'!F14" of the "Năm trước" cells to write. */
  cells: Record<string, string>;
}

/** The plan for a workbook snapshot (pure: tested without Excel). */
export function analysePrevious(snap: WorkbookSnapshot, source: PreviousSource, lang: Lang = "vi"): PreviousPreview {
  const r = readWorkbook(snap, { lang });
  const t = r.template;
  if (!t)
    throw new ExcelTaskError("not-ours", {
      vi: 'Sổ này chưa có trang "Phụ lục" của phuluc. Hãy bấm "Tạo sổ nhập liệu" trước.',
      en: 'This workbook has no phuluc "Phụ lục" sheet yet. Press "Set up the data sheets" first.',
    });
  const cells: Record<string, string> = {};
  for (const d of t.indicators) {
    const a = r.cells["previous." + d.code];
    if (a) cells[d.code] = a;
  }
  if (!Object.keys(cells).length)
    throw new ExcelTaskError("no-previous-column", {
      vi: 'Trang "Phụ lục" không có cột "Năm trước". Hãy khôi phục tiêu đề cột "Năm trước" (cột F), hoặc bấm "Tạo sổ nhập liệu" để bổ sung.',
      en: 'The "Phụ lục" sheet has no "Năm trước" column. Restore its header (column F), or press "Set up the data sheets" to add it.',
    });
  const year = typeof r.data.report?.year === "number" ? r.data.report.year - 1 : undefined;
  const read = source.kind === "data" ? previousFromReport(t, source.data, lang) : previousFromDocx(t, source.content, { lang, year });
  const plan = planPrevious(t, r.data.previous, read);
  plan.writes = plan.writes.filter((w) => cells[w.code]);
  return { template: t, plan, cells };
}

export function previewPrevious(source: PreviousSource, lang: Lang = "vi"): Promise<PreviousPreview> {
  return runExcel(async (ctx) => analysePrevious(await readSnapshot(ctx, { names: layoutNames() }), source, lang));
}

function samePlan(a: PreviousPreview, b: PreviousPreview): boolean {
  const key = (p: PreviousPreview) => JSON.stringify(p.plan.writes.map((w) => [w.code, w.value, p.cells[w.code]]));
  return key(a) === key(b);
}

export interface PreviousResult {
  preview: PreviousPreview;
  /** The workbook changed since the preview: nothing was written; show the new plan. */
  changed: boolean;
  written: number;
}

/** The cell value and number format of a figure (a percent is a fraction under a percent format). */
export function previousCell(value: number | string, kind: string): { v: number | string; format?: string } {
  const r = readValue(value, kind as never);
  if (r.status === "na") return { v: "Không có" };
  if (r.status === "number") {
    if (kind === "percent") return { v: r.value / 100, format: r.decimals > 0 ? "0." + "0".repeat(r.decimals) + "%" : "0%" };
    return { v: r.value, format: "#,##0" };
  }
  return { v: String(value) };
}

export function applyPrevious(source: PreviousSource, preview: PreviousPreview, lang: Lang = "vi"): Promise<PreviousResult> {
  if (!preview.plan.writes.length) return Promise.resolve({ preview, changed: false, written: 0 });
  return runExcel(async (ctx) => {
    const now = analysePrevious(await readSnapshot(ctx, { names: layoutNames() }), source, lang);
    if (!samePlan(now, preview)) return { preview: now, changed: true, written: 0 };
    for (const w of now.plan.writes) {
      const ref = now.cells[w.code];
      const i = ref.lastIndexOf("!");
      const sheet = unquote(ref.slice(0, i));
      const range = ctx.workbook.worksheets.getItem(sheet).getRange(ref.slice(i + 1).replace(/\$/g, ""));
      const kind = now.template.indicators.find((d) => d.code === w.code)?.kind ?? "count";
      const c = previousCell(w.value, kind);
      if (c.format) range.numberFormat = [[c.format]];
      range.values = [[c.v]];
    }
    await syncWithTimeout(ctx);
    return { preview: now, changed: false, written: now.plan.writes.length };
  });
}
