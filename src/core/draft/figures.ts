/**
 * narrative.figure and narrative.negation: the figures a draft states, and what it says did
 * not happen, against the appendix's values. Interprets the pattern tables of patterns.ts.
 */
import type { Finding, IndicatorDef, Lang, ReportData, TemplateDef } from "../types";
import { readValue, formatValue, normalizeValue, type Reading } from "../values";
import { formatCount, formatNumber, formatPercent, roundTo } from "../vn";
import type { DraftPatterns, FigurePattern, NegationPattern } from "./patterns";
import { figuresIn, quoteOf, type Figure, type NormText, type Sentence } from "./text";
import { msg } from "./messages";

interface Compiled {
  p: FigurePattern;
  lead?: RegExp;
  after?: RegExp;
  clause?: RegExp;
  sentence?: RegExp;
  notLead?: RegExp;
  notAfter?: RegExp;
  notClause?: RegExp;
  notSentence?: RegExp;
}

const cache = new WeakMap<DraftPatterns, { figures: Compiled[]; negations: { p: NegationPattern; re: RegExp }[] }>();

function rx(s: string | undefined): RegExp | undefined {
  return s === undefined ? undefined : new RegExp(s, "iu");
}

/** Compiles a pattern table once (RegExp from data; throws on a broken pattern, which tests catch). */
export function compilePatterns(t: DraftPatterns): { figures: Compiled[]; negations: { p: NegationPattern; re: RegExp }[] } {
  let c = cache.get(t);
  if (!c) {
    c = {
      figures: t.figures.map((p) => ({
        p,
        lead: rx(p.lead),
        after: rx(p.after),
        clause: rx(p.clause),
        sentence: rx(p.sentence),
        notLead: rx(p.notLead),
        notAfter: rx(p.notAfter),
        notClause: rx(p.notClause),
        notSentence: rx(p.notSentence),
      })),
      negations: t.negations.map((p) => ({ p, re: new RegExp(p.pattern, "giu") })),
    };
    cache.set(t, c);
  }
  return c;
}

export interface FigureContext {
  lead: string;
  after: string;
  clause: string;
  sentence: string;
}

/** Results of the sentence-wide tests of a pattern table, computed once per sentence (not once per figure). */
type SentenceMemo = Map<RegExp, boolean>;

function testSentence(re: RegExp, ctx: FigureContext, memo?: SentenceMemo): boolean {
  if (!memo) return re.test(ctx.sentence);
  let r = memo.get(re);
  if (r === undefined) {
    r = re.test(ctx.sentence);
    memo.set(re, r);
  }
  return r;
}

function applies(c: Compiled, f: Figure, ctx: FigureContext, memo?: SentenceMemo): boolean {
  const p = c.p;
  if (!!p.percent !== f.percent) return false;
  if (!!p.fraction !== !!f.fraction) return false;
  if (c.lead && !c.lead.test(ctx.lead)) return false;
  if (c.after && !c.after.test(ctx.after)) return false;
  if (c.clause && !c.clause.test(ctx.clause)) return false;
  if (c.sentence && !testSentence(c.sentence, ctx, memo)) return false;
  if (c.notLead && c.notLead.test(ctx.lead)) return false;
  if (c.notAfter && c.notAfter.test(ctx.after)) return false;
  if (c.notClause && c.notClause.test(ctx.clause)) return false;
  if (c.notSentence && testSentence(c.notSentence, ctx, memo)) return false;
  return true;
}

/** Which indicator(s) a figure states, by the first pattern that applies; undefined when none. */
export function classify(patterns: DraftPatterns, f: Figure, ctx: FigureContext, memo?: SentenceMemo): FigurePattern | undefined {
  for (const c of compilePatterns(patterns).figures) if (applies(c, f, ctx, memo)) return c.p;
  return undefined;
}

/** Does a figure written in the text agree with the appendix's reading? Padding never counts. */
export function agrees(value: number, decimals: number, multiplier: number, r: Reading & { status: "number" }, percent: boolean): boolean {
  if (percent) return roundTo(r.value, decimals) === value || roundTo(value, r.decimals) === r.value;
  if (multiplier === 1 && decimals === 0) return value === r.value;
  // "10,4 triệu đồng": the appendix's figure rounded to what the text shows.
  return roundTo(r.value / multiplier, decimals) === value;
}

