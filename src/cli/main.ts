/**
 * The `phuluc` command line: init, check, export, report. Vietnamese by default,
 * English with --lang en. Exit codes: 0 no error, 1 errors found (including workbook.*),
 * 2 input unreadable or wrong usage. Never prints a stack trace.
 */
import { plural } from "../core/i18n";
import * as fs from "fs";
import type ExcelJS from "exceljs";
import * as path from "path";
import type { CheckResult, Finding, Lang, ReportData, TemplateDef } from "../core/types";
import { check } from "../core/engine";
import { InputError } from "../core/normalize";
import { DEFAULT_TEMPLATE_ID, getTemplate, listTemplates } from "../core/templates/index";
import { planWorkbook } from "../core/sheet-plan";
import { buildWorkbook, writePlan, FileError } from "./xlsx";
import { backupNameOf, checkOutput, replaceWithBackup, writeOutput } from "./files";
import { cleanIo, jsonText, processOut } from "./terminal";
import { CELL_MAX_CHARS, inputNotes } from "../core/input-clean";
import { CliError, draftNotice, expectTemplate, extOf, formatFindings, loadReportInput, parseArgs, type ParsedArgs } from "./input";
import { loadTemplateOption } from "./template";
import { readMarker } from "../core/sheet-read";
import { planUpgrade } from "../core/upgrade";
import { cellMoves, withUserColumns } from "../core/user-columns";
import type { WorkbookPlan, WorkbookSnapshot } from "../core/workbook-model";
import { LAYOUT_VERSION } from "../core/layout";
import { loadSnapshot, loadWorkbook, snapshotOf, copySheets } from "./xlsx";
import { registerTemplate } from "../core/templates/index";
import { decimalsOf, formatCount, formatNumber, formatPercent } from "../core/vn";

export interface Io {
  out(s: string): void;
  err(s: string): void;
  /** Whether stderr is a terminal (progress lines update in place). */
  tty?: boolean;
}


function version(): string {
  for (const p of [path.join(__dirname, "..", "..", "package.json"), path.join(__dirname, "..", "package.json")]) {
    try {
      const pkg = JSON.parse(fs.readFileSync(p, "utf8")) as { name?: string; version?: string };
      if (pkg.name === "phuluc" && pkg.version) return pkg.version;
    } catch {
      /* try the next */
    }
  }
  return "0.0.0";
}

