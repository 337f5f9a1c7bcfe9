import { mergeReports, coverageLine, readYesNo } from "../../src/core/merge/merge";
import { paneSheets } from "../../src/core/merge/workbook";
import { buildReport } from "../../src/core/narrative/report";
import { agencyKey } from "../../src/core/merge/agency";
import { check } from "../../src/core/engine";
import { registerTemplate, getTemplate } from "../../src/core/templates/index";
import { normalizeReport } from "../../src/core/normalize";
import type { TemplateDef } from "../../src/core/types";
import { unit, input } from "./helpers";

describe("merge: sums, ratios, blanks", () => {
  test("counts and money are summed; a blank is not a 0: the figure says how many units gave it, and who left it blank", () => {
    const r = mergeReports([
      input("a.json", unit("UBND xã A", { vb_tong: 8, vb_cap_uy: 3, vb_chinh_quyen: 5, cv_tong: 1000000, cv_doanh_nghiep: 0, cv_nguoi_lao_dong: 1000000, cv_khac: 0 })),
      input("b.json", unit("UBND xã B", { vb_tong: 3, vb_cap_uy: 1, vb_chinh_quyen: 2, cv_tong: 2500000, cv_doanh_nghiep: 500000, cv_nguoi_lao_dong: 2000000, cv_khac: 0 })),
      input("c.json", unit("UBND xã C", { vb_tong: null, vb_cap_uy: null, vb_chinh_quyen: null })),
    ]);
    expect(r.data.values.vb_tong).toBe(11);
    expect(r.data.values.vb_cap_uy).toBe(4);
    // Unit C kept the example's 10.424.000.
    expect(r.data.values.cv_tong).toBe(1000000 + 2500000 + 10424000);
    expect(r.data.consolidation!.vb_tong).toEqual({ reported: 2, expected: 3 });
    expect(r.coverage.vb_tong).toEqual({ reported: 2, expected: 3 });
    expect(r.units.find((u) => u.agency === "UBND xã C")!.missing).toEqual(expect.arrayContaining(["vb_tong", "vb_cap_uy", "vb_chinh_quyen"]));
    expect(r.units.find((u) => u.agency === "UBND xã A")!.missing).not.toContain("vb_tong");
    expect(r.data.report.consolidated).toBe(true);
    expect(r.rejected).toEqual([]);
  });

  test("no unit gave a figure: the consolidated figure is blank, not 0", () => {
    const r = mergeReports([input("a.json", unit("Xã A", { kt_so_doan: null, kt_so_don_vi: null })), input("b.json", unit("Xã B", { kt_so_doan: null, kt_so_don_vi: null }))]);
    expect(r.data.values.kt_so_doan).toBeNull();
    expect(r.data.consolidation!.kt_so_doan).toEqual({ reported: 0, expected: 2 });
  });

  test("a percent is the rate of the summed numerator and denominator, not the average of the rates", () => {
    // 9/10 = 90 % and 1/5 = 20 %: the average would be 55 %, the rate of the sums is 10/15 = 66,7 %.
    const r = mergeReports([
      input("a.json", unit("Xã A", { dt_tong: 10, dt_da_giai_quyet: 9, dt_ty_le: "90,0%" })),
      input("b.json", unit("Xã B", { dt_tong: 5, dt_da_giai_quyet: 1, dt_ty_le: "20,0%" })),
    ]);
    expect(r.data.values.dt_tong).toBe(15);
    expect(r.data.values.dt_da_giai_quyet).toBe(10);
    expect(r.data.values.dt_ty_le).toBe("66,7%");
    expect(r.data.values.dt_ty_le).not.toBe("55,0%");
    // 4/4 and 4/4 stay 100 %; with a sum of denominators 0 the rate is "Không có".
    expect(r.data.values.cbccvc_ty_le).toBe("100%");
    const z = mergeReports([input("a.json", unit("Xã A", { dt_tong: 0, dt_da_giai_quyet: 0, dt_ty_le: "Không có" })), input("b.json", unit("Xã B", { dt_tong: 0, dt_da_giai_quyet: 0, dt_ty_le: "Không có" }))]);
    expect(z.data.values.dt_ty_le).toBe("Không có");
  });

  test("the consolidated report passes its own check: ratios recomputed, register counts not applied to a sum of units", () => {
    const a = unit("Xã A", { dt_tong: 10, dt_da_giai_quyet: 9, dt_ty_le: "90%" });
    a.registers = { van_ban: [{ symbol: "01/KH-UBND", date: "2021-02-01", type: "Kế hoạch", title: "Kế hoạch QCDC", issuer: "chinh_quyen" }] };
    Object.assign(a.values, { vb_tong: 1, vb_cap_uy: 0, vb_chinh_quyen: 1 });
    const b = unit("Xã B", { dt_tong: 5, dt_da_giai_quyet: 1, dt_ty_le: "20%" });
    const r = mergeReports([input("a.json", normalizeReport(a)), input("b.json", b)]);
    // Registers concatenated, each row naming its unit.
    expect(r.data.registers.van_ban).toHaveLength(1);
    expect(r.data.registers.van_ban[0].don_vi).toBe("Xã A");
    const res = check(r.data);
    expect(res.findings.filter((f) => f.severity === "error")).toEqual([]);
    // The same data as one unit's report would break vb.register (1 row, 1 + 8 documents).
    const asUnit = check({ ...r.data, report: { ...r.data.report, consolidated: false } });
    expect(asUnit.findings.some((f) => f.rule === "vb.register")).toBe(true);
  });

  test("each unit is checked on its own: its errors are listed and consolidation goes on", () => {
    const r = mergeReports([input("a.json", unit("Xã A", { vb_tong: 9 })), input("b.json", unit("Xã B"))]);
    const a = r.units.find((u) => u.agency === "Xã A")!;
    expect(a.errors).toBeGreaterThan(0);
    expect(a.findings.some((f) => f.rule === "vb.sum")).toBe(true);
    expect(r.units.find((u) => u.agency === "Xã B")!.errors).toBe(0);
    expect(r.data.values.vb_tong).toBe(17);
  });

  test("rules marked perUnit are skipped on a consolidated report only", () => {
    const t = getTemplate("qcdc-2021")!;
    const custom: TemplateDef = {
      ...t,
      id: "qcdc-2021-perunit-test",
      rules: [...t.rules, { id: "ck.max", kind: "le", severity: "error", left: ["kt_so_doan"], right: "cbccvc_tong_don_vi", perUnit: true }],
    };
    registerTemplate(custom);
    const d = normalizeReport({ ...unit("Xã A", { kt_so_doan: 9, kt_so_don_vi: 9 }), template: custom.id });
    expect(check(d).findings.some((f) => f.rule === "ck.max")).toBe(true);
    expect(check({ ...d, report: { ...d.report, consolidated: true } }).findings.some((f) => f.rule === "ck.max")).toBe(false);
  });
});

