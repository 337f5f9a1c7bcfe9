/**
 * Ownership in the pane, with the fake Excel host: a user deletes our "Phụ lục" sheet and
 * makes their own with that name. The marker still names "Phụ lục" but no longer vouches
 * for it: a check marks nothing on it, and set-up leaves it whole and makes ours again
 * under another name.
 */
import { test, expect } from "@playwright/test";
import { openWithExample } from "./fixtures";

test("a user's sheet that replaced our \"Phụ lục\" is never written: no marks, set-up makes ours beside it", async ({ page }) => {
  const pane = await openWithExample(page);
  // The user deletes our sheet (its table goes with it) and makes a sheet of their own with
  // that name: our old rows pasted as values under their own headings, and a note.
  await pane.fake((f) => {
    const st = f.state;
    const ours = st.sheets.find((s: any) => s.name === "Phụ lục");
    const rows: Record<string, unknown> = {};
    for (const k of Object.keys(ours.cells)) {
      const [r, c] = k.split(",").map(Number);
      const cell = ours.cells[k];
      if (cell && cell.v !== null && cell.v !== undefined && !cell.f) rows[String.fromCharCode(65 + c) + (r + 1)] = cell.v;
    }
    st.sheets.splice(st.sheets.indexOf(ours), 1);
    st.tables = st.tables.filter((t: any) => t.sheet !== ours);
    rows.A1 = "Bảng của phòng Tổ chức";
    rows.A8 = "STT";
    rows.C8 = "Nội dung";
    rows.E14 = "mười hai"; // not a figure: the reader would report it at this cell
    f.addSheet("Phụ lục", rows);
  });
  const userSheet = () => pane.fake((f) => ({ cells: f.cells("Phụ lục"), tables: f.tables().filter((t: any) => t.sheet === "Phụ lục") }));
  const before = await userSheet();
  const logged = await pane.fake((f) => f.log.length);
  const writesOnUserSheet = () => pane.fake((f, n) => f.log.slice(n).filter((w: any) => w.sheet === "Phụ lục").length, logged);

  // A check: findings may point at the user's sheet, but nothing is filled there.
  await page.getByTestId("tab-check").click();
  await page.getByTestId("check-run").click();
  await expect(page.getByTestId("summary")).toBeVisible();
  // The reader applies the same ownership test: the user's sheet is not read as the appendix, and says so.
  await expect(page.locator('[data-testid="finding"][data-rule="workbook.replaced-sheet"]')).toContainText('Trang "Phụ lục" không còn là trang số liệu của phuluc');
  await expect(page.locator('[data-testid="finding"][data-rule="workbook.replaced-sheet"]')).toContainText('"Phụ lục (phuluc)"');
  expect(await userSheet()).toEqual(before);
  expect(await writesOnUserSheet()).toBe(0);

  // Set-up: says the sheet is the user's, writes nothing on it, makes ours again.
  await page.getByTestId("tab-workbook").click();
  // These tests set up the 2021 form (the set-up offers dccs-2025 first).
  await page.getByTestId("setup-template").selectOption("qcdc-2021");
  await page.getByTestId("setup").click();
  await expect(page.getByTestId("confirm-actions")).toContainText('Trang "Phụ lục" đang có là của bạn');
  await page.getByTestId("confirm-ok").click();
  await expect(page.getByTestId("outcome")).toContainText("Phụ lục (phuluc)");
  expect(await userSheet()).toEqual(before);
  expect(await writesOnUserSheet()).toBe(0);
  expect(await pane.fake((f) => f.tables().find((t: any) => t.name === "PL_ChiTieu").sheet)).toBe("Phụ lục (phuluc)");
});
