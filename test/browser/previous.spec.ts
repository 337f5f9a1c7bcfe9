/**
 * "Nhập số liệu năm trước" in the built pane: last year's .docx report (written by hand,
 * with a table and sentences) and last year's JSON fill the "Năm trước" column after a
 * preview; a typed value is kept; then the check warns of the tenfold jump.
 */
import { test, expect } from "@playwright/test";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from "docx";
import { openWithExample, foreignRequests } from "./fixtures";

const ROOT = path.join(__dirname, "..", "..");
const EXAMPLE = path.join(ROOT, "examples", "son-la-skhcn-2021.json");
let dir: string;
test.beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-prev-"));
});
test.afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function handWrittenDocx(): Promise<string> {
  const cell = (s: string) => new TableCell({ children: [new Paragraph(s)] });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph("BÁO CÁO kết quả thực hiện quy chế dân chủ ở cơ sở năm 2020"),
          new Paragraph("Trong năm, cấp ủy ban hành 02 văn bản, chính quyền ban hành 06 văn bản."),
          new Table({
            rows: [
              new TableRow({ children: [cell("Chỉ tiêu"), cell("Đơn vị tính"), cell("Số liệu")] }),
              new TableRow({ children: [cell("Lồng ghép"), cell("cuộc"), cell("40")] }),
            ],
          }),
        ],
      },
    ],
  });
  const file = path.join(dir, "bao-cao-2020.docx");
  fs.writeFileSync(file, await Packer.toBuffer(doc));
  return file;
}

test("last year's .docx: the plan first, then the Năm trước cells; a typed value kept; the check warns of the jump", async ({ page }) => {
  const pane = await openWithExample(page);
  await pane.fake((f) => f.setCell("Phụ lục", "F10", 1)); // vb_cap_uy: typed by the user
  const docx = await handWrittenDocx();
  await page.getByTestId("previous-file").setInputFiles(docx);
  const plan = page.getByTestId("previous-plan");
  await expect(plan).toContainText('Sẽ ghi vào cột "Năm trước" (2 ô)');
  await expect(plan).toContainText("vb_chinh_quyen = 06");
  await expect(plan).toContainText("tt_long_ghep = 40");
  await expect(plan).toContainText("vb_cap_uy: giữ 01 (tệp năm trước ghi 02)");
  // Nothing written before the user agrees.
  expect(await pane.fake((f) => [f.cell("Phụ lục", "F11").v ?? null, f.cell("Phụ lục", "F16").v ?? null])).toEqual([null, null]);
  await page.getByTestId("confirm-ok").click();
  await expect(page.getByTestId("outcome")).toContainText('Đã ghi 2 ô vào cột "Năm trước"');
  expect(await pane.fake((f) => [f.cell("Phụ lục", "F10").v, f.cell("Phụ lục", "F11").v, f.cell("Phụ lục", "F16").v])).toEqual([1, 6, 40]);

  // The check compares the years: 40 → 04 is a swing.
  await page.getByTestId("tab-check").click();
  await page.getByTestId("check-run").click();
  await expect(page.locator('[data-testid="finding"][data-rule="yoy.swing"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="finding"][data-rule="yoy.swing"]')).toContainText("giảm từ 40 (năm 2020) xuống 04 cuộc (năm 2021)");
  expect(foreignRequests(pane.requests)).toEqual([]);
});

test("last year's JSON: the same figures by code", async ({ page }) => {
  const pane = await openWithExample(page);
  await page.getByTestId("previous-file").setInputFiles(EXAMPLE);
  await expect(page.getByTestId("previous-plan")).toContainText('Sẽ ghi vào cột "Năm trước" (26 ô)');
  await page.getByTestId("confirm-ok").click();
  await expect(page.getByTestId("outcome")).toContainText("Đã ghi 26 ô");
  expect(await pane.fake((f) => [f.cell("Phụ lục", "F9").v, f.cell("Phụ lục", "F20").v])).toEqual([8, 1]); // vb_tong; cchc_dvc_ty_le 100% as a fraction
});
