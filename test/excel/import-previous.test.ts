/**
 * "Nhập số liệu năm trước" against office-addin-mock: the plan in 2 syncs with no write,
 * then only blank "Năm trước" cells written (column F of "Phụ lục") in one batch, a typed
 * value kept, percents as fractions under a percent format; the pane's reading of last
 * year's .xlsx (from its XML, without exceljs) gives the same figures as the command line.
 */
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { mockWorkbook, type MockWorkbook } from "./mock-workbook";
import { previewSetup, applySetup } from "../../src/excel/setup";
import { previewImport, applyImport, parseImport } from "../../src/excel/import";
import { previewPrevious, applyPrevious } from "../../src/excel/import-previous";
import { exportWorkbook } from "../../src/excel/export";
import { readPreviousSource } from "../../src/taskpane/previous-source";
import type { ExcelCaps } from "../../src/excel/caps";
import { initWorkbook, exampleInput, cleanup } from "../workbook/helpers";

const ALL: ExcelCaps = { validation: true, freeze: true, events: true };
const EXAMPLE = path.join(__dirname, "..", "..", "examples", "son-la-skhcn-2021.json");
const json = fs.readFileSync(EXAMPLE, "utf8");

function install(book: MockWorkbook): jest.SpyInstance {
  (global as any).Excel = book.Excel;
  return jest.spyOn(book.context, "sync");
}

afterEach(() => {
  delete (global as any).Excel;
  jest.restoreAllMocks();
});
afterAll(cleanup);

/** This year's workbook in Excel: set up and the example imported, as 2022. */
async function thisYear(book: MockWorkbook): Promise<void> {
  await applySetup(await previewSetup(ALL), ALL);
  const d = JSON.parse(json);
  d.report.year = 2022;
  const data = parseImport(JSON.stringify(d));
  await applyImport(data, await previewImport(data, ALL), ALL);
}

test("the plan in 2 syncs and no write; then the blank Năm trước cells in 1 batch, a typed one kept", async () => {
  const book = mockWorkbook();
  const sync = install(book);
  await thisYear(book);
  book.setCell("Phụ lục", "F9", 9); // vb_tong typed last year's: kept
  const source = { kind: "data" as const, data: parseImport(json) };
  sync.mockClear();
  const n = book.writes.length;
  const preview = await previewPrevious(source);
  expect(sync).toHaveBeenCalledTimes(2);
  expect(book.writes.length).toBe(n);
  expect(preview.plan.writes.length).toBe(25);
  expect(preview.plan.kept).toEqual([{ code: "vb_tong", typed: "09", incoming: "08" }]);
  sync.mockClear();
  const r = await applyPrevious(source, preview);
  expect(r).toMatchObject({ changed: false, written: 25 });
  expect(sync).toHaveBeenCalledTimes(3);
  const written = book.writes.slice(n);
  for (const w of written) expect(w.address).toMatch(/^'Phụ lục'!F\d+$/);
  expect(book.cell("Phụ lục", "F9")!.v).toBe(9);
  expect(book.cell("Phụ lục", "F10")!.v).toBe(3);
  const out = await exportWorkbook("vi");
  expect(out.data.previous).toMatchObject({ vb_tong: 9, vb_cap_uy: 3, cchc_dvc_ty_le: "100%", dt_ty_le: "Không có", cv_tong: 10424000 });
});

test("a value typed between the preview and the write: nothing written, the new plan shown", async () => {
  const book = mockWorkbook();
  install(book);
  await thisYear(book);
  const source = { kind: "data" as const, data: parseImport(json) };
  const preview = await previewPrevious(source);
  book.setCell("Phụ lục", "F10", 7);
  const r = await applyPrevious(source, preview);
  expect(r.changed).toBe(true);
  expect(r.written).toBe(0);
  expect(r.preview.plan.writes.map((w) => w.code)).not.toContain("vb_cap_uy");
  expect(book.cell("Phụ lục", "F10")!.v).toBe(7);
});

test("the pane reads last year's .xlsx, .json and .docx", async () => {
  const file = await initWorkbook(exampleInput(), "nam-truoc.xlsx");
  const bytes = fs.readFileSync(file);
  const asFile = (name: string, b: Buffer) => ({ name, text: async () => b.toString("utf8"), arrayBuffer: async () => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer });
  const fromXlsx = await readPreviousSource(asFile("nam-truoc.xlsx", bytes));
  const fromJson = await readPreviousSource(asFile("nam-truoc.json", Buffer.from(json)));
  expect(fromXlsx.kind).toBe("data");
  expect(fromJson.kind).toBe("data");
  if (fromXlsx.kind === "data" && fromJson.kind === "data") expect(fromXlsx.data.values).toEqual(fromJson.data.values);
  const zip = new JSZip();
  zip.file("word/document.xml", "<w:document><w:body><w:p><w:r><w:t>- Tổng số đoàn kiểm tra: 02</w:t></w:r></w:p></w:body></w:document>");
  const docx = await readPreviousSource(asFile("bao-cao.docx", await zip.generateAsync({ type: "nodebuffer" })));
  expect(docx).toEqual({ kind: "docx", content: { paragraphs: ["- Tổng số đoàn kiểm tra: 02"], tables: [] } });
  await expect(readPreviousSource(asFile("bao-cao.pdf", Buffer.from("x")))).rejects.toMatchObject({ vi: expect.stringContaining(".docx") });
});
