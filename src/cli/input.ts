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
export function readFileBytes(file: string, what: { vi: string; en: string } = { vi: "tệp", en: "File" }): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === "ENOENT") throw new CliError(`Không tìm thấy ${what.vi} "${file}".`, `${what.en} "${file}" not found.`);
    if (code === "EISDIR") throw new CliError(`"${file}" là một thư mục, không phải tệp.`, `"${file}" is a folder, not a file.`);
    throw new CliError(`Không đọc được ${what.vi} "${file}".`, `Cannot read ${what.en.toLowerCase()} "${file}".`);
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

/** Report data from a .json file or a workbook made by phuluc (.xlsx/.xlsm). */
export async function loadReportInput(file: string, lang: Lang): Promise<LoadedInput> {
  const ext = extOf(file);
  if (ext === ".json") {
    const data = parseReportJson(readFileBytes(file, { vi: "tệp số liệu", en: "Data file" }).toString("utf8"));
    return { kind: "json", data, template: getTemplate(data.template), structural: [] };
  }
  if (ext === ".xlsx" || ext === ".xlsm") {
    const snap = await loadSnapshot(file);
    const r = readWorkbook(snap, { lang });
    if (r.findings.some((f) => f.rule === "workbook.unknown-template")) {
      const say = (l: Lang) => readWorkbook(snap, { lang: l }).findings.find((f) => f.rule === "workbook.unknown-template")!.message;
      throw new CliError(say("vi"), say("en"));
    }
    return { kind: "xlsx", data: r.data, template: r.template, cells: r.cells, structural: r.findings };
  }
  const old = ext === ".xls";
  throw new CliError(
    `"${file}": số liệu phải là tệp Excel .xlsx hoặc tệp dữ liệu .json.${old ? " Tệp .xls đời cũ: hãy mở bằng Excel và lưu lại dạng .xlsx." : ""}`,
    `"${file}": the data must be an Excel .xlsx file or a .json data file.${old ? " An old .xls file: open it in Excel and save it as .xlsx." : ""}`,
  );
}
