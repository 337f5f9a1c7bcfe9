/**
 * `phuluc merge INPUT... -o tong-hop.xlsx|tong-hop.json [--units danh-sach.xlsx|.csv]
 * [--template ID|FILE] [--report info.json] [--json] [--force] [--progress] [--lang en]`
 *
 * Consolidates units' reports (workbooks, JSON, or folders of them) into the receiving
 * body's report (src/core/merge). Exit 0: all merged, no unit has errors; 1: refusals or
 * unit errors; 2: nothing readable or wrong usage.
 */
import * as fs from "fs";
import * as path from "path";
import type { Lang, ReportInfo, TemplateDef } from "../core/types";
import { mergeReports, coverageLine, type MergeResult } from "../core/merge/merge";
import { planConsolidated } from "../core/merge/workbook";
import { getTemplate, listTemplates, registerTemplate } from "../core/templates/index";
import { statusHook } from "../core/status-formulas";
import { CliError, decodeTextFile, extOf, langOf, parseArgs, readFileBytes } from "./input";
import { readUnits } from "./merge-read";
import { newWorkbook, writePlan } from "./xlsx";

export interface MergeIo {
  out(s: string): void;
  err(s: string): void;
  /** Whether stderr is a terminal (the progress line then updates in place). */
  tty?: boolean;
}

const stdIo: MergeIo = { out: (s) => void process.stdout.write(s), err: (s) => void process.stderr.write(s), tty: !!process.stderr.isTTY };

export const MERGE_HELP = {
  vi: `phuluc merge ĐẦU-VÀO... -o tong-hop.xlsx|tong-hop.json [--units danh-sach.xlsx|.csv] [--report thong-tin.json] [--template MÃ] [--json] [--force]

Tổng hợp báo cáo của các đơn vị (sổ tính .xlsx, tệp .json, hoặc thư mục chứa chúng) thành báo cáo
của cơ quan tổng hợp. Số lượng và kinh phí được cộng; tỷ lệ tính lại từ tổng tử số và tổng mẫu số
(không lấy trung bình); ô trống không tính là 0 (mỗi số ghi bao nhiêu đơn vị báo cáo).
Mỗi đơn vị được kiểm tra riêng; tệp khác mẫu, khác kỳ, trùng đơn vị, sai cấp bị từ chối, có lý do.
  -o TỆP            .xlsx: sổ tính có trang "Đơn vị" và các ô tổng hợp là công thức; .json: dữ liệu
  --units TỆP       danh sách đơn vị phải báo cáo (một cột; .xlsx hoặc .csv UTF-8/Windows-1258)
  --report TỆP      thông tin cơ quan tổng hợp (cơ quan, cấp, người ký …) dạng JSON
  --template MÃ     mẫu báo cáo (mặc định: mẫu của đa số tệp)
  --json            in kết quả dạng JSON
  --force           ghi đè tệp kết quả nếu đã có
  --progress        in tiến độ đọc tệp
Mã thoát: 0 đã tổng hợp tất cả, không đơn vị nào có lỗi; 1 có tệp bị từ chối hoặc đơn vị có lỗi;
2 không đọc được tệp nào hoặc dùng sai lệnh.
`,
  en: `phuluc merge INPUT... -o total.xlsx|total.json [--units list.xlsx|.csv] [--report info.json] [--template ID] [--json] [--force]

Consolidates units' reports (.xlsx workbooks, .json files, or folders of them) into the receiving
body's report. Counts and money are summed; rates are recomputed from the summed numerator and
denominator (never averaged); a blank is never a 0 (each figure says how many units gave it).
Each unit is checked on its own; another template, period, a duplicate unit or a level that
cannot send are refused, with a reason.
  -o FILE           .xlsx: a workbook with a "Đơn vị" sheet and formulas; .json: the data
  --units FILE      the units expected to report (one column; .xlsx or .csv UTF-8/Windows-1258)
  --report FILE     the receiving body's details (agency, level, signer …) as JSON
  --template ID     template (default: the one most files use)
  --json            print the result as JSON
  --force           overwrite the output file if it exists
  --progress        print reading progress
Exit code: 0 all merged, no unit has errors; 1 refusals or unit errors; 2 nothing readable or wrong usage.
`,
};

const INPUT_EXT = new Set([".json", ".xlsx", ".xlsm"]);

function isLockFile(name: string): boolean {
  return path.basename(name).startsWith("~$");
}

