/**
 * Workbooks that come to the pane already made (fake Excel host):
 * - one of layout version 1 (test/fixtures/layout-v1, made by `phuluc init` before the label
 *   moved before the code): the pane says so, set-up shows the upgrade plan and upgrades it
 *   in place in one batch, keeping every value;
 * - one carrying an older version of its province's template, with the newer file chosen:
 *   the plan names what is dropped; a dropped register column stays right of its table;
 * - one carrying its province's template, opened fresh with no template file chosen: the
 *   pane shows that template's title, the check uses its rules, the report its sentences.
 */
import { test, expect } from "@playwright/test";
import * as path from "path";
import { openPane, type FakeOptions } from "./fixtures";
import { loadSnapshot } from "../../src/cli/xlsx";
import { planWorkbook } from "../../src/core/sheet-plan";
import { colLetter, LAYOUT_VERSION, MARKER } from "../../src/core/layout";
import { keptHeader } from "../../src/core/upgrade";
import type { WorkbookSnapshot } from "../../src/core/workbook-model";
import { provinceTemplate, snapshotOfPlan, FIXTURES } from "../designer/helpers";
import * as fs from "fs";

const V1 = path.join(__dirname, "..", "fixtures", "layout-v1");
const V3 = path.join(FIXTURES, "tinh-thu-2026-v3.json");

/** A workbook as the fake host starts with it: cells (values, formulas, formats), tables, the marker's visibility and name. */
function fakeBook(snap: WorkbookSnapshot, opts: { tables?: boolean } = {}): Pick<FakeOptions, "sheets" | "names"> {
  const sheets = snap.sheets.map((s) => {
    const cells: Record<string, unknown> = {};
    s.rows.forEach((r, i) =>
      r.forEach((c, j) => {
        if (!c || (c.v === null && !c.formula)) return;
        cells[colLetter(j + 1) + (i + 1)] = c.formula || c.format ? { v: c.v, formula: c.formula ?? null, format: c.format ?? "General" } : c.v;
      }),
    );
    return {
      name: s.name,
      cells,
      visibility: s.name === MARKER.sheet ? "VeryHidden" : "Visible",
      tables: opts.tables === false ? [] : (s.tables ?? []).map((t) => ({ name: t.name, address: t.range })),
    };
  });
  return { sheets, names: [{ name: MARKER.name, ref: "'" + MARKER.sheet + "'!$B$1" }] };
}

test("a workbook of layout version 1: the pane says so, shows the plan, upgrades in one batch keeping every value", async ({ page }) => {
  const snap = await loadSnapshot(path.join(V1, "qcdc-2021-son-la.xlsx"));
  const pane = await openPane(page, { ...fakeBook(snap), sets: { ExcelApi: "1.8" } });
  await expect(page.getByTestId("workbook-template")).toContainText("Sổ đang mở theo mẫu:");
  await expect(page.getByTestId("upgrade-hint")).toContainText(`Sổ theo bố cục cũ (phiên bản 1; hiện nay là ${LAYOUT_VERSION})`);
  const before = await pane.fake((f) => f.dump());
  await page.getByTestId("setup").click();
  const plan = page.getByTestId("confirm-actions");
  await expect(plan).toContainText(`Bố cục sổ: phiên bản 1 → phiên bản ${LAYOUT_VERSION}.`);
  await expect(plan).toContainText('cột "Chỉ tiêu" (tên chỉ tiêu) chuyển lên trước cột "Mã"');
  await expect(plan).toContainText("Giữ nguyên mọi số liệu theo mã chỉ tiêu");
  await expect(page.getByText("Nâng cấp sổ nhập liệu: sẽ thực hiện các việc sau")).toBeVisible();
  await page.screenshot({ path: path.join(__dirname, "..", "..", "test-artifacts", "pane-upgrade-plan.png"), fullPage: true });
  // Nothing written before the confirmation.
  expect(await pane.fake((f) => f.dump())).toEqual(before);
  await pane.fake((f) => f.resetSyncCount());
  await page.getByTestId("confirm-ok").click();
  await expect(page.getByTestId("outcome")).toContainText("Đã nâng cấp sổ nhập liệu");
  // Read again (2 syncs) and write in one batch (1 sync); the view then reads the workbook's template again (2).
  expect(await pane.fake((f) => f.syncCount)).toBeLessThanOrEqual(5);
  const cells = await pane.fake((f) => f.cells("Phụ lục"));
  expect([cells.B8.v, cells.C8.v]).toEqual(["Chỉ tiêu", "Mã"]);
  expect(cells.C14.v).toBe("tt_hoi_nghi");
  expect((await pane.fake((f) => f.cells("_phuluc"))).B1.v).toBe(LAYOUT_VERSION);
  await expect(page.getByTestId("upgrade-hint")).toHaveCount(0);
  // Every figure is where it was, and the export gives the data the old workbook held.
  const old = before.sheets.find((s: { name: string }) => s.name === "Phụ lục").cells;
  for (const a of Object.keys(old).filter((k) => /^[EF]\d+$/.test(k) && +k.slice(1) > 8)) expect([a, cells[a]?.v ?? null]).toEqual([a, old[a].v ?? null]);
  await page.getByTestId("export").click();
  const json = JSON.parse(await page.getByTestId("export-json").inputValue());
  expect(json).toEqual(JSON.parse(fs.readFileSync(path.join(V1, "qcdc-2021-son-la.export.json"), "utf8")));
});

