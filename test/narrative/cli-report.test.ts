import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import JSZip from "jszip";
import { runReport } from "../../src/cli/report";
import { planWorkbook } from "../../src/core/sheet-plan";
import { writePlan } from "../../src/cli/xlsx";
import { qcdc2021 } from "../../src/core/templates/qcdc-2021";
import { EXAMPLE, MAI_SON, load } from "./helpers";

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-cli-report-"))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]) {
  let out = "";
  let err = "";
  const code = await runReport(args, { out: (s) => void (out += s), err: (s) => void (err += s) });
  return { code, out, err };
}

async function docText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  return (await zip.files["word/document.xml"].async("string")).replace(/<[^>]+>/g, "");
}

describe("phuluc report", () => {
  it("JSON → .docx: exit 0 even with data errors, and a Vietnamese warning with the count", async () => {
    const out = path.join(dir, "bao-cao.docx");
    const r = await run([EXAMPLE, "-o", out]);
    expect(r.code).toBe(0);
    expect(r.err).toContain("Số liệu còn 3 lỗi");
    expect(r.out).toContain(out);
    expect(await docText(out)).toContain("Lưu Bình Khiêm");
  });

  it("names on stderr the sentences marked '[cần kiểm tra: …]' (their figures break a rule), in the text too", async () => {
    const out = path.join(dir, "bao-cao-marked.txt");
    const r = await run([EXAMPLE, "-o", out]);
    expect(r.code).toBe(0);
    expect(r.err).toContain("7 câu có số liệu vi phạm quy tắc nên không được nêu như sự thật");
    expect(r.err).toContain("  - Số lượng các cuộc hội nghị, hội thảo, tập huấn: 0; trong đó tổ chức riêng 0 cuộc và lồng ghép 04 cuộc [cần kiểm tra: tổng không khớp các phần].");
    expect(r.err).toMatch(/ {2}- …[^\n]*người đứng đầu chính quyền chủ trì 03 cuộc \[cần kiểm tra: /);
    const txt = fs.readFileSync(out, "utf8");
    expect(txt.split("[cần kiểm tra:").length - 1).toBe(7);
    const en = await run([EXAMPLE, "-o", path.join(dir, "en.txt"), "--lang", "en"]);
    expect(en.err).toContain("7 sentences state figures that break a rule");
  });

  it("no data error: no warning", async () => {
    const r = await run([MAI_SON, "-o", path.join(dir, "ms.docx")]);
    expect(r.code).toBe(0);
    expect(r.err).not.toContain("lỗi");
    // The sections' unknown placeholder is reported.
    expect(r.err).toContain("{khong_biet}");
  });

  it("the format follows the output's extension; --format overrides; docx without extension", async () => {
    expect((await run([EXAMPLE, "-o", path.join(dir, "r.html")])).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, "r.html"), "utf8")).toMatch(/^<!DOCTYPE html>[\s\S]*SỐ LIỆU KẾT QUẢ THỰC HIỆN/);
    expect((await run([EXAMPLE, "-o", path.join(dir, "r.txt")])).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, "r.txt"), "utf8")).toContain("Số: 538/BC-SKHCN\n");
    expect((await run([EXAMPLE, "-o", path.join(dir, "r.out"), "--format", "txt"])).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, "r.out"), "utf8")).toContain("SỐ LIỆU KẾT QUẢ THỰC HIỆN");
    expect((await run([EXAMPLE, "-o", path.join(dir, "noext")])).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, "noext")).subarray(0, 2).toString()).toBe("PK");
  });

  it("--summary gives the summary alone", async () => {
    const out = path.join(dir, "tt.txt");
    expect((await run([EXAMPLE, "--summary", "-o", out])).code).toBe(0);
    const t = fs.readFileSync(out, "utf8");
    expect(t).toContain("đã ban hành 08 văn bản");
    expect(t).not.toContain("Nơi nhận");
    expect(t).not.toContain("PHỤ LỤC");
  });

  it("--lang en: English messages", async () => {
    const r = await run([EXAMPLE, "-o", path.join(dir, "en.docx"), "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(r.err).toContain("The data has 3 errors");
  });

  it("bad input: a clear message and exit 2, never a stack trace", async () => {
    const bad = path.join(dir, "bad.json");
    fs.writeFileSync(bad, "{ not json");
    const r1 = await run([bad, "-o", path.join(dir, "x.docx")]);
    expect(r1.code).toBe(2);
    expect(r1.err).toMatch(/^phuluc: /);
    expect(r1.err).not.toMatch(/\n\s+at /);
    const r2 = await run([path.join(dir, "missing.json"), "-o", path.join(dir, "x.docx")]);
    expect(r2).toMatchObject({ code: 2 });
    expect(r2.err).toContain("Không tìm thấy tệp");
    const r3 = await run([EXAMPLE, "--format", "odt"]);
    expect(r3.code).toBe(2);
    expect(r3.err).toContain("docx, html, txt, pdf");
    const r4 = await run([]);
    expect(r4.code).toBe(2);
    expect(r4.err).toContain("Cách dùng: phuluc report");
  });

  it("pdf without LibreOffice: says how to get it, exit 2", async () => {
    const saved = { PATH: process.env.PATH, S: process.env.PHULUC_SOFFICE };
    process.env.PATH = path.join(dir, "empty-bin");
    process.env.PHULUC_SOFFICE = path.join(dir, "no-such-soffice");
    try {
      const out = path.join(dir, "r.pdf");
      const r = await run([EXAMPLE, "-o", out]);
      expect(r.code).toBe(2);
      expect(r.err).toContain("Không tìm thấy LibreOffice");
      expect(r.err).toContain("Cài LibreOffice");
      expect(r.err).toContain("Lưu thành > PDF");
      expect(fs.existsSync(out)).toBe(false);
    } finally {
      process.env.PATH = saved.PATH;
      if (saved.S === undefined) delete process.env.PHULUC_SOFFICE;
      else process.env.PHULUC_SOFFICE = saved.S;
    }
  });

  (spawnSync("soffice", ["--version"]).status === 0 ? it : it.skip)(
    "pdf with LibreOffice",
    async () => {
      const out = path.join(dir, "r.pdf");
      const r = await run([EXAMPLE, "-o", out]);
      expect(r.code).toBe(0);
      expect(fs.readFileSync(out).subarray(0, 5).toString()).toBe("%PDF-");
      const txt = spawnSync("pdftotext", [out, "-"], { encoding: "utf8" }).stdout.normalize("NFC");
      if (txt) expect(txt).toContain("SỐ LIỆU KẾT QUẢ THỰC HIỆN");
    },
    180000,
  );

  it(".xlsx input (a workbook made by init --data) gives the same report", async () => {
    const xlsx = path.join(dir, "so-lieu.xlsx");
    await writePlan(planWorkbook(qcdc2021, load(EXAMPLE)), xlsx);
    const out = path.join(dir, "from-xlsx.txt");
    const r = await run([xlsx, "-o", out]);
    expect(r.code).toBe(0);
    expect(r.err).toContain("Số liệu còn 3 lỗi");
    const fromJson = path.join(dir, "from-json.txt");
    await run([EXAMPLE, "-o", fromJson]);
    expect(fs.readFileSync(out, "utf8")).toBe(fs.readFileSync(fromJson, "utf8"));
  });
});
