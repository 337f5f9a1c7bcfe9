/**
 * `phuluc report FILE.xlsx|FILE.json -o OUT [--format docx|html|txt|pdf] [--summary] [--lang en]`
 *
 * The report (or with --summary the summary alone) from the same data as the appendix.
 * The format follows OUT's extension (docx when it has none). pdf goes through LibreOffice
 * (`soffice --headless --convert-to pdf`). Data with errors still gives a report: exit 0
 * and a warning with the error count on stderr. Exit 2: wrong usage, unreadable input,
 * no LibreOffice for pdf.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawn } from "child_process";
import type { Lang } from "../core/types";
import { InputError } from "../core/normalize";
import { buildReport, buildSummaryReport, type ReportResult } from "../core/narrative/report";
import { renderText } from "../core/render/text";
import { renderHtml } from "../core/render/html";
import { renderDocx } from "../docx/render-docx";
import { FileError } from "./xlsx";
import { checkOutput, writeOutput, type WriteOptions } from "./files";
import { cleanIo, processOut } from "./terminal";
import { CliError as Usage, langOf, loadReportInput, parseArgs } from "./input";

export interface ReportIo {
  out(s: string): void;
  err(s: string): void;
}

const stdIo: ReportIo = cleanIo(processOut());

type Format = "docx" | "html" | "txt" | "pdf";
const FORMATS: Format[] = ["docx", "html", "txt", "pdf"];

const USAGE = {
  vi: `Cách dùng: phuluc report TỆP.xlsx|TỆP.json -o KẾT-QUẢ [--format docx|html|txt|pdf] [--summary] [--group] [--no-pad] [--force] [--lang en]
  -o KẾT-QUẢ      tệp kết quả; định dạng theo phần mở rộng (.docx, .html, .txt, .pdf), mặc định .docx;
                  không có -o: ‹tên›-bao-cao.docx trong thư mục của tệp số liệu
  --force         ghi đè nếu tệp kết quả đã có (không bao giờ ghi đè tệp số liệu)
  --format        chỉ định định dạng (docx, html, txt, pdf)
  --summary       chỉ phần tóm tắt số liệu
  --group         liệt kê văn bản theo cấp ủy / chính quyền
  --no-pad        không thêm số 0 trước số đếm nhỏ hơn 10 ("8 văn bản" thay vì "08 văn bản")
  pdf cần LibreOffice (soffice).
`,
  en: `Usage: phuluc report FILE.xlsx|FILE.json -o OUT [--format docx|html|txt|pdf] [--summary] [--group] [--no-pad] [--force] [--lang en]
  -o OUT          output file; the format follows its extension (.docx, .html, .txt, .pdf), docx by default;
                  without -o: ‹name›-bao-cao.docx in the data file's folder
  --force         overwrite the output if it exists (never the data file)
  --format        the format (docx, html, txt, pdf)
  --summary       the summary of the figures only
  --group         documents listed under Party committee / government
  --no-pad        no leading zero on counts below 10
  pdf needs LibreOffice (soffice).
`,
};

interface Args {
  input?: string;
  out?: string;
  format?: Format;
  summary: boolean;
  group: boolean;
  pad: boolean;
  force: boolean;
  lang: Lang;
  help: boolean;
}

function parseReportArgs(args: string[]): Args {
  const p = parseArgs(args, { "-o": "-o", "--output": "-o", "--format": "--format", "--lang": "--lang" }, ["--summary", "--group", "--no-pad", "--force"], "phuluc report");
  if (p.positional.length > 1) throw new Usage(`Chỉ nhận một tệp số liệu (nhận được ${p.positional.length}).`, `One data file only (got ${p.positional.length}).`);
  const a: Args = {
    input: p.positional[0],
    out: p.options.get("-o"),
    summary: p.flags.has("--summary"),
    group: p.flags.has("--group"),
    pad: !p.flags.has("--no-pad"),
    force: p.flags.has("--force"),
    lang: langOf(p.options.get("--lang")),
    help: p.flags.has("-h") || p.flags.has("--help"),
  };
  const f = p.options.get("--format");
  if (f !== undefined) {
    const format = f.toLowerCase().replace(/^\./, "") as Format;
    if (!FORMATS.includes(format))
      throw new Usage(`Định dạng "${f}" không được hỗ trợ. Chọn một trong: docx, html, txt, pdf.`, `Format "${f}" is not supported. Choose one of: docx, html, txt, pdf.`);
    a.format = format;
  }
  return a;
}

function formatOf(out: string | undefined, given: Format | undefined): Format {
  if (given) return given;
  const ext = out ? path.extname(out).toLowerCase().replace(/^\./, "") : "";
  if (ext === "htm") return "html";
  if (ext === "text") return "txt";
  return (FORMATS as string[]).includes(ext) ? (ext as Format) : "docx";
}

/** Where LibreOffice is: $PHULUC_SOFFICE, then the usual install places, then `soffice` on the PATH. */
function sofficeCandidates(): string[] {
  const c: string[] = [];
  if (process.env.PHULUC_SOFFICE) c.push(process.env.PHULUC_SOFFICE);
  if (process.platform === "win32") {
    for (const base of [process.env["ProgramFiles"], process.env["ProgramFiles(x86)"]]) if (base) c.push(path.join(base, "LibreOffice", "program", "soffice.exe"));
  } else if (process.platform === "darwin") c.push("/Applications/LibreOffice.app/Contents/MacOS/soffice");
  c.push("soffice", "libreoffice");
  return c;
}

