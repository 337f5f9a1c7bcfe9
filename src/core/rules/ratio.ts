/**
 * `ratio`: ratio = sum(numerator) / denominator × 100, within rounding (after XBRL
 * Calculations 1.1): a figure written with d decimals stands for ±0.5·10^-d around it and
 * holds when the exact value falls in that interval. A figure equal to the exact value
 * truncated rather than rounded is a `warning` naming the correctly rounded figure.
 * Denominator 0: the ratio must be "Không có" (a number there: `zeroDenominator.severity`).
 * Denominator blank with `impliedTotal`: an info giving the total the ratio implies.
 */
import type { RuleDef, Finding } from "../types";
import type { Ctx, RuleModule } from "./context";
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

export const ratioRule: RuleModule<RatioRule> = {
  kind: "ratio",
  run(rule: RatioRule, ctx: Ctx): Finding[] {
    const codes = [rule.ratio, ...rule.numerator, rule.denominator];
    const g = ctx.gather(codes);
    if (g.nums.size === 0 && g.invalid.length === 0 && g.na.length === 0) return [];
    const rr = ctx.reading(rule.ratio);
    const dr = ctx.reading(rule.denominator);
    const numsOk = rule.numerator.every((c) => g.nums.has(c));
    const sum = rule.numerator.reduce((s, c) => s + (g.nums.get(c) ?? 0), 0);
    // Message parameters, built only when a finding is made.
    let cached: Record<string, string | number> | undefined;
    const P = (): Record<string, string | number> => {
      if (cached) return cached;
      const numValues = rule.numerator.map((c) => ctx.shown(c)).join(" + ");
      cached = {
        ratio: ctx.label(rule.ratio),
        ratioLower: ctx.lower(rule.ratio),
        ratioValue: ctx.shown(rule.ratio),
        den: ctx.label(rule.denominator),
        denLower: ctx.lower(rule.denominator),
        denValue: ctx.shown(rule.denominator),
        numValues,
        numParen: rule.numerator.length > 1 ? "(" + numValues + ")" : numValues,
      };
      return cached;
    };
    const missingInfo = (onlyCodes?: string[]) => {
      const keep = (c: string) => !onlyCodes || onlyCodes.includes(c);
      const m = {
        blank: g.blank.filter(keep),
        invalid: [...g.invalid, ...g.na.filter((c) => c !== rule.ratio)].filter(keep),
      };
      if (!m.blank.length && !m.invalid.length) return [];
      const first = [...m.blank, ...m.invalid][0];
      return [
        ctx.finding(rule, "info", ctx.msg("ratio.missing", { ...P(), missing: ctx.missingText(m) }, rule.id), [
          first,
          ...codes.filter((c) => c !== first),
        ]),
      ];
    };

    if (dr.status !== "number") {
      if (dr.status === "blank" && rule.impliedTotal && rr.status === "number" && numsOk) {
        const range = impliedTotals(sum, rr.value, rr.decimals);
        const indicators = [rule.denominator, rule.ratio, ...rule.numerator];
        if (!range) {
          return [ctx.finding(rule, "info", ctx.msg("ratio.impliedNone", P(), rule.id), indicators)];
        }
        if (range.lo === range.hi) {
          const implied = ctx.fmtNum(rule.denominator, range.lo);
          return [
            ctx.finding(rule, "info", ctx.msg("ratio.implied", { ...P(), implied }, rule.id), indicators, {
              expected: range.lo,
              suggestion: ctx.msg("ratio.implied.suggestion", { ...P(), implied }, rule.id),
            }),
          ];
        }
        const implied =
          range.hi === Infinity
            ? (ctx.lang === "vi" ? "từ " : "at least ") + ctx.fmtNum(rule.denominator, range.lo)
            : (ctx.lang === "vi" ? "từ " : "between ") +
              ctx.fmtNum(rule.denominator, range.lo) +
              (ctx.lang === "vi" ? " đến " : " and ") +
              ctx.fmtNum(rule.denominator, range.hi);
        return [ctx.finding(rule, "info", ctx.msg("ratio.implied", { ...P(), implied }, rule.id), indicators)];
      }
      return missingInfo();
    }

    const den = dr.value;
    if (den === 0) {
      if (rr.status === "na") return [];
      if (rr.status === "number") {
        const sev = rule.zeroDenominator ? rule.zeroDenominator.severity : rule.severity;
        return [
          ctx.finding(rule, sev, ctx.msg("ratio.zeroDen", P(), rule.id), [rule.ratio, rule.denominator, ...rule.numerator], {
            expected: "Không có",
            suggestion: ctx.msg("ratio.zeroDen.suggestion", P(), rule.id),
          }),
        ];
      }
      return missingInfo([rule.ratio]);
    }

    if (!numsOk) return missingInfo(rule.numerator);
    const exact = (sum / den) * 100;
    if (rr.status === "na") {
      const d = Number.isInteger(roundTo(exact, 4)) ? 0 : 1;
      const expected = roundTo(exact, d);
      return [
        ctx.finding(rule, rule.severity, ctx.msg("ratio.naButDen", { ...P(), expected: ctx.percent(expected, d) }, rule.id), [rule.ratio, rule.denominator, ...rule.numerator], {
          expected: ctx.percent(expected, d),
          suggestion: ctx.msg("ratio.suggestion", { expected: ctx.percent(expected, d) }, rule.id),
        }),
      ];
    }
    if (rr.status !== "number") return missingInfo([rule.ratio]);
    const r = rr.value;
    const d = rr.decimals;
    const h = 0.5 * Math.pow(10, -d);
    if (Math.abs(exact - r) <= h + EPS) return [];
    const rounded = roundTo(exact, d);
    const p = Math.pow(10, d);
    const truncated = Math.floor(exact * p + EPS) / p;
    const expectedText = ctx.percent(rounded, d);
    const full = { ...P(), exact: ctx.exactPercent(exact), expected: expectedText };
    const isTruncated = Math.abs(r - truncated) <= EPS;
    const indicators = [rule.ratio, rule.denominator, ...rule.numerator];
    return [
      ctx.finding(rule, isTruncated ? "warning" : rule.severity, ctx.msg(isTruncated ? "ratio.truncated" : "ratio.fail", full, rule.id), indicators, {
        expected: rounded,
        suggestion: ctx.msg("ratio.suggestion", full, rule.id),
      }),
    ];
  },
};
