/**
 * The pane's "Mẫu" view: a template designer workbook (made by `phuluc template export …
 * -o mau.xlsx`) open in Excel is read in one batch (2 syncs) and its mistakes are listed at
 * the designer's cells (src/core/designer/sheets.ts).
 */
import type { Finding, Lang, TemplateDef } from "../core/types";
import { checkDesigner, isDesignerWorkbook, DESIGNER_SHEETS } from "../core/designer/sheets";
import { readSnapshot } from "./read";
import { runExcel } from "./sync";

export interface TemplateCheckRun {
  /** False when the open workbook is not a template designer workbook. */
  designer: boolean;
  template?: TemplateDef;
  findings: Finding[];
  ms: number;
}

export function runTemplateCheck(opts: { lang: Lang }): Promise<TemplateCheckRun> {
  return runExcel(async (ctx) => {
    const t0 = Date.now();
    const snap = await readSnapshot(ctx, { names: DESIGNER_SHEETS.map((d) => d.name) });
    if (!isDesignerWorkbook(snap)) return { designer: false, findings: [], ms: Date.now() - t0 };
    const r = checkDesigner(snap, { lang: opts.lang });
    return { designer: true, template: r.template, findings: r.findings, ms: Date.now() - t0 };
  });
}

export { goToCells } from "./live";
