/**
 * The template designer in the pane (fake Excel host): the "Mẫu" view lists a designer
 * workbook's mistakes at their cells and goes to them; set-up with a province's own
 * template file stores the template in the workbook, and the check reads it from there.
 */
import { test, expect } from "@playwright/test";
import * as path from "path";
import { openPane } from "./fixtures";
import { planDesigner } from "../../src/core/designer/sheets";
import { provinceTemplate, snapshotOfPlan, setCell, FIXTURES } from "../designer/helpers";
import { colLetter } from "../../src/core/layout";
import type { WorkbookSnapshot } from "../../src/core/workbook-model";

const PROVINCE = path.join(FIXTURES, "tinh-thu-2026.json");

function fakeSheets(snap: WorkbookSnapshot): { name: string; cells: Record<string, unknown> }[] {
  return snap.sheets.map((s) => {
    const cells: Record<string, unknown> = {};
    s.rows.forEach((r, i) => r.forEach((c, j) => c && c.v !== null && c.v !== undefined && c.v !== "" && (cells[colLetter(j + 1) + (i + 1)] = c.v)));
    return { name: s.name, cells };
  });
}

test("\"Mẫu\": a designer workbook's mistakes at their cells; a click goes to the cell", async ({ page }) => {
  const snap = snapshotOfPlan(planDesigner(provinceTemplate()));
  setCell(snap, "Chỉ tiêu", "Mã", 3, "tt_tong");
  setCell(snap, "Quy tắc", "Điều kiện / biểu thức", 3, "hn_da_to_chuc <= hn_so_thon )");
  const pane = await openPane(page, { sheets: fakeSheets(snap) });
  await page.getByTestId("tab-template").click();
  await page.getByTestId("template-check").click();
  await expect(page.getByTestId("template-summary")).toHaveText("Mẫu tinh-thu-2026 có 2 lỗi cần sửa.");
  const dup = page.locator('[data-testid="finding"][data-rule="template.duplicate-code"]');
  await expect(dup).toContainText('Mã chỉ tiêu "tt_tong" trùng');
  const expr = page.locator('[data-testid="finding"][data-rule="template.expression"]');
  await expect(expr).toContainText('không hiểu ")" ở vị trí 29');
  await dup.click();
  await expect.poll(() => pane.fake((f) => f.selection())).toEqual({ sheet: "Chỉ tiêu", address: "B7" });
  await expr.click();
  await expect.poll(() => pane.fake((f) => f.selection())).toEqual({ sheet: "Quy tắc", address: "H7" });
  // One batch: 2 syncs to read.
  await pane.fake((f) => f.resetSyncCount());
  await page.getByTestId("template-check").click();
  await expect(page.getByTestId("template-summary")).toBeVisible();
  expect(await pane.fake((f) => f.syncCount)).toBeLessThanOrEqual(2);
});

test("\"Mẫu\" on a data workbook says it is not a designer workbook", async ({ page }) => {
  await openPane(page, { sheets: [{ name: "Sheet1", cells: { A1: "số liệu" } }] });
  await page.getByTestId("tab-template").click();
  await page.getByTestId("template-check").click();
  await expect(page.getByTestId("not-designer")).toContainText("không phải sổ thiết kế mẫu");
});

test("set-up with a province's template file: the workbook follows it and carries it; the check reads it", async ({ page }) => {
  const pane = await openPane(page, {});
  await page.getByTestId("template-file").setInputFiles(PROVINCE);
  await expect(page.getByTestId("custom-template")).toContainText("(tinh-thu-2026, phiên bản 1)");
  await page.getByTestId("setup").click();
  await expect(page.getByTestId("confirm-actions")).toContainText('Tạo trang "Tuyên truyền"');
  await page.getByTestId("confirm-ok").click();
  await expect(page.getByTestId("outcome")).toContainText("Đã xong");
  const marker = await pane.fake((f) => f.cells("_phuluc"));
  expect(marker.K1.v).toBe("template-json");
  expect(JSON.parse(String(marker.K2.v).slice(1)).id).toBe("tinh-thu-2026");
  // The unit fills the total wrong (2 + 1 ≠ 4) and checks.
  const codes = await pane.fake((f) => f.cells("Phụ lục"));
  const row = (code: string) => Object.keys(codes).find((a) => /^C\d+$/.test(a) && codes[a].v === code)!.slice(1);
  await pane.fake((f, a) => Promise.all(a.map(([addr, v]: [string, number]) => f.setCell("Phụ lục", addr, v))), [
    ["E" + row("tt_tong"), 4],
    ["E" + row("tt_truc_tiep"), 2],
    ["E" + row("tt_truc_tuyen"), 1],
  ]);
  await page.getByTestId("tab-check").click();
  await page.getByTestId("check-run").click();
  const sum = page.locator('[data-testid="finding"][data-rule="tt.sum"]');
  await expect(sum).toBeVisible();
  await expect(page.getByTestId("not-ours")).toHaveCount(0);
});
