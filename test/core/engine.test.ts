import { check } from "../../src/core/engine";
import type { Finding, ReportData } from "../../src/core/types";
import { parseReportJson, normalizeReport } from "../../src/core/normalize";
import { clean, example, exampleRaw } from "./helpers";
import * as fs from "fs";
import * as path from "path";

const rules = (fs: Finding[], severity?: string) => fs.filter((f) => !severity || f.severity === severity).map((f) => f.rule);
const only = (d: ReportData, rule: string) => check(d).findings.filter((f) => f.rule === rule);

describe("the worked example", () => {
  const res = check(example());
  test("exactly three errors: tt.sum, dth.part, dth.register", () => {
    expect(rules(res.findings, "error")).toEqual(["tt.sum", "dth.part", "dth.register"]);
    expect(res.summary.errors).toBe(3);
  });
  test("the warning dth.parts, the lint of the agency written KHCN and SKH-CN beside SKHCN, the infos dvc.ratio (45) and dvc.parts", () => {
    expect(rules(res.findings, "warning")).toEqual(["dth.parts", "lint.agency-abbr", "lint.agency-abbr"]);
    expect(rules(res.findings, "info").sort()).toEqual(["dvc.parts", "dvc.ratio"]);
    expect(res.summary).toMatchObject({ errors: 3, warnings: 3, infos: 2, overrides: [] });
    const ratio = res.findings.find((f) => f.rule === "dvc.ratio")!;
    expect(ratio.message).toContain("45");
    expect(ratio.message).toContain("100% của 26 + 19");
    expect(ratio.expected).toBe(45);
    expect(ratio.indicators[0]).toBe("cchc_dvc_tong");
  });
  test("tt.sum names the figures the Vietnamese way", () => {
    const f = res.findings.find((x) => x.rule === "tt.sum")!;
    expect(f.message).toBe("Số hội nghị, tập huấn (0) khác tổng các phần: số cuộc tổ chức riêng 0 + số cuộc lồng ghép 04 = 04.");
    expect(f).toMatchObject({
      severity: "error",
      indicators: ["tt_hoi_nghi", "tt_rieng", "tt_long_ghep"],
      values: { tt_hoi_nghi: 0, tt_rieng: 0, tt_long_ghep: 4 },
      expected: 4,
      path: "values.tt_hoi_nghi",
    });
    expect(f.suggestion).toContain("04");
  });
  test("dth.part points at dth_chinh_quyen (03) > dth_tong (01)", () => {
    const f = res.findings.find((x) => x.rule === "dth.part")!;
    expect(f.indicators.slice(0, 2)).toEqual(["dth_chinh_quyen", "dth_tong"]);
    expect(f.message).toContain("(03)");
    expect(f.message).toContain("(01)");
  });
  test("dth.register: no planned dialogue was held, yet 01 and 03", () => {
    const f = res.findings.find((x) => x.rule === "dth.register")!;
    expect(f.indicators).toEqual(expect.arrayContaining(["dth_tong", "dth_chinh_quyen"]));
    expect(f.indicators).not.toContain(undefined);
    expect(f.message).toMatch(/2 hội nghị đối thoại theo kế hoạch, 0 đã tổ chức/);
    expect(f.message).toContain("01 (theo sổ: 0)");
    expect(f.message).toContain("03 (theo sổ: 0)");
  });
  test("findings are sorted errors, warnings, infos", () => {
    const ranks = res.findings.map((f) => ({ error: 0, warning: 1, info: 2 })[f.severity]);
    expect(ranks).toEqual([...ranks].sort());
  });
  test("the normalised example gives the same findings", () => {
    const a = check(normalizeReport(exampleRaw));
    expect(a.findings).toEqual(res.findings);
  });
  test("English messages carry the same figures", () => {
    const en = check(example(), { lang: "en" });
    expect(rules(en.findings)).toEqual(rules(res.findings));
    const f = en.findings.find((x) => x.rule === "dvc.ratio")!;
    expect(f.message).toContain("100% of 26 + 19 implies 45");
    expect(en.findings.find((x) => x.rule === "tt.sum")!.message).toBe(
      "Conferences and trainings (0) differs from the sum of its parts: conferences held on their own 0 + integrated conferences 04 = 04.",
    );
  });
  test("cells: paths are mapped to the workbook's cells", () => {
    const cells = { "values.tt_hoi_nghi": "'Phụ lục'!E14", "values.tt_rieng": "'Phụ lục'!E15", "values.tt_long_ghep": "'Phụ lục'!E16" };
    const f = check(example(), { cells }).findings.find((x) => x.rule === "tt.sum")!;
    expect(f.cells).toEqual(["'Phụ lục'!E14", "'Phụ lục'!E15", "'Phụ lục'!E16"]);
    expect(check(example()).findings[0].cells).toBeUndefined();
  });
});

