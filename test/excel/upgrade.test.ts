/**
 * Set-up in the pane upgrades a workbook in place (mock Excel): a workbook of layout version 1
 * (test/fixtures/layout-v1, made by `phuluc init` before the label moved before the code), and
 * a workbook carrying an older version of its province's template when the newer file is
 * chosen. The plan is shown first (what moves, what is kept, what is dropped); on confirmation
 * one batch rewrites our tables keeping every value; a register column the new version
 * dropped stays in the workbook, right of its table; a column the user added is kept.
 */
import * as fs from "fs";
import * as path from "path";
import { mockWorkbook, type MockWorkbook } from "./mock-workbook";
import { previewSetup, applySetup } from "../../src/excel/setup";
import { exportWorkbook } from "../../src/excel/export";
import { loadSnapshot } from "../../src/cli/xlsx";
import { colLetter, LAYOUT_VERSION, MARKER } from "../../src/core/layout";
import { keptHeader } from "../../src/core/upgrade";
import { getTemplate, registerTemplate } from "../../src/core/templates/index";
import type { TemplateDef } from "../../src/core/types";
import type { ExcelCaps } from "../../src/excel/caps";
import * as sync from "../../src/excel/sync";

const ALL: ExcelCaps = { validation: true, freeze: true, events: true };
const V1 = path.join(__dirname, "..", "fixtures", "layout-v1");
const TEMPLATES = path.join(__dirname, "..", "fixtures", "templates");
const QCDC = getTemplate("qcdc-2021")!;

afterEach(() => {
  delete (global as any).Excel;
  jest.restoreAllMocks();
  registerTemplate(QCDC);
});

/** A workbook file as the mock Excel holds it: cells (values, formulas, formats), tables, the marker's name. */
async function bookOfFile(file: string): Promise<MockWorkbook> {
  const snap = await loadSnapshot(file);
  const book = mockWorkbook(
    snap.sheets.map((s) => {
      const cells: Record<string, { v?: any; f?: string; fmt?: string }> = {};
      s.rows.forEach((r, i) =>
        r.forEach((c, j) => {
          if (!c || (c.v === null && !c.formula && !c.format)) return;
          cells[colLetter(j + 1) + (i + 1)] = { v: c.v, f: c.formula, fmt: c.format };
        }),
      );
      return { name: s.name, cells };
    }),
  );
  for (const s of snap.sheets) {
    const sheet = book.sheets.find((x) => x.name === s.name)!;
    if (s.name === MARKER.sheet) sheet.visibility = "VeryHidden";
    for (const t of s.tables ?? []) {
      const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(t.range)!;
      const col = (x: string) => [...x].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      book.tables.push({ name: t.name, sheet, row: +m[2] - 1, col: col(m[1]), rows: +m[4] - +m[2] + 1, cols: col(m[3]) - col(m[1]) + 1 });
    }
  }
  book.names.push({ name: MARKER.name, ref: "'_phuluc'!$B$1" });
  (global as any).Excel = book.Excel;
  return book;
}

function exported(name: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(V1, name + ".export.json"), "utf8"));
}

const texts = (a: { actions: { vi: string }[] }) => a.actions.map((x) => x.vi).join("\n");

describe("set-up on a workbook of layout version 1", () => {
  test.each(["qcdc-2021-son-la", "dccs-2025-xa-tan-lap"])("%s: the plan first, then one batch; every value kept, the label before the code", async (name) => {
    const book = await bookOfFile(path.join(V1, name + ".xlsx"));
    const before = JSON.stringify(book.dump());
    const preview = await previewSetup(ALL);
    expect(JSON.stringify(book.dump())).toBe(before);
    expect(preview.upgrade).toMatchObject({ fromLayout: 1, toLayout: LAYOUT_VERSION });
    const plan = texts(preview);
    expect(plan).toContain(`Bố cục sổ: phiên bản 1 → phiên bản ${LAYOUT_VERSION}.`);
    expect(plan).toContain('cột "Chỉ tiêu" (tên chỉ tiêu) chuyển lên trước cột "Mã"');
    expect(plan).toMatch(/Giữ nguyên mọi số liệu theo mã chỉ tiêu \(\d+ ô có số liệu\)/);
    expect(plan).toContain('Trang "Phụ lục": viết lại bảng PL_ChiTieu theo bố cục mới, giữ mọi giá trị.');

    const spy = jest.spyOn(sync, "syncWithTimeout");
    const r = await applySetup(preview, ALL);
    expect(r.changed).toBe(false);
    // 2 syncs to read again, 1 to write: no sync per sheet or cell.
    expect(spy).toHaveBeenCalledTimes(3);
    expect(book.cell("Phụ lục", "B8")!.v).toBe("Chỉ tiêu");
    expect(book.cell("Phụ lục", "C8")!.v).toBe("Mã");
    expect(book.cell(MARKER.sheet, "B1")!.v).toBe(LAYOUT_VERSION);
    // The line above the table names the new layout version.
    const above = [...book.sheets.find((s) => s.name === "Phụ lục")!.cells.values()].map((c) => String(c.v)).filter((v) => /bố cục phiên bản/.test(v));
    expect(above).toEqual([expect.stringContaining(`bố cục phiên bản ${LAYOUT_VERSION}.`)]);
    const out = await exportWorkbook("vi");
    expect(out.data).toEqual(exported(name));
    expect(out.findings.filter((f) => f.rule.startsWith("workbook."))).toEqual([]);
    // Done: nothing more to upgrade.
    const again = await previewSetup(ALL);
    expect(again.upgrade).toBeUndefined();
  });

  test("a column the user added to the table is kept, moved right of ours, row by row by code", async () => {
    const book = await bookOfFile(path.join(V1, "qcdc-2021-son-la.xlsx"));
    book.tables.find((t) => t.name === "PL_ChiTieu")!.cols = 8;
    book.setCell("Phụ lục", "H8", "Ghi chú của tôi");
    const row = [...book.sheets.find((s) => s.name === "Phụ lục")!.cells.entries()].find(([, c]) => c.v === "tt_hoi_nghi")![0].split(",")[0];
    book.setCell("Phụ lục", "H" + (+row + 1), "hỏi lại phòng Tổ chức");
    const preview = await previewSetup(ALL);
    expect(texts(preview)).toContain('cột bạn thêm vào bảng (Ghi chú của tôi) được giữ, chuyển sang bên phải bảng');
    await applySetup(preview, ALL);
    expect(book.cell("Phụ lục", "H8")!.v).toBe("Ghi chú của tôi");
    expect(book.cell("Phụ lục", "C" + (+row + 1))!.v).toBe("tt_hoi_nghi");
    expect(book.cell("Phụ lục", "H" + (+row + 1))!.v).toBe("hỏi lại phòng Tổ chức");
  });
});

