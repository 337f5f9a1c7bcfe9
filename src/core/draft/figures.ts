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
import type { OtherThings } from "./other-things";

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

/**
 * Results of a pattern's lead test for short leads seen before (the words between two
 * figures repeat: ", ", " và ", "; "), so that a draft of many figures does not test every
 * pattern on every figure again. Bounded: cleared when full.
 */
const leadCache = new WeakMap<RegExp, Map<string, boolean>>();
const LEAD_CACHE_MAX = 2000;
const LEAD_CACHED_LENGTH = 24;

function testLead(re: RegExp, lead: string): boolean {
  if (lead.length > LEAD_CACHED_LENGTH) return re.test(lead);
  let m = leadCache.get(re);
  if (!m) leadCache.set(re, (m = new Map()));
  let r = m.get(lead);
  if (r === undefined) {
    r = re.test(lead);
    if (m.size >= LEAD_CACHE_MAX) m.clear();
    m.set(lead, r);
  }
  return r;
}

function applies(c: Compiled, f: Figure, ctx: FigureContext, memo?: SentenceMemo): boolean {
  const p = c.p;
  if (!!p.percent !== f.percent) return false;
  if (!!p.fraction !== !!f.fraction) return false;
  if (c.lead && !testLead(c.lead, ctx.lead)) return false;
  if (c.after && !c.after.test(ctx.after)) return false;
  if (c.clause && !c.clause.test(ctx.clause)) return false;
  if (c.sentence && !testSentence(c.sentence, ctx, memo)) return false;
  if (c.notLead && testLead(c.notLead, ctx.lead)) return false;
  if (c.notAfter && c.notAfter.test(ctx.after)) return false;
  if (c.notClause && c.notClause.test(ctx.clause)) return false;
  if (c.notSentence && testSentence(c.notSentence, ctx, memo)) return false;
  return true;
}

const otherCache = new WeakMap<OtherThings, { after?: RegExp; before?: RegExp; clause?: RegExp }>();

function alt(list: string[], anchor: string): RegExp | undefined {
  return list.length ? new RegExp(anchor + "(?:" + list.join("|") + ")", "iu") : undefined;
}

