import { getTemplate } from "../../src/core/templates/index";
import { aggregationOf, partsExhaustive, partsOf, yoyThreshold, groupApplies } from "../../src/core/template-info";
import type { TemplateDef } from "../../src/core/types";

const t = getTemplate("qcdc-2021")!;

describe("what a template says of an indicator, with the defaults", () => {
  test("counts and money are summed, a ratio is recomputed, an unknown code is not combined", () => {
    expect(aggregationOf(t, "vb_tong")).toBe("sum");
    expect(aggregationOf(t, "cv_tong")).toBe("sum");
    expect(aggregationOf(t, "dt_ty_le")).toBe("ratio");
    expect(aggregationOf(t, "no_such_code")).toBe("none");
  });
  test("a percent with no ratio rule is not combined; the template's own word wins", () => {
    const u: TemplateDef = JSON.parse(JSON.stringify(t));
    u.rules = u.rules.filter((r) => r.id !== "dt.ratio");
    expect(aggregationOf(u, "dt_ty_le")).toBe("none");
    u.indicators.find((i) => i.code === "vb_tong")!.aggregation = "none";
    expect(aggregationOf(u, "vb_tong")).toBe("none");
  });
  test("parts covered by a sum rule are exhaustive; parts only bounded by the total overlap", () => {
    expect(partsOf(t, "tt_hoi_nghi")).toEqual(["tt_rieng", "tt_long_ghep"]);
    expect(partsExhaustive(t, "tt_hoi_nghi")).toBe(true);
    expect(partsExhaustive(t, "dth_tong")).toBe(false);
  });
  test("year-on-year thresholds: indicator, then template, then ±50 % and 3", () => {
    expect(yoyThreshold(t, "vb_tong")).toEqual({ relative: 50, absolute: 3 });
    const u: TemplateDef = { ...t, yoy: { absolute: 5 }, indicators: t.indicators.map((i) => (i.code === "vb_tong" ? { ...i, yoy: { relative: 100 } } : i)) };
    expect(yoyThreshold(u, "vb_tong")).toEqual({ relative: 100, absolute: 5 });
    expect(yoyThreshold(u, "tt_rieng")).toEqual({ relative: 50, absolute: 5 });
  });
  test("a group applies at the levels it names, at every level when it names none", () => {
    const u: TemplateDef = { ...t, groups: t.groups.map((g) => (g.id === 8 ? { ...g, levels: ["tinh"] } : g)) };
    expect(groupApplies(u, 8, "xa")).toBe(false);
    expect(groupApplies(u, 8, "tinh")).toBe(true);
    expect(groupApplies(u, 1, "xa")).toBe(true);
  });
});