const HELP: Record<string, { vi: string; en: string }> = {
  main: {
    vi: `phuluc — phụ lục số liệu báo cáo thực hiện quy chế dân chủ ở cơ sở (QCDC)

Cách dùng:
  phuluc init TỆP.xlsx [--data bao-cao.json] [--force]   tạo sổ tính Excel để nhập số liệu
  phuluc check TỆP.xlsx|TỆP.json [--json]                 kiểm tra số liệu, chỉ ra ô sai
  phuluc export TỆP.xlsx [-o bao-cao.json] [--force]      xuất số liệu trong sổ tính ra JSON
  phuluc report …                                         lập báo cáo (.docx) từ số liệu
  phuluc draft TỆP.xlsx|TỆP.json --text du-thao.docx      đối chiếu bản dự thảo với số liệu
  phuluc template export|check …                          thiết kế mẫu báo cáo trong Excel (phuluc template --help)
  phuluc import-previous TỆP.xlsx --from nam-truoc.docx   điền cột "Năm trước" từ báo cáo năm trước
  phuluc merge THƯ-MỤC|TỆP... -o tong-hop.xlsx            tổng hợp báo cáo của các đơn vị

Tùy chọn chung:
  --lang en       thông báo bằng tiếng Anh (mặc định: tiếng Việt)
  -h, --help      hướng dẫn (phuluc check --help: hướng dẫn của một lệnh)
  --version       phiên bản

Mã thoát: 0 không có lỗi; 1 có lỗi trong số liệu hoặc cấu trúc sổ tính; 2 không đọc được tệp đầu vào hoặc dùng sai lệnh.
`,
    en: `phuluc — numeric appendix of the grassroots democracy (QCDC) report

Usage:
  phuluc init FILE.xlsx [--data report.json] [--force]   make an Excel workbook to fill in
  phuluc check FILE.xlsx|FILE.json [--json]               check the figures, point at wrong cells
  phuluc export FILE.xlsx [-o report.json] [--force]      export a workbook's data as JSON
  phuluc report …                                         draft the report (.docx) from the data
  phuluc draft FILE.xlsx|FILE.json --text draft.docx      check a draft's text against the figures
  phuluc template export|check …                          design a report template in Excel (phuluc template --help)
  phuluc import-previous FILE.xlsx --from last.docx       fill the "Năm trước" column from last year's report
  phuluc merge FOLDER|FILE... -o total.xlsx               consolidate the units' reports

Common options:
  --lang en       messages in English (default: Vietnamese)
  -h, --help      help (phuluc check --help: help on one command)
  --version       version

Exit codes: 0 no error; 1 errors in the figures or the workbook's structure; 2 input unreadable or wrong usage.
`,
  },
  init: {
    vi: `phuluc init TỆP.xlsx [--data bao-cao.json] [--template dccs-2025|qcdc-2021] [--force]

Tạo sổ tính Excel theo mẫu: trang "Phụ lục" (số liệu), "Thông tin", các sổ (Văn bản, Kiểm tra,
Hội nghị, Đối thoại), "Nội dung", "Quy tắc riêng", "Ngoại lệ".
  --data TỆP.json   điền sẵn số liệu từ tệp JSON (kể cả khi số liệu có lỗi: dùng phuluc check để xem)
  --template MÃ|mau.json|mau.xlsx
                    mẫu báo cáo khi không có --data: dccs-2025 (mặc định; mẫu 2025, bản nháp),
                    qcdc-2021 (mẫu 2021) hoặc tệp mẫu của cơ quan yêu cầu (được lưu trong sổ tính).
                    Có --data thì dùng mẫu ghi trong tệp JSON
  --force           ghi đè nếu TỆP.xlsx đã có
TỆP.xlsx đã có và --template là phiên bản mới của mẫu của sổ, hoặc sổ theo bố cục cũ (không cần
--template): in kế hoạch nâng cấp; thêm --yes để nâng cấp (giữ mọi số liệu theo mã, bản sao cũ
TỆP.bak.xlsx; cột sổ mẫu mới bỏ đi được giữ ở bên phải bảng).
Không có --data: các ô tổng và tỷ lệ có sẵn công thức.
`,
    en: `phuluc init FILE.xlsx [--data report.json] [--template dccs-2025|qcdc-2021] [--force]

Make an Excel workbook from the template: "Phụ lục" (figures), "Thông tin" (details), the
registers, "Nội dung" (text), "Quy tắc riêng" (own rules), "Ngoại lệ" (overrides).
  --data FILE.json  fill in the data from a JSON file (even with errors: see phuluc check)
  --template ID|template.json|template.xlsx
                    template when there is no --data: dccs-2025 (default; the 2025 form, a draft),
                    qcdc-2021 (the 2021 form) or the requesting body's template file (stored in the
                    workbook). With --data, the template the JSON names
  --force           overwrite FILE.xlsx if it exists
FILE.xlsx exists and --template is a newer version of its template, or the workbook has an older
layout (no --template needed): the upgrade plan is printed; add --yes to upgrade (every value kept
by code, old copy FILE.bak.xlsx; register columns the new version dropped kept right of the table).
Without --data, totals and ratios hold formulas.
`,
  },
  check: {
    vi: `phuluc check TỆP.xlsx|TỆP.json [--json] [--lang en]

Kiểm tra số liệu theo các quy tắc của mẫu. Kết quả nhóm theo mức độ (lỗi, cảnh báo, thông tin),
kèm ô (sổ tính) hoặc vị trí (JSON) và các số liệu liên quan. Có số liệu năm trước (cột "Năm trước"):
cảnh báo thay đổi lớn so với năm trước. Các sổ theo dõi, số và ngày của báo cáo được soát (cảnh báo
lint.*: ký hiệu sai quy cách, một văn bản ghi hai cách, ngày ngoài kỳ báo cáo, …) kèm cách sửa.
  --json   in kết quả dạng JSON: { template, findings, summary }
Mã thoát: 0 không có lỗi, 1 có lỗi, 2 không đọc được tệp.
`,
    en: `phuluc check FILE.xlsx|FILE.json [--json] [--lang en]

Check the figures against the template's rules. Findings are grouped by severity (errors,
warnings, information) with their cells (workbook) or paths (JSON) and the figures. With last
year's figures (the "Năm trước" column): warnings on large changes. The registers and the report's
number and date are linted (lint.* warnings: malformed symbols, one document written two ways,
dates outside the period, …) with the fix.
  --json   print the result as JSON: { template, findings, summary }
Exit code: 0 no error, 1 errors, 2 file unreadable.
`,
  },
  export: {
    vi: `phuluc export TỆP.xlsx [-o bao-cao.json] [--force]

Xuất số liệu của sổ tính (do phuluc tạo) ra JSON chuẩn hóa; không có -o thì in ra màn hình.
  --force   ghi đè nếu tệp -o đã có (không bao giờ ghi đè lên TỆP.xlsx)
`,
    en: `phuluc export FILE.xlsx [-o report.json] [--force]

Export the data of a phuluc workbook as normalised JSON; without -o it is printed.
  --force   overwrite the -o file if it exists (never FILE.xlsx itself)
`,
  },
};

