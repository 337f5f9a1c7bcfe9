/**
 * What every `phuluc` command shares: the error that ends a command with a bilingual
 * message (exit 2 unless told otherwise), reading a file, and loading report data from
 * a JSON file or a phuluc workbook.
 */
import * as fs from "fs";
import * as path from "path";
import type { CellMap, Finding, Lang, ReportData, TemplateDef } from "../core/types";
import { parseReportJson } from "../core/normalize";
import { getTemplate } from "../core/templates/index";
import { readWorkbook } from "../core/sheet-read";
import { loadSnapshot } from "./xlsx";
import { withConsolidation } from "../core/merge/workbook";
import { plural } from "../core/i18n";
import { impliedParent } from "../core/implied";
import { upperFirst } from "../core/vn";

/** A usage or input problem: the command stops with this message and exit code (2). */
export class CliError extends Error {
  constructor(
    public vi: string,
    public en: string,
    public code = 2,
  ) {
    super(vi);
  }
}

export function extOf(file: string): string {
  return path.extname(file).toLowerCase();
}

/** A file's bytes, or a CliError saying in both languages why not. `what` names the file for the user. */
/** Largest data or draft file read (bytes): a real one is under 1 MB; Node cannot hold a string of much over 500 MB. */
export const MAX_INPUT_BYTES = 200 * 1024 * 1024;

export function readFileBytes(file: string, what: { vi: string; en: string } = { vi: "tệp", en: "File" }, maxBytes = MAX_INPUT_BYTES): Buffer {
  try {
    const size = fs.statSync(file).size;
    if (size > maxBytes)
      throw new CliError(
        `${what.vi[0].toUpperCase() + what.vi.slice(1)} "${file}" quá lớn (${Math.round(size / 1048576)} MB; tối đa ${Math.round(maxBytes / 1048576)} MB), nên phuluc không đọc. Hãy kiểm tra lại tệp.`,
        `${what.en} "${file}" is too large (${Math.round(size / 1048576)} MB; at most ${Math.round(maxBytes / 1048576)} MB), so phuluc does not read it. Check the file.`,
      );
    return fs.readFileSync(file);
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as { code?: string }).code;
    if (code === "ENOENT") throw new CliError(`Không tìm thấy ${what.vi} "${file}".`, `${what.en} "${file}" not found.`);
    if (code === "EISDIR") throw new CliError(`"${file}" là một thư mục, không phải tệp.`, `"${file}" is a folder, not a file.`);
    throw new CliError(`Không đọc được ${what.vi} "${file}".`, `Cannot read ${what.en.toLowerCase()} "${file}".`);
  }
}

/**
 * The text of a file people saved: UTF-8 (with or without BOM), or UTF-16 with BOM (Notepad's
 * "Unicode"). Bytes that are not UTF-8 (TCVN3, VNI, Windows-1258) are refused with a clear
 * message rather than read as "�" into names and titles. `advice` says what else the user can do.
 */
export function decodeTextFile(bytes: Uint8Array, file: string, advice = { vi: "", en: "" }): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(start));
  } catch {
    throw new CliError(
      `Tệp "${file}" không lưu theo bảng mã UTF-8 (có thể là TCVN3/VNI hoặc Windows-1258), nên chữ tiếng Việt không đọc được. Hãy mở tệp bằng Notepad, chọn Lưu thành (Save As), bảng mã (Encoding) UTF-8, rồi chạy lại${advice.vi}.`,
      `"${file}" is not saved as UTF-8 (perhaps TCVN3/VNI or Windows-1258), so its Vietnamese cannot be read. Open it in Notepad, Save As with Encoding UTF-8, and run again${advice.en}.`,
    );
  }
}

export interface LoadedInput {
  kind: "json" | "xlsx";
  data: ReportData;
  template?: TemplateDef;
  /** For a workbook: where each datum is (findings get their cells from it). */
  cells?: CellMap;
  /** For a workbook: the workbook.* findings of its structure. */
  structural: Finding[];
}

