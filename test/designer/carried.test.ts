/**
 * A workbook that carries its template, read where the template was never registered (a
 * fresh module registry, as in a fresh pane or a unit's computer): the reader takes the
 * template from the marker sheet, and check and the narrative work.
 */
import { planWorkbook } from "../../src/core/sheet-plan";
import { readWorkbook } from "../../src/core/sheet-read";
import { check } from "../../src/core/engine";
import { getTemplate } from "../../src/core/templates/index";
import { normalizeReport } from "../../src/core/normalize";
import { snapshotOfPlan, provinceTemplate, FIXTURES } from "./helpers";
import * as fs from "fs";
import * as path from "path";

test("read with no other file: the carried template is used, the check points at the cells", () => {
  const t = provinceTemplate();
  const data = JSON.parse(fs.readFileSync(path.join(FIXTURES, "tan-phong-2026.json"), "utf8"));
  data.values.tt_tong = 4;
  // Planning needs the template object, not the registry.
  const plan = planWorkbook(t, { ...data, registers: { hoat_dong: data.registers.hoat_dong }, values: data.values, template: t.id } as never, { embedTemplate: true });
  expect(getTemplate("tinh-thu-2026")).toBeUndefined();
  const snap = snapshotOfPlan(plan);
  const r = readWorkbook(snap);
  expect(r.template?.id).toBe("tinh-thu-2026");
  expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  const res = check(r.data, { cells: r.cells, structural: r.findings });
  const sum = res.findings.find((f) => f.rule === "tt.sum")!;
  expect(sum.cells).toEqual(["'Phụ lục'!E9", "'Phụ lục'!E10", "'Phụ lục'!E11"]);
  expect(normalizeReport(r.data).values.tt_tong).toBe(4);
});

test("a carried template that was tampered with is named, at the marker", () => {
  const t = provinceTemplate();
  const plan = planWorkbook(t, undefined, { embedTemplate: true });
  const snap = snapshotOfPlan(plan);
  const m = snap.sheets.find((s) => s.name === "_phuluc")!;
  const cell = m.rows[1][10];
  cell.v = String(cell.v).replace('"kind":"count"', '"kind":"dem"');
  const r = readWorkbook(snap);
  const f = r.findings.find((x) => x.rule === "workbook.template-invalid")!;
  expect(f.message).toMatch(/Mẫu báo cáo lưu trong sổ tính \(trang ẩn "_phuluc"\) không dùng được: Chỉ tiêu "tt_tong": loại "dem" không có/);
  expect(f.cells).toEqual(["'_phuluc'!K1"]);
});