/** The input files: those given, and the reports in the folders given; never lock files nor the output. */
export function expandInputs(inputs: string[], output: string | undefined): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const outAbs = output ? path.resolve(output) : undefined;
  const add = (f: string) => {
    const abs = path.resolve(f);
    if (abs === outAbs || seen.has(abs) || isLockFile(f)) return;
    seen.add(abs);
    out.push(f);
  };
  for (const x of inputs) {
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(x);
    } catch {
      st = undefined;
    }
    if (st && st.isDirectory()) {
      const walk = (dir: string) => {
        for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
          const p = path.join(dir, e.name);
          if (e.name.startsWith(".")) continue;
          if (e.isDirectory()) walk(p);
          else if (INPUT_EXT.has(extOf(e.name))) add(p);
        }
      };
      walk(x);
    } else {
      add(x);
    }
  }
  return out;
}

/** Text of a .csv in UTF-8 (or UTF-16 with BOM), else Windows-1258 (what Excel saves as "CSV" on a Vietnamese Windows). */
export function decodeCsv(bytes: Uint8Array, file: string): string {
  try {
    return decodeTextFile(bytes, file);
  } catch {
    return new TextDecoder("windows-1258").decode(bytes).normalize("NFC");
  }
}

const LIST_HEADER = /^(stt|ten don vi|don vi|co quan|ten co quan|danh sach.*)$/;

function fold(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase().trim();
}

/** The agency names of a one-column list (.xlsx first sheet, or .csv); a header line is skipped. */
export async function readUnitList(file: string): Promise<string[]> {
  const ext = extOf(file);
  let cells: string[];
  if (ext === ".csv" || ext === ".txt") {
    const text = decodeCsv(readFileBytes(file, { vi: "danh sách đơn vị", en: "Unit list" }), file);
    cells = text.split(/\r?\n/).map((l) => {
      const first = l.startsWith('"') ? (/^"((?:[^"]|"")*)"/.exec(l)?.[1] ?? l).replace(/""/g, '"') : l.split(/[;,\t]/)[0];
      return first.trim();
    });
  } else if (ext === ".xlsx" || ext === ".xlsm") {
    readFileBytes(file, { vi: "danh sách đơn vị", en: "Unit list" });
    const wb = newWorkbook();
    try {
      await wb.xlsx.readFile(file);
    } catch (e) {
      throw new CliError(`Không đọc được danh sách đơn vị "${file}" (${(e as Error).message}).`, `Cannot read the unit list "${file}" (${(e as Error).message}).`);
    }
    const ws = wb.worksheets[0];
    cells = [];
    if (ws) {
      ws.eachRow((row) => {
        // The first non-empty cell of the row (a numbered list puts STT first: then the next text cell).
        let name = "";
        row.eachCell((c) => {
          const v = c.value;
          const s = v === null || v === undefined ? "" : typeof v === "object" && "richText" in (v as object) ? (v as { richText: { text: string }[] }).richText.map((x) => x.text).join("") : String(typeof v === "object" && "result" in (v as object) ? (v as { result: unknown }).result : v);
          if (!name && s.trim() && !/^\d+\.?$/.test(s.trim())) name = s.trim();
        });
        cells.push(name);
      });
    }
  } else {
    throw new CliError(`"${file}": danh sách đơn vị phải là tệp .xlsx hoặc .csv.`, `"${file}": the unit list must be an .xlsx or .csv file.`);
  }
  const names = cells.map((c) => c.normalize("NFC").trim()).filter((c) => c !== "");
  if (names.length && LIST_HEADER.test(fold(names[0]))) names.shift();
  if (!names.length) throw new CliError(`Danh sách đơn vị "${file}" không có tên đơn vị nào.`, `The unit list "${file}" holds no unit name.`);
  return names;
}

function readReceiving(file: string): ReportInfo {
  const text = decodeTextFile(readFileBytes(file, { vi: "tệp thông tin cơ quan tổng hợp", en: "Receiving body file" }), file);
  let x: unknown;
  try {
    x = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new CliError(`Tệp "${file}" không phải JSON hợp lệ (${(e as Error).message}).`, `"${file}" is not valid JSON (${(e as Error).message}).`);
  }
  if (!x || typeof x !== "object" || Array.isArray(x)) throw new CliError(`Tệp "${file}" phải là một đối tượng JSON, vd. { "agency": "Sở Nội vụ", "level": "tinh" }.`, `"${file}" must be a JSON object, e.g. { "agency": "Sở Nội vụ", "level": "tinh" }.`);
  const o = x as Record<string, unknown>;
  // A whole report's data is accepted too: its "report" part.
  const info = (o.report && typeof o.report === "object" ? o.report : o) as ReportInfo;
  return { ...info };
}

