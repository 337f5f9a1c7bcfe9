/** `period`: figures reported for a year outside [fromYear, toYear] (uses report.year). */
import type { RuleDef, Finding } from "../types";
import type { Ctx, RuleModule } from "./context";

type PeriodRule = Extract<RuleDef, { kind: "period" }>;

export const periodRule: RuleModule<PeriodRule> = {
  kind: "period",
  run(rule: PeriodRule, ctx: Ctx): Finding[] {
    const year = ctx.data.report ? ctx.data.report.year : undefined;
    if (typeof year !== "number" || !isFinite(year)) return [];
    if (year >= rule.fromYear && year <= rule.toYear) return [];
    const given = rule.indicators.filter((c) => {
      const n = ctx.num(c);
      return n !== undefined && n !== 0;
    });
    if (!given.length) return [];
    const values = given.map((c) => ctx.lower(c) + " " + ctx.shown(c)).join(", ");
    return [
      ctx.finding(rule, rule.severity, ctx.msg("period.info", { year, from: rule.fromYear, to: rule.toYear, values }, rule.id), given),
    ];
  },
};