/** Options that take a value, by their canonical name. */
const VALUES: Record<string, string> = { "--data": "--data", "--lang": "--lang", "-o": "-o", "--output": "-o", "--out": "-o", "--template": "--template" };

type Parsed = ParsedArgs;

function checkFlags(p: Parsed, allowed: string[]): void {
  for (const f of p.flags) {
    if (!allowed.includes(f)) throw new CliError(`Không hiểu tùy chọn "${f}". Xem: phuluc --help`, `Unknown option "${f}". See: phuluc --help`);
  }
}

function t(lang: Lang, vi: string, en: string): string {
  return lang === "en" ? en : vi;
}

function emptyResult(template: string, structural: Finding[]): CheckResult {
  const count = (s: string) => structural.filter((f) => f.severity === s).length;
  return { template, findings: structural, summary: { errors: count("error"), warnings: count("warning"), infos: count("info"), overrides: [] } };
}

/** A figure as people read it: "10.424.000", "88,9%", "(trống)". */
function fmtValue(v: unknown, lang: Lang, kind?: string): string {
  if (v === null || v === undefined) return lang === "en" ? "(blank)" : "(trống)";
  if (typeof v === "number") {
    if (kind === "percent") return formatPercent(v, decimalsOf(v));
    // A count as the finding's message and the appendix print it: "03" (docs/spec/vn-document-conventions.md).
    if (kind === "count") return formatCount(v);
    return formatNumber(v, decimalsOf(v));
  }
  if (typeof v === "string") return v === "" ? '""' : v;
  return String(v);
}

/** The human-readable report of a check. */
export function formatCheck(res: CheckResult, file: string, lang: Lang): string {
  const L = (vi: string, en: string) => t(lang, vi, en);
  const tpl = getTemplate(res.template);
  const kindOf = (code: string) => tpl?.indicators.find((d) => d.code === code)?.kind;
  const lines: string[] = [];
  lines.push(res.template ? L(`Kiểm tra ${file} (mẫu ${res.template})`, `Check of ${file} (template ${res.template})`) : L(`Kiểm tra ${file}`, `Check of ${file}`));
  const s = res.summary;
  lines.push(
    L(`Kết quả: ${s.errors} lỗi, ${s.warnings} cảnh báo, ${s.infos} thông tin.`, `Result: ${plural(s.errors, "error")}, ${plural(s.warnings, "warning")}, ${plural(s.infos, "note")}.`),
  );
  lines.push(
    ...formatFindings(res.findings, lang, (f) => {
      const d: string[] = [];
      if (f.cells && f.cells.length) d.push(L("Ô: ", "Cells: ") + f.cells.join(", "));
      else if (f.path) d.push(L("Vị trí: ", "Path: ") + f.path);
      const vals = f.values ? Object.entries(f.values) : [];
      if (vals.length || f.expected !== undefined) {
        let line = L("Số liệu: ", "Figures: ") + vals.map(([k, v]) => `${k} = ${fmtValue(v, lang, kindOf(k))}`).join("; ");
        if (f.expected !== undefined) line += (vals.length ? "; " : "") + L("giá trị đúng: ", "expected: ") + fmtValue(f.expected, lang, kindOf(f.indicators[0]));
        d.push(line);
      }
      if (f.quote) d.push(L("Trích: ", "Quote: ") + "“" + f.quote + "”");
      return d;
    }),
  );
  if (s.overrides && s.overrides.length) {
    lines.push("");
    lines.push(L("NGOẠI LỆ ĐÃ ÁP DỤNG", "OVERRIDES APPLIED"));
    for (const o of s.overrides) {
      lines.push(`  - ${o.rule} → ${o.severity}: ${o.reason} (${L("ảnh hưởng", "affected")} ${o.affected})`);
    }
  }
  if (!res.findings.length) {
    lines.push("");
    lines.push(L("Không phát hiện vấn đề nào.", "No problems found."));
  }
  return lines.join("\n") + "\n";
}

