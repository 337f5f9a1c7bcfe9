/**
 * Hostile and careless input, through `main(argv, io)` in this process: every case asserts
 * the exit code, the message, that no internal error shows, and that the files it was given
 * are untouched (hashed before and after; only the files a case expects are new).
 * Classes: no file lost, bounded work, no internal errors, data a workbook can hold,
 * files from other tools (see also other-tools.test.ts).
 */
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { cleanupFolders, example, expectNoInternalError, folder, hashes, makeZip, part, run, zeros, type Run } from "./helpers";
import { planWorkbook } from "../../src/core/sheet-plan";
import { normalizeReport } from "../../src/core/normalize";
import { getTemplate } from "../../src/core/templates/index";
import { writePlan } from "../../src/cli/xlsx";
import { MAX_DRAFT_CHARS } from "../../src/core/draft/limits";

afterAll(cleanupFolders);

type Files = Record<string, string | Buffer | { link: string } | { hardlink: string } | { dir: true }>;

interface Case {
  name: string;
  files: Files | (() => Promise<Files>);
  args: string[];
  code: number;
  /** Must appear in stdout + stderr. */
  says?: RegExp;
  /** Must not appear. */
  never?: RegExp;
  /** Files the command makes (relative to the case's folder). */
  makes?: string[];
  /** Existing files the command may replace (with --force). */
  replaces?: string[];
  check?: (r: Run, dir: string) => void;
}

function json(x: unknown): string {
  return JSON.stringify(x, null, 1);
}

function withData(fn: (d: Record<string, any>) => void): string {
  const d = example();
  fn(d);
  return json(d);
}

let workbookBytes: Buffer | undefined;
/** The worked example as a phuluc workbook (made once). */
async function workbook(): Promise<Buffer> {
  if (!workbookBytes) {
    const dir = folder();
    const f = path.join(dir, "w.xlsx");
    await writePlan(planWorkbook(getTemplate("qcdc-2021")!, normalizeReport(example())), f);
    workbookBytes = fs.readFileSync(f);
  }
  return workbookBytes;
}

/** A workbook whose parts are rewritten by `edit` (jszip). */
async function editedWorkbook(edit: (zip: JSZip) => Promise<void> | void): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await workbook());
  await edit(zip);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

const DOCX_PARTS = (body: string) => [
  part("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
  part("word/document.xml", `<?xml version="1.0"?><w:document xmlns:w="w"><w:body>${body}</w:body></w:document>`),
];

const deep = (n: number) => "[".repeat(n) + "1" + "]".repeat(n);

function lines(n: number, s: string): string {
  return Array.from({ length: n }, () => s).join("\n");
}

/** Sparse files of 300 MB (no disk used), made for the cases that name them. */
function sparse(dir: string, args: string[]): void {
  for (const a of args)
    if (/^big\.(json|txt)$/.test(a)) {
      const fd = fs.openSync(path.join(dir, a), "w");
      fs.ftruncateSync(fd, 300 * 1024 * 1024);
      fs.closeSync(fd);
    }
  if (args.includes("big.txt")) fs.writeFileSync(path.join(dir, "a.json"), DATA);
}

async function setUp(dir: string, files: Files): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    const p = path.join(dir, name);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    if (typeof content === "string" || Buffer.isBuffer(content)) fs.writeFileSync(p, content);
    else if ("link" in content) fs.symlinkSync(content.link, p);
    else if ("hardlink" in content) fs.linkSync(path.join(dir, content.hardlink), p);
    else fs.mkdirSync(p, { recursive: true });
  }
}

const DATA = json(example());