/** The template `--template` asked for: data of another template is refused (exit 2). */
let expectedTemplate: string | undefined;
export function expectTemplate(id: string | undefined): void {
  expectedTemplate = id;
}

function refuseOtherTemplate(file: string, actual: string | undefined): void {
  if (!expectedTemplate || actual === expectedTemplate) return;
  throw new CliError(
    `Số liệu trong "${file}" theo mẫu "${actual || "(không ghi)"}", không phải mẫu "${expectedTemplate}" đã chọn bằng --template. Hãy chọn đúng mẫu của số liệu, hoặc bỏ --template.`,
    `The data in "${file}" follows template "${actual || "(none)"}", not "${expectedTemplate}" chosen with --template. Choose the data's template, or drop --template.`,
  );
}

/** Report data from a .json file or a workbook made by phuluc (.xlsx/.xlsm). */
export async function loadReportInput(file: string, lang: Lang): Promise<LoadedInput> {
  const ext = extOf(file);
  if (ext === ".json") {
    const text = decodeTextFile(readFileBytes(file, { vi: "tệp số liệu", en: "Data file" }), file);
    if (expectedTemplate) {
      let named: unknown;
      try {
        named = (JSON.parse(text.replace(/^\uFEFF/, "")) as { template?: unknown }).template;
      } catch {
        /* parseReportJson says what is wrong */
      }
      if (typeof named === "string") refuseOtherTemplate(file, named.trim());
    }
    const data = parseReportJson(text);
    return { kind: "json", data, template: getTemplate(data.template), structural: [] };
  }
  if (ext === ".xlsx" || ext === ".xlsm") {
    const snap = await loadSnapshot(file);
    const r = readWorkbook(snap, { lang });
    if (r.template || r.data.template) refuseOtherTemplate(file, r.data.template || r.template?.id);
    if (r.findings.some((f) => f.rule === "workbook.unknown-template")) {
      const say = (l: Lang) => readWorkbook(snap, { lang: l }).findings.find((f) => f.rule === "workbook.unknown-template")!.message;
      throw new CliError(say("vi"), say("en"));
    }
    // A consolidated workbook (phuluc merge, or the pane's "Tổng hợp") says so by its "Đơn vị" sheet.
    const data = r.template ? withConsolidation(r.template, snap, r.data) : r.data;
    return { kind: "xlsx", data, template: r.template, cells: r.cells, structural: r.findings };
  }
  const old = ext === ".xls";
  throw new CliError(
    `"${file}": số liệu phải là tệp Excel .xlsx hoặc tệp dữ liệu .json.${old ? " Tệp .xls đời cũ: hãy mở bằng Excel và lưu lại dạng .xlsx." : ""}`,
    `"${file}": the data must be an Excel .xlsx file or a .json data file.${old ? " An old .xls file: open it in Excel and save it as .xlsx." : ""}`,
  );
}

/** A command line split into its parts: values of options by their canonical name, flags, the rest. */
export interface ParsedArgs {
  positional: string[];
  flags: Set<string>;
  options: Map<string, string>;
}

/**
 * Splits a command's arguments. `values` maps every option that takes a value (and its
 * aliases) to its canonical name: { "-o": "-o", "--output": "-o" }. "--name=value" works
 * too, and "--" ends the options. With `flags`, any other option is refused (exit 2)
 * with a pointer to `helpOf`'s help.
 */