function run(cmd: string, args: string[], timeoutMs: number): Promise<{ code: number | null; missing: boolean; stderr: string }> {
  return new Promise((resolve) => {
    let stderr = "";
    let child;
    try {
      child = spawn(cmd, args, { stdio: ["ignore", "ignore", "pipe"], windowsHide: true, env: process.env });
    } catch {
      resolve({ code: null, missing: true, stderr: "" });
      return;
    }
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve({ code: null, missing: e.code === "ENOENT" || e.code === "EACCES", stderr: String(e.message) });
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, missing: false, stderr });
    });
  });
}

/** Converts a .docx to .pdf with LibreOffice; throws Usage (exit 2) when it is not installed. */
export async function docxToPdf(docx: Uint8Array, outFile: string, opts: WriteOptions = { force: true }): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-pdf-"));
  try {
    const input = path.join(dir, "bao-cao.docx");
    fs.writeFileSync(input, docx);
    const profile = "file://" + (process.platform === "win32" ? "/" : "") + path.join(dir, "profile").replace(/\\/g, "/");
    for (const cmd of sofficeCandidates()) {
      if (path.isAbsolute(cmd) && !fs.existsSync(cmd)) continue;
      const r = await run(cmd, [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, input], 120000);
      if (r.missing) continue;
      const pdf = path.join(dir, "bao-cao.pdf");
      if (r.code !== 0 || !fs.existsSync(pdf))
        throw new Usage(
          `LibreOffice không chuyển được sang PDF (mã ${r.code}). Hãy xuất .docx rồi mở bằng Word hoặc LibreOffice và lưu thành PDF.`,
          `LibreOffice could not convert to PDF (code ${r.code}). Export .docx, open it in Word or LibreOffice and save it as PDF.`,
        );
      await writeOutput(outFile, (tmp) => fs.copyFileSync(pdf, tmp), opts);
      return;
    }
    throw new Usage(
      "Không tìm thấy LibreOffice để xuất PDF. Cách khắc phục:\n" +
        "  - Cài LibreOffice (miễn phí: https://vi.libreoffice.org/tai-ve/ ; Ubuntu/Debian: sudo apt install libreoffice-writer), rồi chạy lại lệnh;\n" +
        "  - hoặc chỉ định đường dẫn: đặt biến môi trường PHULUC_SOFFICE=…/soffice;\n" +
        "  - hoặc xuất .docx (-o bao-cao.docx), mở bằng Word và chọn Tệp > Lưu thành > PDF.",
      "LibreOffice was not found, so no PDF can be made. Either install LibreOffice (https://www.libreoffice.org/download/ ; Debian/Ubuntu: sudo apt install libreoffice-writer) and run again, " +
        "set PHULUC_SOFFICE to the soffice program, or export .docx (-o report.docx), open it in Word and use File > Save As > PDF.",
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Without -o: ‹name›-bao-cao.‹format› (‹name›-tom-tat with --summary) in the input's folder. */
export function defaultOut(input: string, format: Format, summary: boolean): string {
  const base = path.basename(input, path.extname(input));
  return path.join(path.dirname(input), base + (summary ? "-tom-tat" : "-bao-cao") + "." + format);
}

/** Runs `phuluc report …`; resolves to the exit code. */
export async function runReport(args: string[], io: ReportIo = stdIo): Promise<number> {
  let lang: Lang = args.some((x, i) => (x === "--lang" && /^en/i.test(args[i + 1] ?? "")) || /^--lang=en/i.test(x)) ? "en" : "vi";
  const say = (vi: string, en: string) => (lang === "en" ? en : vi);
  try {
    const a = parseReportArgs(args);
    lang = a.lang;
    if (a.help) {
      io.out(say(USAGE.vi, USAGE.en));
      return 0;
    }
    if (!a.input) throw new Usage(USAGE.vi, USAGE.en);
    const format = formatOf(a.out, a.format);
    const out = a.out ?? defaultOut(a.input, format, a.summary);
    const target: WriteOptions = { force: a.force, inputs: [a.input] };
    checkOutput(out, target);
    const { data, structural } = await loadReportInput(a.input, a.lang);
    const opts = { pad: a.pad, groupDocuments: a.group, structural };
    const res: ReportResult = a.summary ? buildSummaryReport(data, opts) : buildReport(data, opts);

    let bytes: Uint8Array | string;
    if (format === "txt") bytes = renderText(res.doc);
    else if (format === "html") bytes = renderHtml(res.doc, { fullDocument: true });
    else bytes = await renderDocx(res.doc);

    if (format === "pdf") await docxToPdf(bytes as Uint8Array, out, target);
    else await writeOutput(out, bytes, target);
    io.out(say(`Đã lập ${a.summary ? "tóm tắt" : "báo cáo"}: ${out}\n`, `${a.summary ? "Summary" : "Report"} written: ${out}\n`));
    for (const w of res.warnings) io.err("phuluc: " + say("cảnh báo: ", "warning: ") + (lang === "en" ? w.en : w.vi) + "\n");
    return 0;
  } catch (e) {
    if (e instanceof Usage || e instanceof FileError || e instanceof InputError) {
      io.err("phuluc: " + (lang === "en" ? e.en : e.vi) + "\n");
      return e instanceof Usage ? e.code : 2;
    }
    io.err("phuluc: " + say("lỗi không mong đợi: ", "unexpected error: ") + (e instanceof Error ? e.message : String(e)) + "\n");
    return 2;
  }
}
