/**
 * Round trip: a report the narrative generator wrote from some data, checked against the
 * same data, has NO narrative.* finding; and against other figures the check notices.
 */
import * as fs from "fs";
import fc from "fast-check";
import type { ReportData } from "../../src/core/types";
import { normalizeReport } from "../../src/core/normalize";
import { buildReport, buildSummary } from "../../src/core/narrative/index";
import { renderText } from "../../src/core/render/text";
import { getTemplate } from "../../src/core/templates/index";
import { checkDraft } from "../../src/core/draft/index";
import { MAI_SON, example, narrative, rawExample } from "./helpers";

const template = getTemplate("qcdc-2021")!;

function reportText(data: ReportData, pad = true): string {
  return renderText(buildReport(data, { pad }).doc);
}

describe("generated reports against their own data", () => {
  test("the worked example: whole report, and the summary alone", () => {
    const data = example();
    const text = reportText(data);
    expect(text).toContain("Tổ chức 01 cuộc hội nghị đối thoại");
    expect(narrative(checkDraft(text, data))).toEqual([]);
    expect(narrative(checkDraft(buildSummary(data).text, data))).toEqual([]);
    // counts not padded ("8 văn bản") read the same
    const unpadded = reportText(data, false);
    expect(unpadded).toContain("đã ban hành 8 văn bản");
    expect(narrative(checkDraft(unpadded, data))).toEqual([]);
  });

  test("the Mai Sơn fixture", () => {
    const data = normalizeReport(JSON.parse(fs.readFileSync(MAI_SON, "utf8")));
    expect(narrative(checkDraft(reportText(data), data))).toEqual([]);
  });

  test("property: for any figures (blank, zero, small, large, percents, 'Không có', previous year), no narrative.* finding", () => {
    const count = fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 5000 }), fc.constantFrom("08", "0", "01", "Không"));
    const money = fc.oneof(fc.constant(null), fc.constant(0), fc.integer({ min: 0, max: 2_000_000_000 }), fc.constantFrom("10.424.000"));
    const percent = fc.oneof(fc.constant(null), fc.constantFrom("Không có", "100%", "88,9%", "0%", "66,67%"), fc.integer({ min: 0, max: 100 }));
    const values = fc.record(
      Object.fromEntries(template.indicators.map((i) => [i.code, i.kind === "count" ? count : i.kind === "money" ? money : percent])) as Record<string, fc.Arbitrary<unknown>>,
    );
    const base = rawExample();
    fc.assert(
      fc.property(values, fc.option(values), fc.constantFrom("Sở Khoa học và Công nghệ", "UBND huyện Mai Sơn", ""), fc.boolean(), (v, prev, agency, regs) => {
        const raw: Record<string, unknown> = { ...base, values: v, report: { ...base.report, agency }, registers: regs ? base.registers : {} };
        if (prev) raw.previous = prev;
        const data = normalizeReport(raw);
        const found = narrative(checkDraft(reportText(data), data));
        if (found.length) throw new Error(JSON.stringify(found.map((f) => [f.rule, f.message, f.quote])));
      }),
      { numRuns: 150, seed: 20211114 },
    );
  });
});

describe("the same text against other figures", () => {
  const data = example();
  const text = reportText(data);
  // Every indicator the report prints as a figure; those it prints only as words or not at all are left out.
  const printedAsFigure = template.indicators.filter((i) => !["cchc_dvc_tong", "dt_tong", "dt_da_giai_quyet", "dt_ty_le"].includes(i.code));

  test.each(printedAsFigure.map((i) => [i.code, i.kind] as const))("%s changed in the data → a narrative.* error on it", (code, kind) => {
    const raw = rawExample();
    const other = normalizeReport({ ...raw, values: { ...raw.values, [code]: kind === "percent" ? "50%" : kind === "money" ? 7000000 : 7 } });
    const found = narrative(checkDraft(text, other));
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.indicators.includes(code))).toBe(true);
    expect(found.every((f) => f.severity === "error")).toBe(true);
  });

  test("the report's number and date changed in the data → report-number and report-date errors", () => {
    const raw = rawExample();
    const other = normalizeReport({ ...raw, report: { ...raw.report, number: "539", date: "2021-11-15" } });
    const rulesFound = narrative(checkDraft(text, other)).map((f) => f.rule);
    expect(rulesFound.filter((r) => r === "narrative.report-number")).toHaveLength(2); // header and appendix
    expect(rulesFound.filter((r) => r === "narrative.report-date")).toHaveLength(2); // date line and appendix
  });
});
