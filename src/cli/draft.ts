/**
 * `phuluc draft FILE.xlsx|FILE.json --text draft.txt|draft.docx [--json] [--lang en]`
 *
 * Cross-checks a DRAFT narrative (the text staff wrote, as plain text or a .docx) against
 * the figures before submission: narrative.* errors (a figure that disagrees with the
 * appendix, "không tổ chức …" against a positive figure, the report's own number or date
 * quoted wrongly) and lint.* warnings (symbols, dates, abbreviations).
 * Exit codes as `phuluc check`: 0 no error, 1 errors, 2 unreadable input or wrong usage.
 */
import * as path from "path";
import type { CheckResult, Lang } from "../core/types";
import { InputError } from "../core/normalize";
import { getTemplate } from "../core/templates/index";
import { checkDraft } from "../core/draft/index";
import { quoteShown } from "../core/draft/text";
import { FileError } from "./xlsx";
import { openZip } from "./zip";
import { cleanIo, jsonText, processOut } from "./terminal";
import { MAX_DRAFT_CHARS } from "../core/draft/limits";
import { CliError as Usage, decodeTextFile, formatFindings, langOf, loadReportInput, parseArgs, readFileBytes } from "./input";
import { docxPlainText } from "../core/doc/docx-text";

export interface DraftIo {
  out(s: string): void;
  err(s: string): void;
}

const stdIo: DraftIo = cleanIo(processOut());

export const DRAFT_USAGE = {
  vi: `Cách dùng: phuluc draft TỆP.xlsx|TỆP.json --text du-thao.txt|du-thao.docx [--json] [--lang en]

Đối chiếu bản dự thảo báo cáo (văn bản tự soạn: tệp .txt hoặc .docx) với số liệu của phụ lục
trước khi gửi:
  - LỖI: câu văn ghi số liệu khác phụ lục ("đã ban hành 10 văn bản" khi phụ lục ghi 08), câu văn
    nói "không tổ chức …" khi phụ lục có số liệu, số ký hiệu hoặc ngày của chính báo cáo ghi sai;
  - CẢNH BÁO: số ký hiệu văn bản viết sai quy cách ("04/2015/NĐCP"), ngày viết bằng dấu chấm
    ("17.11.2015"), một cơ quan viết tắt nhiều kiểu, một văn bản ghi hai cách.
  --text TỆP   bản dự thảo (.txt lưu dạng UTF-8, hoặc .docx)
  --json       in kết quả dạng JSON: { template, findings, summary }
Mã thoát: 0 không có lỗi, 1 có lỗi, 2 không đọc được tệp hoặc dùng sai lệnh.
`,
  en: `Usage: phuluc draft FILE.xlsx|FILE.json --text draft.txt|draft.docx [--json] [--lang en]

Cross-checks a draft report (text written by hand: a .txt or .docx file) against the appendix's
figures before it is sent:
  - ERRORS: a figure in the text that differs from the appendix, "did not hold …" where the
    appendix has a figure, the report's own number or date quoted wrongly;
  - WARNINGS: document symbols not in their form ("04/2015/NĐCP"), dates written with dots
    ("17.11.2015"), one agency abbreviated several ways, one document written two ways.
  --text FILE  the draft (.txt saved as UTF-8, or .docx)
  --json       print the result as JSON: { template, findings, summary }
Exit code: 0 no error, 1 errors, 2 file unreadable or wrong usage.
`,
};

interface Args {
  input?: string;
  text?: string;
  json: boolean;
  lang: Lang;
  help: boolean;
}

function parseDraftArgs(args: string[]): Args {
  const p = parseArgs(args, { "--text": "--text", "-t": "--text", "--lang": "--lang" }, ["--json"], "phuluc draft");
  if (p.positional.length > 1) throw new Usage(`Chỉ nhận một tệp số liệu (nhận được ${p.positional.length}).`, `One data file only (got ${p.positional.length}).`);
  return {
    input: p.positional[0],
    text: p.options.get("--text"),
    json: p.flags.has("--json"),
    lang: langOf(p.options.get("--lang")),
    help: p.flags.has("-h") || p.flags.has("--help"),
  };
}

/** The paragraphs of word/document.xml as lines of text (the one .docx reader, src/core/doc/docx-text.ts). */
export const documentXmlText: (xml: string) => string = docxPlainText;

/** The text of a .docx (word/document.xml), one paragraph a line. Sizes bounded (zip.ts). */
export async function docxText(bytes: Uint8Array, file = "dự thảo"): Promise<string> {
  const zip = await openZip(bytes, file, "docx");
  let xml: string | undefined;
  try {
    xml = await zip.file("word/document.xml")?.async("string");
  } catch {
    xml = undefined;
  }
  if (xml === undefined)
    throw new Usage(
      `Tệp "${file}" không phải tệp Word .docx hợp lệ (có thể bị hỏng). Hãy mở bằng Word và lưu lại dạng "Word Document (*.docx)", hoặc chép nội dung ra tệp .txt.`,
      `"${file}" is not a valid Word .docx file (it may be damaged). Open it in Word and save it as "Word Document (*.docx)", or copy the text into a .txt file.`,
    );
  return documentXmlText(xml);
}

/** A plain-text draft: UTF-8 or UTF-16 with BOM; anything else is refused clearly. */
export function decodeText(bytes: Uint8Array, file: string): string {
  return decodeTextFile(bytes, file, { vi: ", hoặc dùng tệp .docx", en: ", or use the .docx file" });
}

