/**
 * The rules engine: reads every indicator once, runs the built-in value checks, each
 * template rule through the module of its kind (rules/registry.ts), the user's own rules,
 * then applies overrides, maps paths to cells and sorts by severity (error, warning,
 * info), keeping template order within a severity.
 *
 * Order within a severity: structural findings (workbook.*), values (template order,
 * then previous year, then unknown codes), register rows, template rules (template
 * order), year on year (yoy.*), user rules, lint (lint.*), invalid overrides.
 */
import type { CellMap, CheckResult, Finding, Lang, OverrideSummary, ReportData, RuleDef, Severity, TemplateDef } from "./types";
import { Ctx } from "./rules/context";
import { ruleModule } from "./rules/registry";
import { checkReport, checkRows, checkValues } from "./rules/value-checks";
import { runUserRules } from "./rules/user";
import { runYoy } from "./rules/yoy";
import { lintReport } from "./register-lint";
import { templateOf } from "./normalize";
import { tr } from "./i18n";
import { upperFirst } from "./vn";
import { cellOf } from "./cells";
import { notApplicableGroups } from "./template-info";
import { inputNotes, noteFindings } from "./input-clean";

export { registerRuleKind, ruleKinds } from "./rules/registry";
export { impliedParent } from "./implied";
export type { RuleModule } from "./rules/context";

export interface CheckOptions {
  lang?: Lang;
  /**
   * JSON path → A1 reference with the sheet, to fill each finding's `cells`. A map from
   * `readWorkbook` also resolves register rows and fields (cells.ts).
   */
  cells?: CellMap;
  /** Findings found before (e.g. workbook.* from the reader); listed first within their severity. */
  structural?: Finding[];
  /** The lint.* warnings of the registers, the report's number and date and its text (register-lint.ts); on unless false. */
  lint?: boolean;
}

const SEV_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const OVERRIDE_SEVERITIES = new Set(["off", "error", "warning", "info"]);

function applyOverrides(findings: Finding[], data: ReportData, lang: Lang): { findings: Finding[]; summary: OverrideSummary[]; invalid: Finding[] } {
  const summary: OverrideSummary[] = [];
  const invalid: Finding[] = [];
  const ov = data.overrides;
  if (!ov || typeof ov !== "object") return { findings, summary, invalid };
  let out = findings;
  for (const [rule0, o] of Object.entries(ov)) {
    const rule = rule0.trim();
    const path = "overrides." + rule;
    // The finding points at the cell to fix: the reason's or the severity's.
    const bad = (key: string, params: Record<string, string>, field = "") =>
      invalid.push({ rule: "user.invalid", severity: "error", message: upperFirst(tr(lang, key, params)), indicators: [], path: path + field });
    if (!rule) continue;
    const sev = o && typeof o.severity === "string" ? o.severity.trim().toLowerCase() : "";
    const reason = o && typeof o.reason === "string" ? o.reason.trim() : "";
    if (rule === "user.invalid") {
      bad("override.protected", { rule });
      continue;
    }
    if (!OVERRIDE_SEVERITIES.has(sev)) {
      bad("override.badSeverity", { rule, severity: sev }, ".severity");
      continue;
    }
    if (!reason) {
      bad("override.noReason", { rule }, ".reason");
      continue;
    }
    let affected = 0;
    if (sev === "off") {
      out = out.filter((f) => {
        if (f.rule !== rule) return true;
        affected++;
        return false;
      });
    } else {
      out = out.map((f) => {
        if (f.rule !== rule || f.severity === sev) return f;
        affected++;
        return { ...f, severity: sev as Severity };
      });
    }
    summary.push({ rule, severity: sev as OverrideSummary["severity"], reason, affected });
  }
  return { findings: out, summary, invalid };
}

const ROW_PATH = /^(registers\.[^.[\]]+\[\d+\])/;

function rowPathOf(path: string): string | undefined {
  const m = ROW_PATH.exec(path);
  return m ? m[1] : undefined;
}

