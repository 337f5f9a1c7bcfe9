/** dccs-2025: yes/no answers, groups left wholly blank, levels (the district level ended), the period. */
import { check } from "../../src/core/engine";
import { readValue, normalizeValue, formatValue } from "../../src/core/values";
import { normalizeReport } from "../../src/core/normalize";
import { getTemplate } from "../../src/core/templates/index";
import { aggregationOf } from "../../src/core/template-info";
import { indicatorValidation } from "../../src/core/layout";
import { buildSummary } from "../../src/core/narrative/summary";
import type { ReportData } from "../../src/core/types";
import { clean, example } from "./helpers";

describe("yes/no answers as people type them", () => {
  const yes = ["Có", "có", "CÓ", "co", "Co", " Có ", "Có.", "Đã có", "yes", true];
  const no = ["Không", "không", "KHÔNG", "khong", "Khong", "Chưa", "chưa", "chua", "CHƯA", "Chưa có", "no", false];
  test.each(yes.map((v) => [v]))("%p reads Có", (v) => {
    expect(readValue(v, "yesno")).toEqual({ status: "number", value: 1, decimals: 0 });
    expect(normalizeValue(v, "yesno")).toBe("Có");
    expect(formatValue(v, "yesno")).toBe("Có");
  });
  test.each(no.map((v) => [v]))("%p reads Không", (v) => {
    expect(readValue(v, "yesno")).toEqual({ status: "number", value: 0, decimals: 0 });
    expect(normalizeValue(v, "yesno")).toBe("Không");
  });
  test.each([[null], [""], ["  "], ["-"]])("%p is blank", (v) => {
    expect(readValue(v, "yesno").status).toBe("blank");
    expect(normalizeValue(v, "yesno")).toBeNull();
  });
  test.each([[1], [0], ["1"], ["14"], ["có lẽ"], ["đang làm"]])("%p is not an answer: value.kind", (v) => {
    expect(readValue(v, "yesno")).toEqual({ status: "invalid", reason: "yesno" });
    const d = clean();
    d.values.xa_quy_che = v;
    const f = check(d).findings.filter((x) => x.rule === "value.kind");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "error", path: "values.xa_quy_che", indicators: ["xa_quy_che"] });
    expect(f[0].message).toContain("Có hoặc Không");
  });
  test("no info for a lower-case answer, and the normal form is Có", () => {
    const d = clean();
    d.values.xa_quy_che = "co";
    expect(check(d).findings.filter((f) => f.path === "values.xa_quy_che")).toEqual([]);
    expect(normalizeReport(d).values.xa_quy_che).toBe("Có");
  });
  test("consolidation counts the Có answers; the workbook offers a Có/Không list", () => {
    const t = getTemplate("dccs-2025")!;
    expect(aggregationOf(t, "xa_quy_che")).toBe("count-yes");
    expect(indicatorValidation("yesno", "E40").rule).toEqual({ type: "list", values: ["Có", "Không"] });
  });
  test("the summary says it in words", () => {
    const d = clean();
    d.values.xa_quy_che = "chưa";
    expect(buildSummary(d).text).toContain("Quy chế thực hiện dân chủ ở xã chưa được ban hành");
    d.values.xa_quy_che = "CÓ";
    expect(buildSummary(d).text).toContain("Quy chế thực hiện dân chủ ở xã đã được ban hành");
  });
});

