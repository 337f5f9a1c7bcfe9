/**
 * What a rule module sees: the template, the report, each indicator read once, labels and
 * messages in the checking language, and a finding builder. One module per rule kind;
 * `registry.ts` maps kinds to modules, so a new template adds rules without touching the engine.
 */
import type { CellMap, Finding, IndicatorDef, IndicatorKind, Lang, RawValue, RegisterDef, RegisterRow, ReportData, RuleDef, Severity, TemplateDef } from "../types";
import { readValue, formatReading, type Reading } from "../values";
import { fill, tr, trUpper } from "../i18n";
import { lowerFirst, upperFirst, formatNumber, formatPercent, formatCount, decimalsOf, roundTo, joinVi, joinEn } from "../vn";
import { normalizeRow, isNormalRow } from "../normalize";
import { cellOf } from "../cells";

export interface RuleModule<R extends { kind: string } = RuleDef> {
  kind: R["kind"];
  run(rule: R, ctx: Ctx): Finding[];
}

/** A register row in normal form, with its index in the input (for paths). */
export interface Row {
  index: number;
  row: RegisterRow;
}

/** Per-template lookups, computed once per template. */
export interface TemplateIndex {
  ind: Map<string, IndicatorDef>;
  order: Map<string, number>;
  ruleOrder: Map<string, number>;
  registers: Map<string, RegisterDef>;
  /** Labels with a lower-case first letter, per language (cached). */
  lower: { vi: Map<string, string>; en: Map<string, string> };
}

const indexCache = new WeakMap<TemplateDef, TemplateIndex>();

/** Each rule's inputs in the order its findings name them, computed once per rule. */
const codesCache = new WeakMap<object, string[]>();

function inputsOf(rule: RuleDef): string[] {
  switch (rule.kind) {
    case "sum":
      return [rule.total, ...rule.parts];
    case "le":
      return [...rule.left, rule.right];
    case "ratio":
      return [rule.ratio, ...rule.numerator, rule.denominator];
    case "max":
      return rule.codes.slice();
    case "min-per":
      return [rule.total, rule.per];
    case "register-count":
      return rule.counts.map((c) => c.indicator);
    case "period":
      return rule.indicators.slice();
    case "implies": {
      const codes: string[] = [];
      for (const cl of rule.clauses) for (const c of [cl.if.code, cl.then.code]) if (!codes.includes(c)) codes.push(c);
      return codes;
    }
    default:
      return [];
  }
}

export function templateIndex(t: TemplateDef): TemplateIndex {
  let x = indexCache.get(t);
  if (!x) {
    x = {
      ind: new Map(t.indicators.map((d) => [d.code, d])),
      order: new Map(t.indicators.map((d, i) => [d.code, i])),
      ruleOrder: new Map(t.rules.map((r, i) => [r.id, i])),
      registers: new Map(t.registers.map((r) => [r.id, r])),
      lower: { vi: new Map(), en: new Map() },
    };
    indexCache.set(t, x);
  }
  return x;
}

/** Inputs of a rule sorted by what state they are in. */
export interface Gathered {
  nums: Map<string, number>;
  blank: string[];
  invalid: string[];
  na: string[];
}

/** An indicator's name in findings: the template's `short` label, else the label itself. */
export function shortLabel(d: IndicatorDef, lang: Lang): string {
  return d.short ? d.short[lang] || d.short.vi : d.label[lang];
}

