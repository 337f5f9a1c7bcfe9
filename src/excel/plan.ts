/**
 * The plan the add-in writes: the very same call the command line makes
 * (src/cli/main.ts: `planWorkbook(template, data)`), so that "Tạo sổ nhập liệu" in Excel and
 * `phuluc init` give the same layout. Keep the two in step.
 */
import type { ReportData, TemplateDef } from "../core/types";
import type { WorkbookPlan } from "../core/workbook-model";
import { planWorkbook, type PlanOptions } from "../core/sheet-plan";

export function addinPlan(t: TemplateDef, data?: ReportData, opts: Pick<PlanOptions, "embedTemplate" | "valueCells" | "keptColumns"> = {}): WorkbookPlan {
  return planWorkbook(t, data, { ...opts, embedTemplate: !!opts.embedTemplate });
}
