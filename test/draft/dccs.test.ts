/**
 * The draft check on the 2025 form (dccs-2025, the default) and on a province's own form:
 * the report phuluc writes from the worked example, checked against its own data, gives
 * only the marks the spec puts on sentences whose figures break a rule; a figure changed in
 * the text is an error at that figure; a province's form, which gives no draft phrases, is
 * compared through its labels; numbers about other things are left alone.
 */
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import type { ReportData, TemplateDef } from "../../src/core/types";
import { normalizeReport } from "../../src/core/normalize";
import { buildReport } from "../../src/core/narrative/index";
import { renderText } from "../../src/core/render/text";
import { getTemplate, registerTemplate } from "../../src/core/templates/index";
import { checkDraft, derivePhrases } from "../../src/core/draft/index";
import { checkTemplate } from "../../src/core/template-check";
import { quoteShown } from "../../src/core/draft/text";
import { ROOT, edit } from "./helpers";

const EXAMPLE = path.join(ROOT, "examples", "xa-tan-lap-2026.json");
const raw = (): ReportData => JSON.parse(fs.readFileSync(EXAMPLE, "utf8")) as ReportData;
const data = normalizeReport(raw());
const text = renderText(buildReport(data).doc);

const PROVINCE = JSON.parse(fs.readFileSync(path.join(ROOT, "test", "fixtures", "tinh-mau-2026.json"), "utf8")) as TemplateDef;
registerTemplate(PROVINCE);
const provinceData = normalizeReport({
  template: "tinh-hb-2026",
  report: { agency: "Ủy ban nhân dân xã Tân Lập", level: "xa", year: 2026, number: "15", symbol: "BC-UBND", date: "2026-12-10", place: "Tân Lập" },
  values: { van_ban_tong: 3, van_ban_cap_uy: 1, van_ban_chinh_quyen: 2, tiep_cong_dan: 120, doi_thoai: 3, huong_uoc_tong: 4, huong_uoc_cong_nhan: 2, dvc_tong: 45, dvc_toan_trinh: 30, dvc_ty_le_ho_so: "85,25%", kinh_phi: 15000000 },
  registers: { van_ban: [] },
} as unknown as ReportData);
const provinceText = renderText(buildReport(provinceData).doc);

function figureErrors(t: string, d: ReportData = data) {
  return checkDraft(t, d).findings.filter((f) => f.rule === "narrative.figure");
}

