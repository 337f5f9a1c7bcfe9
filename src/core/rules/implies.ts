/** `implies`: for each clause, when `if` holds, `then` must hold (kt.teams: teams exactly when units). */
import type { RuleDef, Finding, Condition } from "../types";
import type { Ctx, RuleModule } from "./context";
import { tr } from "../i18n";

type ImpliesRule = Extract<RuleDef, { kind: "implies" }>;

function test(n: number, c: Condition): boolean {
  const tol = 1e-9;
  switch (c.op) {
    case ">":
      return n > c.value + tol;
    case ">=":
      return n >= c.value - tol;
    case "=":
      return Math.abs(n - c.value) <= tol;
    case "<":
      return n < c.value - tol;
    case "<=":
      return n <= c.value + tol;
    case "!=":
      return Math.abs(n - c.value) > tol;
  }
  return false;
}

export const impliesRule: RuleModule<ImpliesRule> = {
  kind: "implies",
  run(rule: ImpliesRule, ctx: Ctx): Finding[] {
    const codes = ctx.codesOf(rule);
    const g = ctx.gather(codes);
    // Every input blank: still an info naming what is missing (spec: a rule with blank inputs says so).
    const out: Finding[] = [];
    const missing = new Set<string>();
    for (const cl of rule.clauses) {
      const a = g.nums.get(cl.if.code);
      if (a === undefined) {
        missing.add(cl.if.code);
        continue;
      }
      if (!test(a, cl.if)) continue;
      const b = g.nums.get(cl.then.code);
      if (b === undefined) {
        missing.add(cl.then.code);
        continue;
      }
      if (test(b, cl.then)) continue;
      const params = {
        ifLabel: ctx.label(cl.if.code),
        ifLower: ctx.lower(cl.if.code),
        ifValue: ctx.shown(cl.if.code),
        thenLower: ctx.lower(cl.then.code),
        thenValue: ctx.shown(cl.then.code),
        thenOp: tr(ctx.lang, "op." + cl.then.op),
        thenBound: ctx.fmtNum(cl.then.code, cl.then.value),
      };
      // Either figure may be the wrong one: no single `expected`, both named.
      out.push(ctx.finding(rule, rule.severity, ctx.msg("implies.fail", params, rule.id), [cl.then.code, cl.if.code], { suggestion: ctx.msg("implies.suggestion", params, rule.id) }));
    }
    if (out.length || missing.size === 0) return out;
    const m = { blank: g.blank.filter((c) => missing.has(c)), invalid: [...g.invalid, ...g.na].filter((c) => missing.has(c)) };
    const first = [...m.blank, ...m.invalid][0];
    return [
      ctx.finding(
        rule,
        "info",
        ctx.msg("implies.missing", { labels: codes.map((c) => ctx.label(c)).join(", "), labelsLower: ctx.join(codes.map((c) => ctx.lower(c))), missing: ctx.missingText(m) }, rule.id),
        [first, ...codes.filter((c) => c !== first)],
        { suggestion: ctx.missingSuggestion(m) },
      ),
    ];
  },
};
