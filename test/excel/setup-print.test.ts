/**
 * The pane's set-up ("Tạo sổ nhập liệu") in the fake Excel host (test/browser/fake-office.js,
 * run in Node): in its single write batch it also sets every new sheet's print set-up (A4, one
 * page wide, header row repeated; ExcelApi 1.9), colours ✗ red and ⚠ amber in the ✓/✗ column
 * (conditional formats, ExcelApi 1.6) and shades the formula cells — and leaves the first two out,
 * silently, in an Excel without those API sets. Workbooks written before the Vietnamese names
 * (test/fixtures/old-keys-*.xlsx) stay ours for set-up and import.
 */
import * as fs from "fs";
import * as path from "path";
import { previewSetup, applySetup, analyseSetup } from "../../src/excel/setup";
import { analyseImport } from "../../src/excel/import";
import { detectCaps } from "../../src/excel/caps";
import { loadSnapshot } from "../../src/cli/xlsx";
import { normalizeReport } from "../../src/core/normalize";
import { TONES } from "../../src/core/workbook-model";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createFakeOffice } = require("../browser/fake-office.js");

interface Fake {
  syncCount: number;
  resetSyncCount(): void;
  sheets(): { name: string; visibility: string }[];
  pageLayout(sheet: string): Record<string, unknown> | null;
  conditionalFormats(sheet: string): { address: string; type: string; rule: { operator: string; text: string }; format: { fill: { color?: string }; font: { color?: string; bold?: boolean } } }[];
  merges(sheet: string): { address: string }[];
  cell(sheet: string, a1: string): { v: unknown; formula?: string; style?: Record<string, unknown> } | null;
}

function host(excelApi: string): Fake {
  const f = createFakeOffice({ sets: { ExcelApi: excelApi } });
  (globalThis as any).Office = f.Office;
  (globalThis as any).Excel = f.Excel;
  return f.fake as Fake;
}

afterEach(() => {
  delete (globalThis as any).Office;
  delete (globalThis as any).Excel;
});

async function setUp(fake: Fake) {
  const caps = detectCaps();
  fake.resetSyncCount();
  const preview = await previewSetup(caps, "qcdc-2021");
  const reads = fake.syncCount;
  fake.resetSyncCount();
  const done = await applySetup(preview, caps);
  expect(done.changed).toBe(false);
  return { preview, reads, syncs: fake.syncCount };
}

describe("set-up in an Excel with ExcelApi 1.9", () => {
  test("every new sheet prints on A4, one page wide, its header row repeated; all in the one write batch", async () => {
    const fake = host("1.9");
    const { reads, syncs } = await setUp(fake);
    // Read again as the preview did, then ONE sync writes everything (print set-up and colours included).
    expect(syncs).toBe(reads + 1);
    const visible = fake.sheets().filter((s) => s.visibility === "Visible");
    expect(visible.length).toBeGreaterThanOrEqual(6);
    for (const s of visible) {
      const pl = fake.pageLayout(s.name)!;
      expect(pl).not.toBeNull();
      expect(pl.paperSize).toBe("A4");
      expect(pl.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
      expect(pl.printTitleRows).toMatch(/^\$\d+:\$\d+$/);
      expect(pl["headersFooters/centerFooter"]).toContain("&P");
      expect(pl.leftMargin).toBeGreaterThan(20);
    }
    expect(fake.pageLayout("Phụ lục")).toMatchObject({ orientation: "Landscape", printTitleRows: "$8:$8" });
    expect(fake.pageLayout("Ngoại lệ")).toMatchObject({ orientation: "Portrait" });
    // The help spans the table's width.
    expect(fake.merges("Phụ lục").map((m) => m.address)).toContain("A2:G2");
  });

  test("✗ red and ⚠ amber in the ✓/✗ column; formula cells shaded, cells to type in not", async () => {
    const fake = host("1.9");
    await setUp(fake);
    const cfs = fake.conditionalFormats("Phụ lục");
    expect(cfs.map((c) => [c.type, c.rule.operator, c.rule.text])).toEqual([
      ["ContainsText", "Contains", "✗"],
      ["ContainsText", "Contains", "⚠"],
    ]);
    expect(cfs[0].address).toMatch(/^G9:G\d+$/);
    expect(cfs[0].format.fill.color).toBe("#" + TONES.error.fill.slice(2));
    expect(cfs[1].format.fill.color).toBe("#" + TONES.warning.fill.slice(2));
    // vb_tong (row 9) is a derived total in an empty workbook: a formula, shaded; its parts are typed.
    const total = fake.cell("Phụ lục", "E9")!;
    expect(total.formula).toMatch(/^=/);
    expect(total.style).toMatchObject({ "fill/color": "#F2F2F2", "font/italic": true });
    expect(fake.cell("Phụ lục", "G9")!.style).toMatchObject({ "fill/color": "#F2F2F2" });
    expect(fake.cell("Phụ lục", "E10")?.style?.["fill/color"]).toBeUndefined();
  });
});

test("an import that writes a figure over a derived total takes the total's shading off", async () => {
  const fake = host("1.9");
  await setUp(fake);
  const { previewImport, applyImport } = await import("../../src/excel/import");
  const data = normalizeReport(JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "examples", "son-la-skhcn-2021.json"), "utf8")));
  const caps = detectCaps();
  await applyImport(data, await previewImport(data, caps), caps);
  const total = fake.cell("Phụ lục", "E9")!;
  expect(total.formula).toBeUndefined();
  expect(total.v).toBe(8);
  expect(total.style?.["fill/color"]).toBeUndefined();
  expect(total.style?.["font/italic"]).toBe(false);
  // The ✓/✗ formulas stay shaded.
  expect(fake.cell("Phụ lục", "G9")!.style).toMatchObject({ "fill/color": "#F2F2F2" });
});

