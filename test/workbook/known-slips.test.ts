/** Slips a clerk met: each figure the workbook cannot give is reported once, at the cell to fix. */
import * as fs from "fs";
import * as path from "path";
import { qcdc2021 as t } from "../../src/core/templates/qcdc-2021";
import { makeBook } from "../status/helpers";
import { snapshotOf } from "../status/plan-sheet";
import { readWorkbook } from "../../src/core/sheet-read";
import { check } from "../../src/core/engine";
import { normalizeReport } from "../../src/core/normalize";
import { buildReport } from "../../src/core/narrative/report";
import { renderText } from "../../src/core/render/text";
import type { ReportData } from "../../src/core/types";
import type { WorkbookSnapshot } from "../../src/core/workbook-model";

const example: ReportData = JSON.parse(fs.readFileSync(path.join(__dirname, "../../examples/son-la-skhcn-2021.json"), "utf8"));

function checked(edit: (snap: WorkbookSnapshot) => void, data: ReportData = example) {
  const snap = snapshotOf(makeBook(t, data));
  edit(snap);
  const read = readWorkbook(snap);
  return check(read.data, { cells: read.cells, structural: read.findings }).findings;
}

const sheet = (snap: WorkbookSnapshot, name: string) => snap.sheets.find((s) => s.name === name)!;

/** As exceljs writes a workbook nobody has opened: no formula holds a result. */
function neverComputed(snap: WorkbookSnapshot): void {
  for (const sh of snap.sheets) for (const row of sh.rows) for (const c of row ?? []) if (c?.formula) c.v = null;
}

test("#DIV/0! in a ratio cell gives one finding, at that cell (no second note that the ratio is blank)", () => {
  const fs1 = checked((snap) => {
    sheet(snap, "Phụ lục").rows[22][4] = { v: null, error: "#DIV/0!", formula: "=E21/E22" }; // dt_ty_le
  });
  const at = fs1.filter((f) => f.indicators[0] === "dt_ty_le" || (f.cells ?? []).includes("'Phụ lục'!E23"));
  expect(at.map((f) => f.rule)).toEqual(["workbook.cell-error"]);
  expect(at[0].message).toContain("#DIV/0!");
});

test("a formula never computed is reported with what to do, not read as blank", () => {
  const fs1 = checked((snap) => {
    sheet(snap, "Phụ lục").rows[13][4] = { v: null, formula: "=E15+E16" }; // tt_hoi_nghi, no cached value
    neverComputed(snap);
  });
  const f = fs1.find((x) => x.rule === "workbook.not-calculated")!;
  expect(f).toBeDefined();
  expect(f.severity).toBe("error");
  expect(f.cells).toEqual(["'Phụ lục'!E14"]);
  expect(f.message).toMatch(/mở sổ bằng Excel, lưu lại/i);
  // No rule says the total is blank.
  expect(fs1.filter((x) => x.rule === "tt.sum")).toEqual([]);
});

test("an empty workbook's own derived formulas, inputs blank, are not 'never computed'", () => {
  const empty = makeBook(t).plan; // the workbook `init` writes: derived totals and ratios as formulas
  const snap = snapshotOf(makeBook(t));
  let stripped = 0;
  neverComputed(snap);
  for (const row of sheet(snap, "Phụ lục").rows) {
    const c = row[4];
    if (c?.formula) {
      c.v = null; // as exceljs wrote it: no cached result
      stripped++;
    }
  }
  expect(stripped).toBeGreaterThan(3);
  expect(empty.sheets[0].name).toBe("Phụ lục");
  const read = readWorkbook(snap);
  expect(read.findings.filter((x) => x.rule === "workbook.not-calculated")).toEqual([]);
  // Saved by Excel, an empty text result may read back as none: not reported then.
  const saved = snapshotOf(makeBook(t, example));
  sheet(saved, "Phụ lục").rows[13][4] = { v: null, formula: "=E15+E16" };
  expect(readWorkbook(saved).findings.filter((x) => x.rule === "workbook.not-calculated")).toEqual([]);
  // Once a part is typed, the total's formula has inputs: without a computed value it is reported.
  const typed = snapshotOf(makeBook(t));
  neverComputed(typed);
  sheet(typed, "Phụ lục").rows[14][4] = { v: 2 }; // tt_rieng
  expect(readWorkbook(typed).findings.filter((x) => x.rule === "workbook.not-calculated").map((f) => f.cells)).toEqual([["'Phụ lục'!E14"]]);
});

test("report.year as text: \"2021\" is read, \"năm nay\" is reported once, at its cell, and never printed", () => {
  expect(normalizeReport({ template: t.id, report: { year: "2021" }, values: {} }).report.year).toBe(2021);
  const raw = { ...example, report: { ...example.report, year: "năm nay" } } as unknown as ReportData;
  const json = check(normalizeReport(raw)).findings.filter((f) => f.path === "report.year");
  expect(json.map((f) => [f.rule, f.severity])).toEqual([["value.kind", "error"]]);
  expect(json[0].message).toContain("năm nay");
  const book = checked((snap) => {
    const info = sheet(snap, "Thông tin");
    const r = info.rows.findIndex((row) => row[0]?.v === "Năm");
    info.rows[r][2] = { v: "năm nay" };
  });
  const y = book.filter((f) => f.path === "report.year");
  expect(y.length).toBe(1);
  expect(y[0].cells).toEqual(["'Thông tin'!C11"]);
  expect(renderText(buildReport(normalizeReport(raw)).doc)).not.toContain("năm năm nay");
});

test("an override without a reason points at its reason cell", () => {
  const data = { ...example, overrides: { "tt.sum": { severity: "off", reason: "" } } } as unknown as ReportData;
  const fs1 = checked(() => undefined, data);
  const f = fs1.find((x) => x.rule === "user.invalid")!;
  expect(f.path).toBe("overrides.tt.sum.reason");
  expect(f.cells).toEqual(["'Ngoại lệ'!C4"]);
  // The override is not applied: the error it would switch off is still there.
  expect(fs1.some((x) => x.rule === "tt.sum" && x.severity === "error")).toBe(true);
});
