/**
 * A workbook carrying its province's template, read in a fresh pane (this file's module
 * registry has never seen the template): the register sheet has no table and a name no
 * built-in template has, and is read all the same, because the marker names it.
 */
import * as fs from "fs";
import * as path from "path";
import { mockWorkbook } from "./mock-workbook";
import { colLetter } from "../../src/core/layout";
import { getTemplate } from "../../src/core/templates/index";
import { provinceTemplate, snapshotOfPlan } from "../designer/helpers";
import { planWorkbook } from "../../src/core/sheet-plan";
import { checkInContext } from "../../src/excel/live";

const TEMPLATES = path.join(__dirname, "..", "fixtures", "templates");

afterEach(() => {
  delete (global as any).Excel;
});

describe("a workbook carrying its province's template, read in a fresh pane", () => {
  test("its register sheet (no table, a name no built-in template has) is read: the marker names it", async () => {
    const t = provinceTemplate();
    expect(getTemplate(t.id)).toBeUndefined();
    const data = JSON.parse(fs.readFileSync(path.join(TEMPLATES, "tan-phong-2026.json"), "utf8"));
    const snap = snapshotOfPlan(planWorkbook(t, data, { embedTemplate: true }));
    const book = mockWorkbook(
      snap.sheets.map((s) => {
        const cells: Record<string, any> = {};
        s.rows.forEach((r, i) => r.forEach((c, j) => c && c.v !== null && c.v !== "" && (cells[colLetter(j + 1) + (i + 1)] = c.v)));
        return { name: s.name, cells };
      }),
    );
    (global as any).Excel = book.Excel;
    const run = await checkInContext(book.context, { mark: false });
    expect(run.read.template?.id).toBe("tinh-thu-2026");
    expect(run.read.findings.map((f) => f.rule)).not.toContain("workbook.missing-sheet");
    expect(run.read.data.registers.hoat_dong).toHaveLength(3);
    // One more sync only for the sheets the marker names and the first read left out.
    expect(run.readStats.syncs).toBe(3);
  });
});
