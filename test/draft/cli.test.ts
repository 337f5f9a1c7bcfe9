/** `phuluc draft` (src/cli/draft.ts, runDraft): text and .docx drafts, JSON and xlsx data, exit codes, languages. */
import * as fs from "fs";
import * as path from "path";
import { runDraft, documentXmlText, decodeText } from "../../src/cli/draft";
import { renderDocx } from "../../src/docx/render-docx";
import { A4_ND30, type Block } from "../../src/core/doc/model";
import { buildReport } from "../../src/core/narrative/index";
import { planWorkbook } from "../../src/core/sheet-plan";
import { getTemplate } from "../../src/core/templates/index";
import { writePlan } from "../../src/cli/xlsx";
import type { Finding } from "../../src/core/types";
import { normalizeReport } from "../../src/core/normalize";
import { EXAMPLE, MAI_SON, capture, cleanSeed, cleanup, correctedSeed, example, seedText, tmpDir } from "./helpers";

afterAll(cleanup);

const dir = tmpDir();
function write(name: string, content: string | Uint8Array): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
}

async function draft(...args: string[]) {
  const c = capture();
  const code = await runDraft(args, c.io);
  return { code, out: c.out, err: c.err };
}

async function docxOfLines(text: string): Promise<Uint8Array> {
  const blocks: Block[] = text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => ({ type: "paragraph", runs: [{ text: l }] }));
  return renderDocx({ page: { ...A4_ND30 }, blocks });
}

describe("plain text drafts", () => {
  const seed = write("du-thao.txt", seedText());

  test("the seed against the example: exit 1, errors and warnings listed in Vietnamese", async () => {
    const r = await draft(EXAMPLE, "--text", seed);
    expect(r.code).toBe(1);
    expect(r.err).toBe("");
    expect(r.out).toContain("Kết quả: 2 lỗi, 12 cảnh báo.");
    expect(r.out).toContain("[narrative.negation]");
    expect(r.out).toContain("[narrative.report-number]");
    expect(r.out).toContain("[lint.date]");
    // a long sentence is quoted around what is wrong, "…" where it is cut
    expect(r.out).toMatch(/Trích \(dòng 97\): “…đến hết thời điểm.*đơn vị không tổ chức Hội nghị đối thoại\.”/);
    expect(r.out).toMatch(/Trích \(dòng 144\): “\(Kèm theo Báo cáo số 538\/BC-SKHCM/);
    expect(r.out).toContain("Gợi ý: Sửa thành \"538/BC-SKHCN\".");
  });

  test("--json prints the findings of the spec's one shape", async () => {
    const r = await draft(EXAMPLE, "--text", seed, "--json");
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out) as { template: string; findings: Finding[]; summary: { errors: number; warnings: number; infos: number; overrides: unknown[] } };
    expect(j.template).toBe("qcdc-2021");
    expect(j.summary).toEqual({ errors: 2, warnings: 12, infos: 0, overrides: [] });
    const text = seedText();
    for (const f of j.findings) {
      expect(Object.keys(f)).toEqual(expect.arrayContaining(["rule", "severity", "message", "indicators", "quote", "offset"]));
      expect(text.slice(f.offset!).startsWith(f.quote!)).toBe(true);
    }
  });

  test("English with --lang en", async () => {
    const r = await draft(EXAMPLE, "--text", seed, "--lang", "en");
    expect(r.code).toBe(1);
    expect(r.out).toContain("Result: 2 errors, 12 warnings.");
    expect(r.out).toContain("ERRORS (2)");
    expect(r.out).toMatch(/Quote \(line 97\)/);
    expect(r.out).toContain("but the appendix has");
    expect(r.out).not.toContain("Kết quả");
  });

  test("a corrected draft: exit 0 (warnings only); a clean one: nothing to report", async () => {
    const r = await draft(EXAMPLE, "--text", write("sua.txt", correctedSeed()));
    expect(r.code).toBe(0);
    expect(r.out).toContain("Kết quả: 0 lỗi,");
    const c = await draft(EXAMPLE, "--text", write("sach.txt", cleanSeed()));
    expect(c.code).toBe(0);
    expect(c.out).toContain("Không thấy chỗ nào trong dự thảo khác với số liệu.");
  });

  test("UTF-8 with BOM, UTF-16 with BOM, NFD, CRLF line ends: the same findings", async () => {
    const ref = JSON.parse((await draft(EXAMPLE, "--text", seed, "--json")).out).findings.map((f: Finding) => f.rule);
    const bom = write("bom.txt", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(seedText(), "utf8")]));
    const u16 = write("u16.txt", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seedText(), "utf16le")]));
    const nfd = write("nfd.txt", seedText().normalize("NFD").replace(/\n/g, "\r\n"));
    for (const f of [bom, u16, nfd]) {
      const r = await draft(EXAMPLE, "--text", f, "--json");
      expect(r.code).toBe(1);
      expect(JSON.parse(r.out).findings.map((x: Finding) => x.rule)).toEqual(ref);
    }
  });
});

