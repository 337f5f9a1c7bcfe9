/** `sum`: total = sum of the parts (exact; counts and money are whole numbers). */
import type { RuleDef, Finding } from "../types";
import type { Ctx, RuleModule } from "./context";

type SumRule = Extract<RuleDef, { kind: "sum" }>;

export const sumRule: RuleModule<SumRule> = {
  kind: "sum",
  run(rule: SumRule, ctx: Ctx): Finding[] {
    const codes = [rule.total, ...rule.parts];
    const g = ctx.gather(codes);
    if (g.nums.size === 0 && g.invalid.length === 0 && g.na.length === 0) return [];
    const missing = { blank: g.blank, invalid: [...g.invalid, ...g.na] };
    if (missing.blank.length || missing.invalid.length) {
      const first = [...missing.blank, ...missing.invalid][0];
      return [
        ctx.finding(rule, "info", ctx.msg("sum.missing", { total: ctx.label(rule.total), totalLower: ctx.lower(rule.total), missing: ctx.missingText(missing) }, rule.id), [
          first,
          ...codes.filter((c) => c !== first),
        ]),
      ];
    }
    const total = g.nums.get(rule.total)!;
    let sum = 0;
    for (const p of rule.parts) sum += g.nums.get(p)!;
    if (Math.abs(total - sum) <= 1e-9 * Math.max(1, Math.abs(sum))) return [];
    const partsExpr = rule.parts.map((p) => ctx.lower(p) + " " + ctx.shown(p)).join(" + ");
    const sumText = ctx.fmtNum(rule.total, sum);
    const params = {
      total: ctx.label(rule.total),
      totalLower: ctx.lower(rule.total),
      totalValue: ctx.shown(rule.total),
      partsExpr,
      sum: sumText,
    };
    return [
      ctx.finding(rule, rule.severity, ctx.msg("sum.fail", params, rule.id), codes, {
        expected: sum,
        suggestion: ctx.msg("sum.suggestion", params, rule.id),
      }),
    ];
  },
};
