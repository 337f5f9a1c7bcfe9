/**
 * Edits office staff make to a workbook made by `phuluc init`, then `phuluc check`: each
 * finding must name the row and cell the user sees in Excel, and details printed in the
 * report's header that cannot be read must be said, not printed as typed or dropped.
 */
import * as fs from "fs";
import ExcelJS from "exceljs";
import { exampleInput, initWorkbook, edit, run, checkJson, tmp, cleanup } from "./helpers";

afterAll(cleanup);

type F = { rule: string; severity: string; message: string; cells?: string[]; path?: string; values?: Record<string, unknown> };

/** The value of a cell given as "'Văn bản'!B9" in a saved workbook. */
async function valueAt(file: string, address: string): Promise<unknown> {
  const m = /^'?(.+?)'?!([A-Z]+\d+)$/.exec(address)!;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const v = wb.getWorksheet(m[1])!.getCell(m[2]).value;
  return v instanceof Date ? v.toISOString().slice(0, 10) : v;
}

describe("register rows after a sort, a deleted row and rows added below the table", () => {
  let file: string;
  let findings: F[];
  beforeAll(async () => {
    const book = await initWorkbook(exampleInput(), "so-van-ban.xlsx");
    file = await edit(book, (wb) => {
      const ws = wb.getWorksheet("Văn bản")!;
      // Data rows 4..11 (8 documents). Typos in two of them.
      ws.getCell("B6").value = "32/13/2021";
      ws.getCell("D9").value = null;
      // Sort Z→A by symbol, as Data → Sort does (whole rows move).
      const rows: ExcelJS.CellValue[][] = [];
      for (let r = 4; r <= 11; r++) rows.push([1, 2, 3, 4, 5].map((c) => ws.getCell(r, c).value));
      rows.sort((a, b) => String(b[0]).localeCompare(String(a[0])));
      rows.forEach((vals, i) => vals.forEach((v, c) => (ws.getCell(4 + i, c + 1).value = v)));
      // Delete the first data row (the rows below move up), then add a row below the table after a blank row.
      ws.spliceRows(4, 1);
      ws.getCell("A13").value = "99/KH-SKHCN";
      ws.getCell("B13").value = "30.3.2021";
    });
    const r = await checkJson(file);
    findings = r.result.findings;
  });

  test("a bad date names the worksheet row, and its cell holds that date", async () => {
    const f = findings.find((x) => x.rule === "value.kind" && x.path?.endsWith(".date"))!;
    expect(f).toBeDefined();
    const cell = f.cells![0];
    expect(await valueAt(file, cell)).toBe("32/13/2021");
    const sheetRow = cell.replace(/^.*![A-Z]+/, "");
    expect(f.message).toContain(`dòng ${sheetRow}:`);
  });

  test("a missing title names the worksheet row of the right document, also below the table", async () => {
    const missing = findings.filter((x) => x.rule === "value.kind" && x.path?.endsWith(".title"));
    expect(missing.length).toBe(2);
    for (const f of missing) {
      const cell = f.cells![0];
      const row = +cell.replace(/^.*![A-Z]+/, "");
      expect(await valueAt(file, cell)).toBeNull();
      expect(f.message).toContain(`dòng ${row}:`);
    }
    expect(missing.map((f) => f.cells![0])).toContain("'Văn bản'!D13");
    // The one that lost its title in the middle of the register: its row is 320/SKHCN-VP's.
    const mid = missing.find((f) => f.cells![0] !== "'Văn bản'!D13")!;
    const row = mid.cells![0].replace(/^.*![A-Z]+/, "");
    expect(await valueAt(file, "'Văn bản'!A" + row)).toBe("320/SKHCN-VP");
  });

  test("a JSON input keeps naming rows by their place in the list", async () => {
    const input = exampleInput() as { registers: { van_ban: { date: string }[] } };
    input.registers.van_ban[2].date = "32/13/2021";
    const json = tmp("bao-cao.json");
    fs.writeFileSync(json, JSON.stringify(input));
    const f = ((await checkJson(json)).result.findings as F[]).find((x) => x.rule === "value.kind" && x.path === "registers.van_ban[2].date")!;
    expect(f.message).toContain("dòng 3:");
  });
});