function resolveTemplate(arg: string | undefined): string | undefined {
  if (arg === undefined) return undefined;
  if (getTemplate(arg)) return arg.trim();
  if (/\.json$/i.test(arg) && fs.existsSync(arg)) {
    let t: TemplateDef;
    try {
      t = JSON.parse(decodeTextFile(readFileBytes(arg), arg)) as TemplateDef;
    } catch (e) {
      throw new CliError(`Không đọc được mẫu "${arg}" (${(e as Error).message}).`, `Cannot read template "${arg}" (${(e as Error).message}).`);
    }
    if (!t || typeof t.id !== "string" || !Array.isArray(t.indicators) || !Array.isArray(t.rules) || !Array.isArray(t.levels)) {
      throw new CliError(`Tệp "${arg}" không phải một mẫu báo cáo (cần id, levels, indicators, rules).`, `"${arg}" is not a template (id, levels, indicators and rules are needed).`);
    }
    registerTemplate({ ...t, groups: t.groups ?? [], registers: t.registers ?? [] });
    return t.id;
  }
  const known = listTemplates().map((t) => t.id).join(", ");
  throw new CliError(`Không có mẫu báo cáo "${arg}". Các mẫu có: ${known}.`, `Unknown template "${arg}". Known templates: ${known}.`);
}

/** The `--json` result. */
export function mergeJson(r: MergeResult, output?: string) {
  return {
    template: r.template,
    values: r.data.values,
    units: r.units.map((u) => ({ file: u.file, agency: u.agency, level: u.level ?? null, errors: u.errors, warnings: u.warnings, missing: u.missing })),
    rejected: r.rejected.map((x) => ({ file: x.file, code: x.code, reason: x.reason })),
    coverage: r.coverage,
    missingUnits: r.missingUnits,
    warnings: r.warnings,
    yoy: r.yoy.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, indicators: f.indicators })),
    output: output ?? null,
  };
}

function summary(r: MergeResult, lang: Lang, output: string): string {
  const L = (vi: string, en: string) => (lang === "en" ? en : vi);
  const lines: string[] = [];
  const line = coverageLine(r.data, lang) ?? L(`Tổng hợp từ ${r.units.length} đơn vị`, `Consolidated from ${r.units.length} units`);
  lines.push(L(`${line} (mẫu ${r.template}).`, `${line} (template ${r.template}).`));
  const bad = r.units.filter((u) => u.errors > 0);
  if (bad.length) {
    lines.push("", L(`ĐƠN VỊ CÓ LỖI (${bad.length}) — vẫn được tổng hợp; xem: phuluc check TỆP`, `UNITS WITH ERRORS (${bad.length}) — consolidated all the same; see: phuluc check FILE`));
    for (const u of bad) lines.push(`  - ${u.agency || u.file} (${u.file}): ${L(`${u.errors} lỗi, ${u.warnings} cảnh báo`, `${u.errors} errors, ${u.warnings} warnings`)}`);
  }
  if (r.rejected.length) {
    lines.push("", L(`TỆP BỊ TỪ CHỐI (${r.rejected.length})`, `FILES REFUSED (${r.rejected.length})`));
    for (const x of r.rejected) lines.push(`  - ${x.file} [${x.code}]: ${x.reason}`);
  }
  if (r.missingUnits.length) {
    lines.push("", L(`ĐƠN VỊ CHƯA GỬI BÁO CÁO (${r.missingUnits.length})`, `UNITS THAT SENT NO REPORT (${r.missingUnits.length})`));
    for (const n of r.missingUnits) lines.push(`  - ${n}`);
  }
  const warnings = [...r.warnings, ...r.yoy.map((f) => f.message)];
  if (warnings.length) {
    lines.push("", L(`CẢNH BÁO (${warnings.length})`, `WARNINGS (${warnings.length})`));
    for (const w of warnings) lines.push(`  - ${w}`);
  }
  lines.push("", L(`Đã ghi: ${output}`, `Written: ${output}`));
  return lines.join("\n") + "\n";
}

