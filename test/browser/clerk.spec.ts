/**
 * A clerk's workbook through the pane (fake Excel host): set-up prints on A4 and colours the
 * ✓/✗ column where this Excel can (ExcelApi 1.9 / 1.6), and still works where it cannot; cells
 * are Vietnamese whatever the pane's language; after an import the pane says how many errors and
 * warnings the data has and shows them on request.
 */
import { test, expect, type Page } from "@playwright/test";
import { openPane, EXAMPLE_JSON } from "./fixtures";

async function setUp2021(page: Page): Promise<void> {
  await page.getByTestId("setup-template").selectOption("qcdc-2021");
  await page.getByTestId("setup").click();
  await page.getByTestId("confirm-ok").click();
  await expect(page.getByTestId("outcome")).toBeVisible();
}

// That all of it goes in the set-up's one write batch is counted in test/excel/setup-print.test.ts.
test("ExcelApi 1.9: set-up writes A4 print set-up, ✗/⚠ colours and shaded formulas", async ({ page }) => {
  const pane = await openPane(page, { sets: { ExcelApi: "1.9" } });
  await page.getByTestId("setup-template").selectOption("qcdc-2021");
  await page.getByTestId("setup").click();
  await expect(page.getByTestId("confirm-ok")).toBeVisible();
  await page.getByTestId("confirm-ok").click();
  await expect(page.getByTestId("outcome")).toBeVisible();
  const pl = await pane.fake((f) => f.pageLayout("Phụ lục"));
  expect(pl).toMatchObject({ paperSize: "A4", orientation: "Landscape", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printTitleRows: "$8:$8" });
  const all = await pane.fake((f) => f.sheets().filter((s: any) => s.visibility === "Visible").map((s: any) => [s.name, !!f.pageLayout(s.name)]));
  for (const [name, has] of all) expect({ name, has }).toEqual({ name, has: true });
  const cfs = await pane.fake((f) => f.conditionalFormats("Phụ lục"));
  expect(cfs.map((c: any) => c.rule.text)).toEqual(["✗", "⚠"]);
  expect(cfs[0].address).toMatch(/^G9:G\d+$/);
  const total = await pane.fake((f) => f.cell("Phụ lục", "E9"));
  expect(total.formula).toMatch(/^=/);
  expect(total.style["fill/color"]).toBe("#F2F2F2");
});

test("ExcelApi 1.8: no page layout API, set-up still succeeds (colours yes, print set-up left out silently)", async ({ page }) => {
  const pane = await openPane(page, { sets: { ExcelApi: "1.8" } });
  await setUp2021(page);
  await expect(page.getByTestId("outcome")).not.toContainText("1.9");
  expect(await pane.fake((f) => f.pageLayout("Phụ lục"))).toBeNull();
  expect((await pane.fake((f) => f.conditionalFormats("Phụ lục"))).length).toBe(2);
});

test("after import the pane says how many errors and warnings the data has, and shows them", async ({ page }) => {
  await openPane(page, { sets: { ExcelApi: "1.9" } });
  await setUp2021(page);
  await page.getByTestId("import-file").setInputFiles(EXAMPLE_JSON);
  await page.getByTestId("confirm-ok").click();
  await expect(page.getByTestId("outcome")).toContainText("Đã nhập số liệu");
  const found = page.getByTestId("import-found");
  await expect(found).toContainText("Số liệu vừa nhập có 3 lỗi và 3 cảnh báo.");
  await page.getByTestId("import-show-findings").click();
  // The check view opens and checks at once: the same counts, the findings listed.
  await expect(page.getByTestId("summary")).toHaveText("3 lỗi · 3 cảnh báo · 2 ghi chú");
});

test("English pane: English in the pane, Vietnamese in the workbook's cells", async ({ page }) => {
  const pane = await openPane(page, { sets: { ExcelApi: "1.9" } });
  await page.getByTestId("lang").click();
  await setUp2021(page);
  await page.getByTestId("import-file").setInputFiles(EXAMPLE_JSON);
  await page.getByTestId("confirm-ok").click();
  await expect(page.getByTestId("import-found")).toContainText("The imported data has 3 errors and 3 warnings.");
  await expect(page.getByTestId("import-show-findings")).toHaveText("Show them");
  const keys = await pane.fake((f) => Object.entries(f.cells("Thông tin")).filter(([a]) => /^A\d+$/.test(a) && +a.slice(1) > 3).map(([, c]: any) => c.v));
  expect(keys).toContain("Cơ quan báo cáo");
  expect(keys).toContain("Nơi nhận");
  expect(keys).not.toContain("agency");
  // The multi-line cell tells how to break a line.
  const recipients = await pane.fake((f) => {
    const cells = f.cells("Thông tin");
    const row = Object.keys(cells).find((a) => /^A\d+$/.test(a) && cells[a].v === "Nơi nhận")!.slice(1);
    return f.cell("Thông tin", "C" + row);
  });
  expect(recipients.validation.prompt.message).toContain("Alt+Enter");
  // Severities offered in Vietnamese on the own-rules sheet.
  const sev = await pane.fake((f) => f.cell("Quy tắc riêng", "C4"));
  expect(sev.validation.rule.list.source).toBe("Lỗi,Cảnh báo,Thông tin");
});

test("the report inserted into a sheet prints on A4 portrait, one page wide (ExcelApi 1.9)", async ({ page }) => {
  const pane = await openPane(page, { sets: { ExcelApi: "1.9" } });
  await setUp2021(page);
  await page.getByTestId("import-file").setInputFiles(EXAMPLE_JSON);
  await page.getByTestId("confirm-ok").click();
  await expect(page.getByTestId("import-found")).toBeVisible();
  await page.getByTestId("tab-report").click();
  await expect(page.getByTestId("report-preview")).toContainText("SỐ LIỆU KẾT QUẢ", { timeout: 15000 });
  await page.getByRole("button", { name: "Chèn vào trang tính" }).click();
  await expect(page.getByText('Đã chèn báo cáo vào trang tính "Báo cáo".')).toBeVisible();
  expect(await pane.fake((f) => f.pageLayout("Báo cáo"))).toMatchObject({ paperSize: "A4", orientation: "Portrait", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
});
