/**
 * src/excel set-up, import, export and snapshot against office-addin-mock: how many
 * `context.sync()` calls each takes, and that nothing outside the add-in's own sheets is
 * ever written.
 */
import * as fs from "fs";
import * as path from "path";
import { mockWorkbook, type MockWorkbook } from "./mock-workbook";
import { previewSetup, applySetup } from "../../src/excel/setup";
import { previewImport, applyImport, parseImport } from "../../src/excel/import";
import { exportWorkbook } from "../../src/excel/export";
import { readSnapshot } from "../../src/excel/read";
import { syncWithTimeout, ExcelTaskError } from "../../src/excel/sync";
import { addinPlan } from "../../src/excel/plan";
import { getTemplate } from "../../src/core/templates/index";
import { normalizeReport } from "../../src/core/normalize";
import { MARKER, LAYOUT_VERSION } from "../../src/core/layout";
import type { ExcelCaps } from "../../src/excel/caps";

const ALL: ExcelCaps = { validation: true, freeze: true, events: true };
const EXAMPLE = path.join(__dirname, "..", "..", "examples", "son-la-skhcn-2021.json");
const t = getTemplate("qcdc-2021")!;
const OURS = [...addinPlan(t).sheets.map((s) => s.name), MARKER.sheet];

function install(book: MockWorkbook): jest.SpyInstance {
  (global as any).Excel = book.Excel;
  return jest.spyOn(book.context, "sync");
}

afterEach(() => {
  delete (global as any).Excel;
  jest.restoreAllMocks();
});

async function setUp(book: MockWorkbook, caps = ALL) {
  const preview = await previewSetup(caps, "qcdc-2021");
  return applySetup(preview, caps);
}

describe("set up", () => {
  test("preview reads in 2 syncs and writes nothing; apply re-reads (2) and writes in 1", async () => {
    const book = mockWorkbook([{ name: "Sheet1", cells: { A1: "số liệu riêng", C5: 17 } }]);
    const sync = install(book);
    const before = book.dump();
    const preview = await previewSetup(ALL, "qcdc-2021");
    expect(sync).toHaveBeenCalledTimes(2);
    expect(book.writes).toEqual([]);
    expect(book.dump()).toEqual(before);
    expect(preview.sheets.map((s) => s.status)).toEqual(Array(9).fill("create"));

    sync.mockClear();
    const r = await applySetup(preview, ALL);
    expect(r.changed).toBe(false);
    expect(sync).toHaveBeenCalledTimes(3);
    // Only our sheets were written; the user's sheet is as it was.
    expect([...new Set(book.writes.map((w) => w.sheet))].filter((s) => !OURS.includes(s))).toEqual([]);
    expect(book.dumpSheet("Sheet1")).toEqual((before as any).sheets[0]);
    expect(book.tables.map((x) => x.name)).toEqual(addinPlan(t).sheets.map((s) => s.table.name));
    expect(book.sheets.find((s) => s.name === MARKER.sheet)!.visibility).toBe("VeryHidden");
    expect(book.names).toEqual([{ name: "PHULUC_LAYOUT", ref: "_phuluc!$B$1" }]);
    // Derived totals are formulas, values typed by users are blank, validation is on.
    expect(book.cell("Phụ lục", "E9")!.f).toBe('=IF(OR(COUNT(E10,E11)=0,COUNT(E10,E11)<COUNTA(E10,E11)),"",SUM(E10,E11))');
    expect(book.cell("Phụ lục", "E10")!.v).toBeNull();
    expect(book.cell("Phụ lục", "E10")!.validation!.rule).toEqual({ wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } });
    expect(book.cell("Văn bản", "E4")!.validation!.rule).toEqual({ list: { inCellDropDown: true, source: "Cấp ủy,Chính quyền" } });
    expect(book.sheets.find((s) => s.name === "Phụ lục")!.freezeRows).toBe(8);
  });

  test("run again: 2 syncs, nothing written", async () => {
    const book = mockWorkbook();
    const sync = install(book);
    await setUp(book);
    book.setCell("Phụ lục", "E10", 3);
    const before = book.dump();
    const n = book.writes.length;
    sync.mockClear();
    const preview = await previewSetup(ALL, "qcdc-2021");
    expect(preview.nothingToDo).toBe(true);
    expect(preview.ops).toEqual([]);
    const r = await applySetup(preview, ALL);
    expect(r.changed).toBe(false);
    expect(sync).toHaveBeenCalledTimes(2);
    expect(book.writes.length).toBe(n);
    expect(book.dump()).toEqual(before);
  });

  test("a user's own \"Phụ lục\" sheet is never written; ours is \"Phụ lục (phuluc)\" and the marker says so", async () => {
    const book = mockWorkbook([{ name: "Phụ lục", cells: { A1: "Của phòng Tổ chức", E14: 99 } }]);
    install(book);
    const before = book.dumpSheet("Phụ lục");
    const preview = await previewSetup(ALL, "qcdc-2021");
    expect(preview.sheets[0]).toMatchObject({ name: "Phụ lục (phuluc)", status: "create", userSheetKept: "Phụ lục" });
    await applySetup(preview, ALL);
    expect(book.dumpSheet("Phụ lục")).toEqual(before);
    expect(book.writes.filter((w) => w.sheet === "Phụ lục")).toEqual([]);
    expect(book.tables.find((x) => x.name === "PL_ChiTieu")!.sheet.name).toBe("Phụ lục (phuluc)");
    expect(book.cell(MARKER.sheet, "B4")!.v).toBe("Phụ lục (phuluc)");
    // Running again recognises ours through the marker and still leaves the user's alone.
    const again = await previewSetup(ALL, "qcdc-2021");
    expect(again.nothingToDo).toBe(true);
  });

  test("without ExcelApi 1.8 / 1.7: no validation, no frozen rows, and notes say so", async () => {
    const book = mockWorkbook();
    install(book);
    const caps = { validation: false, freeze: false, events: false };
    const preview = await previewSetup(caps, "qcdc-2021");
    expect(preview.notes.map((n) => n.vi).join(" ")).toMatch(/ExcelApi 1\.8/);
    await applySetup(preview, caps);
    expect(book.writes.filter((w) => w.what.startsWith("validation") || w.what.startsWith("freeze"))).toEqual([]);
  });

  test("a user's own \"Hội nghị\" sheet: the ✓/✗ formulas count the register on ours, \"Hội nghị (phuluc)\"", async () => {
    const book = mockWorkbook([{ name: "Hội nghị", cells: { A1: "Danh sách hội nghị của tôi", C4: "Lồng ghép" } }]);
    install(book);
    await applySetup(await previewSetup(ALL), ALL);
    const f = String(book.cell("Phụ lục", "G14")!.f ?? "");
    expect(f).toContain("'Hội nghị (phuluc)'!$");
    expect(f).not.toContain("'Hội nghị'!");
  });

  test("apply writes nothing when the workbook changed since the preview", async () => {
    const book = mockWorkbook();
    install(book);
    const preview = await previewSetup(ALL, "qcdc-2021");
    book.sheets.push({ name: "Văn bản", visibility: "Visible", cells: new Map([["0,0", { v: "sổ công văn của tôi" }]]), freezeRows: 0, widths: {} });
    const before = book.dump();
    const r = await applySetup(preview, ALL);
    expect(r.changed).toBe(true);
    expect(book.dump()).toEqual(before);
    expect(r.analysis.sheets.find((s) => s.table === "PL_VanBan")!.name).toBe("Văn bản (phuluc)");
  });
});

