/**
 * `phuluc import-previous SO-LIEU.xlsx --from bao-cao-nam-truoc.docx|.xlsx|.json [--yes] [--lang en]`
 *
 * Fills the "Năm trước" column of a phuluc workbook with last year's figures, read from last
 * year's workbook or JSON (values by code) or its .docx report (appendix lines, tables and
 * sentences; what it is unsure of is left blank and listed). Prints the plan first; writes
 * only with --yes, keeping the workbook as it was in ‹name›.bak.xlsx. A value already typed
 * in the column is never overwritten. From another template only the same code with the
 * same kind and unit is copied; the rest is listed.
 * Exit codes: 0 done (or nothing to do), 2 unreadable input or wrong usage.
 */
import * as fs from "fs";
import * as path from "path";
import type ExcelJS from "exceljs";
import type { Lang, RawValue, TemplateDef } from "../core/types";
import { InputError } from "../core/normalize";
import { readValue } from "../core/values";
import { previousFromDocx, previousFromReport, planPrevious, describePlan, readDocumentXml, type PreviousPlan, type ReadPrevious } from "../core/previous";
import { FileError } from "./xlsx";
import { CliError, extOf, langOf, loadReportInput, parseArgs, readFileBytes } from "./input";

export interface ImportIo {
  out(s: string): void;
  err(s: string): void;
}

const stdIo: ImportIo = {
  out: (s) => void process.stdout.write(s),
  err: (s) => void process.stderr.write(s),
};

export const IMPORT_PREVIOUS_USAGE = {
  vi: `Cách dùng: phuluc import-previous SO-LIEU.xlsx --from BAO-CAO-NAM-TRUOC.docx|.xlsx|.json [--yes] [--lang en]

Điền cột "Năm trước" của trang "Phụ lục" bằng số liệu của năm trước, lấy từ:
  - sổ tính .xlsx hoặc tệp .json của năm trước (theo mã chỉ tiêu);
  - báo cáo năm trước dạng .docx (phụ lục số liệu, bảng và câu văn; chỗ nào không chắc chắn
    thì để trống và liệt kê ra).
Lệnh in ra những ô sẽ ghi trước; chỉ ghi khi có --yes (sổ cũ giữ lại ở TÊN.bak.xlsx).
Không bao giờ ghi đè số đã nhập ở cột "Năm trước". Từ mẫu báo cáo khác: chỉ chép chỉ tiêu
cùng mã, cùng loại và cùng đơn vị tính; các chỉ tiêu còn lại được liệt kê.
  --from TỆP   báo cáo hoặc số liệu của năm trước
  --yes        ghi vào sổ tính (không có: chỉ xem trước)
Mã thoát: 0 xong (hoặc không có gì để ghi), 2 không đọc được tệp hoặc dùng sai lệnh.
`,
  en: `Usage: phuluc import-previous FIGURES.xlsx --from LAST-YEAR.docx|.xlsx|.json [--yes] [--lang en]

Fills the "Năm trước" (previous year) column of the "Phụ lục" sheet with last year's figures, from:
  - last year's .xlsx workbook or .json data (by indicator code);
  - last year's .docx report (its appendix, tables and sentences; what is unsure is left
    blank and listed).
Prints the cells it will write first; writes only with --yes (the old workbook is kept as NAME.bak.xlsx).
Never overwrites a figure typed in the "Năm trước" column. From another template, only an
indicator with the same code, kind and unit is copied; the others are listed.
  --from FILE  last year's report or data
  --yes        write into the workbook (without it: preview only)
Exit code: 0 done (or nothing to write), 2 file unreadable or wrong usage.
`,
};

/** The .docx's word/document.xml, read into paragraphs and tables. */
export async function readDocx(bytes: Uint8Array, file: string): Promise<ReturnType<typeof readDocumentXml>> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const JSZip = require("jszip") as typeof import("jszip");
  let xml: string | undefined;
  try {
    const zip = await JSZip.loadAsync(bytes);
    xml = await zip.file("word/document.xml")?.async("string");
  } catch {
    xml = undefined;
  }
  if (xml === undefined)
    throw new CliError(
      `Tệp "${file}" không phải tệp Word .docx hợp lệ (có thể bị hỏng). Hãy mở bằng Word và lưu lại dạng "Word Document (*.docx)".`,
      `"${file}" is not a valid Word .docx file (it may be damaged). Open it in Word and save it as "Word Document (*.docx)".`,
    );
  return readDocumentXml(xml);
}