test("a newer version of the workbook's own template chosen: the plan names what is dropped; a dropped register column stays", async ({ page }) => {
  const snap = await loadSnapshot(path.join(V1, "tinh-thu-2026-tan-phong.xlsx"));
  const pane = await openPane(page, { ...fakeBook(snap), sets: { ExcelApi: "1.8" } });
  await page.getByTestId("template-file").setInputFiles(V3);
  await expect(page.getByTestId("upgrade-template-hint")).toContainText("phiên bản mới hơn của mẫu trong sổ (1 → 3)");
  await page.getByTestId("setup").click();
  const plan = page.getByTestId("confirm-actions");
  await expect(plan).toContainText("Mẫu tinh-thu-2026 phiên bản 1 → phiên bản 3.");
  await expect(plan).toContainText("Chỉ tiêu mới (để trống): hn_nghi_quyet.");
  await expect(plan).toContainText("hn_kinh_phi");
  await expect(plan).toContainText("Cột sổ mẫu mới không còn, số liệu vẫn giữ trong sổ, ở bên phải bảng");
  await expect(plan).toContainText("hoat_dong.hinh_thuc (3 dòng)");
  await page.getByTestId("confirm-ok").click();
  await expect(page.getByTestId("outcome")).toContainText("Đã nâng cấp sổ nhập liệu");
  const reg = await pane.fake((f) => f.cells("Tuyên truyền"));
  expect([reg.A3.v, reg.B3.v, reg.C3.v, reg.D3.v]).toEqual(["Nội dung tuyên truyền", "Ngày", "Địa điểm", keptHeader("Hình thức")]);
  expect([reg.D4.v, reg.D5.v, reg.D6.v]).toEqual(["Trực tiếp", "Trực tiếp", "Trực tuyến"]);
  await expect(page.getByTestId("workbook-template")).toContainText("phiên bản 3");
  const marker = await pane.fake((f) => f.cells("_phuluc"));
  expect(String(marker.K2.v)).toContain('"version":3');
});

test("a workbook carrying its province's template, opened fresh with no template file: its title, its rules, its sentences", async ({ page }) => {
  const t = provinceTemplate();
  const data = JSON.parse(fs.readFileSync(path.join(FIXTURES, "tan-phong-2026.json"), "utf8"));
  data.values.hn_da_to_chuc = 10; // more villages held the meeting than there are: the template's own rule hn.thon
  const plan = planWorkbook(t, data, { embedTemplate: true });
  const snap = snapshotOfPlan(plan);
  // With the formats written (a percent cell reads as a percent under its format).
  for (const sp of plan.sheets) {
    const rows = snap.sheets.find((x) => x.name === sp.name)!.rows;
    sp.table.rows.forEach((r, i) => r.forEach((c, j) => c.format && rows[sp.table.headerRow + i]?.[j] && (rows[sp.table.headerRow + i][j].format = c.format)));
  }
  // As the step that was left out last time had it: cells only, no tables. The register sheet
  // ("Tuyên truyền") then has neither a table nor a name of a template the pane knows before
  // reading the marker: the reader used to leave it out (missing sheet, register rules wrong).
  // Opened on the check (as the ribbon's "Kiểm tra" button opens it): nothing has read the marker yet.
  const pane = await openPane(page, { ...fakeBook(snap, { tables: false }), sets: { ExcelApi: "1.8" } }, "?view=check");
  await page.getByTestId("check-run").click();
  await expect(page.locator('[data-testid="finding"][data-rule="hn.thon"]')).toContainText("Số thôn đã tổ chức hội nghị không được vượt tổng số thôn");
  await expect(page.locator('[data-testid="finding"][data-rule="workbook.missing-sheet"]')).toHaveCount(0);
  await expect(page.locator('[data-testid="finding"][data-rule="workbook.unknown-template"]')).toHaveCount(0);
  // The register was read: its count rule agrees with its three rows (else tt.register would fire).
  await expect(page.locator('[data-testid="finding"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="finding"][data-rule="tt.register"]')).toHaveCount(0);
  expect(await pane.fake((f) => f.log.filter((w: { sheet?: string }) => w.sheet === "Tuyên truyền").length)).toBe(0);

  await page.getByTestId("tab-report").click();
  const preview = page.getByTestId("report-preview");
  await expect(preview).toContainText("Công tác tuyên truyền: 03 cuộc");
  await expect(preview).toContainText("Tỷ lệ vụ việc đã giải quyết");

  await page.getByTestId("tab-workbook").click();
  await expect(page.getByTestId("workbook-template")).toContainText(`Sổ đang mở theo mẫu: ${t.title.vi} (tinh-thu-2026, phiên bản 1).`);
  await expect(page.getByTestId("workbook-template")).toContainText("Mẫu được lưu trong sổ");
  await expect(page.getByTestId("custom-template")).toHaveCount(0);
  await expect(page.getByTestId("upgrade-hint")).toHaveCount(0);
});