describe(".docx drafts", () => {
  test("the seed as a Word document: the same errors, quoted by paragraph", async () => {
    const file = write("du-thao.docx", await docxOfLines(seedText()));
    const r = await draft(EXAMPLE, "--text", file, "--json");
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    const rules = j.findings.map((f: Finding) => f.rule);
    expect(rules.filter((x: string) => x.startsWith("narrative.")).sort()).toEqual(["narrative.negation", "narrative.report-number"]);
    expect(rules).toContain("lint.same-document");
    const human = await draft(EXAMPLE, "--text", file);
    expect(human.out).toMatch(/Trích \(đoạn \d+\): “…đến hết thời điểm/);
  });

  test("a report phuluc generated as .docx, against its own data: without errors exit 0 and no narrative.* finding", async () => {
    const data = normalizeReport(JSON.parse(fs.readFileSync(MAI_SON, "utf8")));
    const bytes = await renderDocx(buildReport(data).doc);
    const file = write("bao-cao-mai-son.docx", bytes);
    const r = await draft(MAI_SON, "--text", file, "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.findings.filter((f: Finding) => f.rule.startsWith("narrative."))).toEqual([]);
    expect(j.summary.errors).toBe(0);
  });

  test("the worked example's report as .docx: exit 1, each sentence phuluc marked is named (narrative.marked), nothing else", async () => {
    const res = buildReport(example());
    const file = write("bao-cao.docx", await renderDocx(res.doc));
    const r = await draft(EXAMPLE, "--text", file, "--json");
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    const narr = j.findings.filter((f: Finding) => f.rule.startsWith("narrative."));
    expect(narr.map((f: Finding) => f.rule)).toEqual(res.marked.map(() => "narrative.marked"));
    expect(narr.some((f: Finding) => /lồng ghép 04 cuộc \[cần kiểm tra/.test(f.quote!))).toBe(true);
    expect(narr.some((f: Finding) => /chính quyền chủ trì 03 cuộc \[cần kiểm tra/.test(f.quote!))).toBe(true);
    const human = await draft(EXAMPLE, "--text", file);
    expect(human.out).toContain("[narrative.marked]");
  });

  test("document.xml: paragraphs, tabs, breaks, entities; deleted text and field codes left out", () => {
    const xml =
      '<w:document><w:body><w:p><w:r><w:t>Số: 538/BC-SKHCN</w:t></w:r></w:p>' +
      '<w:p><w:r><w:t xml:space="preserve">A &amp; B </w:t></w:r><w:r><w:tab/><w:t>C&#273;</w:t><w:br/><w:t>D</w:t></w:r>' +
      "<w:del><w:r><w:delText>xoá</w:delText></w:r></w:del><w:r><w:instrText> PAGE </w:instrText></w:r></w:p><w:p/></w:body></w:document>";
    expect(documentXmlText(xml)).toBe("Số: 538/BC-SKHCN\nA & B \tCđ\nD\n");
  });
});

describe("data from a workbook", () => {
  test("an .xlsx made by phuluc init --data gives the same findings as the JSON", async () => {
    const xlsx = path.join(dir, "so-lieu.xlsx");
    await writePlan(planWorkbook(getTemplate("qcdc-2021")!, example()), xlsx);
    const seed = write("du-thao-2.txt", seedText());
    const a = JSON.parse((await draft(xlsx, "--text", seed, "--json")).out);
    const b = JSON.parse((await draft(EXAMPLE, "--text", seed, "--json")).out);
    expect(a.findings.map((f: Finding) => [f.rule, f.offset])).toEqual(b.findings.map((f: Finding) => [f.rule, f.offset]));
  });
});

describe("unreadable input and wrong usage: exit 2 with a clear message", () => {
  test.each([
    [["--text", "x.txt"], /Cách dùng: phuluc draft/],
    [[EXAMPLE], /Cách dùng: phuluc draft/],
    [[EXAMPLE, "--text"], /Tùy chọn --text cần một giá trị/],
    [[EXAMPLE, "--text", "/khong/co/tep.txt"], /Không tìm thấy tệp dự thảo/],
    [["/khong/co.json", "--text", "x.txt"], /Không tìm thấy tệp số liệu/],
    [[EXAMPLE, "--text", "du-thao.doc"], /lưu lại dạng \.docx/],
    [["bao-cao.xls", "--text", "x.txt"], /lưu lại dạng \.xlsx/],
    [[EXAMPLE, "--text", "x.txt", "--bogus"], /Không hiểu tùy chọn "--bogus"/],
  ])("%j", async (args, re) => {
    const r = await draft(...(args as string[]));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(re);
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
  });

  test("a broken .docx, a text not in UTF-8, an empty draft, broken JSON data", async () => {
    const badDocx = write("hong.docx", "không phải zip");
    let r = await draft(EXAMPLE, "--text", badDocx);
    expect(r.code).toBe(2);
    expect(r.err).toContain("không phải tệp Word .docx hợp lệ");
    const latin = write("tcvn3.txt", Buffer.from([0x53, 0xe9, 0x20, 0xb8, 0xd0, 0x0a]));
    r = await draft(EXAMPLE, "--text", latin);
    expect(r.code).toBe(2);
    expect(r.err).toContain("UTF-8");
    r = await draft(EXAMPLE, "--text", write("trong.txt", "  \n\n"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("không có nội dung");
    r = await draft(write("hong.json", "{ khong phai json"), "--text", write("a.txt", "Văn bản."));
    expect(r.code).toBe(2);
    r = await draft(EXAMPLE, "--text", badDocx, "--lang", "en");
    expect(r.err).toContain("is not a valid Word .docx file");
  });

  test("--help in both languages", async () => {
    const vi = await draft("--help");
    expect(vi.code).toBe(0);
    expect(vi.out).toContain("phuluc draft TỆP.xlsx|TỆP.json --text");
    const en = await draft("--help", "--lang", "en");
    expect(en.out).toContain("Usage: phuluc draft FILE.xlsx|FILE.json --text");
  });

  test("decodeText refuses a legacy encoding rather than guessing", () => {
    expect(() => decodeText(new Uint8Array([0xb8, 0xd0]), "a.txt")).toThrow();
    expect(decodeText(new TextEncoder().encode("Sơn La"), "a.txt")).toBe("Sơn La");
  });
});
