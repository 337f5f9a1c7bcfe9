/**
 * `min-per`: `total` ≥ `min` × `per` (e.g. a people's inspection board has at least 5
 * members: members ≥ 5 × boards). With either figure blank or unreadable, an info.
 */
import type { RuleDef, Finding } from "../types";
import type { Ctx, RuleModule } from "./context";

type MinPerRule = Extract<RuleDef, { kind: "min-per" }>;

const TOL = 1e-9;

export const minPerRule: RuleModule<MinPerRule> = {
  kind: "min-per",
  run(rule: MinPerRule, ctx: Ctx): Finding[] {
    const codes = ctx.codesOf(rule);
    const g = ctx.gather(codes);
    const total = g.nums.get(rule.total);
    const per = g.nums.get(rule.per);
    if (total === undefined || per === undefined) {
      const invalid = g.na.length ? g.invalid.concat(g.na) : g.invalid;
      const first = g.blank.length ? g.blank[0] : invalid[0];
      const indicators = [first];
      for (const c of codes) if (c !== first) indicators.push(c);
      const p = { totalLower: ctx.lower(rule.total), perLower: ctx.lower(rule.per), missing: ctx.missingText({ blank: g.blank, invalid }) };
      return [ctx.finding(rule, "info", ctx.msg("min-per.missing", p, rule.id), indicators, { suggestion: ctx.missingSuggestion({ blank: g.blank, invalid }) })];
    }
    const need = rule.min * per;
    if (total + TOL >= need) return [];
    const params = {
      total: ctx.label(rule.total),
      totalLower: ctx.lower(rule.total),
      totalValue: ctx.shown(rule.total),
      per: ctx.label(rule.per),
      perLower: ctx.lower(rule.per),
      perValue: ctx.shown(rule.per),
      min: ctx.fmtNum(rule.total, rule.min),
      expected: ctx.fmtNum(rule.total, need),
    };
    return [
      ctx.finding(rule, rule.severity, ctx.msg("min-per.fail", params, rule.id), [rule.total, rule.per], ctx.fix(rule, rule.total, need, params.expected, codes, ctx.msg("min-per.suggestion", params, rule.id))),
    ];
  },
};
