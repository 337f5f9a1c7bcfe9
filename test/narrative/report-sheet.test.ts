import { writeReportSheet, freeSheetName } from "../../src/excel/report-sheet";
import { renderRows } from "../../src/core/render/rows";
import { buildReport } from "../../src/core/narrative/report";
import { EXAMPLE, load, clone } from "./helpers";

interface FakeRange {
  addr: string;
  values?: unknown[][];
  numberFormat?: unknown[][];
  format: Record<string, unknown> & { font: Record<string, unknown>; borders: { getItem(k: string): Record<string, unknown> } };
  merge: jest.Mock;
  select: jest.Mock;
}

function fakeContext(existing: string[]) {
  const ranges: FakeRange[] = [];
  const sheet = {
    name: "",
    getRange: (addr: string): FakeRange => {
      const r: FakeRange = {
        addr,
        format: { font: {}, borders: { getItem: () => ({}) } },
        merge: jest.fn(),
        select: jest.fn(),
      };
      ranges.push(r);
      return r;
    },
    activate: jest.fn(),
    delete: jest.fn(),
  };
  const worksheets = {
    items: existing.map((name) => ({ name })),
    load: jest.fn(),
    add: jest.fn((name: string) => {
      sheet.name = name;
      return sheet;
    }),
    getItem: jest.fn(),
  };
  const context = { workbook: { worksheets }, sync: jest.fn(async () => undefined) };
  return { context, worksheets, sheet, ranges };
}

describe("the Báo cáo sheet", () => {
  it("picks a free name, never an existing sheet (names compared without case)", () => {
    expect(freeSheetName(["Phụ lục"])).toBe("Báo cáo");
    expect(freeSheetName(["Báo cáo"])).toBe("Báo cáo (2)");
    expect(freeSheetName(["BÁO CÁO", "báo cáo (2)"])).toBe("Báo cáo (3)");
  });

  it("writes everything on a new sheet with one sync after reading the names", async () => {
    const d = clone(load(EXAMPLE));
    d.report.signerName = "=HYPERLINK(\"http://x\")";
    const rows = renderRows(buildReport(d).doc);
    const f = fakeContext(["Phụ lục", "Báo cáo"]);
    const name = await writeReportSheet(f.context as unknown as Excel.RequestContext, rows);
    expect(name).toBe("Báo cáo (2)");
    expect(f.worksheets.add).toHaveBeenCalledTimes(1);
    expect(f.worksheets.add).toHaveBeenCalledWith("Báo cáo (2)");
    expect(f.worksheets.getItem).not.toHaveBeenCalled();
    expect(f.sheet.delete).not.toHaveBeenCalled();
    // 1 sync to read the sheet names, 1 for the whole write.
    expect(f.context.sync).toHaveBeenCalledTimes(2);
    const block = f.ranges.find((r) => r.values)!;
    expect(block.addr).toBe(`A1:B${rows.rows.length}`);
    expect(f.ranges.filter((r) => r.values)).toHaveLength(1);
    expect(block.values![0]).toEqual(["UBND TỈNH SƠN LA", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]);
    // Text format: what a user typed as "=…" stays text.
    expect(block.numberFormat!.every((row) => row.every((c) => c === "@"))).toBe(true);
    expect(block.values!.flat()).toContain("=HYPERLINK(\"http://x\")");
    expect(block.format.font).toMatchObject({ name: "Times New Roman", size: 14 });
    // Paragraphs span both columns.
    expect(f.ranges.some((r) => /^A\d+:B\d+$/.test(r.addr) && r.merge.mock.calls.length === 1)).toBe(true);
    expect(f.sheet.activate).toHaveBeenCalled();
  });
});