describe("a consistent report", () => {
  test("has no finding at all", () => {
    expect(check(clean()).findings).toEqual([]);
  });
});

describe("sum", () => {
  test("vb.sum fails with the figures", () => {
    const d = clean();
    d.values.vb_tong = 9;
    const [f] = only(d, "vb.sum");
    expect(f.severity).toBe("error");
    expect(f.message).toBe("Tổng số văn bản (09) khác tổng các phần: văn bản cấp ủy 03 + văn bản chính quyền 05 = 08.");
    expect(f.expected).toBe(8);
  });
  test("cv.sum with money grouped by thousands", () => {
    const d = clean();
    d.values.cv_tong = "10.000.000";
    const [f] = only(d, "cv.sum");
    expect(f.message).toContain("(10.000.000)");
    expect(f.message).toContain("người lao động 10.424.000");
    expect(f.expected).toBe(10424000);
  });
  test("a blank part: info naming it, never an error", () => {
    const d = clean();
    d.values.tt_rieng = null;
    const fs = only(d, "tt.sum");
    expect(fs).toHaveLength(1);
    expect(fs[0].severity).toBe("info");
    expect(fs[0].message).toContain("còn trống số cuộc tổ chức riêng");
    expect(fs[0].indicators[0]).toBe("tt_rieng");
  });
  test("an unreadable part: value.kind error plus an info, no false tt.sum error", () => {
    const d = clean();
    d.values.tt_long_ghep = "hơn 3";
    const res = check(d);
    expect(rules(res.findings, "error")).toEqual(["value.kind"]);
    const vk = res.findings[0];
    expect(vk.path).toBe("values.tt_long_ghep");
    expect(vk.message).toContain("ước lượng");
    expect(res.findings.find((f) => f.rule === "tt.sum")!.severity).toBe("info");
  });
  test("all inputs blank: one info saying what is missing (spec: a rule with blank inputs says so)", () => {
    const d = clean();
    d.values.cv_tong = d.values.cv_doanh_nghiep = d.values.cv_nguoi_lao_dong = d.values.cv_khac = null;
    const fs_ = only(d, "cv.sum");
    expect(fs_).toHaveLength(1);
    expect(fs_[0].severity).toBe("info");
    expect(fs_[0].indicators).toEqual(["cv_tong", "cv_doanh_nghiep", "cv_nguoi_lao_dong", "cv_khac"]);
    expect(fs_[0].message).toMatch(/^Chưa đối chiếu được .* vì còn trống /);
    expect(fs_[0].values).toEqual({ cv_tong: null, cv_doanh_nghiep: null, cv_nguoi_lao_dong: null, cv_khac: null });
  });
});