async function cmdCheck(p: Parsed, lang: Lang, io: Io): Promise<number> {
  checkFlags(p, ["--json"]);
  if (p.positional.length !== 1) throw new CliError("Cách dùng: phuluc check TỆP.xlsx|TỆP.json [--json]", "Usage: phuluc check FILE.xlsx|FILE.json [--json]");
  const file = p.positional[0];
  const input = await loadReportInput(file, lang);
  const notice = draftNotice(input.template, lang);
  if (notice) io.err(notice);
  let res: CheckResult;
  if (!input.template) {
    res = emptyResult(input.data.template || "", input.structural);
  } else {
    res = check(input.data, { lang, cells: input.cells, structural: input.structural });
  }
  if (p.flags.has("--json")) {
    io.out(jsonText({ template: res.template, findings: res.findings, summary: res.summary }) + "\n");
  } else {
    io.out(formatCheck(res, file, lang));
  }
  return res.summary.errors > 0 ? 1 : 0;
}

async function cmdInit(p: Parsed, lang: Lang, io: Io): Promise<number> {
  checkFlags(p, ["--force", "--yes", "-y"]);
  if (p.positional.length !== 1) throw new CliError("Cách dùng: phuluc init TỆP.xlsx [--data bao-cao.json] [--template MÃ|mau.json|mau.xlsx] [--force]", "Usage: phuluc init FILE.xlsx [--data report.json] [--template ID|template.json|template.xlsx] [--force]");
  const out = p.positional[0];
  if (extOf(out) !== ".xlsx") throw new CliError(`Tên tệp cần có đuôi .xlsx: "${out}".`, `The file name must end in .xlsx: "${out}".`);
  const templateArg = p.options.get("--template");
  const carried = !!templateArg && [".json", ".xlsx", ".xlsm"].includes(extOf(templateArg));
  const yes = p.flags.has("--yes") || p.flags.has("-y");
  const dataFile = p.options.get("--data");
  if (fs.existsSync(out) && !dataFile && !p.flags.has("--force")) {
    if (templateArg) return upgradeWorkbook(out, templateArg, yes, lang, io);
    // A workbook of an older layout version: the same upgrade, to the template it follows.
    if (await olderLayout(out)) return upgradeWorkbook(out, undefined, yes, lang, io);
  }
  // Refused before any reading: an existing file without --force, the data file itself, a locked file.
  checkOutput(out, { force: p.flags.has("--force"), inputs: [dataFile, templateArg && carried ? templateArg : undefined] });
  let data: ReportData | undefined;
  let template: TemplateDef | undefined = templateArg ? await loadTemplateOption(templateArg, lang) : undefined;
  if (template) expectTemplate(template.id);
  if (dataFile) {
    if (extOf(dataFile) !== ".json") throw new CliError(`--data cần một tệp .json: "${dataFile}".`, `--data takes a .json file: "${dataFile}".`);
    const input = await loadReportInput(dataFile, lang);
    data = input.data;
    template = input.template;
    // Text longer than a cell holds: Excel would cut it on opening; refused rather than cut silently.
    const long = inputNotes(data).filter((n) => n.kind === "long");
    if (long.length) {
      const where = long.slice(0, 5).map((n) => n.path).join(", ") + (long.length > 5 ? ", …" : "");
      throw new CliError(
        `Không tạo sổ tính: ${long.length} đoạn chữ dài quá ${CELL_MAX_CHARS} ký tự, mức một ô Excel chứa được (${where}); Excel sẽ cắt mất phần sau. Hãy rút gọn hoặc chia thành nhiều đoạn rồi chạy lại.`,
        `No workbook made: ${long.length} text${long.length === 1 ? " is" : "s are"} over the ${CELL_MAX_CHARS} characters an Excel cell holds (${where}); Excel would cut the rest. Shorten or split ${long.length === 1 ? "it" : "them"} and run again.`,
      );
    }
  } else if (!template) {
    const id = DEFAULT_TEMPLATE_ID;
    template = getTemplate(id);
  }
  if (!template) throw new CliError("Không xác định được mẫu báo cáo.", "No template.");
  const plan = planWorkbook(template, data, { embedTemplate: carried });
  await writePlan(plan, out, { force: p.flags.has("--force"), inputs: [dataFile, templateArg && carried ? templateArg : undefined] });
  const notice = draftNotice(template, lang);
  if (notice) io.err(notice);
  io.out(
    t(
      lang,
      `Đã tạo ${out} (mẫu ${template.id}${carried ? ", mẫu được lưu trong sổ tính" : ""}, ${template.indicators.length} chỉ tiêu${dataFile ? ", số liệu từ " + dataFile : ", chưa có số liệu"}).\n`,
      `Made ${out} (template ${template.id}${carried ? ", stored in the workbook" : ""}, ${template.indicators.length} indicators${dataFile ? ", data from " + dataFile : ", no data yet"}).\n`,
    ),
  );
  if (data) {
    const res = check(data, { lang });
    const s = res.summary;
    if (s.errors || s.warnings) {
      io.out(t(lang, `Lưu ý: số liệu có ${s.errors} lỗi, ${s.warnings} cảnh báo. Xem chi tiết: phuluc check ${out}\n`, `Note: the data has ${plural(s.errors, "error")}, ${plural(s.warnings, "warning")}. Details: phuluc check ${out}\n`));
    }
  } else {
    io.out(t(lang, `Nhập số liệu vào trang "Phụ lục", rồi chạy: phuluc check ${out}\n`, `Type the figures in the "Phụ lục" sheet, then run: phuluc check ${out}\n`));
  }
  return 0;
}

