/**
 * Workbooks users already have: made by `phuluc init` of layout version 1 (test/fixtures/layout-v1,
 * saved before the label column moved before the code). They read as they did, and
 * `phuluc init old.xlsx` upgrades them in place: the plan first, written only with --yes,
 * a .bak.xlsx copy kept, every value kept. A newer template version that drops a register
 * column keeps that column's values in the workbook, right of the table, and says so.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { readWorkbook } from "../../src/core/sheet-read";
import { loadSnapshot } from "../../src/cli/xlsx";
import { LAYOUT_VERSION } from "../../src/core/layout";
import { keptHeader } from "../../src/core/upgrade";
import { getTemplate, registerTemplate } from "../../src/core/templates/index";
import { ROOT, run, checkJson, tmp, cleanup, colOf, rowOf } from "./helpers";

const V1 = path.join(ROOT, "test", "fixtures", "layout-v1");
const TEMPLATES = path.join(ROOT, "test", "fixtures", "templates");
const FIXTURES = ["dccs-2025-xa-tan-lap", "qcdc-2021-son-la", "dccs-2025-trong", "tinh-thu-2026-tan-phong"];
const QCDC = getTemplate("qcdc-2021")!;

afterAll(cleanup);
afterEach(() => registerTemplate(QCDC));

function copyOf(name: string): string {
  const file = tmp(name + ".xlsx");
  fs.copyFileSync(path.join(V1, name + ".xlsx"), file);
  return file;
}

function exported(name: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(V1, name + ".export.json"), "utf8"));
}

const essentials = (fs0: { rule: string; severity: string; indicators: string[]; cells?: string[]; values?: unknown; expected?: unknown }[]) =>
  fs0.map((f) => ({ rule: f.rule, severity: f.severity, indicators: f.indicators, cells: f.cells, values: f.values, expected: f.expected }));

describe("a workbook of layout version 1", () => {
  test.each(FIXTURES)("%s reads as it did when it was made, with no workbook finding", async (name) => {
    const r = readWorkbook(await loadSnapshot(path.join(V1, name + ".xlsx")));
    expect(r.data).toEqual(exported(name));
    expect(r.findings.filter((f) => f.rule.startsWith("workbook."))).toEqual([]);
  });

  test.each(FIXTURES)("%s: phuluc init prints the plan and writes nothing; --yes upgrades it in place keeping every value", async (name) => {
    const file = copyOf(name);
    const before = fs.readFileSync(file);
    const checkBefore = await checkJson(file);
    const plan = await run("init", file);
    expect(plan.code).toBe(0);
    expect(plan.out).toContain(`Bố cục sổ: phiên bản 1 → phiên bản ${LAYOUT_VERSION}.`);
    expect(plan.out).toContain('cột "Chỉ tiêu" (tên chỉ tiêu) chuyển lên trước cột "Mã"');
    expect(plan.out).toContain("Chưa ghi gì. Để nâng cấp, chạy lại với --yes.");
    // None of our own columns (of either layout) is taken for one the user added.
    expect(plan.out).not.toContain("Cột do người dùng thêm");
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(file.replace(/\.xlsx$/, ".bak.xlsx"))).toBe(false);

    const up = await run("init", file, "--yes");
    expect(up.code).toBe(0);
    expect(up.out).toContain("Đã nâng cấp");
    const bak = file.replace(/\.xlsx$/, ".bak.xlsx");
    expect(fs.readFileSync(bak).equals(before)).toBe(true);
    // No text of the old tables' rows is missing from the upgraded file.
    await expectNothingLost(bak, file);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.getWorksheet("_phuluc")!.getCell("B1").value).toBe(LAYOUT_VERSION);
    const ws = wb.getWorksheet("Phụ lục")!;
    expect([ws.getCell("A8").value, ws.getCell("B8").value, ws.getCell("C8").value]).toEqual(["Nhóm", "Chỉ tiêu", "Mã"]);
    // Every value kept: the data read back is the data the old workbook held.
    expect(readWorkbook(await loadSnapshot(file)).data).toEqual(exported(name));
    // The check says the same, at the same cells.
    const checkAfter = await checkJson(file);
    expect(essentials(checkAfter.result.findings)).toEqual(essentials(checkBefore.result.findings));
    expect(checkAfter.code).toBe(checkBefore.code);
    // Run again: nothing older any more, and an existing file is not overwritten.
    const again = await run("init", file);
    expect(again.code).toBe(2);
    expect(again.err).toContain("phuluc không ghi đè");
  });

  test("the empty workbook's totals and ratios stay formulas, at their cells", async () => {
    const file = copyOf("dccs-2025-trong");
    expect((await run("init", file, "--yes")).code).toBe(0);
    const [old, now] = [new ExcelJS.Workbook(), new ExcelJS.Workbook()];
    await old.xlsx.readFile(path.join(V1, "dccs-2025-trong.xlsx"));
    await now.xlsx.readFile(file);
    const a = old.getWorksheet("Phụ lục")!;
    const b = now.getWorksheet("Phụ lục")!;
    let formulas = 0;
    for (let r = 9; r <= a.rowCount; r++) {
      const f = (a.getCell(r, 5).value as { formula?: string } | null)?.formula;
      if (!f) continue;
      formulas++;
      expect((b.getCell(r, 5).value as { formula?: string } | null)?.formula).toBe(f);
    }
    expect(formulas).toBeGreaterThan(5);
  });

  test("a formula the user typed in a value cell is kept as typed", async () => {
    const file = copyOf("qcdc-2021-son-la");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet("Phụ lục")!;
    const row = rowOf(ws, "kt_so_doan");
    ws.getCell(row, 5).value = { formula: "1+1", result: 2 } as ExcelJS.CellValue;
    await wb.xlsx.writeFile(file);
    expect((await run("init", file, "--yes")).code).toBe(0);
    const now = new ExcelJS.Workbook();
    await now.xlsx.readFile(file);
    const b = now.getWorksheet("Phụ lục")!;
    expect(b.getCell(rowOf(b, "kt_so_doan"), 5).value).toMatchObject({ formula: "1+1" });
    expect(readWorkbook(await loadSnapshot(file)).data.values.kt_so_doan).toBe(2);
  });
});

describe("a newer template version that drops a register column", () => {
  const V3 = path.join(TEMPLATES, "tinh-thu-2026-v3.json");

  test("the plan names the column; after --yes its values are in the workbook, right of the table, under a header saying so", async () => {
    const file = copyOf("tinh-thu-2026-tan-phong");
    const plan = await run("init", file, "--template", V3);
    expect(plan.code).toBe(0);
    expect(plan.out).toContain("Mẫu tinh-thu-2026 phiên bản 1 → phiên bản 3.");
    expect(plan.out).toContain("Chỉ tiêu mới (để trống): hn_nghi_quyet.");
    expect(plan.out).toMatch(/Chỉ tiêu mẫu mới không còn, số liệu vẫn giữ ở cuối trang "Phụ lục".*: hn_kinh_phi\./);
    expect(plan.out).toMatch(/Cột sổ mẫu mới không còn, số liệu vẫn giữ trong sổ, ở bên phải bảng.*: hoat_dong\.hinh_thuc \(3 dòng\)\./);
    const up = await run("init", file, "--template", V3, "--yes");
    expect(up.code).toBe(0);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet("Tuyên truyền")!;
    const header = [1, 2, 3, 4].map((c) => ws.getCell(3, c).value);
    expect(header).toEqual(["Nội dung tuyên truyền", "Ngày", "Địa điểm", keptHeader("Hình thức")]);
    expect(keptHeader("Hình thức")).toBe("Hình thức (không còn trong mẫu, giữ số liệu cũ)");
    expect([4, 5, 6].map((r) => ws.getCell(r, 4).value)).toEqual(["Trực tiếp", "Trực tiếp", "Trực tuyến"]);
    // The kept column is inside the table (it sorts and filters with its rows), and no longer read.
    expect(ws.getTables().map((t) => (t as unknown as { table: { ref?: string; tableRef?: string } }).table).map((t) => t.tableRef ?? t.ref)).toEqual(["A3:D6"]);
    const r = readWorkbook(await loadSnapshot(file));
    expect(r.template?.version).toBe(3);
    expect(r.data.registers.hoat_dong.map((x) => x.ten)).toEqual(["Luật Thực hiện dân chủ ở cơ sở", "Quy chế dân chủ thôn", "Hỏi đáp trực tuyến"]);
    expect(r.data.registers.hoat_dong.every((x) => !("hinh_thuc" in x))).toBe(true);
    expect(r.data.values.hn_kinh_phi).toBe(18000000);
    const old = exported("tinh-thu-2026-tan-phong") as { values: Record<string, unknown> };
    for (const [code, v] of Object.entries(old.values)) expect(r.data.values[code]).toEqual(v);
    expect(r.findings.map((f) => f.rule)).toEqual(["workbook.unknown-code"]);
  });
});

describe("a user's sheet that replaced our Phụ lục", () => {
  test("is not read as the appendix: a finding says so and where set-up will make ours", async () => {
    const file = copyOf("qcdc-2021-son-la");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ours = wb.getWorksheet("Phụ lục")!;
    wb.removeWorksheet(ours.id);
    const theirs = wb.addWorksheet("Phụ lục");
    theirs.getCell("A1").value = "Bảng lương của phòng";
    theirs.getCell("A8").value = "Họ tên";
    theirs.getCell("E8").value = "Giá trị";
    theirs.getCell("E14").value = 12;
    await wb.xlsx.writeFile(file);
    const c = await checkJson(file);
    expect(c.code).toBe(1);
    const f = c.result.findings.find((x: { rule: string }) => x.rule === "workbook.replaced-sheet");
    expect(f.severity).toBe("error");
    expect(f.message).toContain('Trang "Phụ lục" không còn là trang số liệu của phuluc');
    expect(f.message).toContain('"Phụ lục (phuluc)"');
    expect(f.message).toContain("Tạo sổ nhập liệu");
    // Nothing of the user's sheet is read or pointed at.
    expect(c.result.findings.some((x: { cells?: string[] }) => (x.cells ?? []).some((a) => a.startsWith("'Phụ lục'!")))).toBe(false);
    const r = readWorkbook(await loadSnapshot(file));
    expect(Object.values(r.data.values).every((v) => v === null)).toBe(true);
    expect(r.findings.map((x) => x.rule)).not.toContain("workbook.missing-sheet");
    const en = await checkJson(file, "--lang", "en");
    expect(en.result.findings.find((x: { rule: string }) => x.rule === "workbook.replaced-sheet").message).toContain('Sheet "Phụ lục" is no longer phuluc\'s figures sheet');
  });

  test("our sheet of the old layout that only lost its table is still ours (its header and codes)", async () => {
    const file = copyOf("qcdc-2021-son-la");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.getWorksheet("Phụ lục")!.removeTable("PL_ChiTieu");
    await wb.xlsx.writeFile(file);
    const r = readWorkbook(await loadSnapshot(file));
    expect(r.data).toEqual(exported("qcdc-2021-son-la"));
  });
});

test("colOf finds the code column of either layout", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(V1, "qcdc-2021-son-la.xlsx"));
  expect(colOf(wb.getWorksheet("Phụ lục")!, "Mã")).toBe(2);
});

test("a register sheet whose header row was cleared (or was not read) is reported, not read forever", async () => {
  const file = copyOf("tinh-thu-2026-tan-phong");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet("Tuyên truyền")!;
  ws.removeTable("PL_HoatDong");
  for (let r = 1; r <= 10; r++) for (let c = 1; c <= 5; c++) ws.getCell(r, c).value = null;
  await wb.xlsx.writeFile(file);
  const t0 = Date.now();
  const r = readWorkbook(await loadSnapshot(file));
  expect(Date.now() - t0).toBeLessThan(5000);
  expect(r.data.registers.hoat_dong).toEqual([]);
  expect(r.findings.filter((f) => f.rule === "workbook.missing-column").map((f) => f.message)).toContain(
    'Trang "Tuyên truyền" thiếu cột "Nội dung tuyên truyền" (hàng tiêu đề 3): cột đã bị xóa hoặc tiêu đề bị sửa. Dữ liệu của cột này coi như để trống. Hãy khôi phục tiêu đề "Nội dung tuyên truyền".',
  );
});

test("a newer version that drops a whole register: its rows stay in the workbook on a sheet of their own", async () => {
  const v2 = JSON.parse(fs.readFileSync(path.join(TEMPLATES, "tinh-thu-2026-v2.json"), "utf8"));
  v2.registers = [];
  v2.rules = v2.rules.filter((r: { kind: string }) => r.kind !== "register-count");
  const mau = tmp("mau-khong-so.json");
  fs.writeFileSync(mau, JSON.stringify(v2));
  const file = copyOf("tinh-thu-2026-tan-phong");
  const plan = await run("init", file, "--template", mau);
  expect(plan.out).toContain('Sổ mẫu mới không còn, số liệu vẫn giữ trong sổ ở trang riêng ("Tuyên truyền (mẫu cũ)"), phuluc không đọc nữa: hoat_dong.');
  expect((await run("init", file, "--template", mau, "--yes")).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  expect(wb.getWorksheet("Tuyên truyền")).toBeUndefined();
  const ws = wb.getWorksheet("Tuyên truyền (mẫu cũ)")!;
  expect(String(ws.getCell("A1").value)).toContain("không còn trong mẫu tinh-thu-2026 phiên bản 2, giữ số liệu cũ");
  expect([1, 2, 3].map((c) => ws.getCell(3, c).value)).toEqual(["Nội dung tuyên truyền", "Ngày", "Hình thức"]);
  expect([4, 5, 6].map((r) => ws.getCell(r, 1).value)).toEqual(["Luật Thực hiện dân chủ ở cơ sở", "Quy chế dân chủ thôn", "Hỏi đáp trực tuyến"]);
  expect(ws.getCell(6, 3).value).toBe("Trực tuyến");
  const r = readWorkbook(await loadSnapshot(file));
  expect(r.findings.filter((f) => f.severity === "error").map((f) => f.rule)).toEqual(["workbook.unknown-code"]);
});

test("the user's own sheets are kept in the upgraded file as they are", async () => {
  const file = copyOf("qcdc-2021-son-la");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const mine = wb.addWorksheet("Ghi chú của tôi");
  mine.getCell("A1").value = "Việc cần làm";
  mine.getCell("A1").font = { bold: true };
  mine.getCell("B2").value = 42;
  mine.getCell("B3").value = { formula: "B2*2", result: 84 } as ExcelJS.CellValue;
  mine.getColumn(1).width = 33;
  mine.mergeCells("C1:D1");
  mine.getCell("C1").value = "gộp";
  await wb.xlsx.writeFile(file);
  const plan = await run("init", file);
  expect(plan.out).toContain('Trang riêng của bạn được giữ nguyên trong sổ: "Ghi chú của tôi".');
  expect((await run("init", file, "--yes")).code).toBe(0);
  const now = new ExcelJS.Workbook();
  await now.xlsx.readFile(file);
  const ws = now.getWorksheet("Ghi chú của tôi")!;
  expect(ws.getCell("A1").value).toBe("Việc cần làm");
  expect(ws.getCell("A1").font?.bold).toBe(true);
  expect(ws.getCell("B2").value).toBe(42);
  expect(ws.getCell("B3").value).toMatchObject({ formula: "B2*2" });
  expect(ws.getColumn(1).width).toBe(33);
  expect(ws.getCell("C1").value).toBe("gộp");
  expect(ws.getCell("D1").isMerged).toBe(true);
  expect(readWorkbook(await loadSnapshot(file)).data).toEqual(exported("qcdc-2021-son-la"));
});

test("a user's sheet that replaced our Phụ lục is kept by the upgrade, ours made again", async () => {
  const file = copyOf("qcdc-2021-son-la");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  wb.removeWorksheet(wb.getWorksheet("Phụ lục")!.id);
  const theirs = wb.addWorksheet("Phụ lục");
  theirs.getCell("A1").value = "Bảng lương của phòng";
  theirs.getCell("B2").value = 7;
  await wb.xlsx.writeFile(file);
  const plan = await run("init", file);
  expect(plan.out).toContain('Trang riêng của bạn được giữ nguyên trong sổ: "Phụ lục".');
  expect((await run("init", file, "--yes")).code).toBe(0);
  const now = new ExcelJS.Workbook();
  await now.xlsx.readFile(file);
  expect(now.getWorksheet("Phụ lục")!.getCell("C8").value).toBe("Mã");
  const kept = now.getWorksheet("Phụ lục (2)")!;
  expect([kept.getCell("A1").value, kept.getCell("B2").value]).toEqual(["Bảng lương của phòng", 7]);
  const r = readWorkbook(await loadSnapshot(file));
  expect(r.findings.map((f) => f.rule)).not.toContain("workbook.replaced-sheet");
});

const cellText = (v: unknown): string | undefined =>
  v === null || v === undefined || v === "" || (typeof v === "object" && "formula" in (v as object))
    ? undefined
    : v instanceof Date
      ? v.toISOString()
      : typeof v === "object"
        ? JSON.stringify(v)
        : String(v).trim();

/** Every value cell's text of a workbook, anywhere (formulas left out: ours are recomputed). */
function texts(wb: ExcelJS.Workbook): Set<string> {
  const out = new Set<string>();
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => {
    const x = cellText(c.value);
    if (x) out.add(x);
  })));
  return out;
}