describe("le", () => {
  test("dvc.parts fails when the parts exceed the total", () => {
    const d = clean();
    d.values.cchc_dvc_tong = 40;
    d.values.cchc_dvc_ty_le = "100%";
    const [f] = only(d, "dvc.parts");
    expect(f.severity).toBe("error");
    expect(f.indicators[0]).toBe("cchc_dvc_tong");
    expect(f.message).toContain("26 + ");
    expect(f.message).toContain("= 45");
    expect(f.message).toContain("(40)");
  });
  test("dt.resolved", () => {
    const d = clean();
    Object.assign(d.values, { dt_tong: 4, dt_da_giai_quyet: 5, dt_ty_le: "100%" });
    const [f] = only(d, "dt.resolved");
    expect(f.severity).toBe("error");
    expect(f.message).toBe("Số đơn thư đã giải quyết (05) nhiều hơn tổng số đơn thư (04).");
  });
  test("dth.part (each) holds when every part ≤ total; dth.parts warns on the sum", () => {
    const d = clean();
    Object.assign(d.values, { dth_tong: 2, dth_cap_uy: 2, dth_chinh_quyen: 2 });
    d.registers.doi_thoai = [];
    const res = check(d);
    expect(rules(res.findings)).toEqual(["dth.parts"]);
    expect(res.findings[0].severity).toBe("warning");
    expect(res.findings[0].message).toContain("= 04");
  });
  test("dth.part names both parts when both exceed", () => {
    const d = clean();
    Object.assign(d.values, { dth_tong: 1, dth_cap_uy: 2, dth_chinh_quyen: 3 });
    d.registers.doi_thoai = [];
    const fs = only(d, "dth.part");
    expect(fs).toHaveLength(1);
    expect(fs[0].indicators.slice(0, 3)).toEqual(["dth_cap_uy", "dth_chinh_quyen", "dth_tong"]);
  });
  test("cbccvc.le", () => {
    const d = clean();
    d.values.cbccvc_da_to_chuc = 5;
    d.values.cbccvc_ty_le = "100%";
    expect(only(d, "cbccvc.le")[0].severity).toBe("error");
  });
});

describe("ratio (within rounding)", () => {
  const dvc = (muc3: number, muc4: number, tong: number | null, tyLe: string | number | null) => {
    const d = clean();
    Object.assign(d.values, { cchc_dvc_muc3: muc3, cchc_dvc_muc4: muc4, cchc_dvc_tong: tong, cchc_dvc_ty_le: tyLe });
    return only(d, "dvc.ratio");
  };
  test("holds inside the interval the written figure stands for", () => {
    expect(dvc(2, 0, 3, "66,67%")).toEqual([]);
    expect(dvc(2, 0, 3, "67%")).toEqual([]);
    expect(dvc(2, 0, 3, 66.7)).toEqual([]);
    expect(dvc(8, 0, 9, "88,9%")).toEqual([]);
    expect(dvc(8, 0, 9, "88.9")).toEqual([]);
    expect(dvc(199, 0, 200, "100%")).toEqual([]); // 99,5 is inside [99,5; 100,5]
  });
  test("a wrong ratio is an error naming the right figure", () => {
    const [f] = dvc(26, 19, 50, "100%");
    expect(f.severity).toBe("error");
    expect(f.expected).toBe(90);
    expect(f.message).toContain("(26 + 19)/50 = 90%");
    expect(f.indicators[0]).toBe("cchc_dvc_ty_le");
  });
  test("a truncated figure is a warning naming the correctly rounded one", () => {
    const [f] = dvc(2, 0, 3, "66,66%");
    expect(f.severity).toBe("warning");
    expect(f.rule).toBe("dvc.ratio");
    expect(f.message).toContain("66,67%");
    expect(f.expected).toBe(66.67);
    const [g] = dvc(2, 0, 3, "66%");
    expect(g.severity).toBe("warning");
    expect(g.message).toContain("67%");
  });
  test("total blank: info with the implied total", () => {
    const [f] = dvc(26, 19, null, "100%");
    expect(f.severity).toBe("info");
    expect(f.expected).toBe(45);
    const [g] = dvc(8, 0, null, "88,9%");
    expect(g.expected).toBe(9);
  });
  test("zero denominator: \"Không có\" required, a number there is a warning", () => {
    const d = clean();
    Object.assign(d.values, { dt_tong: 0, dt_da_giai_quyet: 0, dt_ty_le: "100%" });
    const [f] = only(d, "dt.ratio");
    expect(f.severity).toBe("warning");
    expect(f.expected).toBe("Không có");
    expect(f.message).toContain("Không có");
    d.values.dt_ty_le = "Không có";
    expect(only(d, "dt.ratio")).toEqual([]);
  });
  test("\"Không có\" where there is a denominator is an error", () => {
    const d = clean();
    Object.assign(d.values, { dt_tong: 10, dt_da_giai_quyet: 9, dt_ty_le: "Không có" });
    const [f] = only(d, "dt.ratio");
    expect(f.severity).toBe("error");
    expect(f.expected).toBe(90); // percent units, as every ratio's expected
  });
  test("cbccvc.ratio", () => {
    const d = clean();
    d.values.cbccvc_ty_le = "80%";
    const [f] = only(d, "cbccvc.ratio");
    expect(f.severity).toBe("error");
    expect(f.message).toContain("4/4 = 100%".replace("4/4", "04/04"));
  });
  test("ratio blank with the inputs given: info", () => {
    const [f] = dvc(26, 19, 45, null);
    expect(f.severity).toBe("info");
    expect(f.indicators[0]).toBe("cchc_dvc_ty_le");
  });
});