function attachCells(f: Finding, cells: CellMap): Finding {
  if (f.cells && f.cells.length) return f;
  const out: string[] = [];
  const add = (a: string | undefined) => {
    if (a && !out.includes(a)) out.push(a);
  };
  const path = f.path;
  if (path && (path.startsWith("registers.") || path.startsWith("previous.") || path.startsWith("rules") || path.startsWith("overrides"))) {
    add(cellOf(cells, path));
    if (!out.length) {
      const rp = rowPathOf(path);
      if (rp) add(cellOf(cells, rp));
    }
  } else {
    if (path) add(cellOf(cells, path));
    for (const c of f.indicators) add(cellOf(cells, "values." + c));
  }
  if (!out.length) return f;
  const g: Finding = { ...f };
  g.cells = out;
  return g;
}

/**
 * V8 holds the object shapes that optimised code depends on weakly: when no rule context
 * or finding is alive at a full garbage collection, the shapes die and every rule function
 * is deoptimised and compiled again (measured: half the time of checking many reports).
 * The check of an empty report, kept once per template, keeps those shapes alive.
 */
const keepShapes = new WeakMap<TemplateDef, unknown>();
let keeping = false;

/** Whether a rule holds for one reporting unit only: register counts, and rules marked `perUnit`. */
export function isPerUnit(rule: RuleDef): boolean {
  return rule.perUnit === true || rule.kind === "register-count";
}

/** Rule kinds whose note for an unreadable input says again what the value's own `value.kind` error says. */
const NOTES_ON_INPUTS = new Set(["sum", "le", "ratio", "implies", "max", "min-per", "register-count"]);

/**
 * Marks each warning or note that an error on the same figures implies (`impliedBy`):
 * - an `le` on a sum of parts (dth.parts) beside an `le` error of the same total whose
 *   failing parts are among them (dth.part: one part over the total; the parts' sum, of
 *   figures that are not negative, is over it too);
 * - a rule's note that it cannot be checked because a figure is unreadable ("không đọc được
 *   hỗ trợ đối tượng khác ("hơn 500")"), beside that figure's `value.kind` error (the note
 *   names a blank figure first, so a note that names an unreadable one first has no blank).
 * Returns the list unchanged when none.
 */
export function markImplied(findings: Finding[], t: TemplateDef): Finding[] {
  let rules: Map<string, RuleDef> | undefined;
  let out: Finding[] | undefined;
  for (let i = 0; i < findings.length; i++) {
    const w = findings[i];
    if (w.severity === "error") continue;
    rules = rules ?? new Map(t.rules.map((r) => [r.id, r]));
    const wr = rules.get(w.rule);
    if (!wr) continue;
    let by: string | undefined;
    if (wr.kind === "le" && !wr.each) {
      for (const e of findings) {
        if (e.severity !== "error" || e.rule === w.rule) continue;
        const er = rules.get(e.rule);
        if (!er || er.kind !== "le" || er.right !== wr.right) continue;
        // The parts that failed: each-rules name those over the total first, then the total.
        const failing = er.each ? e.indicators.slice(0, Math.max(0, e.indicators.indexOf(er.right))) : er.left;
        if (!failing.length || !failing.every((c) => wr.left.includes(c))) continue;
        by = e.rule;
        break;
      }
    }
    if (!by && w.severity === "info" && NOTES_ON_INPUTS.has(wr.kind) && w.indicators.length) {
      const code = w.indicators[0];
      if (findings.some((e) => e.rule === "value.kind" && e.severity === "error" && e.path === "values." + code)) by = "value.kind";
    }
    if (!by) continue;
    out = out ?? findings.slice();
    out[i] = { ...w, impliedBy: by };
  }
  return out ?? findings;
}

