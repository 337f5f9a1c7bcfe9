import { check } from "../../src/core/engine";
import { parseExpression, evaluate } from "../../src/core/expr";
import type { UserRule } from "../../src/core/types";
import { clean, example } from "./helpers";

const withRules = (rules: UserRule[], patch: Record<string, unknown> = {}) => {
  const d = clean();
  Object.assign(d.values, patch);
  d.rules = rules;
  return check(d);
};

describe("expression parser", () => {
  const known = (c: string) => ["a", "b", "p"].includes(c);
  const kindOf = (c: string) => (c === "p" ? "numberOrText" : "number") as "number" | "numberOrText";
  const run = (src: string, vals: Record<string, number | string | null>) => {
    const p = parseExpression(src, known, kindOf);
    if (!p.ok) throw new Error(p.error.key);
    return evaluate(p.expr, p.codes, (c) => vals[c] ?? null);
  };
  test.each([
    ["a <= b", { a: 1, b: 2 }, true],
    ["a <= b", { a: 3, b: 2 }, false],
    ["a + b = 10", { a: 4, b: 6 }, true],
    ["a * 2 > b / 2", { a: 2, b: 6 }, true],
    ["(a + b) * 2 = 20", { a: 4, b: 6 }, true],
    ["a + b * 2 = 16", { a: 4, b: 6 }, true],
    ["-a < 0", { a: 1 }, true],
    ["a <> b", { a: 1, b: 1 }, false],
    ["a != b", { a: 1, b: 2 }, true],
    ["a == 1 and b = 2", { a: 1, b: 2 }, true],
    ["a = 1 AND b = 3", { a: 1, b: 2 }, false],
    ["a = 5 or b = 2", { a: 1, b: 2 }, true],
    ["not a > b", { a: 1, b: 2 }, true],
    ["a = 1 và not (b = 3)", { a: 1, b: 2 }, true],
    ["a ≤ b", { a: 2, b: 2 }, true],
    ["p = \"Không có\"", { p: "Không có" }, true],
    ["p = Không có or p >= 90", { p: 95 }, true],
    ["p >= 88,9", { p: 88.9 }, true],
    ["p >= 90%", { p: 88.9 }, false],
    ["0.1 + 0.2 = 0.3", {}, true],
  ] as [string, Record<string, number | string>, boolean][])("%s with %j → %p", (src, vals, expected) => {
    expect(run(src, vals)).toEqual({ status: "ok", value: expected });
  });
  test("blank inputs and not-applicable values", () => {
    expect(run("a <= b", { a: 1 })).toEqual({ status: "blank", codes: ["b"] });
    expect(run("a / b > 1", { a: 1, b: 0 })).toMatchObject({ status: "na", reason: { key: "expr.divZero" } });
    expect(run("p >= 90", { p: "Không có" })).toMatchObject({ status: "na", reason: { key: "expr.notNumber" } });
  });
  test.each([
    ["", "expr.empty"],
    ["a <=", "expr.end"],
    ["a <= (b", "expr.paren"],
    ["a + b", "expr.notCondition"],
    ["a <= c", "expr.unknownCode"],
    ["constructor = 1", "expr.unknownCode"],
    ["a < b < 3", "expr.unexpected"],
    ["a and b", "expr.needCondition"],
    ["(a < b) + 1 > 0", "expr.needNumber"],
    ["\"x\" < a", "expr.needNumber"],
    ["a <= b)", "expr.unexpected"],
    ["a <= b; process.exit()", "expr.unexpected"],
    ["a = \"Không có", "expr.string"],
    ["a <= `b`", "expr.unexpected"],
  ])("%j cannot be read (%s)", (src, key) => {
    const p = parseExpression(src, known, kindOf);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.error.key).toBe(key);
  });
});