describe("implies (kt.teams)", () => {
  test("teams without units, and units without a team", () => {
    const d = clean();
    d.registers.kiem_tra = [];
    Object.assign(d.values, { kt_so_doan: 2, kt_so_don_vi: 0 });
    const [f] = only(d, "kt.teams");
    expect(f.severity).toBe("error");
    expect(f.indicators[0]).toBe("kt_so_don_vi");
    expect(f.message).toBe("Số đoàn kiểm tra là 02 nhưng số đơn vị được kiểm tra là 0 (phải lớn hơn 0).");
    Object.assign(d.values, { kt_so_doan: 0, kt_so_don_vi: 3 });
    expect(only(d, "kt.teams")[0].indicators[0]).toBe("kt_so_doan");
    Object.assign(d.values, { kt_so_doan: 0, kt_so_don_vi: 0 });
    expect(only(d, "kt.teams")).toEqual([]);
  });
  test("one side blank: info", () => {
    const d = clean();
    d.registers.kiem_tra = [];
    Object.assign(d.values, { kt_so_doan: 2, kt_so_don_vi: null });
    expect(only(d, "kt.teams")[0].severity).toBe("info");
  });
});

describe("register-count", () => {
  test("vb.register counts rows by issuer derived from the symbol", () => {
    const d = clean();
    Object.assign(d.values, { vb_cap_uy: 4, vb_chinh_quyen: 4 });
    const [f] = only(d, "vb.register");
    expect(f.severity).toBe("error");
    expect(f.indicators.slice(0, 2)).toEqual(["vb_cap_uy", "vb_chinh_quyen"]);
    expect(f.message).toContain("cấp ủy là 04 (theo sổ: 03)");
  });
  test("an empty register: its rules do not apply", () => {
    const d = clean();
    d.registers.van_ban = [];
    d.values.vb_cap_uy = 4;
    d.values.vb_chinh_quyen = 4;
    expect(only(d, "vb.register")).toEqual([]);
    delete (d.registers as Record<string, unknown>).van_ban;
    expect(only(d, "vb.register")).toEqual([]);
  });
  test("kt.register counts distinct decisions and units (NFD and Ð variants are the same)", () => {
    const d = clean();
    d.registers.kiem_tra = [
      { decision: "247/QĐ-SKHCN", unit: "Trung tâm A" },
      { decision: "247/Q\u00D0-SKHCN", unit: "Trung tâm B" },
      { decision: "247/QĐ-SKHCN".normalize("NFD"), unit: "Trung tâm  A" },
    ];
    Object.assign(d.values, { kt_so_doan: 1, kt_so_don_vi: 2 });
    expect(only(d, "kt.register")).toEqual([]);
    d.values.kt_so_don_vi = 3;
    const [f] = only(d, "kt.register");
    expect(f.indicators[0]).toBe("kt_so_don_vi");
    expect(f.expected).toBe(2);
  });
  test("tt.register by form, with labels typed in the register", () => {
    const d = clean();
    d.registers.hoi_nghi = [
      { title: "Tập huấn A", form: "rieng" },
      { title: "Hội nghị B", form: "Lồng ghép" },
      { title: "Hội nghị C", form: "long_ghep" },
    ];
    Object.assign(d.values, { tt_hoi_nghi: 3, tt_rieng: 1, tt_long_ghep: 2 });
    expect(only(d, "tt.register")).toEqual([]);
    Object.assign(d.values, { tt_hoi_nghi: 4, tt_rieng: 0, tt_long_ghep: 4 });
    const [f] = only(d, "tt.register");
    expect(f.severity).toBe("error");
    expect(f.indicators).toEqual(["tt_hoi_nghi", "tt_rieng", "tt_long_ghep"]);
  });
  test("dth.register counts held rows, ca_hai in both parts", () => {
    const d = clean();
    d.registers.doi_thoai = [
      { chair: "ca_hai", held: true },
      { chair: "cap_uy", held: "Có" },
      { chair: "chinh_quyen", held: false },
    ];
    Object.assign(d.values, { dth_tong: 2, dth_cap_uy: 2, dth_chinh_quyen: 1 });
    expect(check(d).findings.filter((f) => f.severity !== "info" && f.rule !== "dth.parts")).toEqual([]);
  });
  test("an indicator blank while the register has rows: info with the register's count", () => {
    const d = clean();
    d.values.vb_tong = null;
    const f = only(d, "vb.register")[0];
    expect(f.severity).toBe("info");
    expect(f.message).toContain("08");
  });
  test("a 50,000-row register is counted (distinct without quadratic work)", () => {
    const d = clean();
    const rows = [];
    for (let i = 0; i < 50000; i++) rows.push({ decision: `${i % 500}/QĐ-SKHCN`, unit: `Đơn vị ${i}` });
    d.registers.kiem_tra = rows;
    Object.assign(d.values, { kt_so_doan: 500, kt_so_don_vi: 50000 });
    expect(only(d, "kt.register")).toEqual([]);
  });
});

