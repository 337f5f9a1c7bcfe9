/**
 * The add-in in a browser, against the fake Excel host: set-up, import, export, re-run,
 * a user's own sheet, old hosts, errors, and no network traffic but office.js.
 */
import { test, expect, type Page } from "@playwright/test";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { openPane, foreignRequests, routeOfficeJs, recordRequests, FAKE_OFFICE, OFFICE_JS, BASE_URL, type Pane } from "./fixtures";
import { planWorkbook as corePlan } from "../../src/core/sheet-plan";
import { statusHook } from "../../src/core/status-formulas";
import { normalizeReport } from "../../src/core/normalize";
import { getTemplate } from "../../src/core/templates/index";
import { MARKER, LAYOUT_VERSION } from "../../src/core/layout";
import { writePlan, loadSnapshot } from "../../src/cli/xlsx";
import type { CellPlan, WorkbookPlan, WorkbookSnapshot } from "../../src/core/workbook-model";
import { colLetter, cellA1 } from "../excel/mock-a1";

const EXAMPLE = path.join(__dirname, "..", "..", "examples", "son-la-skhcn-2021.json");
const t = getTemplate("qcdc-2021")!;
/** The plan exactly as `phuluc init [--data]` makes it (src/cli/main.ts). */
const planWorkbook = (tt: typeof t, data?: Parameters<typeof corePlan>[1]) => corePlan(tt, data, { statusFormulas: statusHook });

const a1 = cellA1;

type Dump = {
  sheets: { name: string; visibility: string; freezeRows: number; colWidths: Record<string, number>; cells: Record<string, any> }[];
  tables: { name: string; sheet: string; address: string }[];
  names: { name: string; ref: string }[];
};

function content(c: CellPlan | undefined): unknown {
  if (!c) return null;
  if (c.formula) return c.formula;
  return c.v === undefined || c.v === "" ? null : c.v;
}
function cellContent(x: any): unknown {
  if (!x) return null;
  if (x.formula) return x.formula;
  return x.v === undefined || x.v === "" ? null : x.v;
}

/** Differences between the fake workbook and the plan `phuluc init` writes (empty list = same layout). */
function layoutDiff(plan: WorkbookPlan, dump: Dump, names: Record<string, string> = {}): string[] {
  const out: string[] = [];
  for (const p of plan.sheets) {
    const name = names[p.table.name] ?? p.name;
    const s = dump.sheets.find((x) => x.name === name);
    if (!s) {
      out.push("missing sheet " + name);
      continue;
    }
    if (s.visibility !== "Visible") out.push(name + " not visible");
    if (s.freezeRows !== p.freezeRows) out.push(`${name}: frozen rows ${s.freezeRows} ≠ ${p.freezeRows}`);
    const h = p.table.headerRow - 1;
    const rows = [p.table.header.map((v) => ({ v }) as CellPlan), ...p.table.rows];
    const tbl = dump.tables.find((x) => x.name === p.table.name);
    const want = `A${h + 1}:${colLetter(p.table.header.length - 1)}${h + rows.length}`;
    if (!tbl || tbl.sheet !== name || tbl.address !== want) out.push(`${name}: table ${p.table.name} at ${tbl ? tbl.sheet + "!" + tbl.address : "nowhere"} ≠ ${want}`);
    const check = (row: number, col: number, c: CellPlan | undefined, colFormat?: string) => {
      const x = s.cells[a1(row, col)];
      if (content(c) !== cellContent(x)) out.push(`${name}!${a1(row, col)}: ${JSON.stringify(cellContent(x))} ≠ ${JSON.stringify(content(c))}`);
      const fmt = (c && c.format) ?? colFormat;
      if (fmt && fmt !== "General" && (!x || x.format !== fmt)) out.push(`${name}!${a1(row, col)}: format ${x && x.format} ≠ ${fmt}`);
      if (c && c.validation && (!x || !x.validation || !x.validation.rule)) out.push(`${name}!${a1(row, col)}: no validation`);
    };
    p.preamble.forEach((r, i) => r.forEach((c, j) => check(i, j, c)));
    rows.forEach((r, i) => r.forEach((c, j) => check(h + i, j, c, i > 0 ? p.table.columns[j]?.format : undefined)));
    p.table.columns.forEach((c, j) => {
      if (!(j in s.colWidths)) out.push(`${name}: column ${colLetter(j)} has no width`);
      if (c.validation && !s.cells[a1(h + 1, j)]?.validation) out.push(`${name}: column ${colLetter(j)} has no validation`);
    });
  }
  const m = dump.sheets.find((x) => x.name === MARKER.sheet);
  if (!m) out.push("no marker sheet");
  else {
    if (m.visibility !== "VeryHidden") out.push("marker sheet is " + m.visibility);
    if (m.cells.A1?.v !== MARKER.magic || m.cells.B1?.v !== LAYOUT_VERSION) out.push("marker A1/B1 wrong");
  }
  const n = dump.names.find((x) => x.name === MARKER.name);
  if (!n || n.ref !== "_phuluc!$B$1") out.push("name " + MARKER.name + " → " + (n && n.ref));
  return out;
}