/** Whether `file` is a phuluc workbook of an older layout version (anything unreadable: no). */
async function olderLayout(file: string): Promise<boolean> {
  try {
    const m = readMarker(await loadSnapshot(file));
    return m.found && (m.version ?? 0) < LAYOUT_VERSION;
  } catch {
    return false;
  }
}

/**
 * `phuluc init existing.xlsx [--template newer.json] [--yes]`: a workbook of an older layout,
 * or set up with an older version of the same template, is rewritten with the current layout
 * and the new template, keeping every value by code (src/core/upgrade.ts). The plan is printed
 * first; without --yes nothing is written. A `.bak.xlsx` copy is kept; values whose code the
 * new version dropped stay in the "Phụ lục" sheet, below the template's rows, marked
 * "(mã không có trong mẫu …)"; register columns it dropped stay to the right of their table.
 * Columns the user added inside our tables stay too, right of the table (the pane's rule,
 * src/core/user-columns.ts), and the user's fills and fonts on value cells follow their cells.
 */
async function upgradeWorkbook(file: string, templateArg: string | undefined, yes: boolean, lang: Lang, io: Io): Promise<number> {
  const L = (vi: string, en: string) => t(lang, vi, en);
  const old = await loadWorkbook(file);
  const snap = snapshotOf(old);
  const next = templateArg ? await loadTemplateOption(templateArg, lang) : undefined;
  if (next) registerTemplate(next);
  const up = planUpgrade(snap, next, { where: "cli", backup: backupName(file), embed: next ? true : undefined });
  if ("refused" in up) {
    if (up.refused === "other-template")
      throw new CliError(
        `Sổ tính "${file}" theo mẫu "${up.prev}", không phải mẫu "${up.next}": không nâng cấp được. Tạo sổ tính mới bằng: phuluc init so-lieu-moi.xlsx --template ${templateArg}`,
        `Workbook "${file}" follows template "${up.prev}", not "${up.next}": it cannot be upgraded. Make a new one: phuluc init new.xlsx --template ${templateArg}`,
      );
    throw new CliError(
      `Tệp "${file}" đã có và không phải sổ tính phuluc đọc được; phuluc không ghi đè. Chọn tên khác, hoặc thêm --force để ghi đè.`,
      `"${file}" exists and is not a phuluc workbook that can be read; phuluc does not overwrite it. Pick another name, or add --force to overwrite.`,
    );
  }
  // The user's own sheets (not ours, not the marker) are copied into the new file as they are.
  const ourNames = new Set(up.ourSheets.map((n) => n.toLowerCase()));
  const userSheets = snap.sheets.map((s) => s.name).filter((n) => !ourNames.has(n.toLowerCase()));
  if (userSheets.length)
    up.lines.push({
      vi: `Trang riêng của bạn được giữ nguyên trong sổ: ${userSheets.map((n) => `"${n}"`).join(", ")}.`,
      en: `Your own sheets are kept in the workbook as they are: ${userSheets.map((n) => `"${n}"`).join(", ")}.`,
    });
  // Columns the user added inside our tables: kept, right of the table (the pane's rule, src/core/user-columns.ts).
  const marker = readMarker(snap);
  const ours = new Set(up.ourSheets);
  const prevPlan = planWorkbook(up.prev, undefined, {});
  const { plan, kept: userCols } = withUserColumns(
    planWorkbook(up.next, up.data, up.options),
    snap,
    (table) => {
      const name = marker.roles.get(table.toLowerCase());
      return name && ours.has(name) ? name : undefined;
    },
    prevPlan,
  );
  if (userCols.length)
    up.lines.push({
      vi: `Cột do người dùng thêm: ${userCols.map((k) => `${k.headers.map((x) => `"${x}"`).join(", ")} (trang "${k.oldSheet}")`).join("; ")} giữ nguyên, cùng số liệu, ở bên phải bảng.`,
      en: `Columns you added: ${userCols.map((k) => `${k.headers.map((x) => `"${x}"`).join(", ")} (sheet "${k.oldSheet}")`).join("; ")} are kept with their values, right of the table.`,
    });
  const head = up.layoutOlder && !next
    ? L(`Nâng cấp ${file} lên bố cục mới (mẫu ${up.next.id}):`, `Upgrade ${file} to the new layout (template ${up.next.id}):`)
    : L(`Nâng cấp ${file}:`, `Upgrade ${file}:`);
  io.out([head, ...up.lines.map((x) => "  " + (lang === "en" ? x.en : x.vi))].join("\n") + "\n");
  if (!yes) {
    io.out(L(`Chưa ghi gì. Để nâng cấp, chạy lại với --yes.\n`, `Nothing written. To upgrade, run again with --yes.\n`));
    return 0;
  }
  const book = buildWorkbook(plan);
  copyCellStyles(old, book, plan, snap, (table) => {
    const name = marker.roles.get(table.toLowerCase());
    return name && ours.has(name) ? name : undefined;
  });
  copySheets(old, book, userSheets);
  // Registers the new version dropped: their rows on a plain sheet of their own, not lost.
  for (const k of up.keptSheets) {
    const ws = book.addWorksheet(k.name);
    k.rows.forEach((r, i) =>
      r.forEach((c, j) => {
        const cell = ws.getCell(i + 1, j + 1);
        cell.value = (c.v ?? null) as ExcelJS.CellValue;
        if (c.format) cell.numFmt = c.format;
        if (c.bold) cell.font = { bold: true };
      }),
    );
  }
  // Through files.ts: refused while open in Excel, the old copy kept (never over an older backup), temp file renamed into place.
  const backup = await replaceWithBackup(file, (tmp) => book.xlsx.writeFile(tmp));
  io.out(L(`Đã nâng cấp ${file} (bản cũ: ${backup}).\n`, `Upgraded ${file} (old copy: ${backup}).\n`));
  return 0;
}