describe("set-up with a newer version of the workbook's own template", () => {
  const v3 = (): TemplateDef => JSON.parse(fs.readFileSync(path.join(TEMPLATES, "tinh-thu-2026-v3.json"), "utf8"));

  test("what moves, what is kept, what is dropped; a dropped register column stays right of its table", async () => {
    const book = await bookOfFile(path.join(V1, "tinh-thu-2026-tan-phong.xlsx"));
    const preview = await previewSetup(ALL, undefined, v3());
    expect(preview.upgrade).toMatchObject({ template: "tinh-thu-2026", fromVersion: 1, toVersion: 3 });
    const plan = texts(preview);
    expect(plan).toContain("Mẫu tinh-thu-2026 phiên bản 1 → phiên bản 3.");
    expect(plan).toContain("Chỉ tiêu mới (để trống): hn_nghi_quyet.");
    expect(plan).toMatch(/Chỉ tiêu mẫu mới không còn, số liệu vẫn giữ ở cuối trang "Phụ lục".*: hn_kinh_phi\./);
    expect(plan).toMatch(/Cột sổ mẫu mới không còn, số liệu vẫn giữ trong sổ, ở bên phải bảng.*: hoat_dong\.hinh_thuc \(3 dòng\)\./);
    const r = await applySetup(preview, ALL, v3());
    expect(r.changed).toBe(false);
    expect(["A3", "B3", "C3", "D3"].map((a) => book.cell("Tuyên truyền", a)!.v)).toEqual(["Nội dung tuyên truyền", "Ngày", "Địa điểm", keptHeader("Hình thức")]);
    expect(["D4", "D5", "D6"].map((a) => book.cell("Tuyên truyền", a)!.v)).toEqual(["Trực tiếp", "Trực tiếp", "Trực tuyến"]);
    const out = await exportWorkbook("vi");
    expect(out.template?.version).toBe(3);
    const old = exported("tinh-thu-2026-tan-phong") as { values: Record<string, unknown> };
    for (const [code, v] of Object.entries(old.values)) expect(out.data.values[code]).toEqual(v);
    expect(out.data.values.hn_nghi_quyet).toBeNull();
    expect(out.data.registers.hoat_dong).toHaveLength(3);
    // The marker carries the new version.
    const k = [...book.sheets.find((s) => s.name === MARKER.sheet)!.cells.values()].map((c) => String(c.v)).find((v) => v.startsWith("~"))!;
    expect(k).toContain('"version":3');
  });
});

describe("import into a workbook of layout version 1 (not upgraded yet)", () => {
  test("rows are found by their code in the old code column: the figures land on their own rows", async () => {
    await bookOfFile(path.join(V1, "dccs-2025-trong.xlsx"));
    const { parseImport, previewImport, applyImport } = await import("../../src/excel/import");
    const json = fs.readFileSync(path.join(__dirname, "..", "..", "examples", "xa-tan-lap-2026.json"), "utf8");
    const data = parseImport(json);
    await applyImport(data, await previewImport(data, ALL), ALL);
    const out = await exportWorkbook("vi");
    expect(out.data.values).toEqual((exported("dccs-2025-xa-tan-lap") as { values: unknown }).values);
  });
});

describe("what the pane says of the open workbook", () => {
  test("its template (carried or built in) and an older layout, from the marker alone", async () => {
    const { workbookInfo } = await import("../../src/excel/setup");
    await bookOfFile(path.join(V1, "tinh-thu-2026-tan-phong.xlsx"));
    expect(await workbookInfo()).toMatchObject({
      found: true,
      layoutVersion: 1,
      currentLayout: LAYOUT_VERSION,
      layoutOlder: true,
      template: { id: "tinh-thu-2026", version: 1, carried: true, title: { vi: "Phụ lục số liệu thực hiện dân chủ ở cơ sở năm 2026 (mẫu của tỉnh)" } },
    });
    await bookOfFile(path.join(V1, "qcdc-2021-son-la.xlsx"));
    expect(await workbookInfo()).toMatchObject({ found: true, template: { id: "qcdc-2021", carried: false }, layoutOlder: true });
    (global as any).Excel = mockWorkbook([{ name: "Sheet1", cells: { A1: 1 } }]).Excel;
    expect(await workbookInfo()).toMatchObject({ found: false });
  });
});
