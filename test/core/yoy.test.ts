import { check } from "../../src/core/engine";
import { compareYears, MIN_UNCHANGED } from "../../src/core/rules/yoy";
import { getTemplate } from "../../src/core/templates/index";
import type { Finding, ReportData, TemplateDef } from "../../src/core/types";
import { clean } from "./helpers";

const t = getTemplate("qcdc-2021")!;

/** The clean example with last year's figures: equal to this year's, then `prev` on top. */
function withPrevious(prev: Record<string, unknown>): ReportData {
  const d = clean();
  d.previous = { ...(d.values as Record<string, never>), ...(prev as Record<string, never>) };
  // Not a copied sheet: one figure differs a little (below every threshold).
  if (!("vb_tong" in prev)) d.previous.vb_tong = 7;
  if (!("vb_chinh_quyen" in prev)) d.previous.vb_chinh_quyen = 4;
  return d;
}

const yoy = (fs: Finding[]) => fs.filter((f) => f.rule.startsWith("yoy."));

describe("yoy.swing: a large change on last year", () => {
  test("a tenfold jump is a warning naming both years' figures and the change", () => {
    const d = withPrevious({ tt_hoi_nghi: 4, tt_long_ghep: 4 });
    d.values.tt_hoi_nghi = 40;
    d.values.tt_long_ghep = 40;
    const got = yoy(check(d).findings);
    expect(got.map((f) => [f.rule, f.severity, f.indicators[0]])).toEqual([
      ["yoy.swing", "warning", "tt_hoi_nghi"],
      ["yoy.swing", "warning", "tt_long_ghep"],
    ]);
    expect(got[0].message).toBe("Số hội nghị, tập huấn tăng từ 04 (năm 2020) lên 40 cuộc (năm 2021), gấp 10 lần.");
    expect(got[0].values).toEqual({ tt_hoi_nghi: 40, "previous.tt_hoi_nghi": 4 });
    expect(got[0].path).toBe("values.tt_hoi_nghi");
    expect(got[0].suggestion).toMatch(/50% và từ 3 cuộc/);
  });

  test("a fall is named with its share", () => {
    const d = withPrevious({ cbccvc_tong_don_vi: 10, cbccvc_da_to_chuc: 10 });
    const got = yoy(check(d).findings);
    expect(got.map((f) => f.indicators[0])).toEqual(["cbccvc_da_to_chuc", "cbccvc_tong_don_vi"]);
    expect(got[0].message).toBe("Số đơn vị đã tổ chức hội nghị giảm từ 10 (năm 2020) xuống 04 đơn vị (năm 2021), giảm 60%.");
  });

  test("small changes are no swing: below the relative or below the absolute threshold", () => {
    // 2 → 4 is +100 % but a change of only 2 (< 3): no swing.
    const d = withPrevious({});
    d.values.kt_so_doan = 4;
    d.values.kt_so_don_vi = 4;
    d.previous!.kt_so_doan = 2;
    d.previous!.kt_so_don_vi = 2;
    expect(yoy(check(d).findings)).toEqual([]);
    // 100 → 140 is 40 but only 40 %: no swing either.
    expect(compareYears(t, { cv_tong: 140 }, { cv_tong: 100 })).toEqual([]);
    expect(compareYears(t, { cv_tong: 150 }, { cv_tong: 100 }).map((f) => f.rule)).toEqual(["yoy.swing"]);
  });

  test("thresholds per template and per indicator", () => {
    const u: TemplateDef = { ...t, yoy: { absolute: 5 } };
    expect(compareYears(t, { kt_so_doan: 5 }, { kt_so_doan: 1 }).length).toBe(1);
    expect(compareYears(u, { kt_so_doan: 5 }, { kt_so_doan: 1 }).length).toBe(0);
    const v: TemplateDef = { ...t, indicators: t.indicators.map((i) => (i.code === "kt_so_doan" ? { ...i, yoy: { relative: 500 } } : i)) };
    expect(compareYears(v, { kt_so_doan: 5, kt_so_don_vi: 5 }, { kt_so_doan: 1, kt_so_don_vi: 1 }).map((f) => f.indicators[0])).toEqual(["kt_so_don_vi"]);
  });

  test("blanks on either side are no swing; 0 → N is a swing from the absolute threshold", () => {
    expect(compareYears(t, { vb_tong: 40 }, { vb_tong: null })).toEqual([]);
    expect(compareYears(t, { vb_tong: null }, { vb_tong: 40 })).toEqual([]);
    expect(compareYears(t, { vb_tong: "x" }, { vb_tong: 40 })).toEqual([]);
    expect(compareYears(t, { vb_tong: 2 }, { vb_tong: 0 })).toEqual([]);
    const z = compareYears(t, { vb_tong: 3 }, { vb_tong: 0 }, { year: 2021 });
    expect(z.map((f) => f.rule)).toEqual(["yoy.swing"]);
    expect(z[0].message).toBe("Tổng số văn bản tăng từ 0 (năm 2020) lên 03 văn bản (năm 2021), năm trước không có.");
    expect(compareYears(t, { vb_tong: 0 }, { vb_tong: 3 }).map((f) => f.rule)).toEqual(["yoy.swing"]);
  });

  test("a rate moves in percentage points", () => {
    const got = compareYears(t, { cbccvc_ty_le: "100%" }, { cbccvc_ty_le: "40%" }, { year: 2021 });
    expect(got.map((f) => f.rule)).toEqual(["yoy.swing"]);
    expect(got[0].message).toBe("Tỷ lệ đơn vị đã tổ chức hội nghị tăng từ 40% (năm 2020) lên 100% (năm 2021), tăng 60 điểm phần trăm.");
    // 4 points of a 6 % base is +67 % and ≥ 3 points: a swing; 2 points is not.
    expect(compareYears(t, { dt_ty_le: "10%" }, { dt_ty_le: "6%" }).length).toBe(1);
    expect(compareYears(t, { dt_ty_le: "8%" }, { dt_ty_le: "6%" }).length).toBe(0);
  });

  test("per unit, with the unit named and the paths under it (for consolidation)", () => {
    const got = compareYears(t, { vb_tong: 40 }, { vb_tong: 4 }, { unit: "Xã Tân Lập", pathPrefix: "units[2].", year: 2026, lang: "vi" });
    expect(got[0].message).toBe("Xã Tân Lập: tổng số văn bản tăng từ 04 (năm 2025) lên 40 văn bản (năm 2026), gấp 10 lần.");
    expect(got[0].path).toBe("units[2].values.vb_tong");
    const en = compareYears(t, { vb_tong: 4 }, { vb_tong: 40 }, { lang: "en" });
    expect(en[0].message).toBe((t.indicators[0].short ?? t.indicators[0].label).en + " fell from 40 (the year before) to 04 " + t.indicators[0].unit.en + " (this year), down 90%.");
  });
});

