/**
 * `register-count`: with rows in a register, each indicator equals the number of rows
 * matching `where` (or the number of distinct values of a field). A register with no rows
 * is the same as no register: its rules do not apply. Linear in the rows.
 */
import type { RuleDef, Finding, RawValue, RegisterCount } from "../types";
import type { Ctx, Row, RuleModule } from "./context";
import { formatCount } from "../vn";
import { tr } from "../i18n";

type RegisterRule = Extract<RuleDef, { kind: "register-count" }>;

function fieldKey(v: RawValue): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === "boolean" || typeof v === "number") return String(v);
  const s = v.trim();
  return s === "" ? undefined : s;
}

/** Key for distinct counting: case, spaces and "Ð"/"Đ" differences do not make another value. */
function distinctKey(v: RawValue): string | undefined {
  const k = fieldKey(v);
  return k === undefined ? undefined : k.toLowerCase().replace(/\s+/g, "");
}

const whereCache = new WeakMap<RegisterCount, [string, string[]][]>();

export function countRows(rows: Row[], c: RegisterCount): number {
  let where = whereCache.get(c);
  if (!where) {
    where = c.where ? Object.entries(c.where) : [];
    whereCache.set(c, where);
  }
  const seen = c.distinct ? new Set<string>() : undefined;
  let n = 0;
  for (const { row } of rows) {
    let ok = true;
    for (const [field, allowed] of where) {
      const k = fieldKey(row[field]);
      if (k === undefined || !allowed.includes(k)) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    if (seen) {
      const k = distinctKey(row[c.distinct!]);
      if (k !== undefined) seen.add(k);
    } else n++;
  }
  return seen ? seen.size : n;
}

/**
 * A number of rows as findings print figures ("02"); with its noun ("02 dòng", "01 row",
 * "02 rows"), and English's plural ending for a template's own wording (`rowsS`: "" or "s").
 */
function rowsParams(n: number, lang: string): { rows: string; rowsText: string; rowsS: string } {
  const rows = formatCount(n);
  const rowsS = n === 1 ? "" : "s";
  return { rows, rowsText: lang === "en" ? rows + " row" + rowsS : rows + " dòng", rowsS };
}

export const registerCountRule: RuleModule<RegisterRule> = {
  kind: "register-count",
  run(rule: RegisterRule, ctx: Ctx): Finding[] {
    const rows = ctx.rows(rule.register);
    if (rows.length === 0) return [];
    const counts: { code: string; count: number }[] = [];
    for (const c of rule.counts) counts.push({ code: c.indicator, count: countRows(rows, c) });
    const mismatched: { code: string; count: number }[] = [];
    const missing = { blank: [] as string[], invalid: [] as string[] };
    for (const c of counts) {
      const r = ctx.reading(c.code);
      if (r.status === "number") {
        if (Math.abs(r.value - c.count) > 1e-9) mismatched.push(c);
      } else if (r.status === "blank") missing.blank.push(c.code);
      else missing.invalid.push(c.code);
    }
    if (!mismatched.length && !missing.blank.length && !missing.invalid.length) return [];
    const register = ctx.registerLabel(rule.register);
    const firstCount = counts.length ? formatCount(counts[0].count) : 0;
    if (mismatched.length) {
      const items: string[] = [];
      const indicators: string[] = [];
      for (const m of mismatched) {
        items.push(tr(ctx.lang, "register.item", { labelLower: ctx.lower(m.code), value: ctx.shown(m.code), count: formatCount(m.count) }, rule.id));
        indicators.push(m.code);
      }
      for (const c of counts) if (!indicators.includes(c.code)) indicators.push(c.code);
      const first = mismatched[0];
      const suggestion = ctx.msg("register.suggestion", { register, labelLower: ctx.lower(first.code), count: formatCount(first.count) }, rule.id);
      // One figure off the register: `expected` when setting it breaks no other rule; several: each is named.
      const fix =
        mismatched.length === 1
          ? ctx.fix(rule, first.code, first.count, formatCount(first.count), indicators, suggestion)
          : { suggestion: ctx.msg("register.suggestion.many", { register, items: ctx.join(mismatched.map((m) => ctx.lower(m.code) + " " + formatCount(m.count))) }, rule.id) };
      return [ctx.finding(rule, rule.severity, ctx.msg("register.fail", { register, ...rowsParams(rows.length, ctx.lang), firstCount, items: ctx.join(items) }, rule.id), indicators, fix)];
    }
    let countsText = "";
    for (let i = 0; i < counts.length; i++) countsText += (i ? ", " : "") + ctx.lower(counts[i].code) + " " + formatCount(counts[i].count);
    const first = missing.blank.length ? missing.blank[0] : missing.invalid[0];
    const indicators = [first];
    for (const c of counts) if (c.code !== first) indicators.push(c.code);
    return [
      ctx.finding(
        rule,
        "info",
        ctx.msg("register.missing", { register, ...rowsParams(rows.length, ctx.lang), firstCount, missing: ctx.missingText(missing), counts: countsText }, rule.id),
        indicators,
        { suggestion: ctx.missingSuggestion(missing) },
      ),
    ];
  },
};