/**
 * The user's fills and fonts on the value cells of our tables follow their cells (by row key or
 * order, by column header: src/core/user-columns.ts `cellMoves`) into the rewritten file. Cells
 * holding a formula, old or new, keep the new file's look (ours shade computed cells).
 */
function copyCellStyles(old: ExcelJS.Workbook, book: ExcelJS.Workbook, plan: WorkbookPlan, snap: WorkbookSnapshot, oldSheetOf: (table: string) => string | undefined): void {
  for (const p of plan.sheets) {
    const name = oldSheetOf(p.table.name);
    const s = name ? snap.sheets.find((x) => x.name === name) : undefined;
    const from = name ? old.getWorksheet(name) : undefined;
    const to = book.getWorksheet(p.name);
    if (!s || !from || !to) continue;
    for (const m of cellMoves(p, s)) {
      const a = from.getCell(m.from[0] + 1, m.from[1] + 1);
      const b = to.getCell(m.to[0] + 1, m.to[1] + 1);
      if (a.formula || b.formula) continue;
      const fill = a.fill as ExcelJS.FillPattern | undefined;
      const font = a.font;
      const hasFill = !!fill && fill.type === "pattern" && !!fill.pattern && fill.pattern !== "none";
      const hasFont = !!font && !!(font.bold || font.italic || font.underline || font.strike || (font.color && (font.color.argb || (font.color.theme !== undefined && font.color.theme !== 1))));
      if (!hasFill && !hasFont) continue;
      // A style of its own (exceljs shares a column's style object between its cells).
      const style = JSON.parse(JSON.stringify(b.style ?? {})) as Partial<ExcelJS.Style>;
      if (hasFill) style.fill = JSON.parse(JSON.stringify(fill));
      if (hasFont) style.font = { ...(style.font ?? {}), ...JSON.parse(JSON.stringify(font)) };
      b.style = style;
    }
  }
}