/** Runs `phuluc merge`; resolves to the exit code. Throws CliError for wrong usage (exit 2). */
export async function runMergeCommand(args: string[], io: MergeIo = stdIo): Promise<number> {
  const p = parseArgs(
    args,
    { "-o": "-o", "--output": "-o", "--out": "-o", "--units": "--units", "--template": "--template", "--report": "--report", "--lang": "--lang", "--workers": "--workers" },
    ["--json", "--force", "--progress", "-h", "--help"],
    "phuluc merge",
  );
  const lang = langOf(p.options.get("--lang"));
  const L = (vi: string, en: string) => (lang === "en" ? en : vi);
  if (p.flags.has("--help") || p.flags.has("-h")) {
    io.out(L(MERGE_HELP.vi, MERGE_HELP.en));
    return 0;
  }
  const output = p.options.get("-o");
  if (!output) throw new CliError("Cần tệp kết quả: -o tong-hop.xlsx hoặc -o tong-hop.json. Xem: phuluc merge --help", "An output file is needed: -o total.xlsx or -o total.json. See: phuluc merge --help");
  const outExt = extOf(output);
  if (outExt !== ".xlsx" && outExt !== ".json") throw new CliError(`Tệp kết quả "${output}" phải là .xlsx hoặc .json.`, `The output "${output}" must be .xlsx or .json.`);
  if (!p.positional.length) throw new CliError("Chưa có tệp báo cáo nào của đơn vị. Xem: phuluc merge --help", "No unit report given. See: phuluc merge --help");
  const files = expandInputs(p.positional, output);
  if (!files.length) throw new CliError("Không tìm thấy tệp báo cáo (.xlsx, .json) nào trong các đầu vào đã cho.", "No report file (.xlsx, .json) found in the inputs given.");
  if (fs.existsSync(output) && !p.flags.has("--force")) {
    throw new CliError(`Tệp "${output}" đã có. Dùng --force để ghi đè, hoặc chọn tên khác.`, `"${output}" already exists. Use --force to overwrite it, or pick another name.`);
  }
  const template = resolveTemplate(p.options.get("--template"));
  const receiving = p.options.has("--report") ? readReceiving(p.options.get("--report")!) : undefined;
  const expected = p.options.has("--units") ? await readUnitList(p.options.get("--units")!) : undefined;
  const workersOpt = p.options.get("--workers");

  const showProgress = p.flags.has("--progress") || !!io.tty;
  let lastLen = 0;
  const progress = showProgress
    ? (done: number, total: number, file: string) => {
        const msg = L(`Đang đọc ${done}/${total}: ${path.basename(file)}`, `Reading ${done}/${total}: ${path.basename(file)}`);
        if (io.tty) {
          io.err("\r" + msg.padEnd(lastLen));
          lastLen = msg.length;
        } else if (done === total || done % 100 === 0) io.err(msg + "\n");
      }
    : undefined;
  const inputs = await readUnits(files, lang, { progress, workers: workersOpt !== undefined ? Math.max(0, parseInt(workersOpt, 10) || 0) : undefined });
  if (showProgress && io.tty) io.err("\n");
  if (!inputs.some((u) => u.data)) {
    for (const u of inputs) io.err(`phuluc: ${u.file}: ${u.unreadable ? u.unreadable[lang] : ""}\n`);
    io.err(L("phuluc: không đọc được tệp báo cáo nào.\n", "phuluc: no report could be read.\n"));
    return 2;
  }
  if (template === undefined && !inputs.some((u) => u.data && getTemplate(u.data.template))) return 2;
  const r = mergeReports(inputs, { template, receiving, expected, lang });
  if (!r.units.length) {
    if (p.flags.has("--json")) io.out(JSON.stringify(mergeJson(r), null, 2) + "\n");
    else for (const x of r.rejected) io.err(`phuluc: ${x.file} [${x.code}]: ${x.reason}\n`);
    io.err(L("phuluc: không có báo cáo nào tổng hợp được.\n", "phuluc: no report could be consolidated.\n"));
    return 2;
  }
  const t = getTemplate(r.template)!;
  if (outExt === ".json") {
    const tmp = path.join(path.dirname(path.resolve(output)), "." + path.basename(output) + "." + process.pid + ".tmp");
    try {
      fs.writeFileSync(tmp, JSON.stringify(r.data, null, 2) + "\n");
      fs.renameSync(tmp, output);
    } catch (e) {
      try {
        fs.unlinkSync(tmp);
      } catch {
        /* nothing to clean */
      }
      throw new CliError(`Không ghi được tệp "${output}" (${(e as Error).message}).`, `Cannot write "${output}" (${(e as Error).message}).`);
    }
  } else {
    await writePlan(planConsolidated(t, r, { statusFormulas: statusHook }), output);
  }
  if (p.flags.has("--json")) io.out(JSON.stringify(mergeJson(r, output), null, 2) + "\n");
  else io.out(summary(r, lang, output));
  return r.rejected.length || r.units.some((u) => u.errors > 0) ? 1 : 0;
}
