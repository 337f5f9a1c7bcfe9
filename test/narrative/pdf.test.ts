/**
 * The generated reports through LibreOffice to PDF, as a clerk would print them: every report
 * of PDF_CASES is written as .docx and converted in ONE `soffice --headless --convert-to pdf`
 * run (LibreOffice starts once: CI time stays small), then read back with pdftotext.
 * Checked on each: the Vietnamese with its diacritics, the "[cần kiểm tra: …]" marks where
 * the data has errors (and none where it has none), never "chưa có số liệu", the appendix on
 * a page of its own. Pages kept as PNG in test-artifacts/ for people to look at.
 *
 * To add a report (a province template's worked example, say), add an entry to PDF_CASES.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { execFileSync, spawnSync } from "child_process";
import type { ReportData } from "../../src/core/types";
import { renderDocx } from "../../src/docx/render-docx";
import { buildReport } from "../../src/core/narrative/report";
import { EXAMPLE, MAI_SON, ROOT, load, clone } from "./helpers";

export interface PdfCase {
  /** File name (no extension). */
  name: string;
  data: () => ReportData;
  /** Text pdftotext must show (diacritics as written). */
  shows: string[];
  /** Sentences marked for the author, as text just before "[cần kiểm tra" (none: []). */
  marked: RegExp[];
  /** Export the first pages as PNG. */
  pictures?: number;
}

/** Hostile but legitimate user text. */
function hostile(): ReportData {
  const d = clone(load(MAI_SON));
  const ctl = "Tab\there, NUL\u0000, BEL\u0007, ESC\u001b, VT\u000b, FF\u000c, lone surrogate \ud800 end";
  d.report.agency = 'Sở <Tư pháp> & "Nội vụ" \'Ð\' 🎉';
  d.report.signerName = "Trần Thị Ánh <b>Nguyệt</b> ]]> &amp;";
  d.report.recipients = ["<script>alert(1)</script>", "Lưu: VT & ĐT."];
  d.registers.van_ban[0].title = "Ký tự đặc biệt < > & \" ' ]]> và emoji 👍🏽 🇻🇳";
  d.sections = [
    { heading: "I. <KIỂM THỬ> & \"KÝ TỰ\"", text: ctl + "\n\nDòng 1\nDòng 2 (xuống dòng)\n\n{ds_van_ban}\n\n{vb_tong} văn bản; {tom_tat}" },
    { heading: "II. PHẦN RẤT DÀI", text: "Đoạn văn dài có dấu tiếng Việt: Nghị định, quy chế dân chủ ở cơ sở. ".repeat(143).slice(0, 10000) },
  ];
  return d;
}

/** Mai Sơn with some items left blank. */
function withBlanks(): ReportData {
  const d = clone(load(MAI_SON));
  d.values.kt_so_doan = null;
  d.values.dt_ton_dong_chua_gq = null;
  d.values.vb_tong = null;
  return d;
}

export const PDF_CASES: PdfCase[] = [
  {
    name: "son-la-skhcn-2021",
    data: () => load(EXAMPLE),
    shows: ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Sơn La, ngày 14 tháng 11 năm 2021", "Lưu Bình Khiêm", "Phụ lục", "(Kèm theo Báo cáo số 538/BC-SKHCN"],
    marked: [/lồng ghép 04 cuộc$/, /chính quyền chủ trì 03 cuộc$/, /tập huấn: 0$/, /Người đứng đầu chính quyền: 03 cuộc$/],
    pictures: 3,
  },
  {
    name: "mai-son-2022",
    data: () => load(MAI_SON),
    shows: ["Mai Sơn, ngày 05 tháng 12 năm 2022", "Ủy ban nhân dân huyện Mai Sơn", "Số: 45/BC-UBND", "Nguyễn Văn An"],
    marked: [],
  },
  {
    name: "mai-son-2022-blanks",
    data: withBlanks,
    shows: ["Tổng số đoàn kiểm tra: …"],
    marked: [],
  },
  {
    name: "hostile",
    data: hostile,
    shows: ["Đoạn văn dài có dấu tiếng Việt", "Trần Thị Ánh", "<script>alert(1)</script>", "Dòng 2 (xuống dòng)", "SỞ <TƯ PHÁP>", "về ký tự đặc biệt < > &"],
    marked: [],
    pictures: 1,
  },
];

const hasSoffice = spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;
const hasPoppler = spawnSync("pdftotext", ["-v"], { encoding: "utf8" }).status === 0;

(hasSoffice && hasPoppler ? describe : describe.skip)("generated reports as PDF (one LibreOffice run, pdftotext)", () => {
  let dir: string;
  const texts = new Map<string, string>();
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-pdf-"));
    const files: string[] = [];
    for (const c of PDF_CASES) {
      const f = path.join(dir, c.name + ".docx");
      fs.writeFileSync(f, await renderDocx(buildReport(c.data()).doc));
      files.push(f);
    }
    const profile = "file://" + path.join(dir, "lo-profile");
    execFileSync("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", dir, ...files], { stdio: "ignore", timeout: 170000 });
    const art = path.join(ROOT, "test-artifacts");
    fs.mkdirSync(art, { recursive: true });
    for (const c of PDF_CASES) {
      const pdf = path.join(dir, c.name + ".pdf");
      if (!fs.existsSync(pdf)) continue;
      texts.set(c.name, execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).normalize("NFC"));
      if (c.pictures) execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", String(c.pictures), pdf, path.join(art, "report-" + c.name)]);
    }
  }, 180000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe.each(PDF_CASES.map((c) => [c.name, c] as const))("%s", (name, c) => {
    it("converts, and shows the Vietnamese with its diacritics", () => {
      const text = texts.get(name);
      expect(text).toBeDefined();
      // pdftotext may give the non-breaking hyphen as U+2011: read it as "-".
      const t = text!.replace(/\u2011/g, "-");
      for (const s of c.shows) expect(t).toContain(s);
      expect(t).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/);
    });

    it("marks the sentences whose figures break a rule, and only those; never 'chưa có số liệu'", () => {
      const t = texts.get(name)!.replace(/\u2011/g, "-");
      // Lines joined so that a mark broken across lines is read whole.
      const flat = t.replace(/\s+/g, " ");
      expect(flat).not.toContain("chưa có số liệu");
      const marks = flat.split("[cần kiểm tra").length - 1;
      if (!c.marked.length) expect(marks).toBe(0);
      else {
        expect(marks).toBeGreaterThanOrEqual(c.marked.length);
        const before = flat.split(/ ?\[cần kiểm tra/).slice(0, -1);
        for (const re of c.marked) expect({ re: String(re), found: before.some((b) => re.test(b)) }).toEqual({ re: String(re), found: true });
      }
    });

    it("puts the appendix on a page of its own, starting 'Phụ lục'", () => {
      const pages = texts.get(name)!.split("\f");
      const at = pages.findIndex((p) => /^\s*Phụ lục\s*$/m.test(p));
      expect(at).toBeGreaterThan(0);
      expect(pages[at].trimStart().startsWith("Phụ lục")).toBe(true);
      // its own numbering: no page number on its first page
      expect(pages[at].split("\n").find((l) => l.trim() !== "")!.trim()).toBe("Phụ lục");
    });
  });

  it("the header: the agency's name and the national title each on one line, side by side", () => {
    const t = texts.get("son-la-skhcn-2021")!;
    expect(t).toMatch(/SỞ KHOA HỌC VÀ CÔNG NGHỆ +Độc lập - Tự do - Hạnh phúc/);
    expect(t).toMatch(/UBND TỈNH SƠN LA +CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
  });
});