/** Last year's figures from a file, for template `t`. */
export async function readPreviousFile(file: string, t: TemplateDef, year: number | undefined, lang: Lang): Promise<ReadPrevious> {
  const ext = extOf(file);
  if (ext === ".docx" || ext === ".docm") {
    const bytes = readFileBytes(file, { vi: "tệp báo cáo năm trước", en: "Last year's report" });
    return previousFromDocx(t, await readDocx(bytes, file), { lang, year });
  }
  if (ext === ".doc" || ext === ".pdf" || ext === ".odt" || ext === ".rtf")
    throw new CliError(`"${file}": phuluc đọc báo cáo năm trước dạng .docx, .xlsx hoặc .json. Hãy mở bằng Word và lưu lại dạng .docx.`, `"${file}": phuluc reads last year's report as .docx, .xlsx or .json. Open it in Word and save it as .docx.`);
  const src = await loadReportInput(file, lang);
  return previousFromReport(t, src.data, lang);
}

function cellValue(raw: RawValue, kind: string): { value: number | string; numFmt?: string } {
  const r = readValue(raw, kind as never);
  if (r.status === "na") return { value: "Không có" };
  if (r.status === "number") {
    if (kind === "percent") return { value: r.value / 100, numFmt: r.decimals > 0 ? "0." + "0".repeat(r.decimals) + "%" : "0%" };
    return { value: r.value };
  }
  return { value: String(raw) };
}

/** "'Phụ lục'!F14" → sheet and address. */
function splitRef(ref: string): { sheet: string; address: string } {
  const i = ref.lastIndexOf("!");
  let sheet = ref.slice(0, i);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: ref.slice(i + 1).replace(/\$/g, "") };
}

/** The backup's name: so-lieu.xlsx → so-lieu.bak.xlsx. */
export function backupName(file: string): string {
  const ext = path.extname(file);
  return file.slice(0, file.length - ext.length) + ".bak" + ext;
}

/** Writes the plan's cells into the workbook, keeping a backup; only blank cells are written. */
async function writePlanCells(file: string, t: TemplateDef, plan: PreviousPlan, cells: Record<string, string>): Promise<number> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Workbook = (require("exceljs") as typeof ExcelJS).Workbook;
  const wb = new Workbook();
  await wb.xlsx.readFile(file);
  let n = 0;
  for (const w of plan.writes) {
    const ref = cells["previous." + w.code];
    if (!ref) continue;
    const { sheet, address } = splitRef(ref);
    const ws = wb.getWorksheet(sheet);
    if (!ws) continue;
    const cell = ws.getCell(address);
    const v = cell.value;
    if (v !== null && v !== undefined && !(typeof v === "string" && v.trim() === "")) continue; // typed meanwhile: kept
    const kind = t.indicators.find((d) => d.code === w.code)?.kind ?? "count";
    const cv = cellValue(w.value as RawValue, kind);
    cell.value = cv.value;
    if (cv.numFmt) cell.numFmt = cv.numFmt;
    n++;
  }
  const bak = backupName(file);
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, "." + path.basename(file) + "." + process.pid + ".tmp");
  try {
    fs.copyFileSync(file, bak);
    await wb.xlsx.writeFile(tmp);
    fs.renameSync(tmp, file);
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      /* nothing to clean */
    }
    throw new FileError(
      `Không ghi được tệp "${file}" (${(e as Error).message || e}). Tệp có đang mở trong Excel không? Thư mục có quyền ghi không?`,
      `Cannot write "${file}" (${(e as Error).message || e}). Is it open in Excel? Is the folder writable?`,
    );
  }
  return n;
}