describe("import and export", () => {
  const json = fs.readFileSync(EXAMPLE, "utf8");

  test("import counts the typed values it would replace, writes data columns only, in 2 + 1 syncs", async () => {
    const book = mockWorkbook();
    const sync = install(book);
    await setUp(book);
    book.setCell("Phụ lục", "E10", 7); // vb_cap_uy typed: the example has 03
    book.setCell("Phụ lục", "E11", 5); // vb_chinh_quyen typed: the example has the same 05
    book.setCell("Phụ lục", "H10", "ghi chú của tôi"); // outside our table
    const data = parseImport(json);
    sync.mockClear();
    const preview = await previewImport(data, ALL);
    expect(sync).toHaveBeenCalledTimes(2);
    expect(preview.replaced).toBe(1);
    const n = book.writes.length;
    sync.mockClear();
    const r = await applyImport(data, preview, ALL);
    expect(r.changed).toBe(false);
    expect(sync).toHaveBeenCalledTimes(3);
    const written = book.writes.slice(n);
    // Values only go to the value columns (E, F) of the indicator sheet, column C of the details, and register tables.
    for (const w of written.filter((x) => x.sheet === "Phụ lục")) expect(w.address).toMatch(/^'Phụ lục'!(E|G)\d+$/); // values; our ✓/✗ formulas follow the percent formats
    for (const w of written.filter((x) => x.sheet === "Thông tin")) expect(w.address).toMatch(/^'Thông tin'!C\d+$/);
    expect([...new Set(written.map((w) => w.sheet))].filter((s) => !OURS.includes(s))).toEqual([]);
    expect(book.cell("Phụ lục", "H10")!.v).toBe("ghi chú của tôi");
    expect(book.cell("Phụ lục", "E10")!.v).toBe(3);
    expect(book.cell("Văn bản", "A11")!.v).toBe("48/KH-KHCN");
    expect(book.tables.find((x) => x.name === "PL_VanBan")!.rows).toBe(9);
  });

  test("export gives back the imported report in its normal form, in 2 syncs", async () => {
    const book = mockWorkbook();
    const sync = install(book);
    await setUp(book);
    const data = parseImport(json);
    await applyImport(data, await previewImport(data, ALL), ALL);
    sync.mockClear();
    const before = book.dump();
    const r = await exportWorkbook("vi");
    expect(sync).toHaveBeenCalledTimes(2);
    expect(book.dump()).toEqual(before);
    expect(r.findings).toEqual([]);
    expect(JSON.parse(r.json)).toEqual(normalizeReport(JSON.parse(json)));
  });

  test("import into a workbook that was never set up creates the sheets with the data", async () => {
    const book = mockWorkbook([{ name: "Sheet1", cells: { A1: 1 } }]);
    install(book);
    const data = parseImport(json);
    const preview = await previewImport(data, ALL);
    expect(preview.sheets.every((s) => s.status === "create")).toBe(true);
    expect(preview.replaced).toBe(0);
    await applyImport(data, preview, ALL);
    expect(book.cell("Sheet1", "A1")!.v).toBe(1);
    const r = await exportWorkbook("vi");
    expect(r.data).toEqual(normalizeReport(JSON.parse(json)));
    expect((await previewSetup(ALL, "qcdc-2021")).nothingToDo).toBe(true);
  });

  test("an older layout (no status column, marker version 0) is upgraded keeping every value", async () => {
    const book = mockWorkbook();
    install(book);
    await setUp(book);
    const data = parseImport(json);
    await applyImport(data, await previewImport(data, ALL), ALL);
    const ind = book.sheets.find((s) => s.name === "Phụ lục")!;
    for (const k of [...ind.cells.keys()]) if (k.endsWith(",6")) ind.cells.delete(k);
    book.tables.find((x) => x.name === "PL_ChiTieu")!.cols = 6;
    book.setCell(MARKER.sheet, "B1", 0);
    const values = new Map([...ind.cells.entries()].map(([k, c]) => [k, c.f ?? c.v]));
    const preview = await previewSetup(ALL, "qcdc-2021");
    expect(preview.marker.upgradeFrom).toBe(0);
    await applySetup(preview, ALL);
    for (const [k, v] of values) expect([k, ind.cells.get(k)!.f ?? ind.cells.get(k)!.v]).toEqual([k, v]);
    expect(book.tables.find((x) => x.name === "PL_ChiTieu")!.cols).toBe(7);
    expect(book.cell("Phụ lục", "G8")!.v).toBe("Kiểm tra");
    expect(book.cell("Phụ lục", "G9")!.f).toMatch(/^=/);
    expect(book.cell(MARKER.sheet, "B1")!.v).toBe(LAYOUT_VERSION);
  });

  test("a shorter register replaces a longer one: the extra rows are emptied, nothing else moves", async () => {
    const book = mockWorkbook();
    install(book);
    await setUp(book);
    const data = parseImport(json);
    await applyImport(data, await previewImport(data, ALL), ALL);
    const fewer = { ...data, registers: { ...data.registers, van_ban: data.registers.van_ban.slice(0, 2) } };
    const preview = await previewImport(fewer, ALL);
    expect(preview.replaced).toBe(6 * 5); // six rows of five typed fields
    await applyImport(fewer, preview, ALL);
    const r = await exportWorkbook("vi");
    expect(r.data.registers.van_ban).toEqual(fewer.registers.van_ban);
    expect(r.data.values).toEqual(data.values);
  });
});

