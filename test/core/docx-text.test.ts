/**
 * The one .docx text reader (src/core/doc/docx-text.ts), as last year's import and the draft
 * check see it: paragraphs, Word tables as rows and cells, entities decoded; an appendix laid
 * out as a Word table is checked row by row.
 */
import * as fs from "fs";
import * as path from "path";
import { docxContent, docxPlainText, readDocxBody } from "../../src/core/doc/docx-text";
import { readDocumentXml } from "../../src/core/previous";
import { documentXmlText } from "../../src/cli/draft";
import { checkDraft } from "../../src/core/draft/index";
import { normalizeReport } from "../../src/core/normalize";
import type { ReportData } from "../../src/core/types";

const p = (t: string) => `<w:p><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`;
const cell = (...ps: string[]) => `<w:tc><w:tcPr/>${ps.map(p).join("")}</w:tc>`;
const row = (...cs: string[]) => `<w:tr>${cs.join("")}</w:tr>`;
const table = (...rs: string[]) => `<w:tbl><w:tblPr/>${rs.join("")}</w:tbl>`;

const XML =
  `<?xml version="1.0"?><w:document><w:body>` +
  table(row(cell("ỦY BAN NHÂN DÂN", "XÃ TÂN LẬP"), cell("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"))) +
  p("Tiếp nhận 04 đơn thư khiếu nại, tố cáo thuộc thẩm quyền &amp; đã giải quyết 03 đơn&#46;") +
  `<w:p><w:r><w:t>A</w:t><w:tab/><w:t>B</w:t><w:br/><w:t>C</w:t></w:r></w:p>` +
  table(
    row(cell("TT"), cell("Chỉ tiêu"), cell("Đơn vị tính"), cell("Số liệu")),
    row(cell("1"), cell("Số cuộc kiểm tra, giám sát việc thực hiện dân chủ ở cơ sở"), cell("cuộc"), cell("07")),
    row(cell("2"), `<w:tc>${table(row(cell("x"), cell("y")))}</w:tc>`),
  ) +
  `</w:body></w:document>`;

test("one walk: paragraphs and tables in order, entities decoded, tabs and breaks kept", () => {
  const body = readDocxBody(XML);
  expect(body.map((b) => (typeof b === "string" ? "p" : "table"))).toEqual(["table", "p", "p", "table"]);
  expect(body[1]).toBe("Tiếp nhận 04 đơn thư khiếu nại, tố cáo thuộc thẩm quyền & đã giải quyết 03 đơn.");
  expect(body[2]).toBe("A\tB\nC");
});

test("last year's view: paragraphs outside tables, cells as text, a nested table as 'a | b'", () => {
  const c = docxContent(XML);
  expect(readDocumentXml(XML)).toEqual(c);
  expect(c.paragraphs).toHaveLength(2);
  expect(c.tables[0]).toEqual([["ỦY BAN NHÂN DÂN\nXÃ TÂN LẬP", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"]]);
  expect(c.tables[1][1]).toEqual(["1", "Số cuộc kiểm tra, giám sát việc thực hiện dân chủ ở cơ sở", "cuộc", "07"]);
  expect(c.tables[1][2]).toEqual(["2", "x | y"]);
});

test("the draft's view: a header row gives its paragraphs one a line, an appendix row is one line of cells", () => {
  const lines = docxPlainText(XML).split("\n");
  expect(documentXmlText(XML)).toBe(docxPlainText(XML));
  expect(lines.slice(0, 4)).toEqual(["ỦY BAN NHÂN DÂN", "XÃ TÂN LẬP", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]);
  expect(lines).toContain("1\tSố cuộc kiểm tra, giám sát việc thực hiện dân chủ ở cơ sở\tcuộc\t07");
});

test("an appendix laid out as a Word table is checked: the wrong figure of a row is found", () => {
  const data = normalizeReport(JSON.parse(fs.readFileSync(path.join(__dirname, "../../examples/xa-tan-lap-2026.json"), "utf8")) as ReportData);
  const r = checkDraft(docxPlainText(XML), data);
  const figs = r.findings.filter((f) => f.rule === "narrative.figure");
  expect(figs.map((f) => f.indicators[0])).toEqual(["kt_so_cuoc"]);
  expect(figs[0].message).toContain('"07"');
});