describe("report details printed in the header", () => {
  test("an unreadable date, year or level on the Thông tin sheet is an error at its cell", async () => {
    const book = await initWorkbook(exampleInput(), "thong-tin.xlsx");
    const file = await edit(book, (wb) => {
      const ws = wb.getWorksheet("Thông tin")!;
      ws.eachRow((row) => {
        const key = row.getCell(1).value;
        if (key === "Ngày") row.getCell(3).value = "32/13/2021";
        if (key === "Năm") row.getCell(3).value = "21";
        if (key === "Cấp") row.getCell(3).value = "Sở";
      });
    });
    const { code, result } = await checkJson(file);
    expect(code).toBe(1);
    const byPath = new Map((result.findings as F[]).filter((f) => f.rule === "value.kind").map((f) => [f.path, f]));
    for (const [p, typed] of [["report.date", "32/13/2021"], ["report.year", "21"], ["report.level", "Sở"]]) {
      const f = byPath.get(p)!;
      expect(f).toBeDefined();
      expect(f.severity).toBe("error");
      expect(f.message).toContain(`"${typed}"`);
      expect(await valueAt(file, f.cells![0])).toBe(typed);
    }
  });

  test("readable forms raise nothing: 14.11.2021, năm 2021, huyện", async () => {
    const book = await initWorkbook(exampleInput(), "thong-tin-dung.xlsx");
    const file = await edit(book, (wb) => {
      const ws = wb.getWorksheet("Thông tin")!;
      ws.eachRow((row) => {
        const key = row.getCell(1).value;
        if (key === "date") row.getCell(3).value = "14.11.2021";
        if (key === "year") row.getCell(3).value = "năm 2021";
        if (key === "level") row.getCell(3).value = "huyện";
      });
    });
    const { result } = await checkJson(file);
    expect((result.findings as F[]).filter((f) => f.path && f.path.startsWith("report."))).toEqual([]);
  });

  test("the same in a JSON file: an unreadable date and level are errors with their paths", async () => {
    const input = exampleInput() as { report: Record<string, unknown> };
    input.report.date = "ngày 32 tháng 13";
    input.report.level = "Sở";
    const json = tmp("thong-tin.json");
    fs.writeFileSync(json, JSON.stringify(input));
    const { code, result } = await checkJson(json);
    expect(code).toBe(1);
    const paths = (result.findings as F[]).filter((f) => f.rule === "value.kind").map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(["report.date", "report.level"]));
  });
});

describe("JSON data files saved by Notepad", () => {
  test("UTF-16 (Notepad's \"Unicode\") reads like UTF-8", async () => {
    const text = JSON.stringify(exampleInput());
    const file = tmp("unicode.json");
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    const { code, result } = await checkJson(file);
    expect(code).toBe(1);
    expect(result.summary.errors).toBe(3);
  });

  test("a legacy code page (Windows-1258 bytes) is refused with a message about UTF-8, not read as garbage", async () => {
    const text = JSON.stringify(exampleInput());
    const file = tmp("cp1258.json");
    // One byte per letter, as legacy code pages store "và" (E0 for "à"): not UTF-8.
    fs.writeFileSync(file, Buffer.from(text, "latin1"));
    const r = await run("check", file);
    expect(r.code).toBe(2);
    expect(r.err).toContain("UTF-8");
    expect(r.err).not.toContain("dấu phẩy");
  });
});

