/**
 * `ratio`: ratio = sum(numerator) / denominator × 100, within rounding (after XBRL
 * Calculations 1.1): a figure written with d decimals stands for ±0.5·10^-d around it and
 * holds when the exact value falls in that interval. A figure equal to the exact value
 * truncated rather than rounded is a `warning` naming the correctly rounded figure.
 * Denominator 0: the ratio must be "Không có" (a number there: `zeroDenominator.severity`).
 * Denominator blank with `impliedTotal`: an info giving the total the ratio implies.
 */
import type { RuleDef, Finding } from "../types";
import type { Ctx, Gathered, RuleModule } from "./context";
import { roundTo } from "../vn";

type RatioRule = Extract<RuleDef, { kind: "ratio" }>;

const EPS = 1e-9;

/** Whole totals T ≥ S with S·100/T inside [r − h, r + h]. */
export function impliedTotals(sum: number, r: number, decimals: number): { lo: number; hi: number } | undefined {
  const h = 0.5 * Math.pow(10, -decimals);
  if (r + h <= 0) return undefined;
  if (sum === 0) return r - h <= 0 ? { lo: 0, hi: Infinity } : undefined;
  const lo = Math.max(Math.ceil((sum * 100) / (r + h) - EPS), Math.ceil(sum - EPS), 1);
  const hi = r - h > 0 ? Math.floor((sum * 100) / (r - h) + EPS) : Infinity;
  return lo <= hi ? { lo, hi } : undefined;
}

/** Message parameters, built only when a finding is made. */
function params(rule: RatioRule, ctx: Ctx): Record<string, string | number> {
  let numValues = "";
  for (let i = 0; i < rule.numerator.length; i++) numValues += (i ? " + " : "") + ctx.shown(rule.numerator[i]);
  return {
    ratio: ctx.label(rule.ratio),
    ratioLower: ctx.lower(rule.ratio),
    ratioValue: ctx.shown(rule.ratio),
    den: ctx.label(rule.denominator),
    denLower: ctx.lower(rule.denominator),
    denValue: ctx.shown(rule.denominator),
    numValues,
    numParen: rule.numerator.length > 1 ? "(" + numValues + ")" : numValues,
  };
}

/** The info naming the inputs that are blank or unreadable (only among `only` when given). */
function missingInfo(rule: RatioRule, ctx: Ctx, codes: string[], g: Gathered, only?: string[]): Finding[] {
  const blank: string[] = [];
  const invalid: string[] = [];
  for (const c of g.blank) if (!only || only.includes(c)) blank.push(c);
  for (const c of g.invalid) if (!only || only.includes(c)) invalid.push(c);
  for (const c of g.na) if (c !== rule.ratio && (!only || only.includes(c))) invalid.push(c);
  if (!blank.length && !invalid.length) return [];
  const first = blank.length ? blank[0] : invalid[0];
  const p = params(rule, ctx);
  p.missing = ctx.missingText({ blank, invalid });
  const indicators = [first];
  for (const c of codes) if (c !== first) indicators.push(c);
  return [ctx.finding(rule, "info", ctx.msg("ratio.missing", p, rule.id), indicators, { suggestion: ctx.missingSuggestion({ blank, invalid }) })];
}

