/**
 * The .docx: golden checks on the worked example's XML. Through LibreOffice to PDF: pdf.test.ts.
 */
import JSZip from "jszip";
import { renderDocx } from "../../src/docx/render-docx";
import { buildReport } from "../../src/core/narrative/report";
import { EXAMPLE, load } from "./helpers";

async function parts(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) if (name.endsWith(".xml") || name.endsWith(".rels")) out[name] = await zip.files[name].async("string");
  return out;
}

/** The document's text: runs joined within a paragraph, paragraphs on lines. */
function textOf(xml: string): string[] {
  return xml
    .split(/<\/w:p>/)
    .map((p) =>
      (p.match(/<w:t(?: [^>]*)?>[^<]*<\/w:t>|<w:br\/>|<w:noBreakHyphen\/>/g) ?? [])
        .map((t) => (t === "<w:br/>" ? "\n" : t === "<w:noBreakHyphen/>" ? "-" : t.replace(/<[^>]+>/g, "")))
        .join("")
        .replace(/&amp;/g, "&")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'"),
    )
    .filter((t) => t !== "");
}

describe("the .docx of the worked example", () => {
  let xml: Record<string, string>;
  let lines: string[];
  beforeAll(async () => {
    const bytes = await renderDocx(buildReport(load(EXAMPLE)).doc);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(bytes.slice(0, 2)).toString()).toBe("PK");
    xml = await parts(bytes);
    lines = textOf(xml["word/document.xml"]);
  });

  it("is A4 with the margins of Nghị định 30/2020 and Times New Roman", () => {
    const doc = xml["word/document.xml"];
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const mar = /<w:pgMar ([^>]*)\/>/.exec(doc)![1];
    expect(mar).toContain('w:top="1134"');
    expect(mar).toContain('w:bottom="1134"');
    expect(mar).toContain('w:left="1701"');
    expect(mar).toContain('w:right="850"');
    expect(xml["word/styles.xml"]).toMatch(/w:ascii="Times New Roman"/);
    expect(xml["word/styles.xml"]).toMatch(/<w:sz w:val="28"\/>/);
    // First-line indent 1.27 cm = 720 twips, 6 pt after = 120.
    expect(doc).toContain('<w:ind w:firstLine="720"/>');
    expect(doc).toContain('w:after="120"');
  });

  it("numbers pages in the top margin, centred, none on the first page", () => {
    const doc = xml["word/document.xml"];
    expect(doc).toContain("<w:titlePg/>");
    const def = /<w:headerReference w:type="default" r:id="(rId\d+)"/.exec(doc)![1];
    const first = /<w:headerReference w:type="first" r:id="(rId\d+)"/.exec(doc)![1];
    const rels = xml["word/_rels/document.xml.rels"];
    const file = (id: string) => "word/" + new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1];
    expect(xml[file(def)]).toMatch(/PAGE/);
    expect(xml[file(def)]).toContain('<w:jc w:val="center"/>');
    expect(xml[file(first)]).not.toMatch(/PAGE/);
  });

  it("has the header fields", () => {
    for (const s of [
      "UBND TỈNH SƠN LA",
      "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
      "Số: 538/BC-SKHCN",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Sơn La, ngày 14 tháng 11 năm 2021",
      "BÁO CÁO",
    ])
      expect(lines).toContain(s);
  });

  it("lists each of the 8 documents with its symbol and date", () => {
    const docs = [
      "Kế hoạch số 166-KH/ĐU ngày 30/3/2021",
      "Kế hoạch số 170-KH/ĐB ngày 20/4/2021",
      "Kế hoạch số 221-KH/ĐU ngày 14/10/2021",
      "Kế hoạch số 49/KH-KHCN ngày 11/01/2021",
      "Kế hoạch số 105/KH-SKHCN ngày 19/01/2021",
      "Công văn số 320/SKHCN-VP ngày 15/3/2021 về việc",
      "Công văn số 535/SKHCN-VP ngày 04/5/2021 về việc",
      "Kế hoạch số 48/KH-KHCN ngày 11/01/2021",
    ];
    for (const d of docs) expect(lines.filter((l) => l.startsWith("- " + d))).toHaveLength(1);
  });

  it("has every appendix value as printed, and the signer", () => {
    const K = (reason: string) => " [cần kiểm tra: " + reason + "]";
    for (const s of [
      "Phụ lục",
      "SỐ LIỆU KẾT QUẢ THỰC HIỆN QUY CHẾ DÂN CHỦ Ở CƠ SỞ NĂM 2021",
      "(Kèm theo Báo cáo số 538/BC-SKHCN ngày 14/11/2021 của Sở Khoa học và Công nghệ)",
      "1. Tổng số văn bản đã ban hành trong năm: 08, trong đó: cấp ủy: 03; chính quyền: 05.",
      "- Tổng số đoàn kiểm tra: 01",
      "- Tổng số đơn vị, cơ sở được kiểm tra: 01",
      "- Số lượng các cuộc hội nghị, hội thảo, tập huấn: 0" + K("tổng không khớp các phần"),
      "- Trong đó: Tổ chức riêng 0 cuộc; lồng ghép 04 cuộc" + K("tổng không khớp các phần") + ".",
      "- Số lượng dịch vụ công trực tuyến mức độ 3: 26",
      "- Số lượng dịch vụ công trực tuyến mức độ 4: 19",
      "- Tỷ lệ dịch vụ công trực tuyến mức độ 3, 4/tổng số dịch vụ công cung cấp: 100%",
      "- Tỷ lệ giải quyết đơn thư khiếu nại, tố cáo: Không có",
      "- Số vụ việc tồn đọng, kéo dài: Đã giải quyết: 0; Chưa giải quyết: 0",
      "6. Hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với người dân và doanh nghiệp: 01 cuộc" + K("phần lớn hơn tổng; khác sổ Đối thoại") + ".",
      "7. Cấp tỉnh:",
      "- Người đứng đầu cấp ủy: 0 cuộc" + K("khác sổ Đối thoại") + ".",
      "- Người đứng đầu chính quyền: 03 cuộc" + K("phần lớn hơn tổng; khác sổ Đối thoại") + ".",
      "Tổng số kinh phí hỗ trợ: 10.424.000 đồng; trong đó:",
      "- Doanh nghiệp: 0 đồng",
      "- Người lao động: 10.424.000 đồng",
      "- Đối tượng khác: 0 đồng.",
      "9. Số cơ quan, đơn vị tổ chức hội nghị cán bộ, công chức, viên chức: 4/4 đơn vị đạt tỷ lệ: 100%.",
      "Nơi nhận:",
      "GIÁM ĐỐC",
      "Lưu Bình Khiêm",
    ])
      expect(lines).toContain(s);
    expect(xml["word/document.xml"]).not.toContain("SKHCM");
  });

  it("marks for the author are highlighted runs; hyphenated words never break (w:noBreakHyphen)", () => {
    const doc = xml["word/document.xml"];
    const highlighted = doc.match(/<w:r>(?:(?!<\/w:r>).)*<w:highlight w:val="yellow"\/>(?:(?!<\/w:r>).)*<\/w:r>/g) ?? [];
    expect(highlighted.length).toBe(7);
    for (const r of highlighted) expect(r).toMatch(/\[cần kiểm tra: /);
    // "Covid-19", "538/BC-SKHCN", "166-KH/ĐU": the hyphen is Word's non-breaking one
    expect(doc).toMatch(/Covid<\/w:t><w:noBreakHyphen\/><w:t[^>]*>19/);
    expect(doc).toMatch(/538\/BC<\/w:t><w:noBreakHyphen\/><w:t[^>]*>SKHCN/);
    expect(doc).not.toMatch(/<w:t[^>]*>[^<]*[\p{L}\p{N}]-[\p{L}\p{N}][^<]*<\/w:t>/u);
    // a spaced dash stays a plain hyphen
    expect(lines).toContain("Độc lập - Tự do - Hạnh phúc");
  });

  it("the appendix is a separate part: a new section whose page numbers restart at 1, none on its first page", () => {
    const doc = xml["word/document.xml"];
    const sections = doc.match(/<w:sectPr\b(?:(?!<\/w:sectPr>).)*<\/w:sectPr>/g) ?? [];
    expect(sections).toHaveLength(2);
    expect(sections[0]).not.toMatch(/<w:pgNumType[^>]*w:start=/);
    expect(sections[1]).toMatch(/<w:pgNumType[^>]*w:start="1"/);
    for (const sec of sections) expect(sec).toContain("<w:titlePg/>");
    // the first section ends just before "Phụ lục"
    const cut = doc.indexOf(sections[0]!);
    expect(doc.slice(cut).replace(/<[^>]+>/g, "")).toMatch(/^Phụ lục/);
  });
});