async function loadDraft(file: string): Promise<{ text: string; docx: boolean }> {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".doc" || ext === ".rtf" || ext === ".odt" || ext === ".pdf")
    throw new Usage(
      `"${file}": phuluc đọc dự thảo dạng .docx hoặc .txt. Hãy mở tệp bằng Word và lưu lại dạng .docx.`,
      `"${file}": phuluc reads drafts as .docx or .txt. Open the file in Word and save it as .docx.`,
    );
  // A .txt of more than MAX_DRAFT_CHARS characters (4 bytes each at most) is refused before it is read.
  const bytes = readFileBytes(file, { vi: "tệp dự thảo", en: "Draft file" }, 4 * MAX_DRAFT_CHARS);
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (ext === ".docx" || ext === ".docm" || isZip) return { text: await docxText(bytes, file), docx: true };
  return { text: decodeText(bytes, file), docx: false };
}

/** Line numbers of offsets, from the offsets of the line starts (one pass over the text, then a binary search each). */
function lineIndex(text: string): (offset: number) => number {
  const starts: number[] = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return (offset: number) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

function short(s: string, max = 220): string {
  return s.length <= max ? s : s.slice(0, max - 1).trimEnd() + "…";
}

/** The human-readable report of a draft check. */
export function formatDraft(res: CheckResult, draftFile: string, dataFile: string, text: string, docx: boolean, lang: Lang): string {
  const L = (vi: string, en: string) => (lang === "en" ? en : vi);
  const lineOf = lineIndex(text);
  const lines: string[] = [];
  lines.push(L(`Đối chiếu dự thảo ${draftFile} với số liệu ${dataFile} (mẫu ${res.template || "?"})`, `Draft ${draftFile} against the figures of ${dataFile} (template ${res.template || "?"})`));
  const s = res.summary;
  lines.push(L(`Kết quả: ${s.errors} lỗi, ${s.warnings} cảnh báo.`, `Result: ${s.errors} error${s.errors === 1 ? "" : "s"}, ${s.warnings} warning${s.warnings === 1 ? "" : "s"}.`));
  lines.push(
    ...formatFindings(res.findings, lang, (f) => {
      if (f.quote !== undefined && f.offset !== undefined) {
        const where = docx ? L("đoạn", "paragraph") : L("dòng", "line");
        const places = [{ quote: f.quote, offset: f.offset }, ...(f.also ?? [])];
        return places.map((p) => `${L("Trích", "Quote")} (${where} ${lineOf(p.offset)}): “${short(quoteShown(text, p.offset, p.quote))}”`);
      }
      return f.cells && f.cells.length ? [L("Ô: ", "Cells: ") + f.cells.join(", ")] : [];
    }),
  );
  if (s.shown !== undefined) {
    const total = s.errors + s.warnings + s.infos;
    lines.push("");
    lines.push(L(`Chỉ liệt kê ${s.shown} trong số ${total} vấn đề; hãy sửa các chỗ trên rồi đối chiếu lại.`, `Only ${s.shown} of ${total} problems are listed; fix those above and check again.`));
  }
  if (!res.findings.length) {
    lines.push("");
    lines.push(L("Không thấy chỗ nào trong dự thảo khác với số liệu.", "Nothing in the draft disagrees with the figures."));
  }
  return lines.join("\n") + "\n";
}

/** Runs `phuluc draft …`; resolves to the exit code. */
export async function runDraft(args: string[], io: DraftIo = stdIo): Promise<number> {
  let lang: Lang = args.some((x, i) => (x === "--lang" && /^en/i.test(args[i + 1] ?? "")) || /^--lang=en/i.test(x)) ? "en" : "vi";
  const say = (vi: string, en: string) => (lang === "en" ? en : vi);
  try {
    const a = parseDraftArgs(args);
    lang = a.lang;
    if (a.help) {
      io.out(say(DRAFT_USAGE.vi, DRAFT_USAGE.en));
      return 0;
    }
    if (!a.input || !a.text) throw new Usage(DRAFT_USAGE.vi, DRAFT_USAGE.en);
    const { data, structural } = await loadReportInput(a.input, lang);
    const { text, docx } = await loadDraft(a.text);
    if (!text.trim())
      throw new Usage(`Tệp dự thảo "${a.text}" không có nội dung.`, `The draft "${a.text}" has no text.`);
    if (!getTemplate(data.template))
      io.err(say(`phuluc: cảnh báo: không biết mẫu "${data.template}": chỉ kiểm tra số ký hiệu, ngày tháng.\n`, `phuluc: warning: unknown template "${data.template}": only symbols and dates are checked.\n`));
    const res = checkDraft(text, data, { lang });
    if (structural.length) {
      res.findings.unshift(...structural);
      for (const f of structural) {
        if (f.severity === "error") res.summary.errors++;
        else if (f.severity === "warning") res.summary.warnings++;
        else res.summary.infos++;
      }
    }
    if (a.json) io.out(jsonText({ template: res.template, findings: res.findings, summary: res.summary }) + "\n");
    else io.out(formatDraft(res, a.text, a.input, text, docx, lang));
    return res.summary.errors > 0 ? 1 : 0;
  } catch (e) {
    if (e instanceof Usage || e instanceof FileError || e instanceof InputError || (e && typeof e === "object" && "vi" in e && "en" in e)) {
      const m = e as { vi: string; en: string };
      io.err("phuluc: " + (lang === "en" ? m.en : m.vi) + "\n");
      return 2;
    }
    io.err(say("phuluc: lỗi không mong đợi: ", "phuluc: unexpected error: ") + (e instanceof Error ? e.message : String(e)) + "\n");
    return 2;
  }
}
