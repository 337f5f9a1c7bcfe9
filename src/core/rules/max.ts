/**
 * `max`: each of `codes` is at most the constant `max` (a legal maximum, e.g. the 14 groups
 * of matters Article 11 of the Law lists). One finding per figure over the maximum; with a
 * figure blank or unreadable, an info naming it.
 */
import type { RuleDef, Finding } from "../types";
import type { Ctx, RuleModule } from "./context";

type MaxRule = Extract<RuleDef, { kind: "max" }>;

const TOL = 1e-9;

export const maxRule: RuleModule<MaxRule> = {
  kind: "max",
  run(rule: MaxRule, ctx: Ctx): Finding[] {
    const g = ctx.gather(rule.codes);
    const out: Finding[] = [];
    for (const c of rule.codes) {
      const n = g.nums.get(c);
      if (n === undefined || n <= rule.max + TOL) continue;
      const params = { label: ctx.label(c), labelLower: ctx.lower(c), value: ctx.shown(c), max: ctx.fmtNum(c, rule.max) };
      out.push(
        ctx.finding(rule, rule.severity, ctx.msg("max.fail", params, rule.id), [c], ctx.fix(rule, c, rule.max, params.max, [c], ctx.msg("max.suggestion", params, rule.id))),
      );
    }
    if (out.length) return out;
    const invalid = g.na.length ? g.invalid.concat(g.na) : g.invalid;
    if (!g.blank.length && !invalid.length) return [];
    const first = g.blank.length ? g.blank[0] : invalid[0];
    const indicators = [first];
    for (const c of rule.codes) if (c !== first) indicators.push(c);
    const labelsLower = ctx.join(rule.codes.map((c) => ctx.lower(c)));
    return [ctx.finding(rule, "info", ctx.msg("max.missing", { labelsLower, max: ctx.fmtNum(rule.codes[0], rule.max), missing: ctx.missingText({ blank: g.blank, invalid }) }, rule.id), indicators, { suggestion: ctx.missingSuggestion({ blank: g.blank, invalid }) })];
  },
};
