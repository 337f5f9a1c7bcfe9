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
  const pane = await openPane(page, { sets: { ExcelApi: "1.9" } });
  await expect(page.getByTestId("setup")).toBeVisible();
  // The template choice and the draft notice appear once the pane has read the workbook.
  await expect(page.getByTestId("setup-template")).toBeVisible();
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
  // The import says what the data holds, and offers to show it.
  await expect(page.getByTestId("import-found")).toContainText("3 lỗi và 3 cảnh báo");
  await page.screenshot({ path: path.join(OUT, "pane-3-imported.png"), fullPage: true });
  await page.getByTestId("import-show-findings").click();
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

  // The workbook the set-up made, as the fake Excel holds it: shaded formula cells, the ✗/⚠ rules
  // of the check column, the marks of the check, the print set-up (workbook-1-phu-luc.png).
  const sheet = await pane.fake((f) => ({ cells: f.cells("Phụ lục"), cfs: f.conditionalFormats("Phụ lục"), pl: f.pageLayout("Phụ lục"), merges: f.merges("Phụ lục"), widths: f.columnWidths("Phụ lục") }));
  expect(sheet.pl).toMatchObject({ paperSize: "A4", orientation: "Landscape" });
  expect(sheet.cfs.length).toBe(2);
  const book = await page.context().newPage();
  await book.setViewportSize({ width: 1100, height: 900 });
  await book.setContent(renderSheet(sheet));
  await expect(book.locator("td.computed").first()).toBeVisible();
  await book.screenshot({ path: path.join(OUT, "workbook-1-phu-luc.png"), fullPage: true });
  await book.close();
});

/** An HTML picture of a fake sheet: values (formulas as ƒ), fills, fonts, the conditional formats' colours where the cached text matches. */
function renderSheet(s: { cells: Record<string, any>; cfs: any[]; pl: any; merges: { address: string }[]; widths: Record<string, number> }): string {
  const esc = (x: unknown) => String(x ?? "").replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const pos = (a: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a)!;
    return { c: m[1].charCodeAt(0) - 65, r: +m[2] - 1 };
  };
  const rows: Record<number, Record<number, any>> = {};
  let maxR = 0;
  let maxC = 0;
  for (const [a, c] of Object.entries(s.cells)) {
    const p = pos(a);
    (rows[p.r] = rows[p.r] || {})[p.c] = c;
    maxR = Math.max(maxR, p.r);
    maxC = Math.max(maxC, p.c);
  }
  const merged = new Map(s.merges.map((m) => [m.address.split(":")[0], m.address]));
  let html = `<html><body style="font:12px Calibri,Arial,sans-serif;margin:8px"><p><b>Phụ lục</b> — in: ${esc(s.pl.paperSize)} ${s.pl.orientation === "Landscape" ? "ngang" : "dọc"}, vừa 1 trang ngang, lặp dòng ${esc(s.pl.printTitleRows)}; cột Kiểm tra: ${s.cfs.map((c) => esc(c.rule.text) + ` <span style="background:${c.format.fill.color};color:${c.format.font.color}">&nbsp;màu&nbsp;</span>`).join(" ")}</p><table style="border-collapse:collapse;table-layout:fixed">`;
  for (let r = 0; r <= maxR; r++) {
    html += "<tr>";
    for (let c = 0; c <= maxC; c++) {
      const cell = rows[r]?.[c];
      const a = String.fromCharCode(65 + c) + (r + 1);
      const span = merged.get(a) ? pos(merged.get(a)!.split(":")[1]).c - c + 1 : 1;
      const st = cell?.style ?? {};
      const text = cell?.formula && (cell.v === null || cell.v === undefined) ? "ƒ " + cell.formula.slice(1, 28) + "…" : cell?.v;
      const cf = s.cfs.find((x) => typeof text === "string" && text.includes(x.rule.text));
      const bg = cf ? cf.format.fill.color : st["fill/color"] ?? "transparent";
      const color = cf ? cf.format.font.color : st["font/color"] ?? "#000";
      const w = Math.min(360, (s.widths[c] ?? 48) * 1.2);
      html += `<td class="${cell?.formula ? "computed" : ""}" colspan="${span}" style="border:1px solid #ddd;padding:1px 3px;width:${w}px;max-width:${w * span}px;overflow:hidden;white-space:${span > 1 ? "normal" : "nowrap"};background:${bg};color:${color};font-style:${st["font/italic"] ? "italic" : "normal"};font-weight:${st["font/bold"] ? "bold" : "normal"}">${esc(text)}</td>`;
      c += span - 1;
    }
    html += "</tr>";
  }
  return html + "</table></body></html>";
}
