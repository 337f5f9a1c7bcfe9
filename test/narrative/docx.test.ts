/**
 * The .docx: golden checks on the worked example's XML, and hostile user text through
 * LibreOffice to PDF (page 1 kept as a PNG in test-artifacts/ for people to look at).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { execFileSync, spawnSync } from "child_process";
import JSZip from "jszip";
import { renderDocx } from "../../src/docx/render-docx";
import { buildReport } from "../../src/core/narrative/report";
import { EXAMPLE, MAI_SON, ROOT, load, clone } from "./helpers";

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
      (p.match(/<w:t(?: [^>]*)?>[^<]*<\/w:t>|<w:br\/>/g) ?? [])
        .map((t) => (t === "<w:br/>" ? "\n" : t.replace(/<[^>]+>/g, "")))
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
    for (const s of [
      "PHỤ LỤC SỐ LIỆU",
      "(Kèm theo Báo cáo số 538/BC-SKHCN ngày 14/11/2021 của Sở Khoa học và Công nghệ)",
      "1. Tổng số văn bản đã ban hành trong năm: 08, trong đó: cấp ủy: 03; chính quyền: 05.",
      "- Tổng số đoàn kiểm tra: 01",
      "- Tổng số đơn vị, cơ sở được kiểm tra: 01",
      "- Số lượng các cuộc hội nghị, hội thảo, tập huấn: 0",
      "- Trong đó: Tổ chức riêng 0 cuộc; lồng ghép 04 cuộc.",
      "- Số lượng dịch vụ công trực tuyến mức độ 3: 26",
      "- Số lượng dịch vụ công trực tuyến mức độ 4: 19",
      "- Tỷ lệ dịch vụ công trực tuyến mức độ 3, 4/tổng số dịch vụ công cung cấp: 100%",
      "- Tỷ lệ giải quyết đơn thư khiếu nại, tố cáo: Không có",
      "- Số vụ việc tồn đọng, kéo dài: Đã giải quyết: 0; Chưa giải quyết: 0",
      "6. Hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với người dân và doanh nghiệp: 01 cuộc.",
      "7. Cấp tỉnh:",
      "- Người đứng đầu cấp ủy: 0 cuộc.",
      "- Người đứng đầu chính quyền: 03 cuộc.",
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
    // The appendix starts a new page.
    expect(xml["word/document.xml"]).toMatch(/<w:pageBreakBefore\/>(?:(?!<\/w:p>).)*PHỤ LỤC SỐ LIỆU/);
  });
});

const hasSoffice = spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;
const hasPoppler = spawnSync("pdftotext", ["-v"], { encoding: "utf8" }).status === 0;

/** Hostile but legitimate user text. */
function hostile() {
  const d = clone(load(MAI_SON));
  const ctl = "Tab\there, NUL\u0000, BEL\u0007, ESC\u001b, VT\u000b, FF\u000c, lone surrogate \ud800 end";
  d.report.agency = 'Sở <Tư pháp> & "Nội vụ" \'Ð\' 🎉';
  d.report.signerName = "Trần Thị Ánh <b>Nguyệt</b> ]]> &amp;";
  d.report.recipients = ["<script>alert(1)</script>", "Lưu: VT & ĐT."];
  d.registers.van_ban[0].title = "Ký tự đặc biệt < > & \" ' ]]> và emoji 👍🏽 🇻🇳";
  d.sections = [
    { heading: "I. <KIỂM THỬ> & \"KÝ TỰ\"", text: ctl + "\n\nDòng 1\nDòng 2 (xuống dòng)\n\n{ds_van_ban}\n\n{vb_tong} văn bản; {tom_tat}" },
    { heading: "II. PHẦN RẤT DÀI", text: ("Đoạn văn dài có dấu tiếng Việt: Nghị định, quy chế dân chủ ở cơ sở. ").repeat(143).slice(0, 10000) },
  ];
  return d;
}

(hasSoffice && hasPoppler ? describe : describe.skip)("hostile text through LibreOffice (soffice, pdftotext)", () => {
  let dir: string;
  let docxPath: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-docx-"));
    docxPath = path.join(dir, "hostile.docx");
    fs.writeFileSync(docxPath, await renderDocx(buildReport(hostile()).doc));
    fs.writeFileSync(path.join(dir, "example.docx"), await renderDocx(buildReport(load(EXAMPLE)).doc));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("gives well-formed XML with the text escaped, control characters dropped", async () => {
    const xml = await parts(fs.readFileSync(docxPath));
    const doc = xml["word/document.xml"];
    expect(doc).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(doc).toContain("&lt;script&gt;");
    expect(doc).not.toContain("<script>");
    const r = spawnSync("xmllint", ["--noout", "-"], { input: doc, encoding: "utf8" });
    if (r.error === undefined) expect(r.stderr).toBe("");
  });

  it(
    "converts to PDF, and pdftotext shows the Vietnamese with its diacritics",
    () => {
      const profile = "file://" + path.join(dir, "lo-profile");
      execFileSync("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", dir, docxPath, path.join(dir, "example.docx")], {
        stdio: "ignore",
        timeout: 120000,
      });
      const pdf = path.join(dir, "hostile.pdf");
      expect(fs.existsSync(pdf)).toBe(true);
      const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).normalize("NFC");
      for (const s of ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "PHỤ LỤC SỐ LIỆU", "Đoạn văn dài có dấu tiếng Việt", "Mai Sơn", "Trần Thị Ánh", "<script>alert(1)</script>", "Dòng 2 (xuống dòng)"])
        expect(text).toContain(s);
      expect(text).toContain("SỞ <TƯ PHÁP>");
      expect(text).toContain("về ký tự đặc biệt < > &");
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
      expect(pages).toBeGreaterThanOrEqual(4);
      // Page 1 for people to look at.
      const art = path.join(ROOT, "test-artifacts");
      fs.mkdirSync(art, { recursive: true });
      execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf, path.join(art, "report-hostile-page1")]);
      expect(fs.existsSync(path.join(art, "report-hostile-page1.png"))).toBe(true);
      const example = path.join(dir, "example.pdf");
      const exText = execFileSync("pdftotext", ["-layout", example, "-"], { encoding: "utf8" }).normalize("NFC");
      expect(exText).toContain("Lưu Bình Khiêm");
      // The header: the agency's name and the national title each on one line, side by side.
      expect(exText).toMatch(/SỞ KHOA HỌC VÀ CÔNG NGHỆ +Độc lập - Tự do - Hạnh phúc/);
      expect(exText).toMatch(/UBND TỈNH SƠN LA +CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
      // The appendix starts on a page of its own.
      const pagesText = exText.split("\f");
      const appendixPage = pagesText.findIndex((p) => p.includes("PHỤ LỤC SỐ LIỆU"));
      expect(appendixPage).toBeGreaterThan(0);
      expect(pagesText[appendixPage].trimStart().replace(/^\d+\s+/, "").trimStart().startsWith("PHỤ LỤC SỐ LIỆU")).toBe(true);
      for (const page of [1, 2, 3]) execFileSync("pdftoppm", ["-png", "-r", "60", "-f", String(page), "-l", String(page), "-singlefile", example, path.join(art, `report-example-page${page}`)]);
    },
    180000,
  );
});
