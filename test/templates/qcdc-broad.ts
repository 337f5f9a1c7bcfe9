/**
 * A broad picture of what the product makes of template qcdc-2021: the full check JSON,
 * the summary, the report text and the draft check of many reports (the fixtures and the
 * example with each indicator in turn blank, zero, "Không có" and typed as text), plus the
 * workbook plans. test/fixtures/qcdc-2021-before.json was written from this BEFORE the
 * template became a file; qcdc-identical.test.ts checks the product still makes the same.
 */
import * as fs from "fs";
import * as path from "path";
import type { ReportData } from "../../src/core/types";
import { normalizeReport } from "../../src/core/normalize";
import { check } from "../../src/core/engine";
import { buildSummary } from "../../src/core/narrative/summary";
import { buildReport } from "../../src/core/narrative/report";
import { renderText } from "../../src/core/render/text";
import { checkDraft } from "../../src/core/draft/index";
import { planWorkbook } from "../../src/core/sheet-plan";
import { getTemplate } from "../../src/core/templates/index";
import { richReport } from "../workbook/fixtures";

const ROOT = path.join(__dirname, "..", "..");
const read = (p: string) => JSON.parse(fs.readFileSync(path.join(ROOT, p), "utf8"));

export const BEFORE_FILE = path.join(ROOT, "test", "fixtures", "qcdc-2021-before.json");

function reports(): [string, ReportData][] {
  const example = read("examples/son-la-skhcn-2021.json") as ReportData;
  const out: [string, ReportData][] = [
    ["example", example],
    ["mai-son", read("test/fixtures/mai-son-2022.json")],
    ["rich", richReport() as unknown as ReportData],
  ];
  const t = getTemplate("qcdc-2021")!;
  for (const i of t.indicators) {
    for (const [tag, v] of [["blank", null], ["zero", 0], ["na", "Không có"], ["text", "05 cái"], ["big", 12]] as const) {
      const d = JSON.parse(JSON.stringify(example)) as ReportData;
      d.values[i.code] = v;
      out.push([`example:${i.code}=${tag}`, d]);
    }
  }
  // A group wholly zero, then wholly blank.
  for (const g of t.groups) {
    for (const [tag, v] of [["zero", 0], ["blank", null]] as const) {
      const d = JSON.parse(JSON.stringify(example)) as ReportData;
      for (const i of t.indicators) if (i.group === g.id) d.values[i.code] = v;
      out.push([`example:group${g.id}=${tag}`, d]);
    }
  }
  return out;
}

export function broadPicture(): Record<string, unknown> {
  const seed = fs.readFileSync(path.join(ROOT, "test", "fixtures", "bao-cao-538-BC-SKHCN-2021.txt"), "utf8");
  const out: Record<string, unknown> = {};
  for (const [name, raw] of reports()) {
    const data = normalizeReport(JSON.parse(JSON.stringify(raw)));
    const entry: Record<string, unknown> = {
      check: check(data),
      checkEn: check(data, { lang: "en" }).findings.map((f) => f.message),
      summary: buildSummary(data).text,
    };
    if (!name.includes("=")) {
      entry.report = renderText(buildReport(data).doc);
      entry.reportWarnings = buildReport(data).warnings;
      entry.draft = checkDraft(seed, data);
      entry.plan = planWorkbook(getTemplate("qcdc-2021")!, data);
    }
    out[name] = entry;
  }
  out.emptyPlan = planWorkbook(getTemplate("qcdc-2021")!);
  return JSON.parse(JSON.stringify(out));
}

if (require.main === module) {
  const pic = broadPicture();
  // One line per report: small, and a diff names the report that changed.
  const body = Object.keys(pic).map((k) => JSON.stringify(k) + ": " + JSON.stringify(pic[k])).join(",\n");
  fs.writeFileSync(BEFORE_FILE, "{\n" + body + "\n}\n");
  console.log("written", BEFORE_FILE);
}