/** Runs `phuluc import-previous …`; resolves to the exit code. */
export async function runImportPrevious(args: string[], io: ImportIo = stdIo): Promise<number> {
  let lang: Lang = args.some((x, i) => (x === "--lang" && /^en/i.test(args[i + 1] ?? "")) || /^--lang=en/i.test(x)) ? "en" : "vi";
  const L = (vi: string, en: string) => (lang === "en" ? en : vi);
  try {
    const p = parseArgs(args, { "--from": "--from", "--lang": "--lang" }, ["--yes", "-y"], "phuluc import-previous");
    lang = langOf(p.options.get("--lang"));
    if (p.flags.has("-h") || p.flags.has("--help")) {
      io.out(L(IMPORT_PREVIOUS_USAGE.vi, IMPORT_PREVIOUS_USAGE.en));
      return 0;
    }
    const file = p.positional[0];
    const from = p.options.get("--from");
    if (!file || !from || p.positional.length > 1) throw new CliError(IMPORT_PREVIOUS_USAGE.vi, IMPORT_PREVIOUS_USAGE.en);
    if (path.resolve(file) === path.resolve(from)) throw new CliError("Tệp năm trước (--from) phải khác sổ tính của năm nay.", "Last year's file (--from) must differ from this year's workbook.");
    if (extOf(file) !== ".xlsx")
      throw new CliError(`"${file}": cột "Năm trước" nằm trong sổ tính .xlsx do phuluc tạo (phuluc init).`, `"${file}": the "Năm trước" column is in a phuluc .xlsx workbook (phuluc init).`);
    const target = await loadReportInput(file, lang);
    const t = target.template;
    if (!t || !target.cells) throw new CliError(`"${file}" không phải sổ tính do phuluc tạo.`, `"${file}" is not a phuluc workbook.`);
    if (!Object.keys(target.cells).some((k) => k.startsWith("previous.")))
      throw new CliError(`Sổ "${file}" không có cột "Năm trước" ở trang "Phụ lục". Hãy khôi phục tiêu đề cột "Năm trước" (cột F).`, `"${file}" has no "Năm trước" column on the "Phụ lục" sheet. Restore the "Năm trước" header (column F).`);
    const year = typeof target.data.report?.year === "number" ? target.data.report.year - 1 : undefined;
    const read = await readPreviousFile(from, t, year, lang);
    const plan = planPrevious(t, target.data.previous, read);
    const lines: string[] = [L(`Số liệu năm trước từ ${from} cho ${file} (mẫu ${t.id}${read.template && read.template !== t.id ? ", tệp năm trước theo mẫu " + read.template : ""})`, `Last year's figures from ${from} for ${file} (template ${t.id}${read.template && read.template !== t.id ? ", last year's file uses " + read.template : ""})`)];
    for (const part of describePlan(t, plan, lang)) {
      lines.push("");
      lines.push(part.title + ":");
      for (const l of part.lines) lines.push("  - " + l);
    }
    lines.push("");
    if (!plan.writes.length) {
      lines.push(L("Không có ô nào để ghi.", "Nothing to write."));
      io.out(lines.join("\n") + "\n");
      return 0;
    }
    if (!p.flags.has("--yes") && !p.flags.has("-y")) {
      lines.push(L(`Chưa ghi gì. Kiểm tra danh sách trên rồi chạy lại với --yes để ghi (sổ cũ giữ lại ở ${backupName(file)}).`, `Nothing written yet. Check the list above, then run again with --yes to write (the old workbook is kept as ${backupName(file)}).`));
      io.out(lines.join("\n") + "\n");
      return 0;
    }
    const n = await writePlanCells(file, t, plan, target.cells as Record<string, string>);
    lines.push(L(`Đã ghi ${n} ô vào cột "Năm trước" của ${file}; sổ cũ giữ lại ở ${backupName(file)}.`, `Wrote ${n} cells in the "Năm trước" column of ${file}; the old workbook is kept as ${backupName(file)}.`));
    io.out(lines.join("\n") + "\n");
    return 0;
  } catch (e) {
    if (e instanceof CliError || e instanceof FileError || e instanceof InputError || (e && typeof e === "object" && "vi" in e && "en" in e)) {
      const m = e as { vi: string; en: string };
      io.err("phuluc: " + (lang === "en" ? m.en : m.vi) + "\n");
      return 2;
    }
    io.err(L("phuluc: lỗi không mong đợi: ", "phuluc: unexpected error: ") + (e instanceof Error ? e.message : String(e)) + "\n");
    return 2;
  }
}