const cases: Case[] = [
  /* ---------- 1. No file lost ---------- */
  { name: "report onto its own JSON input, with --force", files: { "a.json": DATA }, args: ["report", "a.json", "-o", "a.json", "--force", "--format", "txt"], code: 2, says: /chính là tệp đầu vào/ },
  { name: "report onto ./input (same file, other spelling)", files: { "a.json": DATA }, args: ["report", "a.json", "-o", "./a.json", "--force", "--format", "txt"], code: 2, says: /chính là tệp đầu vào/ },
  { name: "report onto a symbolic link to its input", files: { "a.json": DATA, "out.txt": { link: "a.json" } }, args: ["report", "a.json", "-o", "out.txt", "--force"], code: 2, says: /chính là tệp đầu vào/ },
  { name: "report onto a hard link of its input", files: { "a.json": DATA, "out.txt": { hardlink: "a.json" } }, args: ["report", "a.json", "-o", "out.txt", "--force"], code: 2, says: /chính là tệp đầu vào/ },
  { name: "report onto its input through a folder path", files: { "sub/a.json": DATA }, args: ["report", "sub/a.json", "-o", "sub/../sub/a.json", "--force", "--format", "txt"], code: 2, says: /chính là tệp đầu vào/ },
  { name: "report onto its workbook input, with --force", files: async () => ({ "w.xlsx": await workbook() }), args: ["report", "w.xlsx", "-o", "w.xlsx", "--force", "--format", "docx"], code: 2, says: /chính là tệp đầu vào/ },
  { name: "report onto an existing file without --force", files: { "a.json": DATA, "r.txt": "my notes" }, args: ["report", "a.json", "-o", "r.txt"], code: 2, says: /"r\.txt" đã có; phuluc không ghi đè/ },
  { name: "report onto an existing file with --force replaces it", files: { "a.json": DATA, "r.txt": "old" }, args: ["report", "a.json", "-o", "r.txt", "--force"], code: 0, replaces: ["r.txt"], check: (_r, dir) => expect(fs.readFileSync(path.join(dir, "r.txt"), "utf8")).toContain("BÁO CÁO") },
  { name: "report's default name goes beside the input, not in the current folder", files: { "sub/so-lieu.json": DATA }, args: ["report", "sub/so-lieu.json"], code: 0, makes: ["sub/so-lieu-bao-cao.docx"] },
  { name: "report's default name already there: refused", files: { "sub/so-lieu.json": DATA, "sub/so-lieu-bao-cao.docx": "keep" }, args: ["report", "sub/so-lieu.json"], code: 2, says: /đã có/ },
  { name: "report --summary default name beside the input", files: { "x/a.json": DATA }, args: ["report", "x/a.json", "--summary", "--format", "txt"], code: 0, makes: ["x/a-tom-tat.txt"] },
  { name: "report onto a file open in Word (~$ lock file)", files: { "a.json": DATA, "bc.docx": "old", "~$bc.docx": "lock" }, args: ["report", "a.json", "-o", "bc.docx", "--force"], code: 2, says: /đang mở trong Excel hoặc Word/ },
  { name: "report onto a folder", files: { "a.json": DATA, "out.docx": { dir: true } }, args: ["report", "a.json", "-o", "out.docx", "--force"], code: 2, says: /là một thư mục/ },
  { name: "report into a folder that does not exist", files: { "a.json": DATA }, args: ["report", "a.json", "-o", "nowhere/r.docx"], code: 2, says: /thư mục không tồn tại/ },
  { name: "report in English: the refusal is in English", files: { "a.json": DATA }, args: ["report", "a.json", "-o", "a.json", "--force", "--lang", "en"], code: 2, says: /never writes over its own input/ },
  { name: "export onto its own workbook, with --force", files: async () => ({ "w.xlsx": await workbook() }), args: ["export", "w.xlsx", "-o", "w.xlsx", "--force"], code: 2, says: /chính là tệp đầu vào/ },
  { name: "export onto an existing JSON without --force", files: async () => ({ "w.xlsx": await workbook(), "old.json": "{}" }), args: ["export", "w.xlsx", "-o", "old.json"], code: 2, says: /đã có/ },
  { name: "export onto a locked file", files: async () => ({ "w.xlsx": await workbook(), "o.json": "{}", "~$o.json": "" }), args: ["export", "w.xlsx", "-o", "o.json", "--force"], code: 2, says: /đang mở/ },
  { name: "export writes a new file", files: async () => ({ "w.xlsx": await workbook() }), args: ["export", "w.xlsx", "-o", "new.json"], code: 0, makes: ["new.json"] },
  { name: "init over an existing workbook without --force", files: async () => ({ "w.xlsx": await workbook() }), args: ["init", "w.xlsx"], code: 2, says: /đã có; phuluc không ghi đè/ },
  { name: "init through a symbolic link to an existing workbook", files: async () => ({ "w.xlsx": await workbook(), "l.xlsx": { link: "w.xlsx" } }), args: ["init", "l.xlsx"], code: 2, says: /đã có/ },
  { name: "init over a workbook open in Excel", files: async () => ({ "w.xlsx": await workbook(), "~$w.xlsx": "" }), args: ["init", "w.xlsx", "--force"], code: 2, says: /đang mở trong Excel/ },
  { name: "init onto a folder", files: { "book.xlsx": { dir: true } }, args: ["init", "book.xlsx", "--force"], code: 2, says: /là một thư mục/ },
  { name: "init with --data leaves the data file whole", files: { "a.json": DATA }, args: ["init", "b.xlsx", "--data", "a.json"], code: 0, makes: ["b.xlsx"] },

  /* ---------- 2. Bounded work ---------- */
  { name: "a workbook whose parts inflate past 200 MB (honest sizes)", files: { "bomb.xlsx": makeZip([{ name: "xl/worksheets/sheet1.xml", data: zeros(210), method: 8, size: 210 * 1024 * 1024, crc: 0 }]) }, args: ["check", "bomb.xlsx"], code: 2, says: /quá lớn khi giải nén/ },
  { name: "a workbook whose part lies about its size", files: { "liar.xlsx": makeZip([{ name: "xl/sharedStrings.xml", data: zeros(50), method: 8, size: 1000, crc: 0 }]) }, args: ["check", "liar.xlsx"], code: 2, says: /quá lớn khi giải nén/ },
  { name: "many parts that add up past the limit", files: { "many.xlsx": makeZip(Array.from({ length: 5 }, (_x, i) => ({ name: `xl/media/p${i}.bin`, data: zeros(50), method: 8 as const, size: 50 * 1024 * 1024, crc: 0 }))) }, args: ["export", "many.xlsx"], code: 2, says: /quá lớn/ },
  { name: "a zip of 20 000 tiny parts", files: { "parts.xlsx": makeZip(Array.from({ length: 20000 }, (_x, i) => ({ name: "p" + i, data: Buffer.alloc(0), method: 0 as const, size: 0, crc: 0 }))) }, args: ["check", "parts.xlsx"], code: 2, says: /quá lớn/ },
  { name: "a .docx draft that inflates past 200 MB", files: { "a.json": DATA, "d.docx": makeZip([{ name: "word/document.xml", data: zeros(210), method: 8, size: 210 * 1024 * 1024, crc: 0 }]) }, args: ["draft", "a.json", "--text", "d.docx"], code: 2, says: /quá lớn khi giải nén/ },
  { name: "a .docx bomb in English", files: { "a.json": DATA, "d.docx": makeZip([{ name: "word/document.xml", data: zeros(201), method: 8, size: 1, crc: 0 }]) }, args: ["draft", "a.json", "--text", "d.docx", "--lang", "en"], code: 2, says: /too large once uncompressed/ },
  { name: "a draft over the size cap", files: { "a.json": DATA, "d.txt": "a".repeat(MAX_DRAFT_CHARS + 10) }, args: ["draft", "a.json", "--text", "d.txt"], code: 2, says: /Bản dự thảo quá dài/ },
  { name: "a .docx draft of unclosed tags (no quadratic scan)", files: { "a.json": DATA, "d.docx": makeZip(DOCX_PARTS("<w:p><w:t".repeat(200000))) }, args: ["draft", "a.json", "--text", "d.docx"], code: 2, says: /không có nội dung/ },
  { name: "a JSON data file of 300 MB (more than Node can hold as text)", files: async () => ({}), args: ["check", "big.json"], code: 2, says: /quá lớn \(300 MB; tối đa 200 MB\)/, check: () => undefined },
  { name: "a draft .txt of 300 MB", files: async () => ({}), args: ["draft", "a.json", "--text", "big.txt"], code: 2, says: /Tệp dự thảo "big.txt" quá lớn/ },
  { name: "a file named .xlsx that is not a zip", files: { "x.xlsx": "hello, not a workbook" }, args: ["check", "x.xlsx"], code: 2, says: /không phải tệp Excel/ },
  { name: "a truncated workbook", files: async () => ({ "t.xlsx": (await workbook()).subarray(0, 3000) }), args: ["check", "t.xlsx"], code: 2, says: /bị hỏng/ },
  { name: "a zip with a damaged deflate stream", files: { "d.xlsx": makeZip([{ name: "xl/workbook.xml", data: Buffer.from([0xff, 0xff, 0xff, 0x00, 0x12]), method: 8, size: 100, crc: 0 }]) }, args: ["check", "d.xlsx"], code: 2, says: /bị hỏng/ },

  /* ---------- 3. No internal errors ---------- */
  { name: "a user rule nested 2 000 deep", files: { "a.json": withData((d) => (d.rules = [{ id: "sau", expression: "(".repeat(2000) + "vb_tong > 0" + ")".repeat(2000) }])) }, args: ["check", "a.json"], code: 1, says: /user\.invalid/ },
  { name: "a user rule of 900 nested brackets (under the length cap)", files: { "a.json": withData((d) => (d.rules = [{ id: "sau", expression: "(".repeat(900) + "vb_tong>0" + ")".repeat(900) }])) }, args: ["check", "a.json"], code: 1, says: /lồng nhau quá sâu/ },
  { name: "a user rule of 1 990 \"not\"", files: { "a.json": withData((d) => (d.rules = [{ id: "not", expression: "!".repeat(1990) + "vb_tong>0" }])) }, args: ["check", "a.json"], code: 1, says: /user\.invalid/ },
  { name: "a user rule of 1 990 minus signs", files: { "a.json": withData((d) => (d.rules = [{ id: "tru", expression: "-".repeat(1985) + "1 < 0" }])) }, args: ["check", "a.json"], code: 1, says: /user\.invalid/ },
  { name: "arrays nested 100 000 deep in report", files: { "a.json": DATA.replace('"report": {', '"report": {\n "x": ' + deep(100000) + ",") }, args: ["export", "a.json"], code: 0, says: /lồng nhau quá sâu|"template"/ },
  { name: "arrays nested 100 000 deep as a value", files: { "a.json": DATA.replace('"values": {', '"values": {\n "zz_sau": ' + deep(100000) + ",") }, args: ["check", "a.json"], code: 1, says: /value\.read/ },
  { name: "objects nested deep in a register row", files: { "a.json": withData((d) => (d.registers.van_ban[0].title = "@DEEP@")).replace('"@DEEP@"', '{"a":'.repeat(5000) + "1" + "}".repeat(5000)) }, args: ["check", "a.json", "--json"], code: 1 },
  { name: "deep nesting: report still made", files: { "a.json": DATA.replace('"report": {', '"report": {\n "x": ' + deep(50000) + ",") }, args: ["report", "a.json", "-o", "r.txt"], code: 0, makes: ["r.txt"] },
  { name: "deep nesting: init --data still made", files: { "a.json": DATA.replace('"values": {', '"values": {\n "zz": ' + deep(50000) + ",") }, args: ["init", "b.xlsx", "--data", "a.json"], code: 0, makes: ["b.xlsx"] },
  { name: "20 000 unknown codes", files: { "a.json": withData((d) => { for (let i = 0; i < 20000; i++) d.values["x" + i] = i; }) }, args: ["check", "a.json"], code: 1, says: /Mã chỉ tiêu "x19999" không có trong mẫu/ },
  { name: "a section of 200 000 paragraphs", files: { "a.json": withData((d) => (d.sections = [{ heading: "I. A", text: lines(200000, "Đoạn.") }])) }, args: ["report", "a.json", "-o", "r.txt"], code: 0, makes: ["r.txt"] },
  { name: "a draft of 100 000 contradictions: a capped list and a count", files: { "a.json": DATA, "d.txt": lines(100000, "Đã ban hành 99 văn bản.") }, args: ["draft", "a.json", "--text", "d.txt"], code: 1, says: /Chỉ liệt kê 1000 trong số 100000 vấn đề/ },
  { name: "a draft of 100 000 contradictions, --json", files: { "a.json": DATA, "d.txt": lines(100000, "Đã ban hành 99 văn bản.") }, args: ["draft", "a.json", "--text", "d.txt", "--json"], code: 1, check: (r) => { const j = JSON.parse(r.out); expect(j.findings.length).toBe(1000); expect(j.summary.errors).toBe(100000); expect(j.summary.shown).toBe(1000); } },
  { name: "a draft of 40 000 totals smaller than their part: a capped list and a count", files: { "a.json": DATA, "d.txt": lines(40000, "Tổ chức 0 cuộc hội nghị, hội thảo, tập huấn; trong đó lồng ghép 04 cuộc.") }, args: ["draft", "a.json", "--text", "d.txt", "--json"], code: 1, check: (r) => { const j = JSON.parse(r.out); expect(j.findings.length).toBe(1000); expect(j.summary.shown).toBe(1000); expect(j.findings.filter((f: { rule: string }) => f.rule === "narrative.internal").length).toBeGreaterThan(0); expect(j.summary.errors).toBeGreaterThanOrEqual(40000); } },
  { name: "a draft of \"1 1 1 …\": nothing read as a figure (5 MB: bench/safety.js)", files: { "a.json": DATA, "d.txt": "1 ".repeat(100000) }, args: ["draft", "a.json", "--text", "d.txt"], code: 0, says: /0 lỗi/ },
  { name: "a line of 100 000 table cells is no table row", files: { "a.json": DATA, "d.txt": "Tổng số văn bản\t99\tvăn bản\t".repeat(100000) }, args: ["draft", "a.json", "--text", "d.txt"], code: 0 },
  { name: "a draft of 2 MB on one line (5 MB: bench/safety.js)", files: { "a.json": DATA, "d.txt": "đã ban hành 10 văn bản, tổ chức 05 cuộc hội nghị, ".repeat(40000) }, args: ["draft", "a.json", "--text", "d.txt"], code: 1 },
  { name: "ANSI escapes in a value are not printed", files: { "a.json": withData((d) => (d.values.vb_tong = "\u001b[2J\u001b[31mđỏ\u001b]0;title\u0007")) }, args: ["check", "a.json"], code: 1, never: /[\u001b\u0007]/ },
  { name: "carriage return and C1 CSI in the agency name", files: { "a.json": withData((d) => (d.values.vb_tong = "8\r\u009b2Jxoá")) }, args: ["check", "a.json"], code: 1, never: /[\r\u009b]/ },
  { name: "bidirectional overrides in a draft quote", files: { "a.json": DATA, "d.txt": "Đã ban hành \u202e99\u202c văn bản." }, args: ["draft", "a.json", "--text", "d.txt"], code: 0, never: /[\u202a-\u202e]/ },
  { name: "escapes in the draft text", files: { "a.json": DATA, "d.txt": "Đã ban hành 99 văn bản \u001b[8m ẩn." }, args: ["draft", "a.json", "--text", "d.txt"], code: 1, never: /\u001b/ },
  { name: "--json keeps a C1 character as an escape", files: { "a.json": withData((d) => (d.values.vb_tong = "x\u009by")) }, args: ["check", "a.json", "--json"], code: 1, says: /\\u009b/, never: /\u009b/ },
  { name: "escapes in a file name are not printed", files: { "a.json": DATA }, args: ["check", "\u001b[31mx.json"], code: 2, never: /\u001b/ },

  /* ---------- 4. Data a workbook can hold ---------- */
  { name: "U+FFFE and U+FFFF in a title: cleaned, noted", files: { "a.json": withData((d) => (d.report.title = "Báo cáo\ufffe\uffff năm")) }, args: ["check", "a.json"], code: 1, says: /Mục report\.title: đã bỏ các ký tự/ },
  { name: "an unpaired surrogate in a register title", files: { "a.json": withData((d) => (d.registers.van_ban[0].title = "Kế hoạch \ud800 số 1")) }, args: ["check", "a.json", "--json"], code: 1, says: /value\.read/ },
  { name: "C0 controls in a value", files: { "a.json": withData((d) => (d.values.cchc_dvc_ty_le = "Không\u0001 có")) }, args: ["check", "a.json"], code: 1, says: /values\.cchc_dvc_ty_le/ },
  { name: "non-characters in a key", files: { "a.json": withData((d) => (d.values["vb_tong\ufdd0"] = 1)) }, args: ["check", "a.json"], code: 1, says: /đã bỏ các ký tự/ },
  { name: "a workbook made from text XML cannot carry reads back", files: { "a.json": withData((d) => { d.report.title = "A\u0002B\uffffC"; d.sections = [{ heading: "I\u0008", text: "x\ud83dy" }]; }) }, args: ["init", "b.xlsx", "--data", "a.json"], code: 0, makes: ["b.xlsx"], check: () => undefined },
  { name: "a section over 32 767 characters: an error at its path", files: { "a.json": withData((d) => (d.sections = [{ heading: "I. DÀI", text: "x".repeat(40000) }])) }, args: ["check", "a.json"], code: 1, says: /Mục sections\[0\]\.text: đoạn chữ dài 40000 ký tự/ },
  { name: "init refuses a text Excel would cut", files: { "a.json": withData((d) => (d.report.title = "t".repeat(33000))) }, args: ["init", "b.xlsx", "--data", "a.json"], code: 2, says: /quá 32767 ký tự/ },
  { name: "impossible report date: a finding, not printed", files: { "a.json": withData((d) => (d.report.date = "2021-02-30")) }, args: ["check", "a.json"], code: 1, says: /report\.date/ },
  { name: "impossible report date: the report leaves the date blank", files: { "a.json": withData((d) => (d.report.date = "2021-02-30")) }, args: ["report", "a.json", "-o", "r.txt"], code: 0, makes: ["r.txt"], check: (_r, dir) => { const t = fs.readFileSync(path.join(dir, "r.txt"), "utf8"); expect(t).not.toMatch(/30\/02\/2021|30 tháng 02|2021-02-30/); expect(t).toContain("ngày … tháng … năm …"); } },
  { name: "impossible register date 2021-13-45: a finding at its path", files: { "a.json": withData((d) => (d.registers.van_ban[0].date = "2021-13-45")) }, args: ["check", "a.json"], code: 1, says: /registers\.van_ban\[0\]\.date/ },
  { name: "\"Values\" in the wrong case", files: { "a.json": DATA.replace('"values"', '"Values"') }, args: ["check", "a.json"], code: 2, says: /Mục "Values" không đúng tên: phải viết là "values"/ },
  { name: "\"registres\" misspelled", files: { "a.json": DATA.replace('"registers"', '"registres"') }, args: ["check", "a.json"], code: 2, says: /"registres".*"registers"/ },
  { name: "\"value\" for values", files: { "a.json": DATA.replace('"values"', '"value"') }, args: ["export", "a.json"], code: 2, says: /"value"/ },
  { name: "\"REPORT\" in capitals, in English", files: { "a.json": DATA.replace('"report"', '"REPORT"') }, args: ["check", "a.json", "--lang", "en"], code: 2, says: /The key "REPORT" is not a key of the format: write it as "report"/ },
  { name: "values as a list", files: { "a.json": withData((d) => (d.values = [1, 2, 3])) }, args: ["check", "a.json"], code: 2, says: /Mục "values" phải là một đối tượng/ },
  { name: "values as a string", files: { "a.json": withData((d) => (d.values = "8")) }, args: ["check", "a.json"], code: 2, says: /"values"/ },
  { name: "registers as a number", files: { "a.json": withData((d) => (d.registers = 5)) }, args: ["check", "a.json"], code: 2, says: /"registers"/ },
  { name: "report as a list", files: { "a.json": withData((d) => (d.report = ["x"])) }, args: ["init", "b.xlsx", "--data", "a.json"], code: 2, says: /"report"/ },
  { name: "rules as an object", files: { "a.json": withData((d) => (d.rules = { id: "x" })) }, args: ["check", "a.json"], code: 2, says: /"rules" phải là một danh sách/ },
  { name: "__proto__ in values: ignored, noted, nothing polluted", files: { "a.json": DATA.replace('"values": {', '"values": {\n "__proto__": { "polluted": 1 },') }, args: ["check", "a.json"], code: 1, says: /bỏ qua mục "__proto__"/, check: () => expect(({} as any).polluted).toBeUndefined() },
  { name: "constructor in report: ignored, noted", files: { "a.json": DATA.replace('"report": {', '"report": {\n "constructor": { "prototype": { "x": 1 } },') }, args: ["check", "a.json"], code: 1, says: /bỏ qua mục "constructor"/ },
  { name: "__proto__ at the top: ignored", files: { "a.json": DATA.replace("{", '{\n "__proto__": { "template": "khac" },') }, args: ["export", "a.json", "-o", "o.json"], code: 0, makes: ["o.json"], check: (_r, dir) => expect(fs.readFileSync(path.join(dir, "o.json"), "utf8")).not.toContain("__proto__") },
];