const dump = (pane: Pane) => pane.fake((f) => f.dump()) as Promise<Dump>;

async function runSetup(page: Page): Promise<void> {
  // These tests set up the 2021 form (the set-up offers dccs-2025 first).
  await page.getByTestId("setup-template").selectOption("qcdc-2021");
  await page.getByTestId("setup").click();
  const dialog = page.getByTestId("confirm");
  await expect(dialog).toBeVisible();
  await page.getByTestId("confirm-ok").click();
  await expect(page.getByTestId("outcome")).toBeVisible();
}

let requests: string[][] = [];
test.afterEach(() => {
  for (const r of requests) expect(foreignRequests(r), "requests outside localhost other than office.js").toEqual([]);
  requests = [];
});

test("set up: the sheets match the layout `phuluc init` writes", async ({ page }) => {
  const pane = await openPane(page, { sheets: [{ name: "Sheet1", cells: { A1: "dữ liệu của tôi", B3: 42 } }] });
  requests.push(pane.requests);
  await expect(page.getByTestId("tab-workbook")).toBeVisible();
  const before = await dump(pane);
  // These tests set up the 2021 form (the set-up offers dccs-2025 first).
  await page.getByTestId("setup-template").selectOption("qcdc-2021");
  await page.getByTestId("setup").click();
  await expect(page.getByTestId("confirm-actions")).toContainText('Tạo trang "Phụ lục"');
  await expect(page.getByTestId("confirm")).toContainText("không hoàn tác");
  // Nothing is written before the user confirms.
  expect(await dump(pane)).toEqual(before);
  await pane.fake((f) => f.resetSyncCount());
  await page.getByTestId("confirm-ok").click();
  await expect(page.getByTestId("outcome")).toContainText("Đã xong");
  // The view then shows the workbook's template, read again.
  await expect(page.getByTestId("workbook-template")).toContainText("qcdc-2021");

  const after = await dump(pane);
  const plan = planWorkbook(t);
  expect(layoutDiff(plan, after)).toEqual([]);
  // The user's sheet is untouched.
  expect(after.sheets.find((s) => s.name === "Sheet1")).toEqual(before.sheets[0]);
  // Re-read and write (3 syncs), then the view reads the workbook's template (2).
  expect(await pane.fake((f) => f.syncCount)).toBe(5);
  // The same cells, formulas and formats as the .xlsx the command line writes.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-"));
  const file = path.join(dir, "init.xlsx");
  await writePlan(plan, file);
  const cli: WorkbookSnapshot = await loadSnapshot(file);
  const diffs: string[] = [];
  for (const s of cli.sheets) {
    const ours = after.sheets.find((x) => x.name === s.name);
    if (!ours) {
      diffs.push("missing " + s.name);
      continue;
    }
    s.rows.forEach((r, i) =>
      r.forEach((c, j) => {
        const x = ours.cells[a1(i, j)];
        const want = c.formula ?? (c.v === "" ? null : c.v);
        if (want !== cellContent(x)) diffs.push(`${s.name}!${a1(i, j)} ${JSON.stringify(cellContent(x))} ≠ ${JSON.stringify(want)}`);
        if (c.format && c.format !== "General" && x?.format !== c.format) diffs.push(`${s.name}!${a1(i, j)} format ${x?.format} ≠ ${c.format}`);
      }),
    );
  }
  expect(diffs).toEqual([]);
});