describe("dccs-2025: the worked example's own report", () => {
  test("the template's draft phrases pass the template check", () => {
    const t = getTemplate("dccs-2025")!;
    expect(t.draftPhrases?.figures.length).toBeGreaterThan(40);
    expect(checkTemplate(t).filter((f) => f.severity === "error")).toEqual([]);
  });

  test("no error but the marks on the sentences whose figures break a rule", () => {
    const r = checkDraft(text, data);
    const marks = (text.match(/\[cần kiểm tra:/g) ?? []).length;
    expect(marks).toBeGreaterThan(0);
    expect(r.findings.map((f) => f.rule)).toEqual(Array(marks).fill("narrative.marked"));
    // The marked sentences are those of the spec's two errors (dvc.ratio and bqd.le).
    expect(r.findings.some((f) => /48,4%/.test(f.quote ?? ""))).toBe(true);
    expect(r.findings.some((f) => /06 nội dung được thông qua/.test(f.quote ?? ""))).toBe(true);
  });

  test.each([
    ["Tổ chức 03 cuộc kiểm tra", "Tổ chức 04 cuộc kiểm tra", "kt_so_cuoc", "04"],
    ["Tiếp nhận 04 đơn thư", "Tiếp nhận 05 đơn thư", "dt_tong", "05"],
    ["với 1.250 lượt người tham dự", "với 1.205 lượt người tham dự", "tt_luot_nguoi", "1.205"],
    ["Có 11/12 thôn", "Có 10/12 thôn", "hncd_da_to_chuc", "10"],
    ["Đã công khai 14 nhóm nội dung", "Đã công khai 12 nhóm nội dung", "ck_noi_dung", "12"],
    ["Số Ban Thanh tra nhân dân: 01", "Số Ban Thanh tra nhân dân: 02", "ttnd_so_ban", "02"],
    ["Tỷ lệ giải quyết đơn thư khiếu nại, tố cáo: 75%", "Tỷ lệ giải quyết đơn thư khiếu nại, tố cáo: 57%", "dt_ty_le", "57%"],
  ])("a figure changed in the text (%s → %s) is one error at that figure", (from, to, code, shown) => {
    const changed = edit(text, from, to);
    const errs = figureErrors(changed);
    expect(errs.map((f) => f.indicators)).toEqual([[code]]);
    expect(errs[0].message).toContain(`"${shown}"`);
    expect(changed.slice(errs[0].offset!, errs[0].offset! + errs[0].quote!.length)).toBe(errs[0].quote);
    expect(errs[0].quote).toContain(to.replace(/^.*?(\d)/, "$1").split(" ")[0]);
  });

  test("in a long sentence the excerpt is centred on the changed figure", () => {
    const from = "trực tuyến hoặc qua mạng xã hội 01 cuộc. Tiếp nhận";
    const to = "trực tuyến hoặc qua mạng xã hội 00 cuộc. Tiếp nhận";
    const changed = edit(text, from, to);
    const errs = figureErrors(changed);
    expect(errs.map((f) => f.indicators)).toEqual([["dth_truc_tuyen"]]);
    const q = errs[0].quote!;
    const sentence = changed.slice(changed.indexOf("Người đứng đầu cấp ủy, chính quyền đã tổ chức"), changed.indexOf(to) + to.indexOf("Tiếp nhận"));
    expect(sentence.length).toBeGreaterThan(q.length);
    expect(q).toContain("mạng xã hội 00 cuộc");
    expect(quoteShown(changed, errs[0].offset!, q).startsWith("…")).toBe(true);
  });

  test("a negation against a positive figure", () => {
    const changed = edit(text, "Người đứng đầu cấp ủy, chính quyền đã tổ chức 02 hội nghị đối thoại với Nhân dân", "Trong năm, xã không tổ chức hội nghị đối thoại với Nhân dân");
    const r = checkDraft(changed, data);
    expect(r.findings.filter((f) => f.rule === "narrative.negation").map((f) => f.indicators[0])).toEqual(["dth_tong"]);
  });

  test("numbers about other things are not read as the appendix's", () => {
    const extra = "\nTrong năm, xã đã tổ chức 169 cuộc tiếp dân, tiếp 45 lượt công dân. Các tổ hòa giải nhận 122 đơn, hòa giải thành 118 vụ việc. Tổ chức 119 hội nghị nhân dân ở các thôn.\n";
    const r = checkDraft(text.replace("Quy chế thực hiện dân chủ ở xã đã được", extra + "Quy chế thực hiện dân chủ ở xã đã được"), data);
    expect(r.findings.filter((f) => f.rule !== "narrative.marked")).toEqual([]);
  });

  test("any figures of the form: the generated report checked against its own data says nothing but its marks (seeded)", () => {
    const counts = getTemplate("dccs-2025")!.indicators.filter((i) => i.kind === "count").map((i) => i.code);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1500 }), { minLength: counts.length, maxLength: counts.length }), (vals) => {
        const r0 = raw();
        counts.forEach((c, k) => (r0.values[c] = vals[k]));
        const d = normalizeReport(r0);
        const t = renderText(buildReport(d).doc);
        const marks = (t.match(/\[cần kiểm tra:/g) ?? []).length;
        const got = checkDraft(t, d).findings.filter((f) => f.severity === "error");
        expect(got.filter((f) => f.rule !== "narrative.marked").map((f) => f.rule + " " + f.quote)).toEqual([]);
        expect(got.length).toBe(marks);
      }),
      { numRuns: 40 },
    );
  });
});