function shownFigure(f: Figure, part: 0 | 1, text: string): string {
  if (f.fraction) return part === 0 ? f.raw.split("/")[0] : f.fraction.raw;
  return text.slice(f.start, f.afterStart).trim();
}

function withUnit(raw: unknown, ind: IndicatorDef, lang: Lang): string {
  const v = formatValue(raw as never, ind.kind);
  if (ind.kind === "percent") return v;
  const unit = lang === "en" ? ind.unit.en : ind.unit.vi;
  return unit ? v + " " + unit : v;
}

function label(ind: IndicatorDef, lang: Lang): string {
  return lang === "en" ? ind.label.en : ind.label.vi;
}

export interface SentenceInfo {
  s: Sentence;
  quote: string;
  offset: number;
}

/** Longest quote of a sentence (characters of the normalised text); a longer sentence is quoted up to it, then "…". */
export const MAX_QUOTE = 1000;

const infoCache = new WeakMap<Sentence, SentenceInfo>();

/** A sentence's quote (at most MAX_QUOTE characters) and offset; computed once per sentence. */
export function sentenceInfo(t: NormText, s: Sentence): SentenceInfo {
  let info = infoCache.get(s);
  if (!info) {
    const long = s.end - s.start > MAX_QUOTE;
    info = { s, quote: quoteOf(t, s.start, long ? s.start + MAX_QUOTE : s.end) + (long ? "…" : ""), offset: t.map[s.start] };
    infoCache.set(s, info);
  }
  return info;
}

/**
 * How far back the words before a figure are looked at (lead, clause): patterns name the
 * phrase just before a figure, and a bound keeps the check linear in the draft's length.
 */
const CONTEXT_BACK = 400;

/** narrative.figure findings of the whole text. */
export function checkFigures(t: NormText, sentences: Sentence[], data: ReportData, template: TemplateDef, patterns: DraftPatterns, lang: Lang, scope?: boolean[]): Finding[] {
  const out: Finding[] = [];
  const byCode = new Map(template.indicators.map((i) => [i.code, i] as const));
  const seen = new Set<string>();
  const text = t.text;
  for (let si = 0; si < sentences.length; si++) {
    if (scope && !scope[si]) continue;
    const s = sentences[si];
    const figs = figuresIn(text, s);
    if (!figs.length) continue;
    const sentence = text.slice(s.start, s.end);
    const memo: SentenceMemo = new Map();
    let prevEnd = -1;
    let ci = 0;
    for (const f of figs) {
      if (f.excluded) continue;
      // Figures come in order: the clause pointer only moves forward.
      while (ci < s.clauses.length && !(f.start >= s.clauses[ci].start && f.start <= s.clauses[ci].end)) {
        if (s.clauses[ci].start > f.start) break;
        ci++;
      }
      const clause = ci < s.clauses.length && f.start >= s.clauses[ci].start && f.start <= s.clauses[ci].end ? s.clauses[ci] : s;
      const leadStart = Math.max(clause.start, prevEnd, f.start - CONTEXT_BACK);
      prevEnd = f.end;
      if (f.skip) continue;
      const ctx: FigureContext = {
        lead: text.slice(leadStart, f.start),
        after: text.slice(f.afterStart, Math.min(s.end, f.afterStart + 120)),
        clause: text.slice(Math.max(clause.start, f.start - CONTEXT_BACK), f.start),
        sentence,
      };
      const p = classify(patterns, f, ctx, memo);
      if (!p) continue;
      const parts: [string, number, number][] = p.fraction
        ? [
            [p.fraction[0], f.value, 0],
            [p.fraction[1], f.fraction!.value, 1],
          ]
        : [[p.code, f.value, 0]];
      for (const [code, value, part] of parts) {
        const ind = byCode.get(code);
        if (!ind) continue;
        const raw = data.values?.[code];
        const r = readValue(raw, ind.kind);
        if (r.status !== "number") continue; // blank, "Không có", unreadable: nothing to compare with
        if (agrees(value, f.fraction ? 0 : f.decimals, f.fraction ? 1 : f.multiplier, r, f.percent)) continue;
        const info = sentenceInfo(t, s);
        const key = code + "|" + info.offset + "|" + value;
        if (seen.has(key)) continue;
        seen.add(key);
        const shown = shownFigure(f, part as 0 | 1, text);
        const appendix = withUnit(raw, ind, lang);
        const expected = r.value;
        out.push({
          rule: "narrative.figure",
          severity: "error",
          message: msg(lang, "figure.message", { shown: "\"" + shown + "\"", label: label(ind, lang), appendix }),
          indicators: [code],
          values: { [code]: normalizeValue(raw, ind.kind) },
          expected,
          quote: info.quote,
          offset: info.offset,
          suggestion: msg(lang, "figure.suggestion", { appendix: "\"" + appendixShown(value, f, r, ind) + "\"" }),
        });
      }
    }
  }
  return out;
}