describe("a group left wholly blank is not applicable", () => {
  const group = (n: number) => getTemplate("dccs-2025")!.indicators.filter((i) => i.group === n).map((i) => i.code);
  test.each([1, 2, 3, 4, 5, 6, 7, 8, 9])("group %i blank: no finding names it, no sentence prints it", (n) => {
    const d = clean();
    for (const c of group(n)) d.values[c] = null;
    if (n === 1) d.registers.van_ban = [];
    if (n === 4) d.registers.doi_thoai = [];
    const res = check(d);
    for (const f of res.findings) for (const c of f.indicators) expect(group(n)).not.toContain(c);
    const s = buildSummary(d);
    for (const p of s.paragraphs) for (const x of p) for (const c of x.prints) expect(group(n)).not.toContain(c);
  });
  test("one figure given in the group: its rules speak again (infos naming what is missing)", () => {
    const d = example();
    d.values.dn_tong = 12;
    const res = check(d).findings.filter((f) => f.rule === "dn.le");
    expect(res.map((f) => f.severity)).toEqual(["info"]);
  });
  test("a register with rows still counts even when its group is blank", () => {
    const d = clean();
    for (const c of group(4)) d.values[c] = null;
    expect(check(d).findings.filter((f) => f.rule === "dth.register").map((f) => f.severity)).toEqual(["info"]);
  });
  test("qcdc-2021 is unchanged: its blank groups still give infos", () => {
    const d: ReportData = { template: "qcdc-2021", report: {}, values: {}, registers: {} };
    expect(check(d).summary.infos).toBeGreaterThan(0);
  });
});

describe("levels", () => {
  const withLevel = (template: string, level: string, date?: string): ReportData => {
    const d = template === "dccs-2025" ? clean() : ({ template, report: {}, values: {}, registers: {} } as ReportData);
    d.report.level = level;
    if (date) d.report.date = date;
    return d;
  };
  const levelFindings = (d: ReportData, lang: "vi" | "en" = "vi") => check(d, { lang }).findings.filter((f) => f.path === "report.level");
  test.each(["huyen", "Cấp huyện", "cấp huyện", "huyện", "HUYEN"])("dccs-2025: %p is a value.kind error saying the district level ended", (lv) => {
    const f = levelFindings(withLevel("dccs-2025", lv));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: "value.kind", severity: "error" });
    expect(f[0].message).toContain("cấp huyện đã kết thúc hoạt động từ ngày 01/7/2025");
  });
  test("in English too", () => {
    expect(levelFindings(withLevel("dccs-2025", "huyen"), "en")[0].message).toContain("the district level ended on 1 July 2025");
  });
  test.each(["xa", "tinh", "Cấp xã", "Cấp tỉnh"])("dccs-2025: %p is a level", (lv) => {
    expect(levelFindings(normalizeReport(withLevel("dccs-2025", lv)))).toEqual([]);
  });
  test("dccs-2025: another word is the usual choice error", () => {
    const f = levelFindings(withLevel("dccs-2025", "bộ"));
    expect(f[0].message).toContain("không phải một lựa chọn");
  });
  test.each([
    ["2025-07-02", "warning"],
    ["2026-01-15", "warning"],
    ["2025-07-01", undefined],
    ["2021-11-14", undefined],
  ])("qcdc-2021: huyen dated %s", (date, sev) => {
    const f = levelFindings(withLevel("qcdc-2021", "huyen", date));
    expect(f.map((x) => x.severity)).toEqual(sev ? [sev] : []);
    if (sev) expect(f[0].message).toContain("01/7/2025");
  });
  test("qcdc-2021: xa after 2025 is fine", () => {
    expect(levelFindings(withLevel("qcdc-2021", "xa", "2026-03-01"))).toEqual([]);
  });
});

describe("report.period", () => {
  test("read and normalised to ISO dates", () => {
    const d = example();
    (d.report as Record<string, unknown>).period = { from: "15/12/2025", to: " 2026-12-14 " };
    expect(normalizeReport(d).report.period).toEqual({ from: "2025-12-15", to: "2026-12-14" });
  });
  test("kept from the example; absent or empty stays absent", () => {
    expect(normalizeReport(example()).report.period).toEqual({ from: "2025-12-15", to: "2026-12-14" });
    const d = example();
    (d.report as Record<string, unknown>).period = { from: "", to: null };
    expect(normalizeReport(d).report.period).toBeUndefined();
    delete d.report.period;
    expect(normalizeReport(d).report.period).toBeUndefined();
  });
  test("normalising twice changes nothing", () => {
    const once = normalizeReport(example());
    expect(normalizeReport(once)).toEqual(once);
  });
});
