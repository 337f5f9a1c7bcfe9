/**
 * Upgrading keeps every value, on many reports: each report is laid out as the layout-1
 * workbook it would have been (the code column before the label, marker version 1), read,
 * upgraded (src/core/upgrade.ts) and read again. The data and the check's findings are those
 * of the report written straight to the current layout. Both built-in templates; the worked
 * examples, Mai Sơn 2022, a rich report, and the example with each indicator in turn blank,
 * "Không có" and text; and the empty workbooks (derived formulas).
 */
import * as fs from "fs";
import * as path from "path";
import type { ReportData } from "../../src/core/types";
import type { WorkbookSnapshot } from "../../src/core/workbook-model";
import { planWorkbook } from "../../src/core/sheet-plan";
import { readWorkbook } from "../../src/core/sheet-read";
import { planUpgrade } from "../../src/core/upgrade";
import { check } from "../../src/core/engine";
import { normalizeReport } from "../../src/core/normalize";
import { getTemplate } from "../../src/core/templates/index";
import { buildLayout, columnIndex, sheetByRole, MARKER, LAYOUT_VERSION } from "../../src/core/layout";
import { layOut, snapshotOf } from "../status/plan-sheet";
import { richReport } from "./fixtures";

const ROOT = path.join(__dirname, "..", "..");
const read = (p: string) => JSON.parse(fs.readFileSync(path.join(ROOT, p), "utf8")) as ReportData;

function reports(): [string, ReportData | undefined][] {
  const out: [string, ReportData | undefined][] = [
    ["qcdc-2021 empty", undefined],
    ["dccs-2025 empty", undefined],
    ["son-la", read("examples/son-la-skhcn-2021.json")],
    ["xa-tan-lap", read("examples/xa-tan-lap-2026.json")],
    ["mai-son", read("test/fixtures/mai-son-2022.json")],
    ["rich", richReport() as unknown as ReportData],
  ];
  for (const base of ["examples/son-la-skhcn-2021.json", "examples/xa-tan-lap-2026.json"]) {
    const example = read(base);
    const t = getTemplate(example.template)!;
    for (const i of t.indicators)
      for (const [tag, v] of [["blank", null], ["na", "Không có"], ["text", "05 cái"]] as const) {
        const d = JSON.parse(JSON.stringify(example)) as ReportData;
        d.values[i.code] = v;
        out.push([`${t.id}:${i.code}=${tag}`, d]);
      }
  }
  return out;
}

/** The snapshot of a layout-2 workbook turned into the layout-1 workbook: code before label, marker version 1. */
function asLayout1(snap: WorkbookSnapshot, templateId: string): WorkbookSnapshot {
  const s = sheetByRole(buildLayout(getTemplate(templateId)!), "indicators");
  const [code, label] = [columnIndex(s, "code") - 1, columnIndex(s, "label") - 1];
  const out: WorkbookSnapshot = JSON.parse(JSON.stringify(snap));
  const ind = out.sheets.find((x) => x.name === s.name)!;
  for (let r = s.headerRow - 1; r < ind.rows.length; r++) {
    const row = ind.rows[r];
    if (!row) continue;
    while (row.length <= Math.max(code, label)) row.push({ v: null });
    [row[code], row[label]] = [row[label], row[code]];
  }
  out.sheets.find((x) => x.name === MARKER.sheet)!.rows[0][1] = { v: 1 };
  return out;
}

const essentials = (fs0: { rule: string; severity: string; indicators: string[]; cells?: string[]; values?: unknown; expected?: unknown }[]) =>
  fs0.map((f) => ({ rule: f.rule, severity: f.severity, indicators: f.indicators, cells: f.cells, values: f.values, expected: f.expected }));

test("every report: layout 1 reads as layout 2, and its upgrade reads and checks the same", () => {
  let n = 0;
  for (const [name, raw] of reports()) {
    const data = raw ? normalizeReport(JSON.parse(JSON.stringify(raw))) : undefined;
    const t = getTemplate(data ? data.template : name.split(" ")[0])!;
    const now = snapshotOf(layOut(planWorkbook(t, data)));
    const want = readWorkbook(now);
    const old = asLayout1(now, t.id);
    const r1 = readWorkbook(old);
    expect([name, r1.data]).toEqual([name, want.data]);
    expect([name, r1.findings]).toEqual([name, want.findings]);
    const up = planUpgrade(old);
    if ("refused" in up) throw new Error(name + ": refused " + up.refused);
    expect([name, up.needed, up.layoutOlder, up.fromLayout]).toEqual([name, true, true, 1]);
    const again = readWorkbook(snapshotOf(layOut(planWorkbook(up.next, up.data, up.options))));
    expect([name, again.data]).toEqual([name, want.data]);
    const a = check(again.data, { cells: again.cells, structural: again.findings });
    const b = check(want.data, { cells: want.cells, structural: want.findings });
    expect([name, essentials(a.findings)]).toEqual([name, essentials(b.findings)]);
    // An upgraded workbook needs no further upgrade.
    const done = planUpgrade(snapshotOf(layOut(planWorkbook(up.next, up.data, up.options))));
    expect([name, "refused" in done ? done.refused : done.needed]).toEqual([name, false]);
    n++;
  }
  expect(n).toBeGreaterThan(200);
  expect(LAYOUT_VERSION).toBe(2);
});