test("import the worked example: the cells hold its values; export gives it back", async ({ page }) => {
  const pane = await openPane(page);
  requests.push(pane.requests);
  await runSetup(page);
  await page.getByTestId("import-file").setInputFiles(EXAMPLE);
  await expect(page.getByTestId("replace-count")).toContainText("Không ô nào đang có giá trị bị thay");
  await page.getByTestId("confirm-ok").click();
  await expect(page.getByTestId("outcome")).toContainText("Đã nhập số liệu");

  const data = normalizeReport(JSON.parse(fs.readFileSync(EXAMPLE, "utf8")));
  const plan = planWorkbook(t, data);
  const after = await dump(pane);
  const diffs: string[] = [];
  for (const p of plan.sheets) {
    const s = after.sheets.find((x) => x.name === p.name)!;
    const h = p.table.headerRow;
    p.table.rows.forEach((r, i) =>
      r.forEach((c, j) => {
        if (content(c) !== cellContent(s.cells[a1(h + i, j)])) diffs.push(`${p.name}!${a1(h + i, j)} ${JSON.stringify(cellContent(s.cells[a1(h + i, j)]))} ≠ ${JSON.stringify(content(c))}`);
      }),
    );
  }
  expect(diffs).toEqual([]);
  // A few cells a reader of the appendix would look at.
  expect(await pane.fake((f) => [f.cell("Phụ lục", "E9").v, f.cell("Phụ lục", "E14").v, f.cell("Phụ lục", "E29").v, f.cell("Văn bản", "A4").v])).toEqual([8, 0, 10424000, "166-KH/ĐU"]);

  await page.getByTestId("export").click();
  const json = await page.getByTestId("export-json").inputValue();
  expect(JSON.parse(json)).toEqual(data);

  // Importing the same file again changes nothing.
  await page.getByTestId("import-file").setInputFiles(EXAMPLE);
  await expect(page.getByTestId("outcome")).toContainText("đã có đủ trong sổ");
  expect(await dump(pane)).toEqual(after);
});

test("import asks before replacing typed values and says how many", async ({ page }) => {
  const pane = await openPane(page);
  requests.push(pane.requests);
  await runSetup(page);
  await pane.fake((f) => {
    f.setCell("Phụ lục", "E10", 7); // vb_cap_uy typed by the user (the example has 03)
    f.setCell("Phụ lục", "E11", 5); // vb_chinh_quyen: the example has the same 05
  });
  const before = await dump(pane);
  await page.getByTestId("import-file").setInputFiles(EXAMPLE);
  await expect(page.getByTestId("replace-count")).toContainText("1 ô đang có giá trị sẽ bị thay");
  await page.getByTestId("confirm-cancel").click();
  expect(await dump(pane)).toEqual(before);
});

test("set up again: nothing changes", async ({ page }) => {
  const pane = await openPane(page);
  requests.push(pane.requests);
  await runSetup(page);
  await pane.fake((f) => f.setCell("Phụ lục", "E10", 3));
  const before = await dump(pane);
  await pane.fake((f) => f.resetSyncCount());
  // These tests set up the 2021 form (the set-up offers dccs-2025 first).
  await page.getByTestId("setup-template").selectOption("qcdc-2021");
  await page.getByTestId("setup").click();
  await expect(page.getByTestId("outcome")).toContainText("đã đầy đủ");
  await expect(page.getByTestId("confirm")).toHaveCount(0);
  expect(await dump(pane)).toEqual(before);
  expect(await pane.fake((f) => f.syncCount)).toBe(2);
});

test("set up again after the user cleared a heading: only that cell is restored", async ({ page }) => {
  const pane = await openPane(page);
  requests.push(pane.requests);
  await runSetup(page);
  await pane.fake((f) => {
    f.setCell("Phụ lục", "B12", null); // an indicator label (layout 2: column B)
    f.setCell("Phụ lục", "E12", 1); // a value
  });
  const before = await dump(pane);
  // These tests set up the 2021 form (the set-up offers dccs-2025 first).
  await page.getByTestId("setup-template").selectOption("qcdc-2021");
  await page.getByTestId("setup").click();
  await expect(page.getByTestId("confirm-actions")).toContainText("bổ sung 1 ô");
  await page.getByTestId("confirm-ok").click();
  await expect(page.getByTestId("outcome")).toContainText("Đã xong");
  const after = await dump(pane);
  const s0 = before.sheets.find((s) => s.name === "Phụ lục")!;
  const s1 = after.sheets.find((s) => s.name === "Phụ lục")!;
  const changed = Object.keys({ ...s0.cells, ...s1.cells }).filter((k) => JSON.stringify(s0.cells[k]) !== JSON.stringify(s1.cells[k]));
  expect(changed).toEqual(["B12"]);
  expect(s1.cells.B12.v).toBe(planWorkbook(t).sheets[0].table.rows[3][1].v);
  expect(s1.cells.E12.v).toBe(1);
});

