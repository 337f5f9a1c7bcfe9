/**
 * The consolidated workbook is traceable: a "Đơn vị" sheet with one row per unit, and the
 * appendix's cells as formulas over it. LibreOffice (headless) recomputes the formulas: its
 * figures equal the JSON result, and a correction in one unit's row flows through.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { execFileSync } from "child_process";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { planWorkbook } from "../../src/core/sheet-plan";
import { writePlan } from "../../src/cli/xlsx";
import { getTemplate } from "../../src/core/templates/index";
import { readValue } from "../../src/core/values";
import type { ReportData } from "../../src/core/types";
import { run, checkJson } from "../workbook/helpers";
import { unit, input } from "./helpers";
import { mergeReports } from "../../src/core/merge/merge";
import { paneSheets, UNITS_SHEET } from "../../src/core/merge/workbook";

function hasSoffice(): boolean {
  try {
    execFileSync("soffice", ["--version"], { stdio: "ignore", timeout: 30000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * Each sheet of a workbook as LibreOffice computes it (values as shown): sheet name → rows of cells.
 * LibreOffice shows a formula's cached result when the file has one: they are removed first,
 * so that every figure is LibreOffice's own.
 */
async function compute(file: string): Promise<Record<string, string[][]>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-lo-"));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  let formulas = 0;
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as { formula?: string } | null;
        if (v && typeof v === "object" && typeof v.formula === "string") {
          cell.value = { formula: v.formula } as ExcelJS.CellFormulaValue;
          formulas++;
        }
      }),
    ),
  );
  expect(formulas).toBeGreaterThan(20);
  const xlsx = path.join(dir, path.basename(file));
  await wb.xlsx.writeFile(xlsx);
  try {
    execFileSync(
      "soffice",
      ["--headless", "--norestore", `-env:UserInstallation=file://${dir}/profile`, "--convert-to", "csv:Text - txt - csv (StarCalc):9,34,76,1,,0,false,true,false,false,false,-1", "--outdir", dir, xlsx],
      { stdio: "ignore", timeout: 120000 },
    );
    const out: Record<string, string[][]> = {};
    const base = path.basename(xlsx, ".xlsx");
    for (const f of fs.readdirSync(dir)) {
      if (!f.endsWith(".csv")) continue;
      const sheet = f.normalize("NFC").slice(base.length + 1, -4);
      out[sheet] = fs
        .readFileSync(path.join(dir, f), "utf8")
        .split(/\r?\n/)
        .map((l) => l.split("\t").map((c) => c.replace(/^"|"$/g, "")));
    }
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** code → value cell of the "Phụ lục" sheet as LibreOffice shows it (columns found by their headers "Mã" and "Giá trị"). */
function appendix(sheets: Record<string, string[][]>): Record<string, string> {
  const out: Record<string, string> = {};
  const rows = sheets["Phụ lục"] ?? [];
  const header = rows.find((r) => r.includes("Mã") && r.includes("Giá trị")) ?? [];
  const code = header.indexOf("Mã");
  const value = header.indexOf("Giá trị");
  for (const cols of rows) if (/^[a-z][a-z0-9_]+$/.test(cols[code] ?? "")) out[cols[code]] = cols[value] ?? "";
  return out;
}

/** A figure as LibreOffice shows it (en-US: "10,424,000", "66.7%") and as the JSON holds it, as one comparable number. */
function lo(s: string): number | string | null {
  if (s === "") return null;
  const m = /^([\d,]+(?:\.\d+)?)(%?)$/.exec(s);
  if (!m) return s;
  return parseFloat(m[1].replace(/,/g, ""));
}
function js(v: unknown, kind: string): number | string | null {
  if (v === null || v === undefined) return null;
  const r = readValue(v as never, kind as "count");
  if (r.status === "number") return r.value;
  if (r.status === "na") return "Không có";
  return String(v);
}

const maybe = hasSoffice() || process.env.CI === "true" ? describe : describe.skip;

maybe("consolidated workbook recomputed by LibreOffice", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-merge-wb-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function unitBook(name: string, data: ReportData): Promise<void> {
    await writePlan(planWorkbook(getTemplate("qcdc-2021")!, data), path.join(dir, "in", name));
  }

  test("the appendix's formulas over the 'Đơn vị' sheet give the JSON result; a unit's correction flows through", async () => {
    fs.mkdirSync(path.join(dir, "in"));
    const a = unit("UBND xã A", { vb_tong: 1, vb_cap_uy: 0, vb_chinh_quyen: 1, dt_tong: 10, dt_da_giai_quyet: 9, dt_ty_le: "90,0%" });
    a.registers = { van_ban: [{ symbol: "01/KH-UBND", date: "2021-02-01", type: "Kế hoạch", title: "Kế hoạch thực hiện QCDC", issuer: "chinh_quyen" }] };
    await unitBook("a.xlsx", a);
    await unitBook("b.xlsx", unit("UBND xã B", { vb_tong: 2, vb_cap_uy: 1, vb_chinh_quyen: 1, dt_tong: 5, dt_da_giai_quyet: 1, dt_ty_le: "20,0%", cv_tong: null, cv_doanh_nghiep: null, cv_nguoi_lao_dong: null, cv_khac: null }));
    await unitBook("c.xlsx", unit("UBND xã C", { vb_tong: null, vb_cap_uy: null, vb_chinh_quyen: null, dt_tong: 0, dt_da_giai_quyet: 0, dt_ty_le: "Không có" }));
    const xlsx = path.join(dir, "tong-hop.xlsx");
    const j = await run("merge", path.join(dir, "in"), "-o", xlsx, "--json");
    expect(j.code).toBe(0);
    const res = JSON.parse(j.out);
    expect(res.values.dt_ty_le).toBe("66,7%");

    const t = getTemplate("qcdc-2021")!;
    const sheets = await compute(xlsx);
    const got = appendix(sheets);
    for (const d of t.indicators) expect([d.code, lo(got[d.code])]).toEqual([d.code, js(res.values[d.code], d.kind)]);
    expect(got.vb_tong).toBe("3");
    expect(got.dt_ty_le).toBe("66.7%");
    expect(lo(got.cv_tong)).toBe(10424000 * 2); // units A and C; B left it blank

    // The "Đơn vị" sheet: one row per unit, its ✓/✗, its figures (a blank stays blank).
    const units = sheets["Đơn vị"];
    const header = units[3];
    const row = (agency: string) => units.find((r) => r[1] === agency)!;
    const col = (code: string) => header.indexOf(code);
    expect(row("UBND xã A")[col("vb_tong")]).toBe("1");
    // Registers concatenated, each row naming its unit.
    const vb = sheets["Văn bản"];
    const vbHeader = vb.findIndex((r) => r.includes("Đơn vị báo cáo"));
    expect(vbHeader).toBeGreaterThanOrEqual(0);
    expect(vb[vbHeader + 1]).toEqual(expect.arrayContaining(["01/KH-UBND", "UBND xã A"]));
    expect(row("UBND xã C")[col("vb_tong")]).toBe("");
    expect(row("UBND xã A")[header.indexOf("Kiểm tra")]).toBe("✓");

    // A correction in one unit's row flows through to the total and to the recomputed rate.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.getWorksheet("Đơn vị")!;
    for (let r = 5; r <= ws.rowCount; r++) {
      if (ws.getCell(r, 2).value === "UBND xã B") {
        ws.getCell(r, col("vb_tong") + 1).value = 12;
        ws.getCell(r, col("dt_da_giai_quyet") + 1).value = 3;
      }
    }
    const edited = path.join(dir, "sua.xlsx");
    await wb.xlsx.writeFile(edited);
    const after = appendix(await compute(edited));
    expect(after.vb_tong).toBe("13");
    expect(after.dt_da_giai_quyet).toBe("12");
    expect(lo(after.dt_ty_le)).toBe(80); // 12/15, never the average of 90 %, 60 %

    // A late unit's row typed under the table: Excel extends the table (its ref grows by one
    // row); the totals over PL_DonVi[...] count it, the rate recomputed from the new sums.
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(edited);
    const ws2 = wb2.getWorksheet("Đơn vị")!;
    let lastRow = 5;
    for (let r = 5; r <= ws2.rowCount; r++) if (ws2.getCell(r, 2).value) lastRow = r;
    const late = lastRow + 1;
    ws2.getCell(late, 1).value = 4;
    ws2.getCell(late, 2).value = "UBND xã D (nộp muộn)";
    ws2.getCell(late, col("vb_tong") + 1).value = 5;
    ws2.getCell(late, col("dt_tong") + 1).value = 5;
    ws2.getCell(late, col("dt_da_giai_quyet") + 1).value = 5;
    const grown = path.join(dir, "them-don-vi.xlsx");
    await wb2.xlsx.writeFile(grown);
    const zip = await JSZip.loadAsync(fs.readFileSync(grown));
    let extended = 0;
    for (const name of Object.keys(zip.files).filter((n) => /^xl\/tables\/table\d+\.xml$/.test(n))) {
      const xml = await zip.file(name)!.async("string");
      if (!/ name="PL_DonVi"/.test(xml)) continue;
      const next = xml.replace(/(ref="[A-Z]+\d+:[A-Z]+)(\d+)"/g, (_m, a: string, n: string) => {
        expect(Number(n)).toBe(lastRow);
        return `${a}${late}"`;
      });
      expect(next).not.toBe(xml);
      zip.file(name, next);
      extended++;
    }
    expect(extended).toBe(1);
    fs.writeFileSync(grown, await zip.generateAsync({ type: "nodebuffer" }));
    const withLate = appendix(await compute(grown));
    expect(withLate.vb_tong).toBe("18"); // 13 + the late unit's 5
    expect(withLate.dt_tong).toBe("20");
    expect(withLate.dt_da_giai_quyet).toBe("17");
    expect(lo(withLate.dt_ty_le)).toBe(85); // 17/20

    // check reads the consolidated workbook as consolidated: no per-unit rule, no error.
    const c = await checkJson(xlsx);
    expect(c.result.findings.filter((f: { severity: string }) => f.severity === "error")).toEqual([]);
    expect(c.result.findings.filter((f: { rule: string }) => f.rule.startsWith("workbook."))).toEqual([]);
  }, 240000);

  test("the pane's 'Tổng hợp' sheet counts a unit's row typed below the others", async () => {
    const t = getTemplate("qcdc-2021")!;
    const r = mergeReports([
      input("a.json", unit("UBND xã A", { vb_tong: 1, vb_cap_uy: 0, vb_chinh_quyen: 1, dt_tong: 10, dt_da_giai_quyet: 9, dt_ty_le: "90,0%" })),
      input("b.json", unit("UBND xã B", { vb_tong: 2, vb_cap_uy: 1, vb_chinh_quyen: 1, dt_tong: 5, dt_da_giai_quyet: 1, dt_ty_le: "20,0%" })),
    ]);
    const g = paneSheets(t, r, { units: "Đơn vị", total: "Tổng hợp" });
    // The grids as the pane writes them: plain cells and formulas, no table.
    const wb = new ExcelJS.Workbook();
    for (const grid of [g.total, g.units]) {
      const ws = wb.addWorksheet(grid.name);
      grid.cells.forEach((row, i) =>
        row.forEach((c, j) => {
          if (c.formula) ws.getCell(i + 1, j + 1).value = { formula: c.formula.replace(/^=/, "") } as ExcelJS.CellFormulaValue;
          else if (c.v !== undefined && c.v !== null) ws.getCell(i + 1, j + 1).value = c.v as ExcelJS.CellValue;
        }),
      );
    }
    const header = g.units.cells[UNITS_SHEET.headerRow - 1].map((c) => c.v);
    const late = g.units.cells.length + 1;
    const ws = wb.getWorksheet("Đơn vị")!;
    ws.getCell(late, 2).value = "UBND xã C (nộp muộn)";
    ws.getCell(late, header.indexOf("vb_tong") + 1).value = 4;
    ws.getCell(late, header.indexOf("dt_tong") + 1).value = 5;
    ws.getCell(late, header.indexOf("dt_da_giai_quyet") + 1).value = 5;
    const file = path.join(dir, "pane.xlsx");
    await wb.xlsx.writeFile(file);
    const rows = (await compute(file))["Tổng hợp"];
    const total = (code: string) => rows.find((x) => x[1] === code)![4];
    expect(total("vb_tong")).toBe("7"); // 1 + 2 + the late unit's 4
    expect(total("dt_tong")).toBe("20");
    expect(lo(total("dt_ty_le"))).toBe(0.75); // (9 + 1 + 5) / 20, unformatted here
  }, 240000);
});
