/**
 * The Vietnamese summary of the appendix's figures: the phrase book (phrases.ts, data)
 * interpreted against one report's values. Every figure printed comes from one indicator
 * (or the difference of an indicator and its previous-year value); a blank or unreadable
 * value is never printed (its case is skipped, or "chưa có số liệu" is said).
 */
import type { IndicatorKind, ReportData, TemplateDef } from "../types";
import { readValue, type Reading } from "../values";
import { formatCount, formatNumber, formatPercent, joinVi, upperFirst } from "../vn";
import { getTemplate } from "../templates/index";
import type { ParagraphBlock } from "../doc/model";
import { sentencesFor } from "./generated";
import { type PhraseBook, type PhraseCase, type StateSpec, type ValueState } from "./phrases";

export interface SummaryOptions {
  /** Pad counts below 10 with a zero ("08 văn bản"); default true. */
  pad?: boolean;
  /** Another phrase book (default: the template's). */
  phrases?: PhraseBook;
  template?: TemplateDef;
}

export interface SummarySentence {
  /** Stable id of the sentence in the phrase book ("vb", "kt", …). */
  id: string;
  text: string;
  /** Indicator codes whose values (or previous-year values, as "previous.<code>") are printed in it. */
  prints: string[];
  /** Codes the choice of wording depended on (includes `prints`). */
  depends: string[];
}

export interface Summary {
  paragraphs: SummarySentence[][];
  /** Paragraphs separated by a blank line. */
  text: string;
  /** Problems of the phrase book itself (unknown placeholder, unknown code): for developers. */
  warnings: string[];
}

function stateOf(r: Reading): ValueState {
  if (r.status === "number") return r.value === 0 ? "zero" : "positive";
  return r.status;
}

function matches(state: ValueState, spec: StateSpec | StateSpec[]): boolean {
  const specs = Array.isArray(spec) ? spec : [spec];
  return specs.some((s) => {
    if (s === state) return true;
    if (s === "number") return state === "zero" || state === "positive";
    if (s === "present") return state === "zero" || state === "positive" || state === "na";
    if (s === "missing") return state === "blank" || state === "invalid";
    return false;
  });
}

class Evaluator {
  private kinds = new Map<string, IndicatorKind>();
  private units = new Map<string, string>();
  private readings = new Map<string, Reading>();
  private prevReadings = new Map<string, Reading>();
  readonly warnings: string[] = [];
  prints = new Set<string>();
  depends = new Set<string>();

  constructor(
    private data: ReportData,
    template: TemplateDef,
    private book: PhraseBook,
    private pad: boolean,
  ) {
    for (const i of template.indicators) {
      this.kinds.set(i.code, i.kind);
      this.units.set(i.code, i.unit.vi);
    }
  }

  private reading(code: string, previous = false): Reading {
    const cache = previous ? this.prevReadings : this.readings;
    let r = cache.get(code);
    if (!r) {
      const kind = this.kinds.get(code);
      const src = previous ? this.data.previous : this.data.values;
      r = kind ? readValue(src ? src[code] : undefined, kind) : { status: "blank" };
      cache.set(code, r);
    }
    return r;
  }

  private format(code: string, value: number, decimals: number, pad = this.pad): string {
    const kind = this.kinds.get(code);
    if (kind === "percent") return formatPercent(value, decimals);
    if (kind === "money") return formatNumber(value, 0);
    return formatCount(value, { pad });
  }

  private year(): number | undefined {
    const y = Number(this.data.report?.year);
    return Number.isInteger(y) && y > 1900 ? y : undefined;
  }

  private prevYear(): string {
    const y = this.year();
    return y ? String(y - 1) : this.book.comparison.previousYear;
  }

  private comparison(code: string, used: Set<string>): string {
    const cur = this.reading(code);
    const prev = this.reading(code, true);
    this.depends.add(code);
    this.depends.add("previous." + code);
    if (cur.status !== "number" || prev.status !== "number") return "";
    used.add(code);
    used.add("previous." + code);
    const kind = this.kinds.get(code);
    const decimals = kind === "percent" ? Math.max(cur.decimals, prev.decimals) : 0;
    const p = Math.pow(10, decimals);
    const diff = Math.round((cur.value - prev.value) * p) / p;
    const c = this.book.comparison;
    const fill = (t: string, d: string, unit: string) =>
      t.replace("{diff}", d).replace("{unit}", unit).replace("{prevYear}", this.prevYear()).replace(/ +/g, " ");
    if (diff === 0) return fill(c.same, "", "");
    const abs = Math.abs(diff);
    const d = kind === "percent" ? formatNumber(abs, decimals) : this.format(code, abs, 0);
    const unit = kind === "percent" ? c.percentUnit : this.units.get(code) ?? "";
    return fill(diff > 0 ? c.up : c.down, d, unit);
  }