/**
 * The texts of the data rows of our tables (PL_…) in a workbook: values, not keys (the "Mã"
 * column of "Thông tin" holds the spec's keys, written as names by the new layout) nor formulas.
 */
function tableTexts(wb: ExcelJS.Workbook): { sheet: string; text: string }[] {
  const out: { sheet: string; text: string }[] = [];
  wb.eachSheet((ws) => {
    for (const t of ws.getTables() as unknown as { table: { name: string; tableRef?: string; ref?: string; columns: { name: string }[] } }[]) {
      if (!t.table.name.startsWith("PL_")) continue;
      const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(t.table.tableRef ?? t.table.ref ?? "");
      if (!m) continue;
      t.table.columns.forEach((c, j) => {
        if (c.name === "Mã") return;
        for (let r = Number(m[2]) + 1; r <= Number(m[4]); r++) {
          const x = cellText(ws.getCell(r, m[1].charCodeAt(0) - 64 + j).value);
          if (x) out.push({ sheet: ws.name, text: x });
        }
      });
    }
  });
  return out;
}

/** Property of every upgrade: no text of the old tables' rows is missing from the upgraded workbook. */
async function expectNothingLost(oldFile: string, newFile: string): Promise<number> {
  const [old, now] = [new ExcelJS.Workbook(), new ExcelJS.Workbook()];
  await old.xlsx.readFile(oldFile);
  await now.xlsx.readFile(newFile);
  const kept = texts(now);
  const all = tableTexts(old);
  expect(all.filter((x) => !kept.has(x.text))).toEqual([]);
  return all.length;
}