export const ratioRule: RuleModule<RatioRule> = {
  kind: "ratio",
  run(rule: RatioRule, ctx: Ctx): Finding[] {
    const codes = ctx.codesOf(rule);
    // Every input blank: still an info naming what is missing (spec: a rule with blank inputs says so).
    const g = ctx.gather(codes);
    const rr = ctx.reading(rule.ratio);
    const dr = ctx.reading(rule.denominator);
    let numsOk = true;
    let sum = 0;
    for (const c of rule.numerator) {
      const n = g.nums.get(c);
      if (n === undefined) numsOk = false;
      else sum += n;
    }

    if (dr.status !== "number") {
      if (dr.status === "blank" && rule.impliedTotal && rr.status === "number" && numsOk) {
        const range = impliedTotals(sum, rr.value, rr.decimals);
        const indicators = [rule.denominator, rule.ratio, ...rule.numerator];
        const P = params(rule, ctx);
        if (!range) {
          return [ctx.finding(rule, "info", ctx.msg("ratio.impliedNone", P, rule.id), indicators)];
        }
        if (range.lo === range.hi) {
          P.implied = ctx.fmtNum(rule.denominator, range.lo);
          return [ctx.finding(rule, "info", ctx.msg("ratio.implied", P, rule.id), indicators, ctx.fix(rule, rule.denominator, range.lo, String(P.implied), indicators, ctx.msg("ratio.implied.suggestion", P, rule.id)))];
        }
        P.implied =
          range.hi === Infinity
            ? (ctx.lang === "vi" ? "từ " : "at least ") + ctx.fmtNum(rule.denominator, range.lo)
            : (ctx.lang === "vi" ? "từ " : "between ") +
              ctx.fmtNum(rule.denominator, range.lo) +
              (ctx.lang === "vi" ? " đến " : " and ") +
              ctx.fmtNum(rule.denominator, range.hi);
        return [ctx.finding(rule, "info", ctx.msg("ratio.implied", P, rule.id), indicators)];
      }
      return missingInfo(rule, ctx, codes, g);
    }

    const den = dr.value;
    if (den === 0) {
      if (rr.status === "na") return [];
      if (rr.status === "number") {
        const sev = rule.zeroDenominator ? rule.zeroDenominator.severity : rule.severity;
        const P = params(rule, ctx);
        const indicators = [rule.ratio, rule.denominator, ...rule.numerator];
        return [ctx.finding(rule, sev, ctx.msg("ratio.zeroDen", P, rule.id), indicators, ctx.fix(rule, rule.ratio, "Không có", "\"Không có\"", indicators, ctx.msg("ratio.zeroDen.suggestion", P, rule.id)))];
      }
      return missingInfo(rule, ctx, codes, g, [rule.ratio]);
    }

    if (!numsOk) return missingInfo(rule, ctx, codes, g, rule.numerator);
    const exact = (sum / den) * 100;
    if (rr.status === "na") {
      const d = Number.isInteger(roundTo(exact, 4)) ? 0 : 1;
      const value = roundTo(exact, d);
      const expected = ctx.percent(value, d);
      const P = params(rule, ctx);
      P.expected = expected;
      const indicators = [rule.ratio, rule.denominator, ...rule.numerator];
      // `expected` in percent units, as a number ("5.800%" would read back as 5,8%).
      return [ctx.finding(rule, rule.severity, ctx.msg("ratio.naButDen", P, rule.id), indicators, ctx.fix(rule, rule.ratio, value, expected, indicators, ctx.msg("ratio.suggestion", { expected }, rule.id)))];
    }
    if (rr.status !== "number") return missingInfo(rule, ctx, codes, g, [rule.ratio]);
    const r = rr.value;
    const d = rr.decimals;
    const h = 0.5 * Math.pow(10, -d);
    if (Math.abs(exact - r) <= h + EPS) return [];
    const rounded = roundTo(exact, d);
    const p = Math.pow(10, d);
    const truncated = Math.floor(exact * p + EPS) / p;
    const full = params(rule, ctx);
    full.exact = ctx.exactPercent(exact);
    full.expected = ctx.percent(rounded, d);
    const isTruncated = Math.abs(r - truncated) <= EPS;
    const indicators = [rule.ratio, rule.denominator, ...rule.numerator];
    const fix = ctx.fix(rule, rule.ratio, rounded, String(full.expected), indicators, ctx.msg("ratio.suggestion", full, rule.id));
    // Over 100%: the numerator exceeds the denominator; the message does not offer the impossible figure as right.
    let key = isTruncated ? "ratio.truncated" : "ratio.fail";
    if (!isTruncated && exact > 100 + EPS) {
      key = "ratio.over";
      let numLower = "";
      for (let i = 0; i < rule.numerator.length; i++) numLower += (i ? " + " : "") + ctx.lower(rule.numerator[i]);
      full.numLower = numLower;
    }
    return [ctx.finding(rule, isTruncated ? "warning" : rule.severity, ctx.msg(key, full, rule.id), indicators, fix)];
  },
};
