/**
 * Bad input, as users make it: every case gives a clear finding or message, never a crash
 * or a stack trace. Workbooks are made with `init`, changed with exceljs as a user would
 * in Excel, then checked through the command line (in process).
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { readWorkbook } from "../../src/core/sheet-read";
import { loadSnapshot } from "../../src/cli/xlsx";
import { normalizeReport } from "../../src/core/normalize";
import { planWorkbook } from "../../src/core/sheet-plan";
import type { WorkbookSnapshot } from "../../src/core/workbook-model";
import { exampleInput, initWorkbook, edit, rowOf, run, checkJson, tmp, cleanup, rules, template, Run } from "./helpers";

afterAll(cleanup);

/** No stack trace, no "unexpected error", a known exit code. */
function clean(r: Run): void {
  expect([0, 1, 2]).toContain(r.code);
  expect(r.out + r.err).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  expect(r.out + r.err).not.toMatch(/lỗi không mong đợi|unexpected error/);
}

let example: string;
beforeAll(async () => {
  example = await initWorkbook(exampleInput(), "vi-du.xlsx");
});

/** Edit the example workbook's indicator sheet. */
function editValues(fn: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<string> {
  return edit(example, (wb) => fn(wb.getWorksheet("Phụ lục")!, wb));
}

async function findingsOf(file: string, ...more: string[]) {
  const c = await checkJson(file, ...more);
  return { ...c, findings: c.result.findings as { rule: string; severity: string; message: string; cells?: string[]; indicators: string[] }[] };
}

function one(findings: { rule: string }[], rule: string) {
  const f = findings.filter((x) => x.rule === rule);
  expect(f.length).toBeGreaterThan(0);
  return f[0] as { rule: string; severity: string; message: string; cells?: string[]; indicators: string[]; values?: Record<string, unknown> };
}

describe("values typed into the figures sheet", () => {
  test.each([
    ["text in a count", "vb_tong", "tám", "value.kind"],
    ["a negative count", "kt_so_doan", -3, "value.kind"],
    ["a fractional count", "tt_rieng", 1.5, "value.kind"],
    ["an approximate figure", "cv_khac", "hơn 500", "value.kind"],
    ["a boolean in a count", "kt_so_don_vi", true, "value.kind"],
    ["words in money", "cv_doanh_nghiep", "chưa thống kê", "value.kind"],
  ])("%s (%s = %p) → %s error at its cell", async (_name, code, value, rule) => {
    const file = await editValues((ws) => {
      ws.getCell("E" + rowOf(ws, code)).value = value as ExcelJS.CellValue;
    });
    const { code: exit, findings } = await findingsOf(file);
    const f = findings.find((x) => x.rule === rule && x.indicators[0] === code)!;
    expect(f).toBeDefined();
    expect(f.severity).toBe("error");
    expect(f.cells![0]).toMatch(/^'Phụ lục'!E\d+$/);
    expect(f.message.length).toBeGreaterThan(20);
    expect(exit).toBe(1);
  });

  test("a percent of 120% (1.2 under a percent format) is a value.kind error", async () => {
    const file = await editValues((ws) => {
      ws.getCell("E" + rowOf(ws, "cbccvc_ty_le")).value = 1.2;
    });
    const { findings } = await findingsOf(file);
    const f = findings.find((x) => x.rule === "value.kind" && x.indicators[0] === "cbccvc_ty_le")!;
    expect(f.message).toContain("120%");
    expect(f.cells).toEqual(["'Phụ lục'!E" + (8 + template().indicators.findIndex((d) => d.code === "cbccvc_ty_le") + 1)]);
  });

  test('"04 cuộc" is read with a value.read info, not an error', async () => {
    const file = await editValues((ws) => {
      ws.getCell("E" + rowOf(ws, "tt_long_ghep")).value = "04 cuộc";
    });
    const { findings } = await findingsOf(file);
    expect(one(findings, "value.read").severity).toBe("info");
    expect(findings.filter((x) => x.rule === "value.kind")).toEqual([]);
    expect(rules(findings, "error")).toEqual(["dth.part", "dth.register", "tt.sum"]);
  });

  test("a percent typed as text is read as text; a percent number takes its decimals from the format", async () => {
    const file = await editValues((ws) => {
      ws.getCell("E" + rowOf(ws, "cchc_dvc_ty_le")).value = "88,9%";
      const c = ws.getCell("E" + rowOf(ws, "cbccvc_ty_le"));
      c.value = 0.8889;
      c.numFmt = "0.00%";
    });
    const r = readWorkbook(await loadSnapshot(file));
    expect(r.data.values.cchc_dvc_ty_le).toBe("88,9%");
    expect(r.data.values.cbccvc_ty_le).toBe("88,89%");
  });

  test("#REF! in a value cell is a workbook.cell-error pointing at the cell", async () => {
    const file = await editValues((ws) => {
      ws.getCell("E14").value = { error: "#REF!" } as ExcelJS.CellErrorValue;
    });
    const { code, findings } = await findingsOf(file);
    const f = one(findings, "workbook.cell-error");
    expect(f.cells).toEqual(["'Phụ lục'!E14"]);
    expect(f.indicators).toEqual(["tt_hoi_nghi"]);
    expect(f.message).toContain("#REF!");
    expect(code).toBe(1);
  });

  test("a formula whose cached result is #DIV/0! is a workbook.cell-error naming the formula", async () => {
    const file = await editValues((ws) => {
      const r = rowOf(ws, "dt_ty_le");
      ws.getCell("E" + r).value = { formula: `E${r - 1}/E${r - 2}`, result: { error: "#DIV/0!" } } as unknown as ExcelJS.CellFormulaValue;
    });
    const { findings } = await findingsOf(file);
    const f = one(findings, "workbook.cell-error");
    expect(f.message).toContain("#DIV/0!");
    expect(f.message).toMatch(/công thức =E\d+\/E\d+/);
  });

  test("English messages with --lang en", async () => {
    const file = await editValues((ws) => {
      ws.getCell("E14").value = { error: "#VALUE!" } as ExcelJS.CellErrorValue;
    });
    const { findings } = await findingsOf(file, "--lang", "en");
    expect(one(findings, "workbook.cell-error").message).toMatch(/^Cell 'Phụ lục'!E14 \(tt_hoi_nghi\) holds the error #VALUE!/);
  });
});

describe("text as it comes: NFD, Ð", () => {
  test("NFD text in the details and registers is exported as NFC", async () => {
    const input = exampleInput() as { report: Record<string, unknown>; registers: { van_ban: Record<string, unknown>[] } };
    const file = await edit(await initWorkbook(input), (wb) => {
      wb.getWorksheet("Thông tin")!.getCell("C5").value = "Sở Khoa học và Công nghệ".normalize("NFD");
      wb.getWorksheet("Văn bản")!.getCell("D4").value = "Triển khai Đề án".normalize("NFD");
    });
    const out = tmp("nfd.json");
    const r = await run("export", file, "-o", out);
    clean(r);
    const data = JSON.parse(fs.readFileSync(out, "utf8"));
    expect(data.report.agency).toBe("Sở Khoa học và Công nghệ".normalize("NFC"));
    expect(data.registers.van_ban[0].title).toBe("Triển khai Đề án".normalize("NFC"));
  });

  test('"Ð" (U+00D0) in a Party symbol still makes it a Party document: the register count holds', async () => {
    const file = await edit(example, (wb) => {
      const ws = wb.getWorksheet("Văn bản")!;
      ws.getCell("A4").value = "166-KH/\u00D0U";
      ws.getCell("E4").value = null; // issuer left to the symbol
    });
    const { findings } = await findingsOf(file);
    expect(findings.filter((f) => f.rule === "vb.register")).toEqual([]);
    const r = readWorkbook(await loadSnapshot(file));
    expect(r.data.registers.van_ban[0]).toMatchObject({ symbol: "166-KH/ĐU", issuer: "cap_uy" });
  });

  test("header texts retyped in NFD, capitals and extra spaces are still matched", async () => {
    const file = await editValues((ws) => {
      ws.getCell("E8").value = "  GIÁ   TRỊ ".normalize("NFD");
      ws.getCell("C8").value = "mã";
    });
    const r = readWorkbook(await loadSnapshot(file));
    expect(r.findings).toEqual([]);
    expect(r.data.values.vb_tong).toBe(8);
  });
});

describe("the workbook's structure", () => {
  test("a plain workbook with no sheet at all → workbook.not-phuluc saying how to make one", async () => {
    const wb = new ExcelJS.Workbook();
    const file = tmp("khong-co-trang.xlsx");
    await wb.xlsx.writeFile(file);
    const { code, findings } = await findingsOf(file);
    expect(rules(findings)).toEqual(["workbook.not-phuluc"]);
    expect(findings[0].message).toContain("phuluc init");
    expect(code).toBe(1);
  });

  test("a workbook of someone else's (a sheet called Phụ lục, no marker) → workbook.not-phuluc", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Phụ lục");
    ws.addRow(["Mã", "Giá trị"]);
    ws.addRow(["vb_tong", 8]);
    const file = tmp("cua-nguoi-khac.xlsx");
    await wb.xlsx.writeFile(file);
    const r = await run("check", file);
    clean(r);
    expect(r.code).toBe(1);
    expect(r.out).toContain("workbook.not-phuluc");
    expect(r.out).toContain("không do phuluc tạo ra");
  });

  test("a user's own sheet called Phụ lục next to ours: ours (recorded in the marker) is read", async () => {
    const file = await edit(example, (wb) => {
      const ours = wb.getWorksheet("Phụ lục")!;
      ours.name = "Phụ lục (phuluc)";
      wb.getWorksheet("_phuluc")!.getCell("B4").value = "Phụ lục (phuluc)";
      const theirs = wb.addWorksheet("Phụ lục");
      for (let r = 1; r <= 40; r++) theirs.getRow(r).values = ["", "vb_tong", "Mã", "x", 999, 999];
      theirs.getCell("E8").value = "Giá trị";
      theirs.getCell("B8").value = "Mã";
    });
    const { findings } = await findingsOf(file);
    expect(rules(findings, "error")).toEqual(["dth.part", "dth.register", "tt.sum"]);
    expect(one(findings, "tt.sum").cells![0]).toBe("'Phụ lục (phuluc)'!E14");
    const r = readWorkbook(await loadSnapshot(file));
    expect(r.data.values.vb_tong).toBe(8);
  });

  test("a renamed sheet is found by its table, read, and reported", async () => {
    const file = await editValues((ws) => {
      ws.name = "Số liệu 2021";
    });
    const { findings, code } = await findingsOf(file);
    const f = one(findings, "workbook.renamed-sheet");
    expect(f.message).toContain('"Phụ lục"');
    expect(f.message).toContain('"Số liệu 2021"');
    expect(rules(findings, "error")).toEqual(["dth.part", "dth.register", "tt.sum", "workbook.renamed-sheet"]);
    expect(one(findings, "tt.sum").cells![0]).toBe("'Số liệu 2021'!E14");
    expect(code).toBe(1);
  });

  test("a renamed sheet whose table was lost is found by its header", async () => {
    const file = await editValues((ws) => {
      ws.name = "Bảng số";
      ws.removeTable("PL_ChiTieu");
    });
    const r = readWorkbook(await loadSnapshot(file));
    expect(rules(r.findings)).toEqual(["workbook.renamed-sheet"]);
    expect(r.data.values.cv_tong).toBe(10424000);
  });

  test("a deleted register sheet → workbook.missing-sheet; the rest is read", async () => {
    const file = await edit(example, (wb) => {
      wb.removeWorksheet(wb.getWorksheet("Văn bản")!.id);
    });
    const { findings } = await findingsOf(file);
    const f = one(findings, "workbook.missing-sheet");
    expect(f.message).toContain('"Văn bản"');
    expect(rules(findings, "error")).toContain("tt.sum");
  });

  test("a deleted figures sheet → workbook.missing-sheet and nothing else made up", async () => {
    const file = await edit(example, (wb) => {
      wb.removeWorksheet(wb.getWorksheet("Phụ lục")!.id);
    });
    const { findings, code } = await findingsOf(file);
    expect(rules(findings, "error")).toEqual(["workbook.missing-sheet"]);
    expect(code).toBe(1);
  });

  test("a deleted value column → workbook.missing-column", async () => {
    const file = await editValues((ws) => {
      ws.removeTable("PL_ChiTieu");
      ws.spliceColumns(5, 1);
    });
    const r = readWorkbook(await loadSnapshot(file));
    const f = one(r.findings, "workbook.missing-column");
    expect(f.message).toContain('"Giá trị"');
    expect(r.data.values.vb_tong).toBeNull();
  });

  test("a renamed header → workbook.missing-column naming the header to restore", async () => {
    const file = await editValues((ws) => {
      ws.getCell("F8").value = "Năm 2020";
    });
    const { findings } = await findingsOf(file);
    const f = one(findings, "workbook.missing-column");
    expect(f.message).toContain('"Năm trước"');
    expect(f.cells![0]).toBe("'Phụ lục'!A8");
  });

  test("moved columns are matched by header", async () => {
    const file = await editValues((ws) => {
      for (let r = 8; r <= 35; r++) {
        const a = ws.getCell(r, 5).value;
        ws.getCell(r, 5).value = ws.getCell(r, 6).value;
        ws.getCell(r, 6).value = a;
      }
    });
    const r = readWorkbook(await loadSnapshot(file));
    expect(r.findings).toEqual([]);
    expect(r.data.values.vb_tong).toBe(8);
    expect(r.cells["values.vb_tong"]).toBe("'Phụ lục'!F9");
  });

  test("a code twice → workbook.duplicate-code with both cells", async () => {
    const file = await editValues((ws) => {
      ws.getCell("C15").value = "tt_hoi_nghi";
    });
    const { findings } = await findingsOf(file);
    const f = one(findings, "workbook.duplicate-code");
    expect(f.cells).toEqual(["'Phụ lục'!C14", "'Phụ lục'!C15"]);
    expect(rules(findings)).toContain("workbook.missing-code");
  });

  test("a deleted indicator row → workbook.missing-code for that indicator", async () => {
    const file = await editValues((ws) => {
      ws.removeTable("PL_ChiTieu");
      ws.spliceRows(14, 1);
    });
    const { findings, code } = await findingsOf(file);
    const f = one(findings, "workbook.missing-code");
    expect(f.indicators).toEqual(["tt_hoi_nghi"]);
    expect(code).toBe(1);
  });

  test("an unknown code → workbook.unknown-code at the code cell", async () => {
    const file = await editValues((ws) => {
      ws.getCell("C36").value = "so_hoi_nghi_khac";
      ws.getCell("E36").value = 3;
    });
    const { findings } = await findingsOf(file);
    const f = one(findings, "workbook.unknown-code");
    expect(f.cells).toEqual(["'Phụ lục'!C36"]);
    expect(f.message).toContain("so_hoi_nghi_khac");
    expect(findings.filter((x) => x.rule === "workbook.unknown-code")).toHaveLength(1);
  });

  test("merged cells in the table → workbook.merged-cells with the range", async () => {
    const file = await editValues((ws) => {
      ws.mergeCells("E15:E16");
    });
    const { findings } = await findingsOf(file);
    const f = one(findings, "workbook.merged-cells");
    expect(f.cells).toEqual(["'Phụ lục'!E15:E16"]);
  });

  test("rows inserted above the header: still read, nothing reported", async () => {
    const file = await editValues((ws) => {
      ws.removeTable("PL_ChiTieu");
      ws.spliceRows(1, 0, ["Ghi chú của người dùng"], []);
    });
    const r = readWorkbook(await loadSnapshot(file));
    expect(r.findings).toEqual([]);
    expect(r.cells["values.tt_hoi_nghi"]).toBe("'Phụ lục'!E16");
  });

  test("a newer layout version → workbook.layout-version", async () => {
    const file = await edit(example, (wb) => {
      wb.getWorksheet("_phuluc")!.getCell("B1").value = 99;
    });
    const { findings } = await findingsOf(file);
    expect(one(findings, "workbook.layout-version").message).toContain("99");
  });

  test("a template this program does not know in the marker → exit 2 with a message", async () => {
    const file = await edit(example, (wb) => {
      wb.getWorksheet("_phuluc")!.getCell("B2").value = "qcdc-2099";
    });
    const r = await run("check", file);
    clean(r);
    expect(r.code).toBe(2);
    expect(r.err).toContain("qcdc-2099");
  });

  test("the marker sheet renamed, the defined name following it: still ours", async () => {
    const file = await edit(example, (wb) => {
      wb.getWorksheet("_phuluc")!.name = "meta";
      wb.definedNames.remove("'_phuluc'!$B$1", "PHULUC_LAYOUT");
      wb.definedNames.add("'meta'!$B$1", "PHULUC_LAYOUT");
    });
    const { findings } = await findingsOf(file);
    expect(rules(findings, "error")).toEqual(["dth.part", "dth.register", "tt.sum"]);
  });
});

describe("registers", () => {
  test("an unknown choice, a text date, a wrong date and Excel TRUE in the dialogue register", async () => {
    const file = await edit(example, (wb) => {
      const ws = wb.getWorksheet("Đối thoại")!;
      ws.getCell("C4").value = "Phó chủ tịch";
      ws.getCell("B4").value = "30/3/2021";
      ws.getCell("B5").value = "32/13/2021";
      ws.getCell("D5").value = true;
    });
    const r = readWorkbook(await loadSnapshot(file));
    expect(r.data.registers.doi_thoai[0].date).toBe("2021-03-30");
    expect(r.data.registers.doi_thoai[1].held).toBe(true);
    const { findings } = await findingsOf(file);
    const kinds = findings.filter((f) => f.rule === "value.kind");
    expect(kinds.map((f) => f.cells![0]).sort()).toEqual(["'Đối thoại'!B5", "'Đối thoại'!C4"]);
  });

  test("a 50,000-row register is read with the right counts", async () => {
    const n = 50000;
    const input = exampleInput() as { values: Record<string, unknown>; registers: Record<string, unknown[]> };
    input.registers.van_ban = Array.from({ length: n }, (_x, i) => ({
      symbol: i % 2 ? `${i}/KH-UBND` : `${i}-KH/ĐU`,
      date: "2021-05-04",
      type: "Kế hoạch",
      title: "Văn bản số " + i,
    }));
    input.values.vb_tong = n;
    input.values.vb_cap_uy = n / 2;
    input.values.vb_chinh_quyen = n / 2 - 1; // one short
    const file = await initWorkbook(input, "lon.xlsx");
    const r = readWorkbook(await loadSnapshot(file));
    expect(r.data.registers.van_ban).toHaveLength(n);
    expect(r.cellOf(`registers.van_ban[${n - 1}].symbol`)).toBe(`'Văn bản'!A${n + 3}`);
    expect(r.cellOf(`registers.van_ban[${n - 1}]`)).toMatch(new RegExp(`^'Văn bản'!A${n + 3}:[A-Z]${n + 3}$`));
    // Only the fixed entries are stored: the register's rows and fields are resolved.
    expect(Object.keys(r.cells).length).toBeLessThan(200);
    const { findings } = await findingsOf(file);
    const f = one(findings, "vb.register");
    expect(f.message).toContain("25.000");
    expect(rules(findings, "error").filter((x) => x.startsWith("vb."))).toEqual(["vb.register", "vb.sum"]);
  }, 120000);
});

describe("files that cannot be read: exit 2, a clear message, no stack trace", () => {
  test("a corrupt .xlsx (cut short)", async () => {
    const file = tmp("hong.xlsx");
    const bytes = fs.readFileSync(example);
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const r = await run("check", file);
    clean(r);
    expect(r.code).toBe(2);
    expect(r.err).toContain("bị hỏng");
  });

  test("a text file renamed .xlsx", async () => {
    const file = tmp("gia.xlsx");
    fs.writeFileSync(file, "Đây không phải Excel");
    const r = await run("check", file);
    clean(r);
    expect(r.code).toBe(2);
    expect(r.err).toContain("không phải tệp Excel .xlsx");
  });

  test("an old .xls saved as .xlsx", async () => {
    const file = tmp("cu.xlsx");
    fs.writeFileSync(file, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    const r = await run("check", file);
    clean(r);
    expect(r.code).toBe(2);
    expect(r.err).toContain(".xls");
  });

  test("an empty .xlsx file (0 bytes)", async () => {
    const file = tmp("rong.xlsx");
    fs.writeFileSync(file, "");
    const r = await run("check", file);
    clean(r);
    expect(r.code).toBe(2);
  });

  test("a missing file", async () => {
    for (const f of [tmp("khong-co.xlsx"), tmp("khong-co.json")]) {
      const r = await run("check", f);
      clean(r);
      expect(r.code).toBe(2);
      expect(r.err).toContain("Không tìm thấy tệp");
    }
  });

  test("a folder", async () => {
    const dir = tmp("thu-muc.xlsx");
    fs.mkdirSync(dir);
    const r = await run("check", dir);
    clean(r);
    expect(r.code).toBe(2);
    expect(r.err).toContain("thư mục");
  });

  test("broken JSON names the line", async () => {
    const file = tmp("loi.json");
    fs.writeFileSync(file, '{\n  "template": "qcdc-2021",\n  "values": { "vb_tong": 8, }\n}');
    const r = await run("check", file);
    clean(r);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/dòng 3/);
  });

  test.each([
    ["unknown template", JSON.stringify({ template: "mau-la", values: {} }), "mau-la"],
    ["no template", JSON.stringify({ values: {} }), "template"],
    ["an array", "[1, 2]", "đối tượng JSON"],
    ["an empty file", "", "trống"],
  ])("JSON with %s", async (_name, text, needle) => {
    const file = tmp("x.json");
    fs.writeFileSync(file, text);
    const r = await run("check", file);
    clean(r);
    expect(r.code).toBe(2);
    expect(r.err).toContain(needle);
  });

  test("neither .xlsx nor .json", async () => {
    const file = tmp("bao-cao.csv");
    fs.writeFileSync(file, "a,b");
    const r = await run("check", file);
    clean(r);
    expect(r.code).toBe(2);
    expect(r.err).toContain(".xlsx hoặc tệp dữ liệu .json");
  });
});

describe("readWorkbook never throws on odd snapshots", () => {
  const plan = planWorkbook(template(), normalizeReport(exampleInput()));
  test.each<[string, unknown]>([
    ["null", null],
    ["no sheets field", {}],
    ["sheets not a list", { sheets: 5 }],
    ["a sheet with holes and odd cells", { sheets: [{ name: "_phuluc", rows: [[{ v: "phuluc-layout" }, { v: 1 }], [{ v: "template" }, { v: "qcdc-2021" }], , [{ v: "PL_ChiTieu" }, null]] }, { name: "Phụ lục", rows: [null, [undefined, { v: {} }]] }] }],
    ["marker with a text version", { sheets: [{ name: "_phuluc", rows: [[{ v: "phuluc-layout" }, { v: "hai" }]] }] }],
  ])("%s", (_name, snap) => {
    const r = readWorkbook(snap as WorkbookSnapshot);
    expect(Array.isArray(r.findings)).toBe(true);
    expect(r.findings.length).toBeGreaterThan(0);
    expect(r.findings.every((f) => f.message.length > 20)).toBe(true);
  });
  test("the plan's own marker rows are what the reader looks for", () => {
    expect(plan.marker.rows[0][0]).toBe("phuluc-layout");
  });
});