describe("check --json has the spec's findings format, for a workbook with every kind of finding", () => {
  const KEYS = new Set(["rule", "severity", "message", "indicators", "values", "expected", "cells", "path", "quote", "offset", "suggestion", "impliedBy"]);
  test("fields and their types; summary counts and overrides", async () => {
    const input = exampleInput() as Record<string, any>;
    input.values.cv_khac = "hơn 500";
    input.values.kt_so_doan = "01 đoàn";
    input.overrides = { "tt.sum": { severity: "off", reason: "Đã giải trình" }, "dth.parts": { severity: "info", reason: "Cả hai chủ trì" }, "dth.part": { severity: "warning", reason: "" } };
    const book = await initWorkbook(input, "dinh-dang.xlsx");
    const file = await edit(book, (wb) => {
      wb.getWorksheet("Hội nghị")!.name = "HN";
      const ws = wb.getWorksheet("Văn bản")!;
      ws.getCell("B5").value = "30/02/2021";
      ws.getCell("E6").value = "Ban Thường vụ";
    });
    const { result } = await checkJson(file);
    expect(Object.keys(result)).toEqual(["template", "findings", "summary"]);
    expect(result.template).toBe("qcdc-2021");
    const rulesSeen = new Set<string>();
    for (const f of result.findings as Record<string, unknown>[]) {
      for (const k of Object.keys(f)) expect(KEYS.has(k) ? k : "unexpected key " + k).toBe(k);
      expect(typeof f.rule).toBe("string");
      expect(["error", "warning", "info"]).toContain(f.severity);
      expect(typeof f.message).toBe("string");
      expect((f.message as string).length).toBeGreaterThan(10);
      expect(Array.isArray(f.indicators) && (f.indicators as unknown[]).every((x) => typeof x === "string")).toBe(true);
      if ("values" in f) for (const v of Object.values(f.values as object)) expect(v === null || typeof v === "number" || typeof v === "string").toBe(true);
      if ("expected" in f) expect(typeof f.expected === "number" || typeof f.expected === "string").toBe(true);
      if ("cells" in f) {
        expect((f.cells as string[]).length).toBeGreaterThan(0);
        for (const c of f.cells as string[]) expect(c).toMatch(/^'[^']+'!\$?[A-Z]+\$?\d+(:[A-Z]+\d+)?$/);
      }
      if ("path" in f) expect(typeof f.path).toBe("string");
      if ("suggestion" in f) expect(typeof f.suggestion).toBe("string");
      // impliedBy (optional): the rule of an error in the list that implies this warning or note.
      if ("impliedBy" in f) {
        expect(f.severity).not.toBe("error");
        expect((result.findings as Record<string, unknown>[]).some((e) => e.rule === f.impliedBy && e.severity === "error")).toBe(true);
      }
      rulesSeen.add(f.rule as string);
    }
    expect([...rulesSeen]).toEqual(expect.arrayContaining(["workbook.renamed-sheet", "value.kind", "value.read", "user.invalid", "dth.register"]));
    // dth.parts, switched to a note, is still implied by dth.part (its override has no reason: not applied).
    expect((result.findings as Record<string, unknown>[]).find((f) => f.rule === "dth.parts")).toMatchObject({ severity: "info", impliedBy: "dth.part" });
    const s = result.summary;
    const count = (sev: string) => (result.findings as { severity: string }[]).filter((f) => f.severity === sev).length;
    expect(s).toEqual({ errors: count("error"), warnings: count("warning"), infos: count("info"), overrides: expect.any(Array) });
    expect(s.overrides).toEqual([
      { rule: "tt.sum", severity: "off", reason: "Đã giải trình", affected: 1 },
      { rule: "dth.parts", severity: "info", reason: "Cả hai chủ trì", affected: 1 },
    ]);
  });
});

describe("a year typed alone in a register's date cell", () => {
  test("is an unreadable date at its cell, not silently a day in 1905", async () => {
    const book = await initWorkbook(exampleInput(), "nam-trong-o-ngay.xlsx");
    const file = await edit(book, (wb) => {
      wb.getWorksheet("Văn bản")!.getCell("B5").value = 2021; // under the dd/mm/yyyy format Excel shows 13/07/1905
    });
    const r = await checkJson(file);
    const f = (r.result.findings as F[]).find((x) => x.rule === "value.kind" && x.path?.endsWith(".date"));
    expect(f).toBeDefined();
    expect(f!.severity).toBe("error");
    expect(f!.cells).toEqual(["'Văn bản'!B5"]);
    expect(JSON.stringify(r.result)).not.toContain("1905");
  });
});
