/** `sum`: total = sum of the parts (exact; counts and money are whole numbers). */
import type { RuleDef, Finding } from "../types";
import type { Ctx, RuleModule } from "./context";

type SumRule = Extract<RuleDef, { kind: "sum" }>;

export const sumRule: RuleModule<SumRule> = {
  kind: "sum",
  run(rule: SumRule, ctx: Ctx): Finding[] {
    const codes = ctx.codesOf(rule);
    // Every input blank: still an info naming what is missing (spec: a rule with blank inputs says so).
    const g = ctx.gather(codes);
    if (g.blank.length || g.invalid.length || g.na.length) {
      const invalid = g.na.length ? g.invalid.concat(g.na) : g.invalid;
      const first = g.blank.length ? g.blank[0] : invalid[0];
      const indicators = [first];
      for (const c of codes) if (c !== first) indicators.push(c);
      const params = { total: ctx.label(rule.total), totalLower: ctx.lower(rule.total), missing: ctx.missingText({ blank: g.blank, invalid }) };
      return [ctx.finding(rule, "info", ctx.msg("sum.missing", params, rule.id), indicators, { suggestion: ctx.missingSuggestion({ blank: g.blank, invalid }) })];
    }
    const total = g.nums.get(rule.total)!;
    let sum = 0;
    for (const p of rule.parts) sum += g.nums.get(p)!;
    if (Math.abs(total - sum) <= 1e-9 * Math.max(1, Math.abs(sum))) return [];
    let partsExpr = "";
    for (let i = 0; i < rule.parts.length; i++) partsExpr += (i ? " + " : "") + ctx.lower(rule.parts[i]) + " " + ctx.shown(rule.parts[i]);
    const params = {
      total: ctx.label(rule.total),
      totalLower: ctx.lower(rule.total),
      totalValue: ctx.shown(rule.total),
      partsExpr,
      sum: ctx.fmtNum(rule.total, sum),
    };
    // The total set to the sum fixes this rule; `expected` only when it breaks no other rule on the total.
    const fix = ctx.fix(rule, rule.total, sum, params.sum, codes, ctx.msg("sum.suggestion", params, rule.id));
    return [ctx.finding(rule, rule.severity, ctx.msg("sum.fail", params, rule.id), codes.slice(), fix)];
  },
};
