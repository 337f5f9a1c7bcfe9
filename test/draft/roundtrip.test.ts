/**
 * Round trip: a report the narrative generator wrote from some data, checked against the
 * same data, has NO narrative.* finding when the data has no error, and exactly one
 * narrative.marked error per sentence it marked when it has some; against other figures
 * the check notices.
 */
import * as fs from "fs";
import fc from "fast-check";
import type { ReportData } from "../../src/core/types";
import { normalizeReport } from "../../src/core/normalize";
import { buildReport, buildSummary } from "../../src/core/narrative/index";
import { renderText } from "../../src/core/render/text";
import { getTemplate } from "../../src/core/templates/index";
import { checkDraft } from "../../src/core/draft/index";
import { check } from "../../src/core/engine";
import type { CheckResult } from "../../src/core/types";
import { MAI_SON, example, narrative, rawExample } from "./helpers";

const template = getTemplate("qcdc-2021")!;

/** How many "[cần kiểm tra: …]" marks a text carries. */
function marks(text: string): number {
  return (text.match(/\[cần kiểm tra:/g) ?? []).length;
}

void (null as unknown as CheckResult);

function partsAboveTotal(data: ReportData): number {
  let n = 0;
  for (const i of template.indicators) {
    if (!i.partOf || i.kind === "percent") continue;
    const v = Number(data.values[i.code]);
    const t = Number(data.values[i.partOf]);
    if (data.values[i.code] !== null && data.values[i.partOf] !== null && Number.isFinite(v) && Number.isFinite(t) && v > t) n++;
  }
  return n;
}

function reportText(data: ReportData, pad = true): string {
  return renderText(buildReport(data, { pad }).doc);
}

describe("generated reports against their own data", () => {
  test("the worked example (3 errors): each marked sentence named as narrative.marked, nothing else", () => {
    const data = example();
    const res = buildReport(data);
    const text = renderText(res.doc);
    expect(text).toContain("Tổ chức 01 cuộc hội nghị đối thoại");
    const found = narrative(checkDraft(text, data));
    expect(found.map((f) => f.rule)).toEqual(res.marked.map(() => "narrative.marked"));
    expect(found.length).toBe(marks(text));
    expect(found.map((f) => f.quote).join("\n")).toMatch(/lồng ghép 04 cuộc \[cần kiểm tra: [^\]]+\]/);
    expect(found.map((f) => f.quote).join("\n")).toMatch(/chính quyền chủ trì 03 cuộc \[cần kiểm tra: [^\]]+\]/);
    const summary = buildSummary(data).text;
    expect(narrative(checkDraft(summary, data)).map((f) => f.rule)).toEqual(["narrative.marked", "narrative.marked"]);
    // counts not padded ("8 văn bản") read the same
    const unpadded = reportText(data, false);
    expect(unpadded).toContain("đã ban hành 8 văn bản");
    expect(narrative(checkDraft(unpadded, data)).every((f) => f.rule === "narrative.marked")).toBe(true);
  });

  test("the worked example with its errors corrected: no narrative.* finding at all", () => {
    const raw = rawExample();
    const fixed = normalizeReport({
      ...raw,
      values: { ...raw.values, tt_hoi_nghi: "04", dth_tong: "0", dth_chinh_quyen: "0" },
    });
    expect(check(fixed).summary.errors).toBe(0);
    const text = reportText(fixed);
    expect(text).not.toContain("cần kiểm tra");
    expect(narrative(checkDraft(text, fixed))).toEqual([]);
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
        // The data's errors, and any part above its total (marked even where the check, a part
        // being blank, only says what is missing).
        const errors = check(data).summary.errors + partsAboveTotal(data);
        const text = reportText(data);
        const found = narrative(checkDraft(text, data));
        const show = () => JSON.stringify(found.map((f) => [f.rule, f.message, f.quote]));
        if (errors === 0) {
          // no error in the data: nothing marked, nothing found
          if (found.length || marks(text)) throw new Error(show());
        } else {
          // errors: the only narrative errors are the marks, one per marked sentence
          const errs = found.filter((f) => f.severity === "error");
          if (errs.some((f) => f.rule !== "narrative.marked") || errs.length !== marks(text)) throw new Error(show());
        }
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
    const found = narrative(checkDraft(text, other)).filter((f) => f.rule !== "narrative.marked");
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
