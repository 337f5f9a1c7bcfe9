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
  await page.screenshot({ path: path.join(OUT, "pane-4-check.png"), fullPage: true });
  await page.getByTestId("tab-report").click();
  await expect(page.getByTestId("report-preview")).toContainText("PHỤ LỤC SỐ LIỆU", { timeout: 15000 });
  await page.screenshot({ path: path.join(OUT, "pane-5-report.png"), fullPage: false });
});