test("a user's own \"Phụ lục\" sheet is left untouched; ours gets another name", async ({ page }) => {
  const pane = await openPane(page, { sheets: [{ name: "Phụ lục", cells: { A1: "Bảng của phòng", B2: 12, C8: "=B2*2" } }] });
  requests.push(pane.requests);
  const before = await dump(pane);
  // These tests set up the 2021 form (the set-up offers dccs-2025 first).
  await page.getByTestId("setup-template").selectOption("qcdc-2021");
  await page.getByTestId("setup").click();
  await expect(page.getByTestId("confirm-actions")).toContainText('Trang "Phụ lục" đang có là của bạn');
  await page.getByTestId("confirm-ok").click();
  await expect(page.getByTestId("outcome")).toContainText("Phụ lục (phuluc)");
  const after = await dump(pane);
  expect(after.sheets.find((s) => s.name === "Phụ lục")).toEqual(before.sheets[0]);
  expect(layoutDiff(planWorkbook(t), after, { PL_ChiTieu: "Phụ lục (phuluc)" })).toEqual([]);
  const marker = after.sheets.find((s) => s.name === MARKER.sheet)!;
  const roles = Object.values(marker.cells).map((c: any) => c.v);
  expect(roles).toContain("Phụ lục (phuluc)");
  // Export reads our sheet, not the user's.
  await page.getByTestId("export").click();
  await expect(page.getByTestId("export-json")).toBeVisible();
});

test("an older layout version is upgraded, keeping every value", async ({ page }) => {
  const pane = await openPane(page);
  requests.push(pane.requests);
  await runSetup(page);
  await page.getByTestId("import-file").setInputFiles(EXAMPLE);
  await page.getByTestId("confirm-ok").click();
  await expect(page.getByTestId("outcome")).toContainText("Đã nhập");
  // Make it look like a version-0 workbook: no "Kiểm tra" column in the indicator table.
  await pane.fake((f) => {
    const st = f.state;
    const tbl = st.tables.find((x: any) => x.name === "PL_ChiTieu");
    tbl.cols = 6;
    const sheet = st.sheets.find((x: any) => x.name === "Phụ lục");
    for (const k of Object.keys(sheet.cells)) if (k.endsWith(",6")) delete sheet.cells[k];
    f.setCell("_phuluc", "B1", 0);
  });
  const before = await dump(pane);
  // These tests set up the 2021 form (the set-up offers dccs-2025 first).
  await page.getByTestId("setup-template").selectOption("qcdc-2021");
  await page.getByTestId("setup").click();
  await expect(page.getByTestId("confirm-actions")).toContainText("Bố cục sổ: phiên bản 0 → phiên bản " + LAYOUT_VERSION + ".");
  await page.getByTestId("confirm-ok").click();
  await expect(page.getByTestId("outcome")).toContainText("Đã nâng cấp sổ nhập liệu");
  const after = await dump(pane);
  // Every value that was there is still there.
  const lost: string[] = [];
  for (const s of before.sheets) {
    if (s.name === MARKER.sheet) continue;
    const now = after.sheets.find((x) => x.name === s.name)!;
    for (const [addr, c] of Object.entries(s.cells)) if (cellContent(now.cells[addr]) !== cellContent(c)) lost.push(s.name + "!" + addr);
  }
  expect(lost).toEqual([]);
  expect(after.tables.find((x) => x.name === "PL_ChiTieu")!.address).toBe("A8:G35");
  expect(after.sheets.find((s) => s.name === "Phụ lục")!.cells.G8.v).toBe("Kiểm tra");
  expect(after.sheets.find((s) => s.name === MARKER.sheet)!.cells.B1.v).toBe(LAYOUT_VERSION);
});

test("ExcelApi 1.4 only: set up works without validation and frozen headers, and says so", async ({ page }) => {
  const pane = await openPane(page, { sets: { ExcelApi: "1.4" } });
  requests.push(pane.requests);
  await expect(page.getByTestId("caps-notes")).toContainText("ExcelApi 1.8");
  await runSetup(page);
  const after = await dump(pane);
  const s = after.sheets.find((x) => x.name === "Phụ lục")!;
  expect(Object.values(s.cells).some((c: any) => c.validation)).toBe(false);
  expect(s.freezeRows).toBe(0);
  expect(after.tables.map((x) => x.name)).toContain("PL_ChiTieu");
});

test("the ribbon's Kiểm tra button opens the pane on the check view; English toggle", async ({ page }) => {
  const pane = await openPane(page, {}, "?view=check");
  requests.push(pane.requests);
  await expect(page.getByTestId("tab-check")).toHaveAttribute("aria-selected", "true");
  await page.getByTestId("lang").click();
  await expect(page.getByRole("tab", { name: "Workbook" })).toBeVisible();
  await expect(page.getByRole("tab", { name: "Report" })).toBeVisible();
  await page.getByRole("tab", { name: "Workbook" }).click();
  await expect(page.getByTestId("setup")).toHaveText("Set up the workbook…");
});