export class Ctx {
  readonly ix: TemplateIndex;
  private readings = new Map<string, Reading>();
  private shownCache = new Map<string, string>();
  private rowsCache = new Map<string, Row[]>();
  /** A context made by `newErrors` to try a value: it tries no values itself. */
  private trying = false;
  /** The module of each rule kind (the engine hands over its registry); without it no value is tried. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  runner?: (kind: string) => RuleModule<any> | undefined;

  constructor(
    readonly t: TemplateDef,
    readonly data: ReportData,
    readonly lang: Lang,
    /** The workbook's cell map, when the report was read from a workbook (row numbers in messages). */
    readonly cells?: CellMap,
  ) {
    this.ix = templateIndex(t);
  }

  /**
   * The row number a message names for a register row: the worksheet's row when the report
   * comes from a workbook (what the user sees at the left of Excel, right after a sort, a
   * deleted row or rows added below the table), else its position in the list (1-based).
   */
  rowNo(registerId: string, index: number): number {
    if (this.cells) {
      const a = cellOf(this.cells, "registers." + registerId + "[" + index + "]");
      const m = a ? /!\$?[A-Za-z]{1,3}\$?(\d+)/.exec(a) : null;
      if (m) return parseInt(m[1], 10);
    }
    return index + 1;
  }

  kind(code: string): IndicatorKind {
    return this.ix.ind.get(code)?.kind ?? "count";
  }

  raw(code: string): RawValue {
    const v = this.data.values ? (this.data.values as Record<string, unknown>)[code] : undefined;
    if (v === null || v === undefined || typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
    return String(v);
  }

  reading(code: string): Reading {
    let r = this.readings.get(code);
    if (!r) {
      r = readValue(this.raw(code), this.kind(code));
      this.readings.set(code, r);
    }
    return r;
  }

  num(code: string): number | undefined {
    const r = this.reading(code);
    return r.status === "number" ? r.value : undefined;
  }

  /** Value as printed ("04", "10.424.000", "100%", "Không có"); "(trống)" when blank. */
  shown(code: string): string {
    let s = this.shownCache.get(code);
    if (s === undefined) {
      const r = this.reading(code);
      s = r.status === "blank" ? (this.lang === "vi" ? "(trống)" : "(blank)") : formatReading(r, this.kind(code), undefined, this.raw(code));
      this.shownCache.set(code, s);
    }
    return s;
  }

  /** A number formatted as this indicator's kind would print it. */
  fmtNum(code: string, n: number): string {
    const k = this.kind(code);
    if (k === "percent") return formatPercent(n, Math.min(4, decimalsOf(n)));
    if (k === "money") return formatNumber(n, Math.min(4, decimalsOf(n)));
    return formatCount(n);
  }

  /** The value for a finding's `values`: the number read, "Không có", the text as typed, or null. */
  valueOf(code: string): number | string | null {
    const r = this.reading(code);
    switch (r.status) {
      case "number":
        return r.value;
      case "na":
        return "Không có";
      case "blank":
        return null;
      case "invalid": {
        const raw = this.raw(code);
        return typeof raw === "number" ? raw : raw === null || raw === undefined ? null : String(raw);
      }
    }
  }

  /** How a message names an indicator: its short label (template `short`), else its label. */
  label(code: string): string {
    const d = this.ix.ind.get(code);
    return d ? shortLabel(d, this.lang) : code;
  }

  lower(code: string): string {
    const cache = this.ix.lower[this.lang];
    let s = cache.get(code);
    if (s === undefined) {
      s = lowerFirst(this.label(code));
      cache.set(code, s);
    }
    return s;
  }

  /** The message `key`, as the template words it for this rule (its `messages`), else the product's. */
  msg(key: string, params: Record<string, string | number>, rule?: string): string {
    const own = rule !== undefined ? this.t.messages?.[rule]?.[key] : undefined;
    if (own) return fill((this.lang === "en" && own.en) || own.vi, params, true);
    return trUpper(this.lang, key, params, rule);
  }

  join(items: string[]): string {
    return this.lang === "vi" ? joinVi(items) : joinEn(items);
  }

  /** The rule's input codes (cached per rule object; do not modify the list). */
  codesOf(rule: RuleDef): string[] {
    let c = codesCache.get(rule);
    if (!c) {
      c = inputsOf(rule);
      codesCache.set(rule, c);
    }
    return c;
  }

  gather(codes: string[]): Gathered {
    const g: Gathered = { nums: new Map(), blank: [], invalid: [], na: [] };
    for (const c of codes) {
      const r = this.reading(c);
      if (r.status === "number") g.nums.set(c, r.value);
      else if (r.status === "blank") g.blank.push(c);
      else if (r.status === "na") g.na.push(c);
      else g.invalid.push(c);
    }
    return g;
  }

  /** "còn trống A và B; không đọc được C" */
  missingText(g: { blank: string[]; invalid: string[] }): string {
    let out = "";
    if (g.blank.length) {
      const items: string[] = [];
      for (const c of g.blank) items.push(this.lower(c));
      out = tr(this.lang, "missing.blank", { list: this.join(items) });
    }
    if (g.invalid.length) {
      const items: string[] = [];
      for (const c of g.invalid) items.push(this.lower(c) + ' ("' + this.shown(c) + '")');
      out += (out ? "; " : "") + tr(this.lang, "missing.invalid", { list: this.join(items) });
    }
    return out;
  }

  /** What to do about the inputs a rule cannot be checked without: "Điền A và B. Ghi lại C bằng một số." */
  missingSuggestion(g: { blank: string[]; invalid: string[] }): string {
    const out: string[] = [];
    if (g.blank.length) out.push(trUpper(this.lang, "missing.fill", { list: this.join(g.blank.map((c) => this.lower(c))) }));
    if (g.invalid.length) out.push(trUpper(this.lang, "missing.rewrite", { list: this.join(g.invalid.map((c) => this.lower(c))) }));
    return out.join(" ");
  }

  /** A figure in percent units as people write it, trimmed: 66,6667% (at most 4 decimals). */
  exactPercent(x: number): string {
    const r = roundTo(x, 4);
    let s = formatNumber(r, 4);
    if (s.indexOf(",") >= 0) s = s.replace(/0+$/, "").replace(/,$/, "");
    return s + "%";
  }

  percent(x: number, decimals: number): string {
    return formatPercent(x, decimals);
  }

  /** Rows of a register in normal form (blank rows skipped), cached. */
  rows(registerId: string): Row[] {
    let rows = this.rowsCache.get(registerId);
    if (!rows) {
      rows = [];
      const reg = this.ix.registers.get(registerId);
      const src = this.data.registers ? (this.data.registers as Record<string, unknown>)[registerId] : undefined;
      if (reg && Array.isArray(src)) {
        for (let i = 0; i < src.length; i++) {
          const n = isNormalRow(src[i]) ? (src[i] as RegisterRow) : normalizeRow(src[i], reg);
          if (n) rows.push({ index: i, row: n });
        }
      }
      this.rowsCache.set(registerId, rows);
    }
    return rows;
  }

  registerLabel(registerId: string): string {
    const r = this.ix.registers.get(registerId);
    return r ? r.label[this.lang] : registerId;
  }

  /**
   * The errors that setting `code` to `value` would bring about that are not there now: in
   * the template's other rules reading `code`, and in the value's own check (a percent over
   * 100, a negative or fractional count); and any error or warning the rule `except` itself
   * still gives. A rule offers a single `expected` only when this is empty: a suggestion
   * followed must fix its finding and not bring another error.
   */
  newErrors(code: string, value: number | string, except: { id: string }): Finding[] {
    if (this.trying || !this.runner) return [];
    const out: Finding[] = [];
    const r = readValue(value, this.kind(code));
    if (r.status === "invalid") out.push({ rule: "value.kind", severity: "error", message: "", indicators: [code] });
    const values = { ...(this.data.values as Record<string, unknown>), [code]: value } as ReportData["values"];
    const trial = new Ctx(this.t, { ...this.data, values }, this.lang, this.cells);
    trial.trying = true;
    trial.rowsCache = this.rowsCache;
    trial.runner = this.runner;
    const consolidated = !!(this.data.report && this.data.report.consolidated);
    const keyOf = (f: Finding) => f.rule + "|" + f.indicators.slice().sort().join(",");
    for (const rule of this.t.rules) {
      if (rule.id === except.id) {
        // The rule itself: with the value set, it must hold on that figure (a note, e.g. on another blank figure, may stay).
        const own = this.runner(rule.kind);
        if (own) for (const f of own.run(rule, trial)) if (f.severity !== "info" && f.indicators.includes(code)) out.push(f);
        continue;
      }
      if (consolidated && (rule.perUnit === true || rule.kind === "register-count")) continue;
      if (!this.codesOf(rule).includes(code)) continue;
      const m = this.runner(rule.kind);
      if (!m) continue;
      const wasTrying: boolean = this.trying;
      this.trying = true;
      let before: Finding[];
      try {
        before = m.run(rule, this);
      } finally {
        this.trying = wasTrying;
      }
      const had = new Set<string>();
      for (const f of before) if (f.severity === "error") had.add(keyOf(f));
      for (const f of m.run(rule, trial)) if (f.severity === "error" && !had.has(keyOf(f))) out.push(f);
    }
    return out;
  }

  /**
   * The suggestion of a finding that no single figure fixes: every figure to correct
   * together, with its value ("số hội nghị đối thoại (02), số cuộc trực tiếp (01) và …").
   */
  figuresText(codes: string[]): string {
    const items: string[] = [];
    const seen = new Set<string>();
    for (const c of codes) {
      if (seen.has(c) || !this.ix.ind.has(c)) continue;
      seen.add(c);
      items.push(this.lower(c) + " (" + this.shown(c) + ")");
    }
    return this.join(items);
  }

  /**
   * `expected` and the suggestion of a finding that setting `code` to `value` would fix:
   * the value and `suggestion` when nothing else breaks; else no `expected`, and a suggestion
   * naming every figure to correct together (the finding's and the other rules').
   */
  fix(rule: { id: string }, code: string, value: number | string, shownValue: string, codes: string[], suggestion: string): { expected?: number | string; suggestion: string } {
    const broken = this.newErrors(code, value, rule);
    if (!broken.length) return { expected: value, suggestion };
    const all = codes.slice();
    for (const f of broken) for (const c of f.indicators) all.push(c);
    return { suggestion: this.msg("fix.together", { labelLower: this.lower(code), value: shownValue, figures: this.figuresText(all) }, rule.id) };
  }

  /** A finding; `values` filled from `indicators` unless given, `path` from the first indicator. */
  finding(
    rule: { id: string },
    severity: Severity,
    message: string,
    indicators: string[],
    extra: Partial<Pick<Finding, "expected" | "path" | "suggestion" | "values">> = {},
  ): Finding {
    const f: Finding = { rule: rule.id, severity, message, indicators };
    const values: Record<string, number | string | null> = extra.values ?? {};
    if (!extra.values) for (const c of indicators) values[c] = this.valueOf(c);
    f.values = values;
    if (extra.expected !== undefined) f.expected = extra.expected;
    f.path = extra.path ?? (indicators.length ? "values." + indicators[0] : undefined);
    if (f.path === undefined) delete f.path;
    if (extra.suggestion) f.suggestion = extra.suggestion;
    return f;
  }
}