export function parseArgs(args: string[], values: Record<string, string>, flags?: string[], helpOf = "phuluc"): ParsedArgs {
  const out: ParsedArgs = { positional: [], flags: new Set(), options: new Map() };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--") {
      out.positional.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith("-") || a.length === 1) {
      out.positional.push(a);
      continue;
    }
    const eq = a.startsWith("--") ? a.indexOf("=") : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (name in values) {
      const v = eq > 0 ? a.slice(eq + 1) : args[++i];
      if (v === undefined) throw new CliError(`Tùy chọn ${name} cần một giá trị.`, `Option ${name} needs a value.`);
      out.options.set(values[name], v);
    } else if (!flags || flags.includes(name) || name === "-h" || name === "--help") {
      out.flags.add(name);
    } else {
      throw new CliError(`Không hiểu tùy chọn "${name}". Xem: ${helpOf} --help`, `Unknown option "${name}". See: ${helpOf} --help`);
    }
  }
  return out;
}

export function langOf(value: string | undefined): Lang {
  return value && value.toLowerCase().startsWith("en") ? "en" : "vi";
}

const SEVERITY_HEADINGS: [Finding["severity"], string, string][] = [
  ["error", "LỖI", "ERRORS"],
  ["warning", "CẢNH BÁO", "WARNINGS"],
  ["info", "THÔNG TIN", "INFORMATION"],
];

/**
 * Findings grouped by severity, numbered, each followed by the lines `details` gives
 * (where it is, the figures, the quote), then its suggestion; a finding an error implies
 * (`impliedBy`) follows that error after "↳" (the heading still counts it).
 */
export function formatFindings(findings: Finding[], lang: Lang, details: (f: Finding) => string[]): string[] {
  const L = (vi: string, en: string) => (lang === "en" ? en : vi);
  const lines: string[] = [];
  // A warning or note an error on the same figures implies (`impliedBy`) is printed under that error ("↳").
  const parentOf = new Map<Finding, Finding>();
  for (const f of findings) {
    const p = impliedParent(f, findings);
    if (p) parentOf.set(f, p);
  }
  const SEV_WORD: Record<string, [string, string]> = { warning: ["cảnh báo", "warning"], info: ["thông tin", "note"] };
  for (const [sev, vi, en] of SEVERITY_HEADINGS) {
    const group = findings.filter((f) => f.severity === sev);
    if (!group.length) continue;
    lines.push("", `${L(vi, en)} (${group.length})`);
    const nested = group.filter((f) => parentOf.has(f)).length;
    if (nested) {
      const [wVi, wEn] = SEV_WORD[sev] ?? [vi.toLowerCase(), en.toLowerCase()];
      lines.push("  " + L(`(${nested} ${wVi} ghi dưới lỗi liên quan ở trên, sau dấu ↳)`, `(${plural(nested, wEn)} shown under ${nested === 1 ? "its" : "their"} error above, after ↳)`));
    }
    let n = 0;
    for (const f of group) {
      if (parentOf.has(f)) continue;
      lines.push(`  ${++n}. [${f.rule}] ${f.message}`);
      for (const d of details(f)) lines.push("     " + d);
      if (f.suggestion) lines.push("     " + L("Gợi ý: ", "Suggestion: ") + f.suggestion);
      for (const [c, p] of parentOf) {
        if (p !== f) continue;
        const [wVi, wEn] = SEV_WORD[c.severity] ?? ["", ""];
        lines.push(`     ↳ ${L(upperFirst(wVi), upperFirst(wEn))} [${c.rule}] ${c.message}`);
        for (const d of details(c)) lines.push("       " + d);
        if (c.suggestion) lines.push("       " + L("Gợi ý: ", "Suggestion: ") + c.suggestion);
      }
    }
  }
  return lines;
}

/**
 * The notice of a draft template (e.g. dccs-2025: "Bản nháp — cơ quan tổng hợp điều chỉnh
 * theo đề cương của mình"), one line for stderr; "" for a template that is not a draft.
 * A notice, not a finding: it changes neither the findings nor the exit code.
 */
export function draftNotice(template: TemplateDef | undefined, lang: Lang): string {
  if (!template || !template.draft) return "";
  return `phuluc: ${lang === "en" ? "template" : "mẫu"} ${template.id}: ${template.draft[lang]}\n`;
}