describe("merge: yes/no", () => {
  const t = getTemplate("qcdc-2021")!;
  const yn: TemplateDef = {
    ...t,
    id: "yesno-merge-test",
    indicators: [...t.indicators, { code: "ck_cong_khai", group: 9, label: { vi: "Có công khai", en: "Published" }, unit: { vi: "", en: "" }, kind: "yesno" as never }],
  };
  registerTemplate(yn);

  test.each([
    ["Có", true],
    ["có", true],
    ["CO", true],
    ["Không", false],
    ["khong", false],
    ["Chưa", false],
    ["", null],
    [null, null],
    ["có lẽ", undefined],
  ])("%p reads as %p", (raw, want) => {
    expect(readYesNo(raw as string | null)).toBe(want);
  });

  test("a yes/no becomes the count of units that answered Có, out of those that answered", () => {
    const mk = (a: string, v: string | null) => normalizeReport({ ...unit(a), template: yn.id, values: { ...unit(a).values, ck_cong_khai: v } });
    const r = mergeReports([input("a", mk("Xã A", "Có")), input("b", mk("Xã B", "Không")), input("c", mk("Xã C", "có")), input("d", mk("Xã D", null))]);
    expect(r.data.values.ck_cong_khai).toBe(2);
    expect(r.data.consolidation!.ck_cong_khai).toEqual({ reported: 3, expected: 4, yes: 2, answered: 3 });
    expect(r.units.find((u) => u.agency === "Xã D")!.missing).toContain("ck_cong_khai");
  });
});

