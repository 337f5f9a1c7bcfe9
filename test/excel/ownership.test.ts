/**
 * Ownership in the pane: a user deletes our "Phụ lục" sheet and makes their own with that
 * name. The marker still names "Phụ lục", but no longer vouches for it: set-up leaves the
 * user's sheet alone and makes ours again under another name; a check puts no mark on it.
 */
import { mockWorkbook, type MockWorkbook } from "./mock-workbook";
import { previewSetup, applySetup } from "../../src/excel/setup";
import { checkInContext } from "../../src/excel/live";
import { sheetIsOurs } from "../../src/excel/ownership";
import { addinPlan } from "../../src/excel/plan";
import { getTemplate } from "../../src/core/templates/index";
import { MARKER } from "../../src/core/layout";
import type { ExcelCaps } from "../../src/excel/caps";
import { bookOf } from "./book-from-plan";
import type { SheetSnapshot } from "../../src/core/workbook-model";

const ALL: ExcelCaps = { validation: true, freeze: true, events: true };
const t = getTemplate("qcdc-2021")!;

function install(book: MockWorkbook): void {
  (global as any).Excel = book.Excel;
}

afterEach(() => {
  delete (global as any).Excel;
  jest.restoreAllMocks();
});

/** Set up, then delete our "Phụ lục" (sheet and table) and make a user's sheet with that name. */
async function replacedBook(): Promise<MockWorkbook> {
  const book = mockWorkbook();
  install(book);
  await applySetup(await previewSetup(ALL, "qcdc-2021"), ALL);
  const i = book.sheets.findIndex((s) => s.name === "Phụ lục");
  const ours = book.sheets[i];
  book.sheets.splice(i, 1);
  for (let k = book.tables.length - 1; k >= 0; k--) if (book.tables[k].sheet === ours) book.tables.splice(k, 1);
  book.sheets.push({
    name: "Phụ lục",
    visibility: "Visible",
    cells: new Map([
      ["0,0", { v: "Bảng lương của phòng" }],
      ["7,1", { v: "Họ tên" }],
      ["13,4", { v: 99 }],
    ]),
    freezeRows: 0,
    widths: {},
  });
  return book;
}

describe("a sheet named like ours is ours only while it is as the layout wrote it", () => {
  test("set-up after the user replaced \"Phụ lục\": the user's sheet is untouched; ours is made again beside it", async () => {
    const book = await replacedBook();
    const before = book.dumpSheet("Phụ lục");
    const writes = book.writes.length;
    const preview = await previewSetup(ALL, "qcdc-2021");
    const a = preview.sheets.find((s) => s.table === "PL_ChiTieu")!;
    expect(a).toMatchObject({ status: "create", userSheetKept: "Phụ lục", name: "Phụ lục (phuluc)" });
    expect(preview.actions.map((x) => x.vi).join("\n")).toMatch(/Trang "Phụ lục" đang có là của bạn/);
    await applySetup(preview, ALL);
    expect(book.writes.slice(writes).filter((w) => w.sheet === "Phụ lục")).toEqual([]);
    expect(book.dumpSheet("Phụ lục")).toEqual(before);
    expect(book.tables.find((x) => x.name === "PL_ChiTieu")!.sheet.name).toBe("Phụ lục (phuluc)");
    // The marker now names ours.
    const markerRows = [...book.sheets.find((s) => s.name === MARKER.sheet)!.cells.values()].map((c) => c.v);
    expect(markerRows).toContain("Phụ lục (phuluc)");
  });

  test("our sheet that only lost its table (header and codes as written) is still ours: restored in place", async () => {
    const book = mockWorkbook();
    install(book);
    await applySetup(await previewSetup(ALL, "qcdc-2021"), ALL);
    const ours = book.sheets.find((s) => s.name === "Phụ lục")!;
    for (let k = book.tables.length - 1; k >= 0; k--) if (book.tables[k].sheet === ours) book.tables.splice(k, 1);
    const preview = await previewSetup(ALL, "qcdc-2021");
    expect(preview.sheets.find((s) => s.table === "PL_ChiTieu")).toMatchObject({ status: "existing", name: "Phụ lục" });
  });

  test("sheetIsOurs: the code column as written, with our table or the header as written; other codes are not", () => {
    const p = addinPlan(t).sheets[0];
    const hr = p.table.headerRow - 1;
    const rows: SheetSnapshot["rows"] = [];
    rows[hr] = p.table.header.map((h) => ({ v: h }));
    p.table.rows.forEach((r, i) => (rows[hr + 1 + i] = r.map((c) => ({ v: (c?.v ?? null) as never }))));
    const copy: SheetSnapshot = { name: "Phụ lục", visibility: "visible", rows };
    expect(sheetIsOurs(copy, p)).toBe(true);
    // Our table with its codes (the header renamed) is ours; our table name on other content is not.
    const renamedHeader: SheetSnapshot = { ...copy, rows: copy.rows.map((r, i) => (i === hr ? r.map(() => ({ v: "?" })) : r)), tables: [{ name: p.table.name, range: "A8:G40" }] };
    expect(sheetIsOurs(renamedHeader, p)).toBe(true);
    expect(sheetIsOurs({ name: "x", visibility: "visible", rows: [], tables: [{ name: p.table.name, range: "A8:G40" }] }, p)).toBe(false);
    const cc = p.table.header.indexOf("Mã");
    const other: SheetSnapshot = { ...copy, rows: copy.rows.map((r, i) => (i > hr ? r.map((c, j) => (j === cc ? { v: "ma_khac_" + i } : c)) : r)) };
    expect(sheetIsOurs(other, p)).toBe(false);
    expect(sheetIsOurs({ name: "Phụ lục", visibility: "visible", rows: [[{ v: "Bảng lương" }]] }, p)).toBe(false);
  });

  test("a check puts no mark on a user's sheet that took our sheet's name", async () => {
    const b = bookOf();
    // The user's own "Phụ lục": our old rows pasted as values under their own headings.
    const sheet = b.sheets.find((s) => s.name === "Phụ lục")!;
    sheet.cells.set("7,0", { v: "STT" });
    sheet.cells.set("7,2", { v: "Nội dung" });
    sheet.cells.set("0,0", { v: "Bảng của tôi" });
    const before = JSON.stringify([...sheet.cells.entries()]);
    const run = await checkInContext(b.context, {});
    // The reader does not read it either (the same ownership test, src/core/ownership.ts): no finding
    // points at it, and one says it was replaced and where set-up will make ours.
    expect(run.result.findings.some((f) => (f.cells ?? []).some((c) => c.includes("'Phụ lục'!")))).toBe(false);
    const replaced = run.result.findings.find((f) => f.rule === "workbook.replaced-sheet")!;
    expect(replaced.severity).toBe("error");
    expect(replaced.message).toContain('Trang "Phụ lục" không còn là trang số liệu của phuluc');
    expect(replaced.message).toContain('tạo lại trang số liệu với tên "Phụ lục (phuluc)"');
    expect(run.read.data.values.vb_tong).toBeNull();
    expect(run.ownSheets).not.toContain("Phụ lục");
    expect(b.writes.filter((w) => w.sheet === "Phụ lục")).toEqual([]);
    expect(JSON.stringify([...sheet.cells.entries()])).toBe(before);
  });
});