/** What Excel does when the user types a header right of a table: the table grows to hold the column. */
function addTableColumn(ws: ExcelJS.Worksheet, table: string, header: string, values: (string | undefined)[]): void {
  const t = (ws.getTable(table) as unknown as { table: { tableRef: string; autoFilterRef?: string; columns: { name: string; filterButton?: boolean }[] } }).table;
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(t.tableRef)!;
  const col = m[3].charCodeAt(0) - 63;
  const top = Number(m[2]);
  ws.getCell(top, col).value = header;
  values.forEach((v, i) => {
    if (v) ws.getCell(top + 1 + i, col).value = v;
  });
  t.columns.push({ name: header, filterButton: true });
  t.tableRef = `${m[1]}${m[2]}:${String.fromCharCode(64 + col)}${m[4]}`;
  t.autoFilterRef = t.tableRef;
}

describe("columns the user added inside our tables", () => {
  const V3 = path.join(TEMPLATES, "tinh-thu-2026-v3.json");

  async function withNotes(): Promise<string> {
    const file = copyOf("tinh-thu-2026-tan-phong");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    // A "Ghi chú" column typed into the register table and into the Phụ lục table (Excel grows the table).
    const reg = wb.getWorksheet("Tuyên truyền")!;
    addTableColumn(reg, "PL_HoatDong", "Ghi chú", ["xong", "", "còn thiếu ảnh"]);
    const pl = wb.getWorksheet("Phụ lục")!;
    // Notes on the rows of two codes (found by code in the old layout's code column).
    const notes: string[] = [];
    notes[rowOf(pl, "tcd_luot") - 9] = "theo sổ văn thư";
    notes[rowOf(pl, "hn_kinh_phi") - 9] = "chưa quyết toán";
    addTableColumn(pl, "PL_ChiTieu", "Người nhập", notes);
    await wb.xlsx.writeFile(file);
    return file;
  }

  test("the plan lists them; after --yes they keep their header and values right of the table, by row; check and export read the same data", async () => {
    const file = await withNotes();
    const checkBefore = await checkJson(file);
    const before = readWorkbook(await loadSnapshot(file)).data;
    const plan = await run("init", file, "--template", V3);
    expect(plan.code).toBe(0);
    expect(plan.out).toContain('Cột do người dùng thêm: "Người nhập" (trang "Phụ lục"); "Ghi chú" (trang "Tuyên truyền") giữ nguyên');
    expect(plan.out).not.toMatch(/Cột do người dùng thêm:.*Hình thức/);
    expect((await run("init", file, "--template", V3, "--yes")).code).toBe(0);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const reg = wb.getWorksheet("Tuyên truyền")!;
    expect([1, 2, 3, 4, 5].map((c) => reg.getCell(3, c).value)).toEqual(["Nội dung tuyên truyền", "Ngày", "Địa điểm", keptHeader("Hình thức"), "Ghi chú"]);
    expect([4, 5, 6].map((r) => reg.getCell(r, 5).value ?? "")).toEqual(["xong", "", "còn thiếu ảnh"]);
    expect([4, 6].map((r) => reg.getCell(r, 1).value)).toEqual(["Luật Thực hiện dân chủ ở cơ sở", "Hỏi đáp trực tuyến"]);
    const pl = wb.getWorksheet("Phụ lục")!;
    const col = colOf(pl, "Người nhập");
    expect(pl.getCell(rowOf(pl, "tcd_luot"), col).value).toBe("theo sổ văn thư");
    // A code the new version dropped: its row moved below the template's rows, its note with it.
    expect(pl.getCell(rowOf(pl, "hn_kinh_phi"), col).value).toBe("chưa quyết toán");
    // Inside the tables (they sort and filter with their rows).
    const refs = (ws: ExcelJS.Worksheet) => ws.getTables().map((t) => (t as unknown as { table: { ref?: string; tableRef?: string } }).table).map((t) => t.tableRef ?? t.ref);
    expect(refs(reg)).toEqual(["A3:E6"]);
    expect(refs(pl)[0]).toMatch(new RegExp(`^A8:${String.fromCharCode(64 + col)}\\d+$`));

    const r = readWorkbook(await loadSnapshot(file));
    expect(r.data.registers).toEqual({ hoat_dong: before.registers.hoat_dong.map(({ hinh_thuc: _h, ...x }) => x) });
    for (const [code, v] of Object.entries(before.values)) expect(r.data.values[code]).toEqual(v);
    const checkAfter = await checkJson(file);
    expect(checkAfter.result.findings.filter((f: { rule: string }) => f.rule.startsWith("workbook.") && f.rule !== "workbook.unknown-code")).toEqual([]);
    expect(checkAfter.result.summary.errors).toBeGreaterThanOrEqual(checkBefore.result.summary.errors);
    const exp = await run("export", file);
    expect(JSON.parse(exp.out).registers).toEqual(r.data.registers);
  });

  test("the layout upgrade alone keeps them too, and never loses a value of the old tables", async () => {
    const file = await withNotes();
    expect((await run("init", file, "--yes")).code).toBe(0);
    const now = new ExcelJS.Workbook();
    await now.xlsx.readFile(file);
    const kept = texts(now);
    for (const x of ["xong", "còn thiếu ảnh", "theo sổ văn thư", "chưa quyết toán", "Ghi chú", "Người nhập"]) expect(kept).toContain(x);
    // Every text of the old tables' rows is in the upgraded workbook.
    expect(await expectNothingLost(file.replace(/\.xlsx$/, ".bak.xlsx"), file)).toBeGreaterThan(20);
  });
});

