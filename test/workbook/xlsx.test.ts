/**
 * The .xlsx files themselves: what `init` writes (tables, formats, validation, freeze,
 * marker, formulas) and what `export` gives back (the input in its normal form).
 */
import * as fs from "fs";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { normalizeReport } from "../../src/core/normalize";
import { loadSnapshot } from "../../src/cli/xlsx";
import { readWorkbook } from "../../src/core/sheet-read";
import { buildLayout, derivedFormulas } from "../../src/core/layout";
import { EXAMPLE, exampleInput, run, checkJson, tmp, cleanup, rules, template, edit, rowOf, initWorkbook } from "./helpers";
import { richReport } from "./fixtures";

afterAll(cleanup);

async function roundTrip(input: unknown, structural: string[] = []): Promise<{ exported: unknown; file: string }> {
  const json = tmp("in.json");
  fs.writeFileSync(json, JSON.stringify(input, null, 2));
  const file = tmp("out.xlsx");
  const init = await run("init", file, "--data", json);
  expect(init.code).toBe(0);
  const out = tmp("export.json");
  const exp = await run("export", file, "-o", out);
  expect((exp.err.match(/\[workbook\.[a-z-]+\]/g) || []).map((x) => x.slice(1, -1))).toEqual(structural);
  expect(exp.code).toBe(structural.length ? 1 : 0);
  return { exported: JSON.parse(fs.readFileSync(out, "utf8")), file };
}

describe("init --data then export gives back normalizeReport(input)", () => {
  test("the worked example", async () => {
    const { exported } = await roundTrip(exampleInput());
    expect(exported).toEqual(normalizeReport(exampleInput()));
  });

  test("a richer report: previous values, sections, rules, overrides, NFD text, Ð symbols, decimals, money", async () => {
    const input = richReport();
    const { exported, file } = await roundTrip(input);
    const normal = normalizeReport(input);
    expect(exported).toEqual(normal);
    // The things this fixture is for, as a user would see them.
    const e = exported as typeof normal;
    expect(e.values.cchc_dvc_ty_le).toBe("88,9%");
    expect(e.values.dt_ty_le).toBe("66,67%");
    expect(e.values.cbccvc_ty_le).toBe("87,5%");
    expect(e.values.cv_tong).toBe(25000000);
    expect(e.values.dt_ton_dong_chua_gq).toBe("01 vụ việc");
    expect(e.previous!.dt_ty_le).toBe("Không có");
    expect(e.registers.van_ban[0]).toMatchObject({ symbol: "12-KH/ĐU", issuer: "cap_uy" });
    expect(e.report.agency).toBe("Ủy ban nhân dân huyện Mường Ảng".normalize("NFC"));
    expect(e.sections![0].text).toContain("\n\n");
    // and it checks clean: its figures agree with its registers.
    const c = await checkJson(file);
    expect(rules(c.result.findings, "error")).toEqual([]);
    expect(c.code).toBe(0);
  });

  test("a report with unknown codes and odd values keeps them through the workbook", async () => {
    const input = {
      template: "qcdc-2021",
      report: { agency: "X", recipients: "Sở A\n- Sở B;\nLưu: VT" },
      values: { vb_tong: "hơn 500", vb_cap_uy: -2, vb_chinh_quyen: 1.5, dt_ty_le: 120, cchc_dvc_ty_le: "88.95", ma_la: 7 },
      registers: { doi_thoai: [{ chair: "Khác", held: "x", date: "30/3/2021" }] },
    };
    // The unknown code is reported (with its cell) and still given back.
    const { exported } = await roundTrip(input, ["workbook.unknown-code"]);
    expect(exported).toEqual(normalizeReport(input));
  });
});

