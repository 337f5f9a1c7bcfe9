/**
 * Screenshots of the pane for people to look at (test-artifacts/pane-*.png): set up,
 * import the worked example, check, the report preview. Each step also asserts what a
 * user sees, so the pictures are of a working pane.
 */
import { test, expect } from "@playwright/test";
import * as path from "path";
import { openPane } from "./fixtures";

const EXAMPLE = path.join(__dirname, "..", "..", "examples", "son-la-skhcn-2021.json");
const OUT = path.join(__dirname, "..", "..", "test-artifacts");

test("the pane, step by step, in Vietnamese", async ({ page }) => {
  await openPane(page, { sets: { ExcelApi: "1.8" } });
  await expect(page.getByTestId("setup")).toBeVisible();
  await page.screenshot({ path: path.join(OUT, "pane-1-start.png"), fullPage: true });
  // The worked example is of the 2021 form (the set-up offers dccs-2025 first).
  await page.getByTestId("setup-template").selectOption("qcdc-2021");
  await page.getByTestId("setup").click();
  await expect(page.getByTestId("confirm-ok")).toBeVisible();
  await page.screenshot({ path: path.join(OUT, "pane-2-setup-confirm.png"), fullPage: true });
  await page.getByTestId("confirm-ok").click();
  await expect(page.getByTestId("outcome")).toBeVisible();
  await page.getByTestId("import-file").setInputFiles(EXAMPLE);
  await page.getByTestId("confirm-ok").click();
  await expect(page.getByTestId("outcome")).toContainText("Đã nhập số liệu");
  await page.screenshot({ path: path.join(OUT, "pane-3-imported.png"), fullPage: true });
  await page.getByTestId("tab-check").click();
  await page.getByTestId("check-run").click();
  await expect(page.getByTestId("summary")).toHaveText("3 lỗi · 3 cảnh báo · 2 ghi chú");
  // Each finding says first what to do: the indicator's short label and cell, the suggestion; dth.parts under dth.part.
  const tt = page.locator('[data-testid="finding"][data-rule="tt.sum"]');
  await expect(tt.getByTestId("finding-head")).toHaveText("✗ Số hội nghị, tập huấn · Phụ lục!E14");
  await expect(tt.getByTestId("finding-suggestion")).toHaveText("→ Sửa số hội nghị, tập huấn thành 04, hoặc sửa lại các phần.");
  await expect(page.locator('[data-testid="finding-card"]', { has: page.locator('[data-rule="dth.part"]') }).locator('[data-rule="dth.parts"]')).toBeVisible();
  await page.screenshot({ path: path.join(OUT, "pane-4-check.png"), fullPage: true });
  // The details (figures with their codes, rule ids) of the first finding, opened.
  await page.getByTestId("finding-details-toggle").first().click();
  await expect(page.getByTestId("finding-details").first()).toContainText("Quy tắc: tt.sum");
  await page.screenshot({ path: path.join(OUT, "pane-4b-check-details.png"), fullPage: true });
  await page.getByTestId("tab-report").click();
  await expect(page.getByTestId("report-preview")).toContainText("SỐ LIỆU KẾT QUẢ THỰC HIỆN QUY CHẾ DÂN CHỦ", { timeout: 15000 });
  await page.screenshot({ path: path.join(OUT, "pane-5-report.png"), fullPage: false });
});