describe("period", () => {
  test("Covid-19 support outside 2020–2022 is an info; inside, nothing", () => {
    const d = clean();
    d.report.year = 2024;
    const [f] = only(d, "cv.period");
    expect(f.severity).toBe("info");
    expect(f.message).toContain("2024");
    expect(f.message).toContain("10.424.000");
    d.report.year = 2021;
    expect(only(d, "cv.period")).toEqual([]);
    d.report.year = 2024;
    Object.assign(d.values, { cv_tong: 0, cv_nguoi_lao_dong: 0 });
    expect(only(d, "cv.period")).toEqual([]);
  });
});

describe("value checks", () => {
  test("value.read: a unit typed in is read, with the clean form", () => {
    const d = clean();
    d.values.tt_long_ghep = "04 cuộc";
    const res = check(d);
    expect(rules(res.findings)).toEqual(["value.read"]);
    expect(res.findings[0]).toMatchObject({ severity: "info", suggestion: "04", path: "values.tt_long_ghep", expected: 4 });
  });
  test.each([
    ["-3", "số âm"],
    ["1,5", "không phải số nguyên"],
    ["khoảng 20", "ước lượng"],
    ["nhiều", "không đọc được"],
  ])("value.kind for %s", (raw, words) => {
    const d = clean();
    d.values.kt_so_doan = raw;
    const f = only(d, "value.kind")[0];
    expect(f.severity).toBe("error");
    expect(f.message).toContain(words);
    expect(f.message).toContain(raw);
    expect(f.path).toBe("values.kt_so_doan");
  });
  test("percent over 100", () => {
    const d = clean();
    d.values.cbccvc_ty_le = "120%";
    expect(only(d, "value.kind")[0].message).toContain("100%");
  });
  test("NFD and Ð in the input give the same findings as clean text", () => {
    const d = example();
    d.values.dt_ty_le = "Kho\u0302ng co\u0301";
    d.registers.van_ban[0].symbol = "166-KH/\u00D0U";
    d.registers.van_ban[1].symbol = "170-KH/ĐB".normalize("NFD");
    const got = check(d).findings;
    expect(rules(got).filter((r) => r !== "lint.symbol")).toEqual(rules(check(example()).findings));
    // The look-alike "Ð" is read as "Đ" by every rule, and told to the user once (lint.symbol); NFD is not a slip.
    expect(got.filter((f) => f.rule === "lint.symbol").map((f) => [f.path, f.suggestion])).toEqual([["registers.van_ban[0].symbol", 'Viết "166-KH/ĐU".']]);
  });
  test("an unknown code is reported", () => {
    const d = clean();
    d.values.vb_tongg = 8;
    const [f] = only(d, "workbook.unknown-code");
    expect(f.severity).toBe("error");
    expect(f.path).toBe("values.vb_tongg");
  });
  test("structural findings come first and are not repeated", () => {
    const d = clean();
    d.values.vb_tongg = 8;
    const structural: Finding[] = [{ rule: "workbook.unknown-code", severity: "error", message: "x", indicators: [], path: "values.vb_tongg" }];
    const res = check(d, { structural });
    expect(res.findings).toEqual(structural);
    d.previous = { vb_tongg: 7 };
    expect(check(d, { structural }).findings).toEqual(structural);
  });
  test("previous-year values are read too", () => {
    const d = clean();
    d.previous = { vb_tong: "gần 10" };
    const [f] = only(d, "value.kind");
    expect(f.path).toBe("previous.vb_tong");
    expect(f.message).toContain("năm trước");
  });
});