/** Check one report against its template. Throws InputError for data with no known template. */
export function check(data: ReportData, opts: CheckOptions = {}): CheckResult {
  const t = templateOf(data);
  if (!keeping && !keepShapes.has(t)) {
    keeping = true;
    try {
      const empty: ReportData = { template: t.id, report: {}, values: {}, registers: {} };
      keepShapes.set(t, { ctx: new Ctx(t, empty, "vi"), result: check(empty) });
    } finally {
      keeping = false;
    }
  }
  const lang: Lang = opts.lang === "en" ? "en" : "vi";
  const ctx = new Ctx(t, data, lang, opts.cells);
  ctx.runner = ruleModule;
  let findings: Finding[] = [];
  if (opts.structural) for (const f of opts.structural) findings.push(f);
  // What the normaliser cleaned or refused in the input (input-clean.ts).
  for (const f of noteFindings(inputNotes(data), lang)) findings.push(f);
  // An unknown code the workbook reader reported already (by its path values.CODE) is not reported again.
  const codeOf = (p: string | undefined) => (p ? p.slice(p.indexOf(".") + 1) : "");
  let reported: Set<string> | undefined;
  if (opts.structural && opts.structural.length) {
    reported = new Set(opts.structural.filter((f) => f.rule === "workbook.unknown-code").map((f) => codeOf(f.path)));
  }
  for (const f of checkValues(ctx)) {
    if (reported && f.rule === "workbook.unknown-code" && reported.has(codeOf(f.path))) continue;
    findings.push(f);
  }
  for (const f of checkReport(ctx)) findings.push(f);
  for (const f of checkRows(ctx)) findings.push(f);
  // A group left wholly blank is not applicable (when the template says so): its rules say nothing.
  const na = notApplicableGroups(t, (c) => ctx.reading(c).status === "blank");
  const consolidated = !!(data.report && data.report.consolidated);
  for (const rule of t.rules) {
    // A rule that holds for one reporting unit only (a register count, a legal maximum) does not hold for a sum of units.
    if (consolidated && isPerUnit(rule)) continue;
    const m = ruleModule(rule.kind);
    if (!m) continue;
    if (na.size && rule.kind !== "register-count") {
      const codes = ctx.codesOf(rule);
      let inNa = codes.length > 0;
      for (const c of codes) {
        const d = ctx.ix.ind.get(c);
        if (!d || !na.has(d.group)) {
          inNa = false;
          break;
        }
      }
      if (inNa) continue;
    }
    const got = m.run(rule, ctx);
    for (let i = 0; i < got.length; i++) findings.push(got[i]);
  }
  // Year on year, when last year's figures are there.
  for (const f of runYoy(ctx)) findings.push(f);
  if (data.rules) for (const f of runUserRules(ctx, data.rules)) findings.push(f);
  if (opts.lint !== false) for (const f of lintReport(ctx)) findings.push(f);

  // A figure the workbook could not give (an error such as #DIV/0!, a formula never computed) is
  // reported once, by the reader: a rule's note that the same figure is "blank" would say what is not so.
  if (opts.structural && opts.structural.length) {
    const unread = new Set<string>();
    for (const f of opts.structural) {
      if ((f.rule === "workbook.cell-error" || f.rule === "workbook.not-calculated") && f.path === undefined) for (const c of f.indicators) unread.add(c);
    }
    if (unread.size) findings = findings.filter((f) => !(f.severity === "info" && f.indicators.length && unread.has(f.indicators[0]) && !f.rule.startsWith("workbook.")));
  }
  const o = applyOverrides(findings, data, lang);
  if (o.invalid.length) findings = o.findings.concat(o.invalid);
  else findings = o.findings;
  // After the overrides: a warning is shown under an error only while that error is one.
  findings = markImplied(findings, t);
  // By severity only (stable): generation order is template order.
  const errs: Finding[] = [];
  const warns: Finding[] = [];
  const infs: Finding[] = [];
  const cells = opts.cells;
  for (let f of findings) {
    if (cells) f = attachCells(f, cells);
    const r = SEV_RANK[f.severity];
    if (r === 0) errs.push(f);
    else if (r === 1) warns.push(f);
    else infs.push(f);
  }
  const errors = errs.length;
  const warnings = warns.length;
  const infos = infs.length;
  for (const f of warns) errs.push(f);
  for (const f of infs) errs.push(f);
  return { template: t.id, findings: errs, summary: { errors, warnings, infos, overrides: o.summary } };
}
