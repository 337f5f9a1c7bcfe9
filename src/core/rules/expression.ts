/**
 * `expression`: a template's rule written as a condition over indicator codes, in the
 * language of a user's own rules (expr.ts, never eval). Fails at the rule's severity, with
 * its message when it has one; a blank input gives an info, as for a user's rule. The
 * template check refuses an expression that does not parse, so one never reaches here.
 */
import type { Finding, RuleDef } from "../types";
import type { Ctx, RuleModule } from "./context";
import { evaluateCondition, parseCached } from "./user";

type ExpressionRule = Extract<RuleDef, { kind: "expression" }>;

export const expressionRule: RuleModule<ExpressionRule> = {
  kind: "expression",
  run(rule: ExpressionRule, ctx: Ctx): Finding[] {
    const p = parseCached(ctx, rule.expression);
    if (!p.ok) return [];
    const message = rule.message ? (ctx.lang === "en" && rule.message.en ? rule.message.en : rule.message.vi) : "";
    return evaluateCondition(ctx, rule.id, rule.id, rule.expression, p, rule.severity, message, "values");
  },
};
