/**
 * A user's own rules (`rules` in the JSON, the "Quy tắc riêng" sheet): a condition over
 * indicator codes that holds when TRUE. Failing → `user.<id>` at the user's severity;
 * a blank input → info; a rule that cannot be read → `user.invalid` (error).
 */
import type { Finding, Severity, UserRule } from "../types";
import type { Ctx } from "./context";
import { parseExpression, evaluate, type ParseResult } from "../expr";
import { tr } from "../i18n";
import { nfc, upperFirst } from "../vn";

const SEVERITIES = new Set(["error", "warning", "info"]);
const ID = /^[A-Za-z0-9_.\-]+$/;

const parseCache = new Map<string, ParseResult>();

function parseCached(ctx: Ctx, expression: string): ParseResult {
  const key = ctx.t.id + "\u0000" + expression;
  let r = parseCache.get(key);
  if (!r) {
    r = parseExpression(
      expression,
      (c) => ctx.ix.ind.has(c),
      (c) => (ctx.ix.ind.get(c)?.kind === "percent" ? "numberOrText" : "number"),
    );
    if (parseCache.size > 500) parseCache.clear();
    parseCache.set(key, r);
  }
  return r;
}

export function runUserRules(ctx: Ctx, rules: unknown): Finding[] {
  if (!Array.isArray(rules)) return [];
  const out: Finding[] = [];
  const lang = ctx.lang;
  const seen = new Set<string>();
  const invalid = (message: string, path: string): Finding => ({
    rule: "user.invalid",
    severity: "error",
    message: upperFirst(message),
    indicators: [],
    path,
  });
  rules.forEach((u0: unknown, i: number) => {
    if (!u0 || typeof u0 !== "object") return;
    const u = u0 as Partial<UserRule>;
    const path = "rules[" + i + "]";
    const id = typeof u.id === "string" ? nfc(u.id).trim() : "";
    const expression = typeof u.expression === "string" ? nfc(u.expression).trim() : "";
    if (!id) {
      out.push(invalid(tr(lang, "user.noId", { expression }), path + ".id"));
      return;
    }
    if (!ID.test(id)) {
      out.push(invalid(tr(lang, "user.badId", { id }), path + ".id"));
      return;
    }
    if (seen.has(id)) {
      out.push(invalid(tr(lang, "user.duplicate", { id }), path + ".id"));
      return;
    }
    seen.add(id);
    const sevRaw = typeof u.severity === "string" ? u.severity.trim().toLowerCase() : "";
    const severity = (sevRaw === "" ? "warning" : sevRaw) as Severity;
    if (!SEVERITIES.has(severity)) {
      out.push(invalid(tr(lang, "user.badSeverity", { id, severity: sevRaw }), path + ".severity"));
      return;
    }
    const p = parseCached(ctx, expression);
    if (!p.ok) {
      out.push(invalid(tr(lang, "user.parse", { id, error: tr(lang, p.error.key, p.error.params) }), path + ".expression"));
      return;
    }
    const message = typeof u.message === "string" && nfc(u.message).trim() ? nfc(u.message).trim() : "";
    out.push(...evaluateCondition(ctx, "user." + id, id, expression, p, severity, message, path));
  });
  return out;
}

/**
 * The findings of one condition that parsed: none when it holds, at `severity` when it
 * fails (with `message` when given), an info when an input is blank or "Không có".
 * Shared by a user's own rules and a template's `expression` rules.
 */
export function evaluateCondition(
  ctx: Ctx,
  ruleId: string,
  id: string,
  expression: string,
  p: Extract<ParseResult, { ok: true }>,
  severity: Severity,
  message: string,
  path: string,
): Finding[] {
  const lang = ctx.lang;
  const out: Finding[] = [];
  const look = (c: string): number | string | null => {
    const r = ctx.reading(c);
    return r.status === "number" ? r.value : r.status === "na" ? "Không có" : null;
  };
  const valuesText = p.codes.map((c) => c + " = " + ctx.shown(c)).join("; ");
  const res = evaluate(p.expr, p.codes, look);
  if (res.status === "ok") {
    if (res.value) return out;
    const text = message ? tr(lang, "user.failMessage", { message, values: valuesText }) : tr(lang, "user.fail", { id, expression, values: valuesText });
    out.push(ctx.finding({ id: ruleId }, severity, upperFirst(text), p.codes, p.codes.length ? {} : { path }));
    return out;
  }
  if (res.status === "blank") {
    const blank = res.codes.filter((c) => ctx.reading(c).status === "blank");
    const inv = res.codes.filter((c) => ctx.reading(c).status === "invalid");
    const order = [...res.codes, ...p.codes.filter((c) => !res.codes.includes(c))];
    out.push(ctx.finding({ id: ruleId }, "info", upperFirst(tr(lang, "user.missing", { id, missing: ctx.missingText({ blank, invalid: inv }) })), order));
    return out;
  }
  out.push(
    ctx.finding({ id: ruleId }, "info", upperFirst(tr(lang, "user.na", { id, reason: tr(lang, res.reason.key, res.reason.params), values: valuesText })), p.codes, p.codes.length ? {} : { path }),
  );
  return out;
}

/** A parse of an expression against the report's template, cached. */
export { parseCached };