describe("hostile and careless input: exit code, message, inputs untouched", () => {
  test(`at least 60 cases (${cases.length})`, () => expect(cases.length).toBeGreaterThanOrEqual(60));

  test.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const dir = folder();
    await setUp(dir, typeof c.files === "function" ? await c.files() : c.files);
    sparse(dir, c.args);
    const before = hashes(dir);
    const r = await run(dir, c.args);
    expectNoInternalError(r);
    const all = r.out + r.err;
    if (c.code !== r.code) throw new Error(`exit ${r.code}, expected ${c.code}\n${all.slice(0, 2000)}`);
    if (c.says) expect(all).toMatch(c.says);
    if (c.never) expect(all).not.toMatch(c.never);
    const after = hashes(dir);
    for (const [f, h] of Object.entries(before)) if (!(c.replaces ?? []).includes(f)) expect([f, after[f]]).toEqual([f, h]);
    const added = Object.keys(after).filter((f) => !(f in before));
    expect(added.sort()).toEqual([...(c.makes ?? [])].sort());
    c.check?.(r, dir);
  });
});

describe("more items than a spread call can take", () => {
  test("a workbook plan with 150 000 unknown codes is made (no \"Maximum call stack size exceeded\")", () => {
    const d = example();
    for (let i = 0; i < 150000; i++) d.values["x" + i] = i;
    const plan = planWorkbook(getTemplate("qcdc-2021")!, normalizeReport(d));
    expect(plan.sheets[0].table.rows.length).toBeGreaterThan(150000);
  });
});

describe("a workbook written from text XML cannot carry reads back", () => {
  test("init --data then check: the workbook opens, the cleaned text is there", async () => {
    const dir = folder();
    fs.writeFileSync(path.join(dir, "a.json"), withData((d) => { d.report.title = "A\u0002B\uffffC"; d.registers.van_ban[0].title = "x\ud800y"; }));
    expect((await run(dir, ["init", "b.xlsx", "--data", "a.json"])).code).toBe(0);
    const r = await run(dir, ["export", "b.xlsx"]);
    expect(r.code).toBe(0);
    const back = JSON.parse(r.out);
    expect(back.report.title).toBe("ABC");
    expect(back.registers.van_ban[0].title).toBe("xy");
  });
});