test("dark Office theme gives a dark pane", async ({ page }) => {
  const pane = await openPane(page, { theme: "dark" });
  requests.push(pane.requests);
  await expect(page.getByTestId("tab-workbook")).toBeVisible();
  const bg = await page.locator(".fui-FluentProvider").first().evaluate((el) => getComputedStyle(el).backgroundColor);
  const [r, g, b] = bg.match(/\d+/g)!.map(Number);
  expect(r + g + b).toBeLessThan(200);
});

test("Internet Explorer / old Edge hosts get the message and no React bundle", async ({ browser }) => {
  for (const ua of [
    "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16) like Gecko",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045",
  ]) {
    const ctx = await browser.newContext({ userAgent: ua, baseURL: BASE_URL });
    const page = await ctx.newPage();
    const urls = recordRequests(page);
    await page.addInitScript({ path: FAKE_OFFICE });
    await routeOfficeJs(page);
    await page.goto("taskpane.html");
    const msg = page.getByTestId("legacy");
    await expect(msg).toContainText("Microsoft 365 hoặc Office 2021");
    await expect(msg).toContainText("WebView2");
    await expect(msg).toContainText("✓/✗");
    await expect(msg).toContainText("The workbook still works");
    await page.waitForTimeout(300);
    expect(urls.filter((u) => /taskpane\.[0-9a-f]+\.js/.test(u))).toEqual([]);
    expect(foreignRequests(urls)).toEqual([]);
    await ctx.close();
  }
});

test("a view that fails to render shows the error message with \"Tải lại\", not a blank pane", async ({ page }) => {
  const pane = await openPane(page);
  requests.push(pane.requests);
  await page.route(/\/chunks\/check-view\.[0-9a-f]+\.js$/, (route) => route.abort("connectionreset"));
  await page.getByTestId("tab-check").click();
  const crash = page.getByTestId("crash");
  await expect(crash).toContainText("Ngăn phụ lục gặp lỗi");
  await expect(crash).toContainText("Không tải được một phần của ngăn");
  await expect(crash.getByRole("button", { name: "Tải lại" })).toBeVisible();
  // The other tabs still work.
  await page.getByTestId("tab-workbook").click();
  await expect(page.getByTestId("setup")).toBeVisible();
  // "Tải lại" reloads the pane, which then works.
  await page.unroute(/\/chunks\/check-view\.[0-9a-f]+\.js$/);
  await page.getByTestId("tab-check").click();
  await page.getByTestId("crash").getByRole("button", { name: "Tải lại" }).click();
  await expect(page.getByTestId("tab-workbook")).toBeVisible();
});

test("office.js not loaded (plain browser, blocked CDN): a clear message", async ({ page }) => {
  const urls = recordRequests(page);
  await routeOfficeJs(page, "abort");
  await page.goto("taskpane.html");
  await expect(page.getByTestId("office-missing")).toContainText("Không tải được Office.js");
  expect(foreignRequests(urls)).toEqual([]);
  expect(urls).toContain(OFFICE_JS);
});

test("Office.onReady never answers: a clear message after the timeout", async ({ page }) => {
  const pane = await openPane(page, { ready: "never" });
  requests.push(pane.requests);
  await expect(page.getByTestId("office-timeout")).toContainText("Excel chưa sẵn sàng", { timeout: 15_000 });
});

test("a full session makes no network request but office.js, and breaks no CSP rule", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  const pane = await openPane(page);
  await runSetup(page);
  await page.getByTestId("import-file").setInputFiles(EXAMPLE);
  await page.getByTestId("confirm-ok").click();
  await expect(page.getByTestId("outcome")).toContainText("Đã nhập");
  await page.getByTestId("export").click();
  await expect(page.getByTestId("export-json")).toBeVisible();
  await page.getByTestId("tab-check").click();
  await expect(page.getByTestId("tab-check")).toHaveAttribute("aria-selected", "true");
  await page.getByTestId("tab-report").click();
  await page.waitForTimeout(500);
  expect(pane.requests.length).toBeGreaterThan(3);
  expect(foreignRequests(pane.requests)).toEqual([]);
  expect(pane.requests).toContain(OFFICE_JS);
  expect(violations).toEqual([]);
  // The page really is under the policy: no eval, scripts only from itself and Microsoft's CDN.
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com");
  expect(csp).not.toContain("unsafe-eval");
  expect(csp).toContain("connect-src 'self'");
  expect(await page.evaluate(() => document.querySelectorAll("script:not([src])").length)).toBe(0);
});