describe("yoy.unchanged: a sheet copied from last year", () => {
  test("every filled figure equal to last year's is one info", () => {
    const d = clean();
    d.previous = { ...(d.values as Record<string, never>) };
    const got = yoy(check(d).findings);
    expect(got.map((f) => [f.rule, f.severity])).toEqual([["yoy.unchanged", "info"]]);
    expect(got[0].message).toMatch(/^Tất cả \d+ số liệu đã nhập năm 2021 đều trùng với năm 2020/);
    // Written the other way ("08" against 8) is still the same figure.
    d.previous.vb_tong = 8;
    expect(yoy(check(d).findings).map((f) => f.rule)).toEqual(["yoy.unchanged"]);
  });

  test("one figure differing, or too few figures filled, is not a copy", () => {
    const d = clean();
    d.previous = { ...(d.values as Record<string, never>), vb_tong: 9 };
    expect(yoy(check(d).findings)).toEqual([]);
    const few: Record<string, number> = { vb_tong: 8, vb_cap_uy: 3, vb_chinh_quyen: 5, kt_so_doan: 1 };
    expect(Object.keys(few).length).toBeLessThan(MIN_UNCHANGED);
    expect(compareYears(t, few, few)).toEqual([]);
    const zeros = { vb_tong: 0, vb_cap_uy: 0, vb_chinh_quyen: 0, kt_so_doan: 0, kt_so_don_vi: 0, tt_hoi_nghi: 0 };
    expect(compareYears(t, zeros, zeros)).toEqual([]);
  });

  test("no previous values: no yoy finding at all", () => {
    expect(yoy(check(clean()).findings)).toEqual([]);
  });

  test("an override switches a yoy rule off like any other", () => {
    const d = clean();
    d.previous = { ...(d.values as Record<string, never>) };
    d.overrides = { "yoy.unchanged": { severity: "off", reason: "Số liệu thực tế không đổi" } };
    const r = check(d);
    expect(yoy(r.findings)).toEqual([]);
    expect(r.summary.overrides[0].affected).toBe(1);
  });
});