/** Is the figure about another thing than the appendix ("169 cuộc tiếp dân", "nhận 122 đơn" of mediation)? */
export function aboutOtherThing(other: OtherThings | undefined, ctx: FigureContext): boolean {
  if (!other) return false;
  let c = otherCache.get(other);
  if (!c) {
    c = { after: alt(other.after, "^\\s*"), before: alt(other.before, ""), clause: alt(other.clause, "") };
    otherCache.set(other, c);
  }
  if (c.after && c.after.test(ctx.after)) return true;
  const lastBreak = Math.max(ctx.lead.lastIndexOf(","), ctx.lead.lastIndexOf(":"));
  if (c.before && c.before.test(ctx.lead.slice(lastBreak + 1))) return true;
  if (c.clause && c.clause.test(ctx.clause)) return true;
  return false;
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

/** Longest quote given whole; a longer sentence is cut to about this many characters around the match. */
export const MAX_QUOTE = 200;

/**
 * The excerpt of a sentence to quote for a match at [a, b) (normalised offsets): the whole
 * sentence when short, else about MAX_QUOTE characters centred on the match, cut at spaces.
 * `offset` is where the excerpt starts in the text as given.
 */
export function sentenceInfo(t: NormText, s: Sentence, a = s.start, b = a): SentenceInfo {
  let start = s.start;
  let end = s.end;
  if (end - start > MAX_QUOTE) {
    const ma = Math.max(s.start, Math.min(a, s.end));
    const mb = Math.max(ma, Math.min(Math.max(b, a), s.end));
    const room = Math.max(0, MAX_QUOTE - (mb - ma));
    start = Math.max(s.start, ma - Math.floor(room / 2));
    end = Math.min(s.end, start + Math.max(MAX_QUOTE, mb - ma));
    if (end === s.end) start = Math.max(s.start, Math.min(start, end - MAX_QUOTE));
    const text = t.text;
    if (start > s.start) {
      const sp = text.indexOf(" ", start);
      if (sp >= 0 && sp < ma) start = sp + 1;
    }
    if (end < s.end) {
      const sp = text.lastIndexOf(" ", end);
      if (sp > mb) end = sp;
    }
    while (start < end && /\s/.test(text[start])) start++;
  }
  return { s, quote: quoteOf(t, start, end), offset: t.map[start] };
}

interface Cell {
  start: number;
  end: number;
  text: string;
}

function cellsOf(text: string, start: number, end: number): Cell[] {
  const out: Cell[] = [];
  let a = start;
  for (let k = start; k <= end; k++) {
    if (k === end || text[k] === "\t") {
      out.push({ start: a, end: k, text: text.slice(a, k).trim() });
      a = k + 1;
    }
  }
  return out;
}

const UNIT_CELL = /^[\p{L}%]+(?:\s+[\p{L}]+){0,2}$/u;

/**
 * A figure in a row of a table (cells separated by tabs: a Word table, read row by row, or
 * a table pasted from Word). A figure alone in its cell is read as "<label>: <figure> <unit>",
 * the label being the row's longest text cell before it and the unit a short text cell (the
 * label of the row above is the sentence's context, for sub-rows such as "Cấp ủy").
 * null: the row holds several figure cells (years, plan and result…), so it is not read;
 * undefined: the figure is inside running text of a cell, read as usual.
 */
function tableRowContext(text: string, s: Sentence, f: Figure, figs: Figure[]): FigureContext | null | undefined {
  const lineStart = text.lastIndexOf("\n", s.start - 1) + 1;
  let lineEnd = text.indexOf("\n", s.start);
  if (lineEnd < 0) lineEnd = text.length;
  const cells = cellsOf(text, lineStart, lineEnd);
  const k = cells.findIndex((c) => f.start >= c.start && f.start < c.end);
  if (k < 0) return undefined;
  const isFigureCell = (c: Cell) => /^\d[\d.,]*\s*%?(?:\s+[\p{L}]+){0,2}$/u.test(c.text) && /^\d/.test(c.text);
  const own = cells[k];
  const shown = text.slice(f.start, f.afterStart).trim();
  if (!own.text.startsWith(shown) || !isFigureCell(own)) return undefined;
  // The row's number ("1", "2.") in its first cell is no figure.
  if (k === 0 && cells.length > 1) return null;
  // Several figure cells (figures of several columns): which one is the year's? Say nothing.
  const figureCells = cells.filter((c, i) => i !== 0 && isFigureCell(c) && figs.some((g) => g.start >= c.start && g.start < c.end));
  if (figureCells.length > 1) return null;
  const textCells = cells.slice(0, k).filter((c) => /\p{L}/u.test(c.text) && !isFigureCell(c));
  if (!textCells.length) return undefined;
  const label = textCells.reduce((a, c) => (c.text.length > a.text.length ? c : a)).text.replace(/^[-–•+*]\s*/, "").replace(/[\s:]+$/, "");
  const unitCell = cells.find((c, i) => i !== k && c.text !== label && UNIT_CELL.test(c.text) && c.text.length <= 20 && !textCells.some((t) => t.text === c.text && t.text.length > 20));
  const ownRest = own.text.slice(shown.length).trim();
  const unit = ownRest || (unitCell && unitCell.text !== label ? unitCell.text : "");
  // The row above, when it is a row of the same table: its label is context for a sub-row.
  let above = "";
  if (lineStart > 0) {
    const prevStart = text.lastIndexOf("\n", lineStart - 2) + 1;
    const prev = text.slice(prevStart, lineStart - 1);
    if (prev.includes("\t")) {
      const pc = prev.split("\t").map((x) => x.trim()).filter((x) => /\p{L}/u.test(x));
      if (pc.length) above = pc.reduce((a, x) => (x.length > a.length ? x : a)) + "; ";
    }
  }
  const lead = label + ": ";
  return { lead, after: unit ? " " + unit : "", clause: lead, sentence: above + lead + shown + (unit ? " " + unit : "") };
}

/** A figure of a sentence, with the indicator(s) it states. */
export interface Classified {
  f: Figure;
  p: FigurePattern;
  /** [code, value as written (multiplier applied), part (0, or 1 for a fraction's denominator)] */
  parts: [string, number, 0 | 1][];
}

/** The figures of a sentence that a pattern claims (excluded, approximate and other things' figures left out). */
export function classifiedFigures(text: string, s: Sentence, patterns: DraftPatterns, other?: OtherThings): Classified[] {
  const out: Classified[] = [];
  const figs = figuresIn(text, s);
  if (!figs.length) return out;
  const sentence = text.slice(s.start, s.end);
  const row = sentence.includes("\t");
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
    let ctx: FigureContext = {
      lead: text.slice(leadStart, f.start),
      after: text.slice(f.afterStart, Math.min(s.end, f.afterStart + 120)),
      clause: text.slice(Math.max(clause.start, f.start - CONTEXT_BACK), f.start),
      sentence,
    };
    let rowMemo: SentenceMemo | undefined = memo;
    if (row) {
      const r = tableRowContext(text, s, f, figs);
      if (r === null) continue;
      if (r) {
        ctx = r;
        rowMemo = undefined; // the row's context is its own sentence
      }
    }
    if (aboutOtherThing(other, ctx)) continue;
    const p = classify(patterns, f, ctx, rowMemo);
    if (!p) continue;
    const parts: [string, number, 0 | 1][] = p.fraction
      ? [
          [p.fraction[0], f.value, 0],
          [p.fraction[1], f.fraction!.value, 1],
        ]
      : [[p.code, f.value * (f.multiplier || 1), 0]];
    out.push({ f, p, parts });
  }
  return out;
}

/**
 * How far back the words before a figure are looked at (lead, clause): patterns name the
 * phrase just before a figure, and a bound keeps the check linear in the draft's length.
 */
const CONTEXT_BACK = 400;

/** narrative.figure findings of the whole text. */
export function checkFigures(
  t: NormText,
  sentences: Sentence[],
  data: ReportData,
  template: TemplateDef,
  patterns: DraftPatterns,
  lang: Lang,
  scope?: boolean[],
  other?: OtherThings,
): Finding[] {
  const out: Finding[] = [];
  const byCode = new Map(template.indicators.map((i) => [i.code, i] as const));
  const seen = new Set<string>();
  const text = t.text;
  for (let si = 0; si < sentences.length; si++) {
    if (scope && !scope[si]) continue;
    const s = sentences[si];
    for (const { f, parts } of classifiedFigures(text, s, patterns, other)) {
      for (const [code, , part] of parts) {
        const value = part === 1 ? f.fraction!.value : f.value;
        const ind = byCode.get(code);
        if (!ind) continue;
        const raw = data.values?.[code];
        const r = readValue(raw, ind.kind);
        if (r.status !== "number") continue; // blank, "Không có", unreadable: nothing to compare with
        if (agrees(value, f.fraction ? 0 : f.decimals, f.fraction ? 1 : f.multiplier, r, f.percent)) continue;
        const info = sentenceInfo(t, s, f.start, f.afterStart);
        const key = code + "|" + s.start + "|" + value;
        if (seen.has(key)) continue;
        seen.add(key);
        const shown = shownFigure(f, part, text);
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
        const info = sentenceInfo(t, s, s.start + a, s.start + b);
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
