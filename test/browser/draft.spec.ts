/**
 * "Đối chiếu bản dự thảo" in the built pane: set up, import the worked example, open the
 * report tab, paste the seed report's text and check it. The two errors of the seed text
 * against the example's figures appear, with their sentences; the checker is its own
 * chunk, fetched only when the user checks.
 */
import { test, expect } from "@playwright/test";
import * as fs from "fs";
import * as path from "path";
import { openPane, openWithExample, foreignRequests } from "./fixtures";

const ROOT = path.join(__dirname, "..", "..");
const SEED = fs.readFileSync(path.join(ROOT, "test", "fixtures", "bao-cao-538-BC-SKHCN-2021.txt"), "utf8");

test("a pasted draft is checked against the workbook's figures", async ({ page }) => {
  const pane = await openWithExample(page);

  await page.getByTestId("tab-report").click();
  await expect(page.getByTestId("report-preview")).toContainText("SỐ LIỆU KẾT QUẢ THỰC HIỆN QUY CHẾ DÂN CHỦ", { timeout: 15000 });
  const draftChunk = () => pane.requests.filter((u) => /draft-check/.test(u));
  expect(draftChunk()).toEqual([]);

  // An empty box: a message, no check.
  await page.getByTestId("draft-run").click();
  await expect(page.getByTestId("draft-error")).toContainText("Chưa có văn bản để đối chiếu");

  await page.getByLabel("Văn bản dự thảo").fill(SEED);
  await page.getByTestId("draft-run").click();
  await expect(page.getByTestId("draft-summary")).toHaveText(/^2 lỗi · \d+ cảnh báo$/);
  await expect(page.getByTestId("draft-error")).toHaveCount(0);
  expect(draftChunk().length).toBe(1);

  const errors = page.getByTestId("draft-errors").getByTestId("draft-finding");
  await expect(errors).toHaveCount(2);
  await expect(errors.nth(0)).toHaveAttribute("data-rule", "narrative.negation");
  await expect(errors.nth(0).locator("mark")).toHaveText("không tổ chức Hội nghị đối thoại");
  await expect(errors.nth(0)).toContainText("nhưng phụ lục ghi");
  await expect(errors.nth(1)).toHaveAttribute("data-rule", "narrative.report-number");
  await expect(errors.nth(1).getByTestId("draft-quote")).toHaveText("(Kèm theo Báo cáo số 538/BC-SKHCM ngày 14/11/2021");
  await expect(errors.nth(1)).toContainText('Sửa thành "538/BC-SKHCN".');
  await errors.nth(0).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(ROOT, "test-artifacts", "pane-6-draft-check.png"), fullPage: false });
  expect(foreignRequests(pane.requests)).toEqual([]);
});

test("the 2025 form: a wrong figure in a pasted draft is shown at its sentence", async ({ page }) => {
  const pane = await openPane(page, { sets: { ExcelApi: "1.8" } });
  await expect(page.getByTestId("setup-template")).toHaveValue("dccs-2025");
  await page.getByTestId("setup").click();
  await page.getByTestId("confirm-ok").click();
  await expect(page.getByTestId("outcome")).toBeVisible();
  await page.getByTestId("import-file").setInputFiles(path.join(ROOT, "examples", "xa-tan-lap-2026.json"));
  await page.getByTestId("confirm-ok").click();
  await expect(page.getByTestId("outcome")).toContainText("Đã nhập số liệu");

  await page.getByTestId("tab-report").click();
  await expect(page.getByTestId("report-preview")).toContainText("SỐ LIỆU KẾT QUẢ THỰC HIỆN NĂM 2026", { timeout: 15000 });
  const draft =
    "Trong năm 2026, Ủy ban nhân dân xã Tân Lập đã ban hành 06 văn bản lãnh đạo, chỉ đạo thực hiện dân chủ ở cơ sở.\n" +
    "Tổ chức 04 cuộc kiểm tra, giám sát việc thực hiện dân chủ ở cơ sở tại 05 cơ quan, đơn vị, địa phương.\n" +
    "Trong năm, xã đã tổ chức 169 cuộc tiếp dân.";
  await page.getByLabel("Văn bản dự thảo").fill(draft);
  await page.getByTestId("draft-run").click();
  await expect(page.getByTestId("draft-summary")).toHaveText(/^1 lỗi · \d+ cảnh báo$/);
  const errors = page.getByTestId("draft-errors").getByTestId("draft-finding");
  await expect(errors).toHaveCount(1);
  await expect(errors.nth(0)).toHaveAttribute("data-rule", "narrative.figure");
  await expect(errors.nth(0)).toContainText('"04"');
  await expect(errors.nth(0)).toContainText("03");
  await expect(errors.nth(0).getByTestId("draft-quote")).toContainText("Tổ chức 04 cuộc kiểm tra, giám sát");
  expect(foreignRequests(pane.requests)).toEqual([]);
});