test("the user's fills and fonts on value cells of our tables follow their cells through the upgrade", async () => {
  const file = copyOf("tinh-thu-2026-tan-phong");
  const YELLOW = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } } as ExcelJS.Fill;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const pl = wb.getWorksheet("Phụ lục")!;
  // Layout 1: "Mã" in B, "Chỉ tiêu" in C; layout 2 swaps them.
  const r = rowOf(pl, "tcd_luot");
  // A style of the cell's own, as Excel gives it (exceljs shares loaded cells' style objects).
  const restyle = (c: ExcelJS.Cell, x: Partial<ExcelJS.Style>) => (c.style = { ...JSON.parse(JSON.stringify(c.style)), ...x });
  restyle(pl.getCell(r, colOf(pl, "Giá trị")), { fill: YELLOW });
  restyle(pl.getCell(r, colOf(pl, "Chỉ tiêu")), { font: { bold: true, color: { argb: "FFFF0000" } } });
  const reg = wb.getWorksheet("Tuyên truyền")!;
  restyle(reg.getCell("B6"), { fill: YELLOW });
  await wb.xlsx.writeFile(file);
  expect((await run("init", file, "--yes")).code).toBe(0);
  const now = new ExcelJS.Workbook();
  await now.xlsx.readFile(file);
  const b = now.getWorksheet("Phụ lục")!;
  const nr = rowOf(b, "tcd_luot");
  expect(colOf(b, "Chỉ tiêu")).toBe(2);
  expect((b.getCell(nr, colOf(b, "Giá trị")).fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFFF00");
  expect(b.getCell(nr, 2).font).toMatchObject({ bold: true, color: { argb: "FFFF0000" } });
  expect(b.getCell(nr, 3).font?.bold).toBeFalsy();
  expect((b.getCell(nr + 1, colOf(b, "Giá trị")).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).not.toBe("FFFFFF00");
  expect((now.getWorksheet("Tuyên truyền")!.getCell("B6").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFFF00");
  expect(readWorkbook(await loadSnapshot(file)).data).toEqual(exported("tinh-thu-2026-tan-phong"));
});