/** The appendix's figure written as the text wrote its own (same multiplier, padding kept from the appendix). */
function appendixShown(_value: number, f: Figure, r: Reading & { status: "number" }, ind: IndicatorDef): string {
  if (ind.kind === "percent") return formatPercent(r.value, r.decimals);
  if (f.multiplier !== 1 && !f.fraction) {
    const m = f.multiplier;
    const word = m === 1e3 ? "nghìn" : m === 1e6 ? "triệu" : "tỷ";
    const v = r.value / m;
    const d = Number.isInteger(v) ? 0 : Math.min(3, String(v).split(".")[1]?.length ?? 0);
    return formatNumber(roundTo(v, d), d) + " " + word + (ind.kind === "money" ? " đồng" : "");
  }
  if (ind.kind === "money") return formatNumber(r.value, 0) + " đồng";
  return formatCount(r.value) + (ind.unit.vi && ind.unit.vi !== "%" ? " " + ind.unit.vi : "");
}

/** narrative.negation findings: the text says something did not happen, the appendix has a positive figure. */
export function checkNegations(t: NormText, sentences: Sentence[], data: ReportData, template: TemplateDef, patterns: DraftPatterns, lang: Lang, scope?: boolean[]): Finding[] {
  const out: Finding[] = [];
  const byCode = new Map(template.indicators.map((i) => [i.code, i] as const));
  const negs = compilePatterns(patterns).negations;
  const text = t.text;
  for (let si = 0; si < sentences.length; si++) {
    if (scope && !scope[si]) continue;
    const s = sentences[si];
    const sentence = text.slice(s.start, s.end);
    // Characters of the sentence a negation already claimed (linear, however many matches).
    let claimed: Uint8Array | undefined;
    for (const { p, re } of negs) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(sentence))) {
        const a = m.index;
        const b = a + m[0].length;
        if (m[0].length === 0) re.lastIndex++;
        if (!claimed) claimed = new Uint8Array(sentence.length + 1);
        let taken = false;
        for (let k = a; k < b; k++)
          if (claimed[k]) {
            taken = true;
            break;
          }
        if (taken) continue;
        for (let k = a; k < b; k++) claimed[k] = 1;
        const positive: string[] = [];
        const values: Record<string, number | string | null> = {};
        for (const code of p.codes) {
          const ind = byCode.get(code);
          if (!ind) continue;
          const raw = data.values?.[code];
          const r = readValue(raw, ind.kind);
          values[code] = normalizeValue(raw, ind.kind);
          if (r.status === "number" && r.value > 0) positive.push(code);
        }
        if (!positive.length) continue;
        const info = sentenceInfo(t, s);
        const figures = positive.map((c) => label(byCode.get(c)!, lang) + ": " + formatValue(data.values?.[c], byCode.get(c)!.kind)).join("; ");
        const fillPositive = (tpl: string) =>
          tpl.replace(/\{([a-z0-9_]+)\}/g, (x, code: string) => {
            const ind = byCode.get(code);
            return ind ? formatValue(data.values?.[code], ind.kind) || "…" : x;
          });
        out.push({
          rule: "narrative.negation",
          severity: "error",
          message: msg(lang, "negation.message", { phrase: quoteOf(t, s.start + a, s.start + b), figures }),
          indicators: [...positive, ...p.codes.filter((c) => !positive.includes(c))],
          values,
          quote: info.quote,
          offset: info.offset,
          suggestion: msg(lang, "negation.suggestion", { positive: fillPositive(lang === "en" ? p.positive.en : p.positive.vi) }),
        });
      }
    }
  }
  return out;
}
