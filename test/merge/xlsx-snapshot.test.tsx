/**
 * The pane's own .xlsx reader (jszip + DOMParser) reads a unit's workbook as the command
 * line's exceljs reader does: the same report data, the same findings.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readXlsxSnapshot, XlsxReadError } from "../../src/taskpane/merge/xlsx-snapshot";
import { loadSnapshot, writePlan } from "../../src/cli/xlsx";
import { planWorkbook } from "../../src/core/sheet-plan";
import { statusHook } from "../../src/core/status-formulas";
import { getTemplate } from "../../src/core/templates/index";
import { readWorkbook } from "../../src/core/sheet-read";
import { check } from "../../src/core/engine";
import { normalizeReport } from "../../src/core/normalize";
import { example } from "../core/helpers";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-snap-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("a workbook from init --data: the pane's reader gives the same data and findings as the command line's", async () => {
  const d = example();
  d.values.dt_ty_le = "Không có";
  d.values.cchc_dvc_ty_le = "88,9%";
  const file = path.join(dir, "don-vi.xlsx");
  await writePlan(planWorkbook(getTemplate("qcdc-2021")!, normalizeReport(d), { statusFormulas: statusHook }), file);
  const ours = readWorkbook(await readXlsxSnapshot(fs.readFileSync(file)));
  const cli = readWorkbook(await loadSnapshot(file));
  expect(ours.data).toEqual(cli.data);
  expect(ours.findings).toEqual(cli.findings);
  expect(ours.data.values.cchc_dvc_ty_le).toBe("88,9%");
  expect(ours.data.registers.van_ban).toHaveLength(8);
  expect(ours.data.report.date).toBe("2021-11-14");
  expect(check(ours.data, { cells: ours.cells }).findings.map((f) => f.rule)).toEqual(check(cli.data, { cells: cli.cells }).findings.map((f) => f.rule));
});

test("bytes that are no workbook are refused with XlsxReadError", async () => {
  await expect(readXlsxSnapshot(Buffer.from("not a zip"))).rejects.toBeInstanceOf(XlsxReadError);
});
