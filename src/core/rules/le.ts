/**
 * `le`: the sum of `left` ≤ `right`; with `each`, every left figure alone ≤ `right`
 * (one finding naming every part that exceeds the total).
 * No closures in the hot path: V8 keeps the optimised code of a closure created per call
 * only while one is alive, so closures were compiled again after each garbage collection.
 */
import type { RuleDef, Finding } from "../types";
import type { Ctx, RuleModule } from "./context";
import { tr } from "../i18n";

type LeRule = Extract<RuleDef, { kind: "le" }>;

const TOL = 1e-9;

/** Message parameters, built only when a finding is made. */
function params(rule: LeRule, ctx: Ctx): Record<string, string> {
  let leftExprPlain = "";
  for (let i = 0; i < rule.left.length; i++) leftExprPlain += (i ? " + " : "") + ctx.lower(rule.left[i]);
  return {
    left: rule.left.length === 1 ? ctx.label(rule.left[0]) : leftExprPlain,
    leftLower: rule.left.length === 1 ? ctx.lower(rule.left[0]) : leftExprPlain,
    right: ctx.label(rule.right),
    rightLower: ctx.lower(rule.right),
    rightValue: ctx.shown(rule.right),
  };
}

/**
 * The figures that must move with the total when it is raised: the parts of the other sums
 * of the same total, and the ratios over it ("; khi đó sửa cả số cuộc trực tiếp (01) … cho khớp").
 */
function alsoText(rule: LeRule, ctx: Ctx): string {
  const codes: string[] = [];
  for (const r of ctx.t.rules) {
    if (r.kind === "sum" && r.total === rule.right) for (const c of r.parts) codes.push(c);
    else if (r.kind === "ratio" && r.denominator === rule.right) codes.push(r.ratio);
  }
  const others = codes.filter((c, i) => codes.indexOf(c) === i && c !== rule.right && !rule.left.includes(c));
  return others.length ? tr(ctx.lang, "le.also", { figures: ctx.figuresText(others) }, rule.id) : "";
}

function info(rule: LeRule, ctx: Ctx, codes: string[], blank: string[], invalid: string[]): Finding {
  const first = blank.length ? blank[0] : invalid[0];
  const p = params(rule, ctx);
  p.missing = ctx.missingText({ blank, invalid });
  const indicators = [first];
  for (const c of codes) if (c !== first) indicators.push(c);
  return ctx.finding(rule, "info", ctx.msg("le.missing", p, rule.id), indicators, { suggestion: ctx.missingSuggestion({ blank, invalid }) });
}

export const leRule: RuleModule<LeRule> = {
  kind: "le",
  run(rule: LeRule, ctx: Ctx): Finding[] {
    const codes = ctx.codesOf(rule);
    // Every input blank: still an info naming what is missing (spec: a rule with blank inputs says so).
    const g = ctx.gather(codes);
    const bad = g.na.length ? g.invalid.concat(g.na) : g.invalid;
    const right = g.nums.get(rule.right);
    if (right === undefined) return [info(rule, ctx, codes, g.blank, bad)];
    if (rule.each) {
      const over: string[] = [];
      for (const c of rule.left) {
        const n = g.nums.get(c);
        if (n !== undefined && n > right + TOL) over.push(c);
      }
      if (over.length) {
        const base = params(rule, ctx);
        const items: string[] = [];
        for (const c of over) items.push(ctx.label(c) + " (" + ctx.shown(c) + ")");
        const full: Record<string, string> = { ...base, items: ctx.join(items) };
        const indicators = over.concat(rule.right);
        for (const c of rule.left) if (!over.includes(c)) indicators.push(c);
        let most = 0;
        for (const c of over) most = Math.max(most, g.nums.get(c)!);
        const sp: Record<string, string> = { ...base, overFigures: ctx.figuresText(over), most: ctx.fmtNum(rule.right, most), also: alsoText(rule, ctx) };
        // No single `expected`: the parts over the total go down, or the total goes up (and what sums to it with it).
        return [ctx.finding(rule, rule.severity, ctx.msg("le.each.fail", full, rule.id), indicators, { suggestion: ctx.msg("le.each.suggestion", sp, rule.id) })];
      }
      if (g.blank.length || bad.length) return [info(rule, ctx, codes, g.blank, bad)];
      return [];
    }
    if (g.blank.length || bad.length) return [info(rule, ctx, codes, g.blank, bad)];
    let sum = 0;
    for (const c of rule.left) sum += g.nums.get(c)!;
    if (sum <= right + TOL) return [];
    const base = params(rule, ctx);
    let leftExpr = "";
    for (let i = 0; i < rule.left.length; i++) leftExpr += (i ? " + " : "") + ctx.lower(rule.left[i]) + " " + ctx.shown(rule.left[i]);
    const full: Record<string, string> = { ...base, leftValue: ctx.shown(rule.left[0]), leftExpr, sum: ctx.fmtNum(rule.right, sum) };
    const one = rule.left.length === 1;
    const key = one ? "le.fail.one" : "le.fail";
    const sp: Record<string, string> = { ...full, leftFigures: ctx.figuresText(rule.left.filter((c) => g.nums.get(c)! > 0)), also: alsoText(rule, ctx) };
    // No single `expected`: the left side goes down or the right side up.
    return [ctx.finding(rule, rule.severity, ctx.msg(key, full, rule.id), [rule.right, ...rule.left], { suggestion: ctx.msg(one ? "le.suggestion.one" : "le.suggestion", sp, rule.id) })];
  },
};
