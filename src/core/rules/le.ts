/**
 * `le`: the sum of `left` ≤ `right`; with `each`, every left figure alone ≤ `right`
 * (one finding naming every part that exceeds the total).
 */
import type { RuleDef, Finding } from "../types";
import type { Ctx, RuleModule } from "./context";

type LeRule = Extract<RuleDef, { kind: "le" }>;

export const leRule: RuleModule<LeRule> = {
  kind: "le",
  run(rule: LeRule, ctx: Ctx): Finding[] {
    const codes = [...rule.left, rule.right];
    const g = ctx.gather(codes);
    if (g.nums.size === 0 && g.invalid.length === 0 && g.na.length === 0) return [];
    // Message parameters, built only when a finding is made.
    const params = () => {
      const leftExprPlain = rule.left.map((c) => ctx.lower(c)).join(" + ");
      return {
        left: rule.left.length === 1 ? ctx.label(rule.left[0]) : leftExprPlain,
        leftLower: rule.left.length === 1 ? ctx.lower(rule.left[0]) : leftExprPlain,
        right: ctx.label(rule.right),
        rightLower: ctx.lower(rule.right),
        rightValue: ctx.shown(rule.right),
      };
    };
    const info = (missing: { blank: string[]; invalid: string[] }) => {
      const first = [...missing.blank, ...missing.invalid][0];
      return ctx.finding(rule, "info", ctx.msg("le.missing", { ...params(), missing: ctx.missingText(missing) }, rule.id), [
        first,
        ...codes.filter((c) => c !== first),
      ]);
    };
    const bad = [...g.invalid, ...g.na];
    const right = g.nums.get(rule.right);
    if (right === undefined) return [info({ blank: g.blank, invalid: bad })];
    const tol = 1e-9;
    if (rule.each) {
      const over = rule.left.filter((c) => g.nums.has(c) && g.nums.get(c)! > right + tol);
      if (over.length) {
        const base = params();
        const items = ctx.join(over.map((c) => `${ctx.label(c)} (${ctx.shown(c)})`));
        return [
          ctx.finding(rule, rule.severity, ctx.msg("le.each.fail", { ...base, items }, rule.id), [...over, rule.right, ...rule.left.filter((c) => !over.includes(c))], {
            suggestion: ctx.msg("le.suggestion", base, rule.id),
          }),
        ];
      }
      if (g.blank.length || bad.length) return [info({ blank: g.blank, invalid: bad })];
      return [];
    }
    if (g.blank.length || bad.length) return [info({ blank: g.blank, invalid: bad })];
    let sum = 0;
    for (const c of rule.left) sum += g.nums.get(c)!;
    if (sum <= right + tol) return [];
    const base = params();
    const full = {
      ...base,
      leftValue: ctx.shown(rule.left[0]),
      leftExpr: rule.left.map((c) => ctx.lower(c) + " " + ctx.shown(c)).join(" + "),
      sum: ctx.fmtNum(rule.right, sum),
    };
    const key = rule.left.length === 1 ? "le.fail.one" : "le.fail";
    return [
      ctx.finding(rule, rule.severity, ctx.msg(key, full, rule.id), [rule.right, ...rule.left], {
        suggestion: ctx.msg("le.suggestion", base, rule.id),
      }),
    ];
  },
};