describe("register rows", () => {
  test("required fields, dates, enums, booleans and issuers, with paths", () => {
    const d = clean();
    d.registers.van_ban[3] = { symbol: "", date: "31/2/2021", type: "Kế hoạch", title: "X" } as never;
    d.registers.van_ban[4].symbol = "01/HD/BDVTW";
    d.registers.hoi_nghi = [{ title: "Tập huấn", form: "ngoài trời" }];
    d.registers.doi_thoai = [{ chair: "chinh_quyen", held: "có lẽ" }];
    Object.assign(d.values, { tt_hoi_nghi: 1, tt_rieng: 1, tt_long_ghep: 0 });
    const vk = only(d, "value.kind");
    const paths = vk.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "registers.van_ban[3].symbol",
        "registers.van_ban[3].date",
        "registers.van_ban[4].issuer",
        "registers.hoi_nghi[0].form",
        "registers.doi_thoai[0].held",
      ]),
    );
    expect(vk.find((f) => f.path === "registers.van_ban[3].date")!.message).toBe(
      "Sổ Văn bản, dòng 4: không đọc được ngày \"31/2/2021\" (ngày ban hành); ghi ngày dạng 30/3/2021.",
    );
    const cells = { "registers.van_ban[3]": "'Văn bản'!A7", "registers.hoi_nghi[0].form": "'Hội nghị'!C4" };
    const withCells = check(d, { cells }).findings;
    expect(withCells.find((f) => f.path === "registers.van_ban[3].date")!.cells).toEqual(["'Văn bản'!A7"]);
    expect(withCells.find((f) => f.path === "registers.hoi_nghi[0].form")!.cells).toEqual(["'Hội nghị'!C4"]);
  });
});

describe("overrides", () => {
  test("off removes a rule's findings; the summary counts them", () => {
    const d = example();
    d.overrides = { "tt.sum": { severity: "off", reason: "Số liệu do Ban Tổ chức cung cấp" } };
    const res = check(d);
    expect(rules(res.findings)).not.toContain("tt.sum");
    expect(res.summary.errors).toBe(2);
    expect(res.summary.overrides).toEqual([{ rule: "tt.sum", severity: "off", reason: "Số liệu do Ban Tổ chức cung cấp", affected: 1 }]);
  });
  test("another severity changes the findings' severity", () => {
    const d = example();
    d.overrides = { "dth.parts": { severity: "info", reason: "Có hội nghị do cả hai chủ trì" }, "dvc.ratio": { severity: "info", reason: "đã đúng" } };
    const res = check(d);
    expect(res.findings.find((f) => f.rule === "dth.parts")!.severity).toBe("info");
    expect(res.summary.warnings).toBe(2); // the two lint.agency-abbr
    expect(res.summary.overrides).toEqual([
      { rule: "dth.parts", severity: "info", reason: "Có hội nghị do cả hai chủ trì", affected: 1 },
      { rule: "dvc.ratio", severity: "info", reason: "đã đúng", affected: 0 },
    ]);
    // sorted again after the change
    expect(res.findings.map((f) => f.severity)).toEqual(["error", "error", "error", "warning", "warning", "info", "info", "info"]);
  });
  test("without a reason, an override is ignored and reported", () => {
    const d = example();
    d.overrides = { "tt.sum": { severity: "off", reason: " " } };
    const res = check(d);
    expect(rules(res.findings)).toContain("tt.sum");
    const inv = res.findings.find((f) => f.rule === "user.invalid")!;
    expect(inv.severity).toBe("error");
    expect(inv.message).toContain("thiếu lý do");
    expect(inv.path).toBe("overrides.tt.sum.reason"); // the field to fill in
    expect(res.summary.overrides).toEqual([]);
  });
  test("an unknown severity is reported", () => {
    const d = example();
    d.overrides = { "tt.sum": { severity: "bỏ qua" as never, reason: "x" } };
    expect(check(d).findings.find((f) => f.rule === "user.invalid")!.message).toContain("bỏ qua");
  });
});