function backupName(file: string): string {
  return backupNameOf(file);
}

async function cmdExport(p: Parsed, lang: Lang, io: Io): Promise<number> {
  checkFlags(p, ["--force"]);
  if (p.positional.length !== 1) throw new CliError("Cách dùng: phuluc export TỆP.xlsx [-o bao-cao.json]", "Usage: phuluc export FILE.xlsx [-o report.json]");
  const file = p.positional[0];
  const target = p.options.get("-o");
  if (target) checkOutput(target, { force: p.flags.has("--force"), inputs: [file] });
  const input = await loadReportInput(file, lang);
  const errors = input.structural.filter((f) => f.severity === "error");
  if (input.kind === "xlsx" && !input.template) {
    for (const f of input.structural) io.err(`phuluc: ${f.message}\n`);
    return 1;
  }
  const json = jsonText(input.data) + "\n";
  const out = p.options.get("-o");
  if (out) {
    await writeOutput(out, json, { force: p.flags.has("--force"), inputs: [file] });
    io.err(t(lang, `Đã xuất số liệu ra ${out}.\n`, `Data exported to ${out}.\n`));
  } else {
    io.out(json);
  }
  for (const f of input.structural) {
    const where = f.cells && f.cells.length && !f.message.includes(f.cells[0]) ? ` (${f.cells.slice(0, 3).join(", ")})` : "";
    io.err(`phuluc: [${f.rule}] ${f.message}${where}\n`);
  }
  return errors.length ? 1 : 0;
}

/**
 * `report` and `draft` are loaded only when used: they bring the docx writer and the
 * draft reader, which `phuluc check` does not need to start quickly.
 */
async function runLazy(cmd: "report" | "draft" | "import-previous" | "merge", args: string[], io: Io): Promise<number> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (cmd === "merge") return (require("./merge") as typeof import("./merge")).runMergeCommand(args, io);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (cmd === "import-previous") return (require("./import-previous") as typeof import("./import-previous")).runImportPrevious(args, io);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (cmd === "report") return (require("./report") as typeof import("./report")).runReport(args, io);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require("./draft") as typeof import("./draft")).runDraft(args, io);
}

function langOf(args: string[]): Lang {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--lang" && args[i + 1]) return args[i + 1].toLowerCase().startsWith("en") ? "en" : "vi";
    if (args[i].startsWith("--lang=")) return args[i].slice(7).toLowerCase().startsWith("en") ? "en" : "vi";
  }
  return "vi";
}