describe("a province's own form (no draft phrases): figures compared through its labels", () => {
  test("its report against its own data: no error", () => {
    expect(PROVINCE.draftPhrases).toBeUndefined();
    expect(checkDraft(provinceText, provinceData).findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  test.each([
    ["Số cuộc đối thoại với Nhân dân là 03 cuộc", "Số cuộc đối thoại với Nhân dân là 05 cuộc", "doi_thoai"],
    ["Tổng số hương ước, quy ước: 04", "Tổng số hương ước, quy ước: 06", "huong_uoc_tong"],
    ["trong đó cấp ủy 01 văn bản", "trong đó cấp ủy 02 văn bản", "van_ban_cap_uy"],
    ["Kinh phí thực hiện là 15.000.000 đồng", "Kinh phí thực hiện là 16.000.000 đồng", "kinh_phi"],
  ])("%s → a wrong figure is found", (from, to, code) => {
    const errs = figureErrors(edit(provinceText, from, to), provinceData);
    expect(errs.map((f) => f.indicators)).toEqual([[code]]);
  });

  test("cautious: a short label alone, a label shared by two indicators or a phrase of three words makes no phrase", () => {
    const made = derivePhrases(getTemplate("tinh-hb-2026")!);
    // "Cấp ủy: 01" on its own line is not read (which total would it be a part of?)
    expect(figureErrors("- Cấp ủy: 07\n- Toàn trình: 99", provinceData)).toEqual([]);
    expect(made.some((p) => p.code === "huong_uoc_tong" && p.after)).toBe(false); // "hương ước, quy ước": four syllables
    expect(figureErrors("Đã rà soát 09 hương ước, quy ước của các thôn.", provinceData)).toEqual([]);
    // dccs-2025 has two indicators labelled "Tỷ lệ": neither is read from "Tỷ lệ: …".
    const dccs = derivePhrases(getTemplate("dccs-2025")!);
    expect(dccs.some((p) => (p.lead ?? "").includes("tỷ lệ\\s*(?:\\([^()]{0,120}\\))?"))).toBe(false);
    expect(checkDraft("- Tỷ lệ: 12%", data).findings.filter((f) => f.rule === "narrative.figure")).toEqual([]);
  });

  test("numbers about other things: mediation and petitions are not the form's", () => {
    const t = provinceText + "\nCác tổ hòa giải nhận 122 đơn; có 09 đơn, kiến nghị.\n";
    expect(checkDraft(t, provinceData).findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});

test("labels with any characters make phrases that compile, or none: the check never throws", () => {
  const odd = JSON.parse(JSON.stringify(PROVINCE)) as TemplateDef;
  odd.id = "tinh-ky-tu-la";
  odd.indicators[0].label.vi = "Tổng số văn bản [a-z]+ x|y * ? {} ^$ \\ đã ban hành";
  odd.indicators[3].label.vi = "Số lượt tiếp công dân ((( ]] \\ /";
  registerTemplate(odd);
  const d = normalizeReport({ ...JSON.parse(JSON.stringify(provinceData)), template: "tinh-ky-tu-la" } as ReportData);
  const made = derivePhrases(odd);
  for (const p of made) for (const src of [p.lead, p.after, p.sentence]) if (src) expect(() => new RegExp(src, "iu")).not.toThrow();
  expect(() => checkDraft("Tổng số văn bản [a-z]+ (x|y) \\1 * ? {2} ^$ đã ban hành: 07\nSố lượt tiếp công dân ((( ]] \\ /: 121", d)).not.toThrow();
  // The other labels of the form are still read.
  const errs = checkDraft("- Tổng số hương ước, quy ước: 07", d).findings.filter((f) => f.rule === "narrative.figure");
  expect(errs.map((f) => f.indicators[0])).toEqual(["huong_uoc_tong"]);
});

describe("numbers about other things come from the template", () => {
  const own = JSON.parse(JSON.stringify(PROVINCE)) as TemplateDef;
  own.id = "tinh-co-danh-sach";
  own.draftPhrases = { figures: [], negations: [], otherThings: { clause: ["diễn đàn doanh nghiệp"] } };
  registerTemplate(own);
  const d = normalizeReport({ ...JSON.parse(JSON.stringify(provinceData)), template: own.id } as ReportData);

  test("the built-in forms carry their lists in their draft phrases, and they pass the template check", () => {
    for (const id of ["qcdc-2021", "dccs-2025"]) {
      const t = getTemplate(id)!;
      expect(t.draftPhrases?.otherThings?.after?.length).toBeGreaterThan(0);
      expect(checkTemplate(t).filter((f) => f.severity === "error")).toEqual([]);
    }
  });

  test("a province's own list: a figure in a clause it names is not compared; the same figure elsewhere is", () => {
    const line = "Tổng số hương ước, quy ước: 07";
    expect(figureErrors(line, d).map((f) => f.indicators[0])).toEqual(["huong_uoc_tong"]);
    expect(figureErrors("Tại diễn đàn doanh nghiệp, " + line.toLowerCase(), d)).toEqual([]);
  });

  test("a list entry that is not a regular expression is a template mistake at its path", () => {
    const bad = JSON.parse(JSON.stringify(own)) as TemplateDef;
    bad.draftPhrases!.otherThings = { after: ["(tiếp dân"] };
    const f = checkTemplate(bad).filter((x) => x.rule === "template.pattern");
    expect(f.map((x) => x.path)).toEqual(["draftPhrases.otherThings.after[0]"]);
  });
});