describe("a report with every value blank", () => {
  const blank = normalizeReport({ template: "qcdc-2021", report: { year: 2021 } });
  const res = check(blank);
  test("no error and no warning", () => {
    expect(res.summary).toMatchObject({ errors: 0, warnings: 0 });
  });
  test("one info per indicator rule, naming every blank input; none for registers with no rows nor for the period rule", () => {
    expect(rules(res.findings, "info")).toEqual([
      "vb.sum",
      "kt.teams",
      "tt.sum",
      "dvc.parts",
      "dvc.ratio",
      "dt.resolved",
      "dt.ratio",
      "dth.part",
      "dth.parts",
      "cv.sum",
      "cbccvc.le",
      "cbccvc.ratio",
    ]);
    const vb = res.findings.find((f) => f.rule === "vb.sum")!;
    expect(vb.message).toBe(
      "Chưa đối chiếu được tổng số văn bản với tổng các phần vì còn trống tổng số văn bản, văn bản cấp ủy và văn bản chính quyền.",
    );
    const ratio = res.findings.find((f) => f.rule === "dvc.ratio")!;
    expect(ratio.message).toContain("còn trống");
    for (const f of res.findings) expect(Object.values(f.values ?? {}).every((v) => v === null)).toBe(true);
  });
  test("in English too", () => {
    const en = check(blank, { lang: "en" }).findings.find((f) => f.rule === "vb.sum")!;
    expect(en.message).toContain("blank");
  });
  test("a year outside the Covid-19 period with blank Covid figures says nothing", () => {
    const d = normalizeReport({ template: "qcdc-2021", report: { year: 2025 } });
    expect(check(d).findings.filter((f) => f.rule === "cv.period")).toEqual([]);
  });
  test("a user rule whose inputs are all blank is an info naming them", () => {
    const d = normalizeReport({ template: "qcdc-2021", rules: [{ id: "r1", expression: "kt_so_don_vi <= cbccvc_tong_don_vi" }] });
    const f = check(d).findings.find((x) => x.rule === "user.r1")!;
    expect(f.severity).toBe("info");
    expect(f.message).toContain("còn trống");
  });
});

describe("robustness", () => {
  test("odd data never crashes the check", () => {
    const d = { template: "qcdc-2021", report: {}, values: { vb_tong: { a: 1 } as never, tt_hoi_nghi: [1] as never }, registers: { van_ban: [null, 5, "x"] as never } } as ReportData;
    const res = check(d);
    expect(res.summary.errors).toBeGreaterThan(0);
    const bare = { template: "qcdc-2021" } as ReportData;
    expect(check(bare).findings.every((f) => f.severity === "info")).toBe(true);
  });
  test("an unknown template throws an InputError", () => {
    expect(() => check({ template: "nope" } as ReportData)).toThrow(/nope/);
  });
  test("the example file read by parseReportJson", () => {
    const text = fs.readFileSync(path.join(__dirname, "../../examples/son-la-skhcn-2021.json"), "utf8");
    expect(check(parseReportJson(text)).summary).toMatchObject({ errors: 3, warnings: 3, infos: 2 });
  });
});