/** Runs the command line; resolves to the exit code. */
export async function main(argv: string[], rawIo?: Io): Promise<number> {
  // Everything printed is cleaned of control characters (user text may hold escape sequences).
  const io: Io = { ...cleanIo(rawIo ?? processOut()), tty: rawIo ? !!rawIo.tty : !!process.stderr.isTTY };
  expectTemplate(undefined);
  const lang = langOf(argv);
  try {
    const args = [...argv];
    let cmdIndex = -1;
    for (let i = 0; i < args.length; i++) {
      if (args[i] in VALUES) i++;
      else if (!args[i].startsWith("-")) {
        cmdIndex = i;
        break;
      }
    }
    const cmd = cmdIndex >= 0 ? args[cmdIndex] : undefined;
    const wantsHelp = args.includes("--help") || args.includes("-h");
    if (!cmd || (cmd === "help" && args.length <= 3)) {
      if (args.includes("--version") || args.includes("-V") || args.includes("-v")) {
        io.out("phuluc " + version() + "\n");
        return 0;
      }
      const sub = cmd === "help" ? args.slice(cmdIndex + 1).find((a) => !a.startsWith("-")) : undefined;
      if (wantsHelp || cmd === "help") {
        io.out(t(lang, (HELP[sub ?? "main"] ?? HELP.main).vi, (HELP[sub ?? "main"] ?? HELP.main).en));
        return 0;
      }
      io.err(t(lang, HELP.main.vi, HELP.main.en));
      return 2;
    }
    let rest = args.slice(cmdIndex + 1);
    let before = args.slice(0, cmdIndex);
    if (cmd === "template") return await (require("./template") as typeof import("./template")).runTemplate([...before, ...rest], io);
    // --template ID|mau.json|mau.xlsx on check, export, report, draft: the template is loaded
    // (and registered) first; data of another template is refused.
    if (cmd === "check" || cmd === "export" || cmd === "report" || cmd === "draft" || cmd === "import-previous") {
      const all = [...before, ...rest];
      const i = all.findIndex((a) => a === "--template" || a.startsWith("--template="));
      if (i >= 0 && !wantsHelp) {
        const v = all[i].startsWith("--template=") ? all[i].slice(11) : all[i + 1];
        if (!v) throw new CliError("Tùy chọn --template cần một giá trị.", "Option --template needs a value.");
        const tpl = await loadTemplateOption(v, lang);
        expectTemplate(tpl.id);
        all.splice(i, all[i].startsWith("--template=") ? 1 : 2);
        before = [];
        rest = all;
      }
    }
    if (cmd === "report" || cmd === "draft" || cmd === "import-previous" || cmd === "merge") return await runLazy(cmd, [...before, ...rest], io);
    if (wantsHelp && HELP[cmd]) {
      io.out(t(lang, HELP[cmd].vi, HELP[cmd].en));
      return 0;
    }
    const p = parseArgs([...before, ...rest], VALUES);
    p.options.delete("--lang");
    p.flags.delete("--help");
    p.flags.delete("-h");
    switch (cmd) {
      case "init":
        return await cmdInit(p, lang, io);
      case "check":
        return await cmdCheck(p, lang, io);
      case "export":
        return await cmdExport(p, lang, io);
      default:
        throw new CliError(`Không có lệnh "${cmd}". Các lệnh: init, check, export, report, draft, import-previous, merge, template. Xem: phuluc --help`, `Unknown command "${cmd}". Commands: init, check, export, report, draft, import-previous, merge, template. See: phuluc --help`);
    }
  } catch (e) {
    if (e instanceof CliError || e instanceof FileError || e instanceof InputError || (e && typeof e === "object" && "vi" in e && "en" in e)) {
      const m = e as { vi: string; en: string };
      io.err("phuluc: " + t(lang, m.vi, m.en) + "\n");
      return 2;
    }
    const msg = e instanceof Error ? e.message : String(e);
    io.err(t(lang, "phuluc: lỗi không mong đợi: ", "phuluc: unexpected error: ") + msg + "\n");
    return 2;
  }
}