describe("merge: refusals", () => {
  test("an unreadable file, another template, another period, a level that cannot send: each refused with a code and a reason, the rest merged", () => {
    const other = normalizeReport({ ...unit("Xã E"), template: "yesno-merge-test" });
    const r = mergeReports(
      [
        input("a.json", unit("Xã A")),
        { file: "hong.xlsx", unreadable: { vi: "Tệp bị hỏng.", en: "Damaged." } },
        input("e.json", other),
        input("f.json", unit("Xã F", {}, { year: 2020 })),
        input("g.json", unit("Xã G", {}, { year: 2021, period: { from: "2020-12-15", to: "2021-12-14" } })),
        input("h.json", unit("Sở Y tế", {}, { level: "tinh" })),
        input("b.json", unit("Xã B")),
      ],
      { template: "qcdc-2021", receiving: { agency: "UBND huyện Mai Sơn", level: "Cấp huyện", year: 2021 } },
    );
    expect(r.units.map((u) => u.file)).toEqual(["a.json", "b.json"]);
    const byFile = Object.fromEntries(r.rejected.map((x) => [x.file, x]));
    expect(byFile["hong.xlsx"].code).toBe("unreadable");
    expect(byFile["hong.xlsx"].reason).toBe("Tệp bị hỏng.");
    expect(byFile["e.json"].code).toBe("template");
    expect(byFile["e.json"].reason).toContain("yesno-merge-test");
    expect(byFile["f.json"].code).toBe("period");
    expect(byFile["f.json"].reason).toBe("Kỳ báo cáo năm 2020, khác kỳ tổng hợp năm 2021.");
    expect(byFile["g.json"].code).toBe("period");
    expect(byFile["h.json"].code).toBe("level");
    expect(byFile["h.json"].reason).toBe("Cấp tỉnh không gửi báo cáo lên cấp huyện.");
    expect(r.data.report.level).toBe("huyen");
    expect(r.data.report.period).toEqual({ from: "2021-01-01", to: "2021-12-31" });
  });

  test("the same unit twice (UBND / Ủy ban nhân dân, case, diacritics): the later report is kept, with a warning naming both files", () => {
    expect(agencyKey("UBND xã Tân Lập")).toBe(agencyKey("Uỷ ban nhân dân Xã Tan Lap"));
    expect(agencyKey("UBND xã Tân Lập")).not.toBe(agencyKey("UBND xã Tân Lạc"));
    const r = mergeReports([
      input("tan-lap-moi.json", unit("Ủy ban nhân dân xã Tân Lập", { vb_tong: 10, vb_cap_uy: 5, vb_chinh_quyen: 5 }, { date: "2021-12-01" })),
      input("tan-lap-cu.json", unit("UBND XÃ TÂN LẬP", { vb_tong: 2, vb_cap_uy: 1, vb_chinh_quyen: 1 }, { date: "2021-11-01" })),
    ]);
    expect(r.units.map((u) => u.file)).toEqual(["tan-lap-moi.json"]);
    expect(r.data.values.vb_tong).toBe(10);
    expect(r.rejected).toEqual([expect.objectContaining({ file: "tan-lap-cu.json", code: "duplicate" })]);
    expect(r.warnings.join("\n")).toMatch(/tan-lap-moi\.json.*tan-lap-cu\.json/);
  });

  test("an absent period means the report's year", () => {
    const r = mergeReports([input("a.json", unit("Xã A", {}, { year: 2021 })), input("b.json", unit("Xã B", {}, { year: 2021, period: { from: "2021-01-01", to: "2021-12-31" } }))]);
    expect(r.rejected).toEqual([]);
  });
});

describe("merge: expected units", () => {
  test("units that sent nothing are named, coverage counts against the list, a unit off the list is merged with a warning", () => {
    const r = mergeReports([input("a.json", unit("UBND xã A")), input("b.json", unit("UBND xã B")), input("z.json", unit("UBND xã Z"))], {
      expected: ["Ủy ban nhân dân xã A", "UBND xã B", "UBND xã C", "UBND xã D"],
    });
    expect(r.missingUnits).toEqual(["UBND xã C", "UBND xã D"]);
    expect(r.unlisted).toEqual(["UBND xã Z"]);
    // Four on the list, and Z, which is not on it but whose figures are in the sums.
    expect(r.coverage.vb_tong).toEqual({ reported: 3, expected: 5 });
    expect(coverageLine(r.data)).toBe("Tổng hợp từ 3/5 đơn vị");
    expect(r.warnings.join("\n")).toContain("UBND xã Z");
  });
});

