/**
 * `expression`: a template's rule written as a condition over indicator codes, in the
 * language of the user rules (src/core/expr.ts, a parser: never eval). Fails → the rule's
 * id at its severity; a blank input → info; a rule that cannot be read → an error naming it.
 */
import type { Finding, RuleDef } from "../types";
import type { Ctx, RuleModule } from "./context";
import { parseExpression, evaluate, type ParseResult } from "../expr";
import { tr } from "../i18n";
import { upperFirst } from "../vn";

type ExpressionRule = Extract<RuleDef, { kind: "expression" }>;

const cache = new WeakMap<ExpressionRule, ParseResult>();

export const expressionRule: RuleModule<ExpressionRule> = {
  kind: "expression",
  run(rule: ExpressionRule, ctx: Ctx): Finding[] {
    let p = cache.get(rule);
    if (!p) {
      p = parseExpression(
        rule.expression,
        (c) => ctx.ix.ind.has(c),
        (c) => (ctx.ix.ind.get(c)?.kind === "percent" ? "numberOrText" : "number"),
      );
      cache.set(rule, p);
    }
    const lang = ctx.lang;
    if (!p.ok) {
      return [ctx.finding(rule, "error", upperFirst(tr(lang, "user.parse", { id: rule.id, error: tr(lang, p.error.key, p.error.params) })), [], { path: "rules" })];
    }
    const look = (c: string): number | string | null => {
      const r = ctx.reading(c);
      return r.status === "number" ? r.value : r.status === "na" ? "Không có" : null;
    };
    const valuesText = p.codes.map((c) => c + " = " + ctx.shown(c)).join("; ");
    const res = evaluate(p.expr, p.codes, look);
    if (res.status === "ok") {
      if (res.value) return [];
      const own = rule.message ? rule.message[lang] || rule.message.vi : "";
      const text = own ? tr(lang, "user.failMessage", { message: own, values: valuesText }) : tr(lang, "user.fail", { id: rule.id, expression: rule.expression, values: valuesText });
      return [ctx.finding(rule, rule.severity, upperFirst(text), p.codes)];
    }
    if (res.status === "blank") {
      const blank = res.codes.filter((c) => ctx.reading(c).status === "blank");
      const inv = res.codes.filter((c) => ctx.reading(c).status === "invalid");
      const order = [...res.codes, ...p.codes.filter((c) => !res.codes.includes(c))];
      return [ctx.finding(rule, "info", upperFirst(tr(lang, "user.missing", { id: rule.id, missing: ctx.missingText({ blank, invalid: inv }) })), order)];
    }
    return [ctx.finding(rule, "info", upperFirst(tr(lang, "user.na", { id: rule.id, reason: tr(lang, res.reason.key, res.reason.params), values: valuesText })), p.codes)];
  },
};
