/**
 * "Tổng hợp" in the built pane with the fake Excel host: the units' files picked at once
 * (two workbooks as phuluc init --data writes them, a JSON report, a report of another
 * year, a damaged file); the units table (✓, errors, refused and why), a unit's findings
 * on click, and the two sheets written as NEW sheets, the user's own "Đơn vị" untouched.
 * The .xlsx reader is its own chunk, fetched only when a workbook is read.
 */
import { test, expect } from "@playwright/test";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { openPane, foreignRequests } from "./fixtures";
import { planWorkbook } from "../../src/core/sheet-plan";
import { statusHook } from "../../src/core/status-formulas";
import { getTemplate } from "../../src/core/templates/index";
import { normalizeReport } from "../../src/core/normalize";
import { writePlan } from "../../src/cli/xlsx";

const ROOT = path.join(__dirname, "..", "..");
const example = JSON.parse(fs.readFileSync(path.join(ROOT, "examples", "son-la-skhcn-2021.json"), "utf8"));

/** A commune's report: the example made consistent, registers empty, these values over it. */
function unit(agency: string, values: Record<string, unknown>, report: Record<string, unknown> = {}) {
  const d = JSON.parse(JSON.stringify(example));
  d.report = { ...d.report, agency, level: "xa", date: "2021-11-20", ...report };
  d.registers = {};
  Object.assign(d.values, { tt_hoi_nghi: "04", cchc_dvc_tong: 45, dth_tong: "01", dth_chinh_quyen: "01" }, values);
  return d;
}

test("units' files consolidated into new sheets, with each unit checked and refusals named", async ({ page }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-pane-merge-"));
  const t = getTemplate("qcdc-2021")!;
  const a = path.join(dir, "xa-a.xlsx");
  const b = path.join(dir, "xa-b.xlsx");
  await writePlan(planWorkbook(t, normalizeReport(unit("UBND xã A", { vb_tong: 8, vb_cap_uy: 3, vb_chinh_quyen: 5, dt_tong: 10, dt_da_giai_quyet: 9, dt_ty_le: "90%" })), { statusFormulas: statusHook }), a);
  await writePlan(planWorkbook(t, normalizeReport(unit("UBND xã B", { vb_tong: 9, vb_cap_uy: 1, vb_chinh_quyen: 1, dt_tong: 5, dt_da_giai_quyet: 1, dt_ty_le: "20%" })), { statusFormulas: statusHook }), b);
  const c = path.join(dir, "xa-c.json");
  fs.writeFileSync(c, JSON.stringify(unit("UBND xã C", { vb_tong: null, vb_cap_uy: null, vb_chinh_quyen: null })));
  const old = path.join(dir, "xa-d-2020.json");
  fs.writeFileSync(old, JSON.stringify(unit("UBND xã D", {}, { year: 2020 })));
  const broken = path.join(dir, "hong.xlsx");
  fs.writeFileSync(broken, "not a workbook");

  const pane = await openPane(page, { sets: { ExcelApi: "1.9" }, sheets: [{ name: "Đơn vị", cells: { A1: "Danh sách của tôi" } }] });
  await page.getByTestId("tab-merge").click();
  await expect(page.getByTestId("merge-pick")).toBeVisible();
  const readerChunk = () => pane.requests.filter((u) => /xlsx-reader/.test(u));
  expect(readerChunk()).toEqual([]);

  await page.getByTestId("merge-files").setInputFiles([a, b, c, old, broken]);
  await expect(page.getByTestId("merge-summary")).toHaveText("Tổng hợp từ 3 đơn vị; 2 tệp bị từ chối; 1 đơn vị có lỗi.", { timeout: 20000 });
  expect(readerChunk().length).toBe(1);

  const units = page.getByTestId("merge-unit");
  await expect(units).toHaveCount(3);
  await expect(units.nth(0)).toContainText("UBND xã A");
  await expect(units.nth(0)).toContainText("✓");
  await expect(units.nth(1)).toContainText("✗ 1 lỗi");
  const rejected = page.getByTestId("merge-rejected");
  await expect(rejected).toHaveCount(2);
  await expect(page.locator('[data-testid="merge-rejected"][data-code="period"]')).toContainText("Kỳ báo cáo năm 2020, khác kỳ tổng hợp năm 2021.");
  await expect(page.locator('[data-testid="merge-rejected"][data-code="unreadable"]')).toContainText("hong.xlsx");

  // A unit's findings on click.
  await units.nth(1).getByTestId("merge-unit-open").click();
  await expect(page.getByTestId("merge-findings").locator('li[data-rule="vb.sum"]')).toHaveCount(1);
  await page.screenshot({ path: path.join(ROOT, "test-artifacts", "pane-7-merge.png"), fullPage: true });

  // Written as new sheets: the user's "Đơn vị" stays as it was.
  await page.getByTestId("merge-write").click();
  await expect(page.getByTestId("merge-outcome")).toHaveText('Đã ghi trang "Tổng hợp" (số tổng hợp) và "Đơn vị (2)" (số của từng đơn vị).');
  const names = await pane.fake((f) => f.sheets().map((s: { name: string }) => s.name));
  expect(names).toEqual(expect.arrayContaining(["Đơn vị", "Đơn vị (2)", "Tổng hợp"]));
  // Both new sheets print on A4, one page wide, their header row repeated; the user's sheet untouched.
  for (const n of ["Tổng hợp", "Đơn vị (2)"]) expect(await pane.fake((f, x) => f.pageLayout(x), n)).toMatchObject({ paperSize: "A4", zoom: { horizontalFitToPages: 1 }, printTitleRows: expect.stringMatching(/^\$\d+:\$\d+$/) });
  expect(await pane.fake((f) => f.pageLayout("Đơn vị"))).toBeNull();
  expect(await pane.fake((f) => f.values("Đơn vị", "A1:B2"))).toEqual([
    ["Danh sách của tôi", null],
    [null, null],
  ]);
  // The consolidated figure is a formula over the units' rows (vb_tong: column H, from row 5 to
  // the sheet's end, so a unit's row added below the others is counted).
  const total = await pane.fake((f) => f.values("Tổng hợp", "B5:F5"));
  expect(total[0][0]).toBe("vb_tong");
  expect(total[0][3]).toBe(`=IF(COUNT('Đơn vị (2)'!$H$5:$H$1048576)=0,"",SUM('Đơn vị (2)'!$H$5:$H$1048576))`);
  expect(total[0][4]).toBe("2/3");
  const rows = await pane.fake((f) => f.values("Đơn vị (2)", "B5:H7"));
  expect(rows.map((r: unknown[]) => [r[0], r[6]])).toEqual([
    ["UBND xã A", 8],
    ["UBND xã B", 9],
    ["UBND xã C", null],
  ]);
  expect(foreignRequests(pane.requests)).toEqual([]);
  fs.rmSync(dir, { recursive: true, force: true });
});