describe("the workbook init writes", () => {
  test("✗ red and ⚠ amber in the status column, computed cells shaded, the appendix on A4 fitted to the page width", async () => {
    const file = tmp("in-an.xlsx");
    expect((await run("init", file, "--data", EXAMPLE)).code).toBe(0);
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const cf = /<conditionalFormatting sqref="([^"]+)">([\s\S]*?)<\/conditionalFormatting>/.exec(xml);
    expect(cf).not.toBeNull();
    expect(cf![1]).toMatch(/^G9:G\d+$/);
    expect(cf![2]).toContain("✗");
    expect(cf![2]).toContain("⚠");
    expect(xml).toMatch(/<pageSetup[^>]*paperSize="9"/);
    expect(xml).toMatch(/<pageSetup[^>]*fitToWidth="1"/);
    expect(xml).toMatch(/<pageSetup[^>]*fitToHeight="0"/);
    expect(xml).toMatch(/<pageSetUpPr fitToPage="1"/);
    const styles = await zip.file("xl/styles.xml")!.async("string");
    expect(styles).toContain("FFFFC7CE"); // the red of ✗
    expect(styles).toContain("FFFFEB9C"); // the amber of ⚠
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet("Phụ lục")!;
    // The status cell (a formula) is shaded; the value cell one types into is not.
    expect((ws.getCell("G14").fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).toBe("FFF2F2F2");
    expect((ws.getCell("E14").fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).toBeUndefined();
  });

  test("tables, header texts, widths, freeze, formats, very hidden marker, defined name, full calc on load", async () => {
    const file = tmp("bao-cao.xlsx");
    expect((await run("init", file, "--data", EXAMPLE)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const layout = buildLayout(template());
    for (const def of layout.sheets) {
      const ws = wb.getWorksheet(def.name)!;
      expect(ws).toBeDefined();
      const table = ws.getTable(def.table) as unknown as { table: { tableRef?: string; ref?: string } };
      expect(table).toBeDefined();
      expect(table.table.tableRef ?? table.table.ref).toMatch(new RegExp("^A" + def.headerRow + ":"));
      def.columns.forEach((c, i) => {
        expect(ws.getCell(def.headerRow, i + 1).value).toBe(c.header.vi);
        expect(ws.getColumn(i + 1).width).toBe(c.width);
      });
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: def.headerRow });
    }
    const ws = wb.getWorksheet("Phụ lục")!;
    expect(ws.getCell("C14").value).toBe("tt_hoi_nghi");
    expect(ws.getCell("B14").value).toBe("Số lượng các cuộc hội nghị, hội thảo, tập huấn");
    expect(ws.getCell("E14").value).toBe(0);
    expect(ws.getCell("E20").value).toBe(1);
    expect(ws.getCell("E20").numFmt).toBe("0%");
    expect(ws.getCell("E23").value).toBe("Không có");
    expect(ws.getCell("E29").numFmt).toBe("#,##0");
    expect(ws.getCell("E9").dataValidation).toMatchObject({ type: "whole", errorStyle: "warning" });
    const vb = wb.getWorksheet("Văn bản")!;
    expect(vb.getCell("B4").numFmt).toBe("dd/mm/yyyy");
    expect(vb.getCell("B4").value).toEqual(new Date(Date.UTC(2021, 2, 30)));
    expect(vb.getCell("E4").value).toBe("Cấp ủy");
    expect(vb.getCell("E4").dataValidation).toMatchObject({ type: "list" });
    const info = wb.getWorksheet("Thông tin")!;
    expect(info.getCell("C6").value).toBe("Cấp tỉnh");
    const m = wb.getWorksheet("_phuluc")!;
    expect(m.state).toBe("veryHidden");
    expect([m.getCell("A1").value, m.getCell("B1").value, m.getCell("A2").value, m.getCell("B2").value]).toEqual(["phuluc-layout", 2, "template", "qcdc-2021"]);
    expect([m.getCell("A4").value, m.getCell("B4").value]).toEqual(["PL_ChiTieu", "Phụ lục"]);
    expect((wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model).toContainEqual({ name: "PHULUC_LAYOUT", ranges: ["'_phuluc'!$B$1"] });
    // exceljs does not read calcPr back: look at the file itself.
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
    expect(workbookXml).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
    expect(workbookXml).toMatch(/<sheet [^>]*name="_phuluc" state="veryHidden"/);
  });

  test("an empty workbook has the derived formulas and checks with no false error", async () => {
    const file = tmp("trong.xlsx");
    const r = await run("init", file, "--template", "qcdc-2021");
    expect(r.code).toBe(0);
    expect(r.out).toContain("Phụ lục");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet("Phụ lục")!;
    const t = template();
    for (const [code, formula] of Object.entries(derivedFormulas(t, buildLayout(t)))) {
      const cell = ws.getCell("E" + rowOf(ws, code));
      expect("=" + (cell.value as { formula: string }).formula).toBe(formula);
    }
    expect(ws.getCell("E20").numFmt).toBe("0.0%");
    const c = await checkJson(file);
    expect(c.code).toBe(0);
    expect(c.result.summary.errors).toBe(0);
    expect(c.result.summary.warnings).toBe(0);
    expect(c.result.findings.every((f: { severity: string }) => f.severity === "info")).toBe(true);
  });

  test("a workbook filled in later is read with formulas' cached results and typed values", async () => {
    const file = await initWorkbook(undefined);
    const filled = await edit(file, (wb) => {
      const ws = wb.getWorksheet("Phụ lục")!;
      ws.getCell("E14").value = { formula: "IF(COUNT(E15,E16)=0,\"\",SUM(E15,E16))", result: 5 } as ExcelJS.CellFormulaValue;
      ws.getCell("E15").value = 2;
      ws.getCell("E16").value = 3;
      const r = rowOf(ws, "cbccvc_ty_le");
      ws.getCell("E" + r).value = { formula: "E" + (r - 2) + "/E" + (r - 1), result: 0.875 } as ExcelJS.CellFormulaValue;
      ws.getCell("E" + (r - 2)).value = 7;
      ws.getCell("E" + (r - 1)).value = 8;
    });
    const read = readWorkbook(await loadSnapshot(filled));
    expect(read.findings).toEqual([]);
    expect(read.data.values.tt_hoi_nghi).toBe(5);
    expect(read.data.values.cbccvc_ty_le).toBe("87,5%");
    const c = await checkJson(filled);
    expect(rules(c.result.findings, "error")).toEqual([]);
  });
});