describe("merge: the appendix names the units that sent nothing", () => {
  const names = (n: number) => Array.from({ length: n }, (_, i) => (i < 20 ? `UBND xã ${String.fromCharCode(67 + i)}` : `UBND xã Số ${i}`));
  function merged(expected: string[]) {
    return mergeReports([input("a.json", unit("UBND xã A")), input("b.json", unit("UBND xã B"))], { expected: ["UBND xã A", "UBND xã B", ...expected] });
  }
  function appendixText(r: ReturnType<typeof merged>, withMissing = true): string {
    const blocks = buildReport(r.data, withMissing ? { missingUnits: r.missingUnits } : {}).doc.blocks;
    return blocks.map((b) => ("runs" in b && b.runs ? b.runs.map((x) => x.text).join("") : "")).join("\n");
  }

  test("a few names in full; beyond them, 'và N đơn vị khác'", () => {
    const two = merged(names(2));
    expect(coverageLine(two.data, "vi", two.missingUnits)).toBe("Tổng hợp từ 2/4 đơn vị; chưa báo cáo: UBND xã C, UBND xã D");
    const four = merged(names(4));
    expect(coverageLine(four.data, "vi", four.missingUnits)).toBe("Tổng hợp từ 2/6 đơn vị; chưa báo cáo: UBND xã C, UBND xã D, UBND xã E, UBND xã F");
    const thirty = merged(names(30));
    expect(coverageLine(thirty.data, "vi", thirty.missingUnits)).toBe("Tổng hợp từ 2/32 đơn vị; chưa báo cáo: UBND xã C, UBND xã D, UBND xã E và 27 đơn vị khác");
    expect(coverageLine(thirty.data, "en", thirty.missingUnits)).toBe("Consolidated from 2/32 units; not reported: UBND xã C, UBND xã D, UBND xã E and 27 other units");
    // Without a list of expected units, nobody is missing: the line is as before.
    const none = mergeReports([input("a.json", unit("UBND xã A")), input("b.json", unit("UBND xã B"))]);
    expect(coverageLine(none.data, "vi", none.missingUnits)).toBe("Tổng hợp từ 2/2 đơn vị");
  });

  test("the printed appendix's heading line and the pane's 'Tổng hợp' sheet name them", () => {
    const r = merged(names(5));
    expect(appendixText(r)).toContain("(Tổng hợp từ 2/7 đơn vị; chưa báo cáo: UBND xã C, UBND xã D, UBND xã E và 2 đơn vị khác)");
    expect(appendixText(r, false)).toContain("(Tổng hợp từ 2/7 đơn vị)");
    const g = paneSheets(getTemplate("qcdc-2021")!, r, { units: "Đơn vị", total: "Tổng hợp" });
    expect(g.total.cells[1][0].v).toBe("Tổng hợp từ 2/7 đơn vị; chưa báo cáo: UBND xã C, UBND xã D, UBND xã E và 2 đơn vị khác");
  });
});

describe("merge: year on year", () => {
  test("last year's figures are summed; the totals are compared like for like; each unit's own swing is among its findings", () => {
    const a = unit("Xã A", { vb_tong: 30, vb_cap_uy: 10, vb_chinh_quyen: 20 });
    a.previous = { vb_tong: 8, vb_cap_uy: 3, vb_chinh_quyen: 5 };
    const b = unit("Xã B", { vb_tong: 8, vb_cap_uy: 3, vb_chinh_quyen: 5 });
    b.previous = { vb_tong: 8, vb_cap_uy: 3, vb_chinh_quyen: 5 };
    // C gave no figure last year: it is left out of the like-for-like comparison.
    const c = unit("Xã C", { vb_tong: 100, vb_cap_uy: 50, vb_chinh_quyen: 50 });
    const r = mergeReports([input("a", normalizeReport(a)), input("b", normalizeReport(b)), input("c", c)]);
    expect(r.data.previous!.vb_tong).toBe(16);
    // 16 → 38 (A and B): a swing of the total, named as the total's.
    const swing = r.yoy.find((f) => f.rule === "yoy.swing" && f.indicators[0] === "vb_tong");
    expect(swing).toBeDefined();
    expect(swing!.message).toMatch(/^Tổng hợp: .*16.*38/);
    expect(r.units.find((u) => u.agency === "Xã A")!.findings.some((f) => f.rule === "yoy.swing")).toBe(true);
    expect(r.units.find((u) => u.agency === "Xã B")!.findings.some((f) => f.rule === "yoy.swing")).toBe(false);
  });
});