describe("user rules in a check", () => {
  const rule: UserRule = { id: "don-vi-kiem-tra", expression: "kt_so_don_vi <= cbccvc_tong_don_vi", severity: "warning", message: "Số đơn vị được kiểm tra vượt số đơn vị trực thuộc" };
  test("a rule that holds yields nothing", () => {
    expect(withRules([rule]).findings).toEqual([]);
  });
  test("a failing rule: user.<id> at the user's severity, with the user's message and the figures", () => {
    const res = withRules([rule], { kt_so_don_vi: 6 });
    const f = res.findings.find((x) => x.rule === "user.don-vi-kiem-tra")!;
    expect(f.severity).toBe("warning");
    expect(f.message).toBe("Số đơn vị được kiểm tra vượt số đơn vị trực thuộc (kt_so_don_vi = 06; cbccvc_tong_don_vi = 04)");
    expect(f.indicators).toEqual(["kt_so_don_vi", "cbccvc_tong_don_vi"]);
    expect(f.values).toEqual({ kt_so_don_vi: 6, cbccvc_tong_don_vi: 4 });
    expect(res.summary.warnings).toBe(1);
  });
  test("without a message, the expression is quoted; English too", () => {
    const r = { ...rule, message: undefined, severity: "error" as const };
    const d = clean();
    d.values.kt_so_don_vi = 6;
    d.rules = [r];
    const vi = check(d).findings.find((x) => x.rule === "user.don-vi-kiem-tra")!;
    expect(vi.severity).toBe("error");
    expect(vi.message).toContain("không thỏa: kt_so_don_vi <= cbccvc_tong_don_vi");
    const en = check(d, { lang: "en" }).findings.find((x) => x.rule === "user.don-vi-kiem-tra")!;
    expect(en.message).toContain("does not hold");
  });
  test("a blank input: info", () => {
    const res = withRules([rule], { cbccvc_tong_don_vi: null, cbccvc_da_to_chuc: null, cbccvc_ty_le: null });
    const f = res.findings.find((x) => x.rule === "user.don-vi-kiem-tra")!;
    expect(f.severity).toBe("info");
    expect(f.message).toContain("còn trống");
    expect(f.indicators[0]).toBe("cbccvc_tong_don_vi");
  });
  test("percents in percent units and \"Không có\" as text", () => {
    const rs: UserRule[] = [
      { id: "ty-le", expression: "cbccvc_ty_le >= 90", severity: "info" },
      { id: "don-thu", expression: "dt_ty_le = \"Không có\" or dt_ty_le >= 80", severity: "warning" },
    ];
    expect(withRules(rs).findings).toEqual([]);
    expect(withRules(rs, { cbccvc_ty_le: "88,9%", cbccvc_da_to_chuc: 8, cbccvc_tong_don_vi: 9 }).findings.map((f) => f.rule)).toEqual(["user.ty-le"]);
  });
  test("an unreadable rule is user.invalid (error) and the rest still run", () => {
    const res = withRules(
      [
        { id: "hong", expression: "kt_so_don_vi <= ", severity: "warning" },
        { id: "ma-sai", expression: "kt_so_don_vi <= tong_so_xyz", severity: "warning" },
        { id: "muc-do", expression: "kt_so_don_vi >= 0", severity: "nghiêm trọng" as never },
        { id: "hong", expression: "kt_so_don_vi >= 0", severity: "info" },
        { id: "", expression: "kt_so_don_vi >= 0", severity: "info" },
        { ...rule },
      ],
      { kt_so_don_vi: 6 },
    );
    const inv = res.findings.filter((f) => f.rule === "user.invalid");
    expect(inv.map((f) => f.path)).toEqual(["rules[0].expression", "rules[1].expression", "rules[2].severity", "rules[3].id", "rules[4].id"]);
    expect(inv.every((f) => f.severity === "error")).toBe(true);
    expect(inv[1].message).toContain("tong_so_xyz");
    expect(res.findings.some((f) => f.rule === "user.don-vi-kiem-tra")).toBe(true);
  });
  test("user rules can be overridden like built-in ones", () => {
    const d = example();
    d.rules = [{ id: "r1", expression: "dth_tong >= dth_chinh_quyen", severity: "error" }];
    expect(check(d).findings.some((f) => f.rule === "user.r1")).toBe(true);
    d.overrides = { "user.r1": { severity: "off", reason: "tạm tắt" } };
    expect(check(d).findings.some((f) => f.rule === "user.r1")).toBe(false);
  });
});
