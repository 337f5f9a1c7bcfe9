/**
 * The "Kiểm tra" view in a browser, against the fake Excel host: the worked example's three
 * errors, going to a finding's cell, the live re-check after a correction, a 5,000-row
 * register within the sync budget, and a renamed sheet / a deleted column.
 */
import { test, expect, type Page } from "@playwright/test";
import { openWithExample, foreignRequests, type Pane } from "./fixtures";


let requests: string[][] = [];
test.afterEach(() => {
  for (const r of requests) expect(foreignRequests(r), "requests outside localhost other than office.js").toEqual([]);
  requests = [];
});

/** Set up the workbook and import the worked example through the pane, then open the check view. */
async function exampleWorkbook(page: Page, sets: Record<string, string> = { ExcelApi: "1.8" }): Promise<Pane> {
  const pane = await openWithExample(page, sets);
  requests.push(pane.requests);
  await page.getByTestId("tab-check").click();
  await expect(page.getByTestId("check-run")).toBeVisible();
  return pane;
}

const ruleList = (page: Page, severity: string) =>
  page.locator(`[data-testid="finding"][data-severity="${severity}"]`).evaluateAll((els) => els.map((e) => e.getAttribute("data-rule")));

test("worked example: exactly the three errors; a click selects the cell; a correction disappears after the live re-check", async ({ page }) => {
  const pane = await exampleWorkbook(page);
  await page.getByTestId("check-run").click();
  await expect(page.getByTestId("summary")).toHaveText("3 lỗi · 3 cảnh báo · 2 ghi chú");
  expect(await ruleList(page, "error")).toEqual(["tt.sum", "dth.part", "dth.register"]);
  // The offending cells are filled; the user's sheets and the status formulas are not written.
  expect(await pane.fake((f) => f.cell("Phụ lục", "E14").style["fill/color"])).toBe("#FFC7CE");
  expect(await pane.fake((f) => f.cell("Phụ lục", "G14").formula)).toMatch(/^=IFERROR\(/);
  // What to do first: the short label and the cell, the suggestion, then the message; no rule id or code up front.
  const tt = page.locator('[data-testid="finding"][data-rule="tt.sum"]');
  await expect(tt.getByTestId("finding-head")).toHaveText("✗ Số hội nghị, tập huấn · Phụ lục!E14");
  await expect(tt.getByTestId("finding-suggestion")).toHaveText("→ Sửa số hội nghị, tập huấn thành 04, hoặc sửa lại các phần.");
  await expect(tt.getByTestId("finding-message")).toContainText("số cuộc lồng ghép 04 = 04");
  await expect(tt).not.toContainText("tt.sum");
  await expect(tt).not.toContainText("tt_hoi_nghi");
  // dth.parts (implied by dth.part) under dth.part, once; the heading still counts it.
  const partCard = page.locator('[data-testid="finding-card"]', { has: page.locator('[data-testid="finding"][data-rule="dth.part"]') });
  await expect(partCard.locator('[data-testid="finding"]')).toHaveCount(2);
  await expect(partCard.locator('[data-testid="finding"][data-rule="dth.parts"] [data-testid="finding-head"]')).toHaveText(/^↳ ⚠ Số hội nghị đối thoại · Phụ lục!E26$/);
  await expect(page.locator('[data-testid="sev-warning"] h3')).toHaveText("Cảnh báo (3)");
  await expect(page.getByTestId("nested-note")).toHaveText("1 mục ghi dưới lỗi liên quan ở trên (↳).");
  // Figures as the appendix prints them, the code kept, its label on hover: behind "Chi tiết".
  const ratioCard = page.locator('[data-testid="finding-card"]', { has: page.locator('[data-rule="dvc.ratio"]') });
  await expect(ratioCard.getByTestId("figures")).toHaveCount(0);
  await ratioCard.getByTestId("finding-details-toggle").click();
  const ratio = ratioCard.getByTestId("figures");
  await expect(ratio).toContainText("cchc_dvc_ty_le = 100%");
  await expect(ratio).toContainText("cchc_dvc_tong = (trống)");
  await expect(ratio.locator("abbr", { hasText: "cchc_dvc_ty_le" })).toHaveAttribute("title", /\S/);
  await expect(ratioCard.getByTestId("finding-rule")).toContainText("Quy tắc: dvc.ratio · Phụ lục!E17");

  // Keyboard: Tab to the first finding, Enter goes to its cell.
  const first = page.locator('[data-testid="finding"][data-rule="tt.sum"]');
  await first.focus();
  await page.keyboard.press("Enter");
  await expect.poll(() => pane.fake((f) => f.selection())).toEqual({ sheet: "Phụ lục", address: "E14" });
  await page.locator('[data-testid="finding"][data-rule="dth.part"]').click();
  await expect.poll(() => pane.fake((f) => f.selection())).toEqual({ sheet: "Phụ lục", address: "E28" });

  // Live: the user types the right total; the finding goes, the selection stays.
  await page.getByRole("switch").click();
  await expect.poll(() => pane.fake((f) => f.handlerCount())).toBeGreaterThan(0);
  await pane.fake((f) => f.setCell("Phụ lục", "E14", 4, { fire: true }));
  await expect(page.getByTestId("summary")).toHaveText("2 lỗi · 3 cảnh báo · 2 ghi chú", { timeout: 5000 });
  expect(await ruleList(page, "error")).toEqual(["dth.part", "dth.register"]);
  expect(await pane.fake((f) => (f.cell("Phụ lục", "E14").style || {})["fill/color"] || null)).toBeNull(); // our fill taken off
  expect(await pane.fake((f) => [f.selection(), f.activeSheet()])).toEqual([{ sheet: "Phụ lục", address: "E28" }, "Phụ lục"]);

  // A paste of many cells (no details from Excel) also re-checks.
  await pane.fake((f) => f.setCell("Phụ lục", "E26:E28", [[3], [0], [3]], { fire: true }));
  await expect(page.getByTestId("summary")).toHaveText("1 lỗi · 2 cảnh báo · 2 ghi chú", { timeout: 5000 });
  expect(await ruleList(page, "error")).toEqual(["dth.register"]);
});

test("a 5,000-row register: the check completes within the sync budget (2 to read, 2 to mark)", async ({ page }) => {
  const pane = await exampleWorkbook(page);
  await pane.fake((f) => {
    const rows = [];
    for (let i = 0; i < 5000; i++) rows.push([`${100 + i}/KH-SKHCN`, 44270, "Kế hoạch", "Thực hiện dân chủ trong hoạt động của cơ quan năm 2021, văn bản " + i, null]);
    f.setCell("Văn bản", "A4:E5003", rows);
    f.setCell("Phụ lục", "E9:E11", [[5000], [0], [5000]]);
  });
  await pane.fake((f) => f.resetSyncCount());
  await page.getByTestId("check-run").click();
  await expect(page.getByTestId("summary")).toHaveText(/lỗi/, { timeout: 20000 });
  await expect(page.getByTestId("check-run")).toBeEnabled();
  expect(await pane.fake((f) => f.syncCount)).toBeLessThanOrEqual(4);
  expect(await ruleList(page, "error")).not.toContain("vb.register");
  expect(await ruleList(page, "error")).toContain("tt.sum");
});

test("a renamed sheet and a deleted column give workbook.* findings with a clear message", async ({ page }) => {
  const pane = await exampleWorkbook(page);
  await page.evaluate(async () => {
    const X = (window as any).Excel;
    await X.run(async (ctx: any) => {
      ctx.workbook.worksheets.getItem("Văn bản").name = "VB 2021";
      await ctx.sync();
    });
  });
  // The "Tên hội nghị" column of the conferences register is gone (header and cells).
  await pane.fake((f) => f.setCell("Hội nghị", "A3:A20", Array.from({ length: 18 }, () => [null])));
  await page.getByTestId("check-run").click();
  const renamed = page.locator('[data-testid="finding"][data-rule="workbook.renamed-sheet"]');
  await expect(renamed).toContainText('Không thấy trang "Văn bản"');
  await expect(renamed).toContainText('"VB 2021"');
  const missing = page.locator('[data-testid="finding"][data-rule="workbook.missing-column"]');
  await expect(missing).toContainText("thiếu cột");
  // The group filter finds them under "Cấu trúc sổ".
  await page.getByTestId("filter-group").selectOption("workbook");
  const rules = await page.locator('[data-testid="finding"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-rule")));
  expect(rules.every((r) => r!.startsWith("workbook."))).toBe(true);
  expect(rules.length).toBeGreaterThanOrEqual(2);
});

test("ExcelApi 1.4: no live re-check, and the pane says why", async ({ page }) => {
  const pane = await exampleWorkbook(page, { ExcelApi: "1.4" });
  await expect(page.getByRole("switch")).toBeDisabled();
  await expect(page.getByText(/cần ExcelApi 1\.7/)).toBeVisible();
  await page.getByTestId("check-run").click();
  await expect(page.getByTestId("summary")).toHaveText("3 lỗi · 3 cảnh báo · 2 ghi chú");
  void pane;
});