describe("set-up in an older Excel", () => {
  test("ExcelApi 1.4: no print set-up and no conditional formats, set-up succeeds, formula cells still shaded", async () => {
    const fake = host("1.4");
    const { preview } = await setUp(fake);
    expect(preview.ops.some((o) => o.kind === "print" || o.kind === "highlight")).toBe(false);
    // Silently: no note about it.
    expect(JSON.stringify(preview.notes)).not.toMatch(/1\.9|1\.6|in A4|print/i);
    expect(fake.pageLayout("Phụ lục")).toBeNull();
    expect(fake.conditionalFormats("Phụ lục")).toEqual([]);
    expect(fake.cell("Phụ lục", "E9")!.style).toMatchObject({ "fill/color": "#F2F2F2" });
  });

  test("ExcelApi 1.8 (Excel 2019): colours yes, print set-up no", async () => {
    const fake = host("1.8");
    await setUp(fake);
    expect(fake.conditionalFormats("Phụ lục").length).toBe(2);
    expect(fake.pageLayout("Phụ lục")).toBeNull();
  });
});

describe("a workbook written before the Vietnamese names", () => {
  const FIX = path.join(__dirname, "..", "fixtures");
  const caps = { validation: true, freeze: true, events: true, conditionalFormats: true, pageLayout: true };

  test("set-up finds every sheet its own and complete: it makes no \"Thông tin (phuluc)\"", async () => {
    const snap = await loadSnapshot(path.join(FIX, "old-keys-qcdc-2021.xlsx"));
    const a = analyseSetup(snap, caps);
    expect(a.sheets.every((s) => s.status === "existing")).toBe(true);
    expect(a.ops.filter((o) => o.kind === "addSheet")).toEqual([]);
  });

  test("importing the same data finds the report details by their old keys: nothing to write there", async () => {
    const snap = await loadSnapshot(path.join(FIX, "old-keys-qcdc-2021.xlsx"));
    const data = normalizeReport(JSON.parse(fs.readFileSync(path.join(FIX, "old-keys-qcdc-2021.export.json"), "utf8")));
    const a = analyseImport(snap, data, caps);
    expect(a.sheets.find((s) => s.role === "info")!.written).toBe(0);
  });
});

describe("the pane's upgrade of a workbook of layout version 1", () => {
  /** The fixture file in the fake host: its cells, its tables, the marker very hidden and named. */
  async function fakeOfFile(file: string): Promise<Fake> {
    const snap = await loadSnapshot(file);
    const { colLetter } = await import("../../src/core/layout");
    const sheets = snap.sheets.map((s) => {
      const cells: Record<string, unknown> = {};
      s.rows.forEach((r, i) =>
        r.forEach((c, j) => {
          if (!c || (c.v === null && !c.formula)) return;
          cells[colLetter(j + 1) + (i + 1)] = { v: c.v, formula: c.formula ?? null, format: c.format ?? "General" };
        }),
      );
      return { name: s.name, cells };
    });
    const f = createFakeOffice({ sets: { ExcelApi: "1.9" }, sheets });
    (globalThis as any).Office = f.Office;
    (globalThis as any).Excel = f.Excel;
    await f.Excel.run(async (ctx: any) => {
      for (const s of snap.sheets) {
        const ws = ctx.workbook.worksheets.getItem(s.name);
        for (const t of s.tables ?? []) ws.tables.add(ws.getRange(t.range), true).name = t.name;
      }
      ctx.workbook.worksheets.getItem("_phuluc").visibility = "VeryHidden";
      ctx.workbook.names.add("PHULUC_LAYOUT", ctx.workbook.worksheets.getItem("_phuluc").getRange("B1"));
      await ctx.sync();
    });
    return f.fake as Fake;
  }

  test("the rewritten sheets print on A4 and colour ✗/⚠ like new ones; Thông tin gets its Vietnamese names", async () => {
    const fake = await fakeOfFile(path.join(__dirname, "..", "fixtures", "old-keys-qcdc-2021.xlsx"));
    const caps = detectCaps();
    const preview = await previewSetup(caps);
    expect(preview.upgrade).toMatchObject({ fromLayout: 1 });
    const r = await applySetup(preview, caps);
    expect(r.changed).toBe(false);
    expect(fake.pageLayout("Phụ lục")).toMatchObject({ paperSize: "A4", orientation: "Landscape", printTitleRows: "$8:$8" });
    expect(fake.conditionalFormats("Phụ lục").map((c) => c.rule.text)).toEqual(["✗", "⚠"]);
    const info = Object.values((fake as any).cells("Thông tin") as Record<string, { v: unknown }>).map((c) => c.v);
    expect(info).toContain("Cơ quan báo cáo");
    expect(info).not.toContain("agency");
    expect(info).toContain("Sở Khoa học và Công nghệ");
  });
});
