/**
 * The pane reads last year's file for "Nhập số liệu năm trước": a phuluc .xlsx (with the
 * pane's own reader, no exceljs) gives the same figures as the .json; a .docx its text; any
 * other file a clear message.
 */
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { readPreviousSource } from "../../src/taskpane/previous-source";
import { initWorkbook, exampleInput, cleanup } from "../workbook/helpers";

const EXAMPLE = path.join(__dirname, "..", "..", "examples", "son-la-skhcn-2021.json");
const json = fs.readFileSync(EXAMPLE, "utf8");
afterAll(cleanup);

const asFile = (name: string, b: Buffer) => ({
  name,
  text: async () => b.toString("utf8"),
  arrayBuffer: async () => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer,
});

test("last year's .xlsx, .json and .docx", async () => {
  const file = await initWorkbook(exampleInput(), "nam-truoc.xlsx");
  const fromXlsx = await readPreviousSource(asFile("nam-truoc.xlsx", fs.readFileSync(file)));
  const fromJson = await readPreviousSource(asFile("nam-truoc.json", Buffer.from(json)));
  expect(fromXlsx.kind).toBe("data");
  expect(fromJson.kind).toBe("data");
  if (fromXlsx.kind === "data" && fromJson.kind === "data") expect(fromXlsx.data.values).toEqual(fromJson.data.values);
  const zip = new JSZip();
  zip.file("word/document.xml", "<w:document><w:body><w:p><w:r><w:t>- Tổng số đoàn kiểm tra: 02</w:t></w:r></w:p></w:body></w:document>");
  const docx = await readPreviousSource(asFile("bao-cao.docx", await zip.generateAsync({ type: "nodebuffer" })));
  expect(docx).toEqual({ kind: "docx", content: { paragraphs: ["- Tổng số đoàn kiểm tra: 02"], tables: [] } });
  await expect(readPreviousSource(asFile("bao-cao.pdf", Buffer.from("x")))).rejects.toMatchObject({ vi: expect.stringContaining(".docx") });
  await expect(readPreviousSource(asFile("hong.xlsx", Buffer.from("không phải zip")))).rejects.toMatchObject({ vi: expect.stringContaining("bị hỏng") });
});
