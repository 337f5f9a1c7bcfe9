import { buildReport } from "../../src/core/narrative/report";
import { renderHtml, escapeHtml } from "../../src/core/render/html";
import { renderText } from "../../src/core/render/text";
import { renderRows } from "../../src/core/render/rows";
import { cleanText } from "../../src/core/doc/model";
import { EXAMPLE, MAI_SON, load, clone } from "./helpers";

const example = load(EXAMPLE);

describe("HTML for the clipboard", () => {
  it("escapes everything a user typed", () => {
    const d = clone(load(MAI_SON));
    d.report.agency = `Sở <img src=x onerror="alert(1)"> & 'Nội vụ'`;
    d.sections = [{ heading: "<script>alert(2)</script>", text: "a < b && c > d \"q\" 'q'\u0000\u0007" }];
    const html = renderHtml(buildReport(d).doc, { fullDocument: true });
    expect(html).not.toMatch(/<script|<img|onerror="/i);
    expect(html).toContain("&lt;script&gt;alert(2)&lt;/script&gt;");
    expect(html).toContain("SỞ &lt;IMG SRC=X ONERROR=&quot;ALERT(1)&quot;&gt; &amp; &#39;NỘI VỤ&#39;");
    expect(html).toContain("a &lt; b &amp;&amp; c &gt; d &quot;q&quot; &#39;q&#39;</p>");
    expect(html).not.toMatch(/[\u0000-\u0008]/);
  });

  it("keeps the formatting Word needs on paste: Times New Roman, sizes, bold, italic, indent, page break", () => {
    const html = renderHtml(buildReport(example).doc, { fullDocument: true });
    expect(html.startsWith("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">")).toBe(true);
    expect(html).toContain("font-family:'Times New Roman',serif;font-size:14pt");
    expect(html).toContain("<b><span style=\"font-size:12pt\">SỞ KHOA HỌC VÀ CÔNG NGHỆ</span></b>");
    // The header's columns as in the .docx: 43 % and 57 % of the text width.
    expect(html).toMatch(/<td style="width:43%[^>]*>(?:(?!<\/td>).)*SỞ KHOA HỌC VÀ CÔNG NGHỆ/);
    expect(html).toMatch(/<td style="width:57%[^>]*>(?:(?!<\/td>).)*CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    expect(html).toContain("<i><span style=\"font-size:14pt\">Sơn La, ngày 14 tháng 11 năm 2021</span></i>");
    expect(html).toContain("<b><i><span style=\"font-size:12pt\">Nơi nhận:</span></i></b>");
    expect(html).toContain("text-indent:1.27cm");
    expect(html).toMatch(/page-break-before:always">(<[^>]+>)*Phụ lục</);
    expect(html).toContain("<hr align=\"center\"");
  });

  it("escapeHtml and cleanText", () => {
    expect(escapeHtml(`<&>"'`)).toBe("&lt;&amp;&gt;&quot;&#39;");
    expect(cleanText("a\u0000b\r\nc\ud800d😀")).toBe("ab\ncd😀");
  });
});

describe("worksheet rows", () => {
  const rows = renderRows(buildReport(example).doc);

  it("puts the header's two columns side by side", () => {
    expect(rows.columnWidths).toHaveLength(2);
    expect(rows.font).toBe("Times New Roman");
    const first = rows.rows[0].cells.map((c) => c.v);
    expect(first).toEqual(["UBND TỈNH SƠN LA", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]);
    const agency = rows.rows[1].cells[0];
    expect(agency).toMatchObject({ v: "SỞ KHOA HỌC VÀ CÔNG NGHỆ", bold: true, size: 12, align: "center", borderBottom: true });
    expect(rows.rows[1].cells[1]).toMatchObject({ v: "Độc lập - Tự do - Hạnh phúc", bold: true, borderBottom: true });
    expect(rows.rows[2].cells.map((c) => c.v)).toEqual(["Số: 538/BC-SKHCN", "Sơn La, ngày 14 tháng 11 năm 2021"]);
    expect(rows.rows[2].cells[1].italic).toBe(true);
  });

  it("gives each paragraph one merged, wrapped row with a height for its length", () => {
    const body = rows.rows.find((r) => r.cells[0]?.v.startsWith("Trong năm 2021, Sở Khoa học và Công nghệ đã ban hành 08 văn bản"))!;
    expect(body.cells[0]).toMatchObject({ span: 2, wrap: true, align: "justify" });
    const short = rows.rows.find((r) => r.cells[0]?.v === "- Tổng số đoàn kiểm tra: 01")!;
    expect(body.height!).toBeGreaterThan(short.height! * 3);
    const all = rows.rows.map((r) => r.cells.map((c) => c.v).join(" | "));
    expect(all).toContain("SỐ LIỆU KẾT QUẢ THỰC HIỆN QUY CHẾ DÂN CHỦ Ở CƠ SỞ NĂM 2021");
    expect(all).toContain("Nơi nhận: | GIÁM ĐỐC");
  });
});

describe("plain text", () => {
  it("is the report as paragraphs separated by blank lines, without layout leftovers", () => {
    const t = renderText(buildReport(example).doc);
    expect(t.startsWith("UBND TỈNH SƠN LA\n\nSỞ KHOA HỌC VÀ CÔNG NGHỆ\n\nSố: 538/BC-SKHCN\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")).toBe(true);
    expect(t).toContain("\n\n- Kế hoạch số 166-KH/ĐU ngày 30/3/2021 về triển khai");
    expect(t).not.toMatch(/\n{3,}/);
    expect(renderText(buildReport(example).doc, { blankLines: false })).toContain("Số: 538/BC-SKHCN\nCỘNG HÒA");
  });
});