  /** Value of one placeholder; "" when it has none. Adds printed codes to `used`. */
  private placeholder(name: string, used: Set<string>): string {
    if (name === "agency") {
      const a = (this.data.report?.agency ?? "").trim();
      return a || this.book.defaultAgency;
    }
    if (name === "year") return this.year() ? String(this.year()) : "";
    if (name === "prevYear") return this.prevYear();
    if (name.startsWith("cmp:")) return this.comparison(name.slice(4), used);
    if (name.startsWith("@")) return this.fragment(name.slice(1), used);
    if (name.startsWith("join:") || name.startsWith("list:") || name.startsWith("comma:")) {
      const parts = name
        .slice(name.indexOf(":") + 1)
        .split(",")
        .map((s) => s.trim())
        .map((s) => (s.startsWith("@") ? this.fragment(s.slice(1), used) : this.placeholder(s, used)))
        .filter((s) => s !== "");
      return name.startsWith("join:") ? joinVi(parts) : name.startsWith("comma:") ? parts.join(", ") : parts.join("; ");
    }
    // {plain:code}: the figure never padded, as in a fraction "4/4".
    const plain = name.startsWith("plain:");
    const code = plain ? name.slice(6) : name;
    if (this.kinds.has(code)) {
      this.depends.add(code);
      const r = this.reading(code);
      if (r.status !== "number") return "";
      used.add(code);
      return this.format(code, r.value, r.decimals, plain ? false : this.pad);
    }
    this.warnings.push(`unknown placeholder {${name}}`);
    return "";
  }

  private fragment(name: string, used: Set<string>): string {
    const cases = this.book.fragments[name];
    if (!cases) {
      this.warnings.push(`unknown fragment @${name}`);
      return "";
    }
    return this.cases(cases, used) ?? "";
  }

  /**
   * Fills a text; undefined when a required placeholder (outside [ ]) is empty.
   * Optional parts are kept only when every placeholder in them has a value.
   */
  private fill(text: string, used: Set<string>): string | undefined {
    let out = "";
    let i = 0;
    const take = (seg: string, required: boolean): string | undefined => {
      const local = new Set<string>();
      let s = "";
      let j = 0;
      while (j < seg.length) {
        const open = seg.indexOf("{", j);
        if (open < 0) {
          s += seg.slice(j);
          break;
        }
        const close = seg.indexOf("}", open);
        if (close < 0) {
          s += seg.slice(j);
          break;
        }
        s += seg.slice(j, open);
        const v = this.placeholder(seg.slice(open + 1, close), local);
        if (v === "") return required ? undefined : "";
        s += v;
        j = close + 1;
      }
      local.forEach((c) => used.add(c));
      return s;
    };
    while (i < text.length) {
      const open = text.indexOf("[", i);
      if (open < 0) {
        const r = take(text.slice(i), true);
        if (r === undefined) return undefined;
        out += r;
        break;
      }
      const close = text.indexOf("]", open);
      const before = take(text.slice(i, open), true);
      if (before === undefined) return undefined;
      out += before;
      if (close < 0) {
        const r = take(text.slice(open), true);
        if (r === undefined) return undefined;
        out += r;
        break;
      }
      out += take(text.slice(open + 1, close), false) ?? "";
      i = close + 1;
    }
    return out;
  }

  /** The first case that applies, filled; undefined when none does. */
  cases(cases: PhraseCase[], used: Set<string>): string | undefined {
    for (const c of cases) {
      let ok = true;
      if (c.when) {
        for (const code of Object.keys(c.when)) {
          this.depends.add(code);
          if (!this.kinds.has(code)) this.warnings.push(`unknown code ${code} in a condition`);
          if (!matches(stateOf(this.reading(code)), c.when[code])) {
            ok = false;
            break;
          }
        }
      }
      if (!ok) continue;
      const local = new Set<string>();
      const text = this.fill(c.text, local);
      if (text === undefined) {
        // The case needed a figure that is missing: what it looked at still decided the wording.
        local.forEach((x) => this.depends.add(x));
        continue;
      }
      local.forEach((x) => used.add(x));
      return text;
    }
    return undefined;
  }
}

function tidy(s: string): string {
  return upperFirst(
    s
      .replace(/\s+/g, " ")
      .replace(/\s+([,.;:])/g, "$1")
      .trim(),
  );
}

/** The summary of a report's figures. */
export function buildSummary(data: ReportData, opts: SummaryOptions = {}): Summary {
  const template = opts.template ?? getTemplate(data.template);
  // The template's sentences, and sentences made from the labels for the groups they leave out.
  const book = opts.phrases ?? (template ? sentencesFor(template) : undefined);
  if (!template || !book) return { paragraphs: [], text: "", warnings: [`no phrase book for template ${data.template}`] };
  const ev = new Evaluator(data, template, book, opts.pad !== false);
  const paragraphs: SummarySentence[][] = [];
  for (const p of book.paragraphs) {
    const sentences: SummarySentence[] = [];
    for (const s of p.sentences) {
      ev.prints = new Set();
      ev.depends = new Set();
      const text = ev.cases(s.cases, ev.prints);
      if (!text) continue;
      const t = tidy(text);
      if (!t) continue;
      ev.prints.forEach((c) => ev.depends.add(c));
      sentences.push({ id: s.id, text: t, prints: Array.from(ev.prints).sort(), depends: Array.from(ev.depends).sort() });
    }
    if (sentences.length) paragraphs.push(sentences);
  }
  return {
    paragraphs,
    text: paragraphs.map((p) => p.map((s) => s.text).join(" ")).join("\n\n"),
    warnings: ev.warnings,
  };
}

/** The summary as body paragraphs of the document model. */
export function summaryBlocks(summary: Summary): ParagraphBlock[] {
  return summary.paragraphs.map((p) => ({ type: "paragraph", runs: [{ text: p.map((s) => s.text).join(" ") }] }));
}