describe("snapshot and sync", () => {
  test("a 5,000-row register is read in 2 syncs", async () => {
    const rows: Record<string, string | number> = {};
    for (let i = 0; i < 5000; i++) {
      rows["A" + (4 + i)] = `${i + 1}/KH-UBND`;
      rows["B" + (4 + i)] = 44300 + (i % 300);
      rows["C" + (4 + i)] = "Kế hoạch";
      rows["D" + (4 + i)] = "Văn bản số " + (i + 1);
    }
    const book = mockWorkbook([{ name: "Văn bản", cells: rows }]);
    const sync = install(book);
    const snap = await readSnapshot(book.context);
    expect(sync).toHaveBeenCalledTimes(2);
    expect(snap.sheets[0].rows.length).toBe(5003);
    expect(snap.sheets[0].rows[5002][0].v).toBe("5000/KH-UBND");
  });

  test("a sync that never answers is rejected with a Vietnamese message", async () => {
    jest.useFakeTimers();
    try {
      const p = syncWithTimeout({ sync: () => new Promise(() => undefined) }, 15000);
      jest.advanceTimersByTime(15001);
      await expect(p).rejects.toBeInstanceOf(ExcelTaskError);
      await expect(p).rejects.toMatchObject({ code: "sync-timeout", vi: expect.stringMatching(/Excel không phản hồi/) });
    } finally {
      jest.useRealTimers();
    }
  });

  test("an Office error becomes a message the user can act on", async () => {
    const e = Object.assign(new Error("The cell is being edited"), { code: "InvalidOperationInCellEditMode" });
    await expect(syncWithTimeout({ sync: () => Promise.reject(e) })).rejects.toMatchObject({ vi: expect.stringMatching(/chế độ sửa ô/) });
  });
});
