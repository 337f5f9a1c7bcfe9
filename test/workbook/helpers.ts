/** Shared helpers of the workbook and CLI tests: temp files, exceljs edits, in-process CLI runs. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { planWorkbook } from "../../src/core/sheet-plan";
import { writePlan } from "../../src/cli/xlsx";
import { normalizeReport } from "../../src/core/normalize";
import { getTemplate } from "../../src/core/templates/index";
import type { ReportData, TemplateDef } from "../../src/core/types";

export const ROOT = path.resolve(__dirname, "..", "..");
export const EXAMPLE = path.join(ROOT, "examples", "son-la-skhcn-2021.json");

export function exampleInput(): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(EXAMPLE, "utf8"));
}

export function template(): TemplateDef {
  return getTemplate("qcdc-2021")!;
}

let dir: string | undefined;
let n = 0;
/** A fresh file name in this test run's temporary folder. */
export function tmp(name: string): string {
  if (!dir) dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-test-"));
  n++;
  return path.join(dir, n + "-" + name);
}

export function cleanup(): void {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
}

/** Writes a workbook as `phuluc init [--data]` would (without going through main). */
export async function initWorkbook(data?: unknown, name = "bao-cao.xlsx"): Promise<string> {
  const file = tmp(name);
  const t = template();
  await writePlan(planWorkbook(t, data === undefined ? undefined : normalizeReport(data)), file);
  return file;
}

/** Opens a workbook with exceljs, lets `edit` change it, saves it under a new name. */
export async function edit(file: string, fn: (wb: ExcelJS.Workbook) => void | Promise<void>, name = "edited.xlsx"): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  await fn(wb);
  const out = tmp(name);
  await wb.xlsx.writeFile(out);
  return out;
}

/** The 1-based column of a header text in the sheet's header row (the first 12 rows), e.g. "Mã" → 3 on "Phụ lục" (layout 2). */
export function colOf(ws: ExcelJS.Worksheet, header: string): number {
  for (let r = 1; r <= 12; r++) for (let c = 1; c <= 12; c++) if (ws.getCell(r, c).value === header) return c;
  throw new Error("no column " + header);
}

/** The row (1-based) of an indicator code on a sheet, found by its code in the "Mã" column. */
export function rowOf(ws: ExcelJS.Worksheet, code: string): number {
  const c = colOf(ws, "Mã");
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, c).value === code) return r;
  throw new Error("no row for " + code);
}

export interface Run {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI in process, capturing its output. */
export async function run(...args: string[]): Promise<Run> {
  let out = "";
  let err = "";
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

/** `phuluc check FILE --json`, parsed. */
export async function checkJson(file: string, ...more: string[]): Promise<{ code: number; result: { template: string; findings: any[]; summary: any }; err: string }> {
  const r = await run("check", file, "--json", ...more);
  let result;
  try {
    result = JSON.parse(r.out);
  } catch {
    throw new Error("check --json printed no JSON: code " + r.code + "\n" + r.out + "\n" + r.err);
  }
  return { code: r.code, result, err: r.err };
}

export function rules(findings: { rule: string; severity: string }[], severity?: string): string[] {
  return findings.filter((f) => !severity || f.severity === severity).map((f) => f.rule).sort();
}

export type { ReportData };
