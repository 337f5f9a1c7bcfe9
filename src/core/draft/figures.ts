/**
 * narrative.figure and narrative.negation: the figures a draft states, and what it says did
 * not happen, against the appendix's values. Interprets the pattern tables of patterns.ts.
 */
import type { Finding, IndicatorDef, Lang, ReportData, TemplateDef } from "../types";
import { readValue, formatValue, normalizeValue, type Reading } from "../values";
import { formatCount, formatNumber, formatPercent, roundTo } from "../vn";
import type { DraftPatterns, FigurePattern, NegationPattern } from "./patterns";
import { figuresIn, quoteOf, type Figure, type NormText, type Range, type Sentence } from "./text";
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
 * Lead tests of a whole pattern table for short leads seen before (the words between two
 * figures repeat: " ", ", ", " và ", "; "): one look-up per figure gives, for every pattern,
 * whether its `lead` holds and whether its `notLead` does, so that a draft of millions of
 * figures does not test every pattern on every figure again. Bounded: cleared when full.
 */
const LEAD_CACHE_MAX = 2000;
const LEAD_CACHED_LENGTH = 24;
const leadRows = new WeakMap<Compiled[], Map<string, number[][]>>();

/** A figure's kind for the pattern table: 0 plain, 1 percent, 2 fraction. */
function kindOf(f: Figure): number {
  return f.fraction ? 2 : f.percent ? 1 : 0;
}

/**
 * For a short lead, by figure kind: the indices of the patterns whose kind fits, whose
 * `lead` holds (or that have none) and whose `notLead` does not match.
 */
function leadCandidates(table: Compiled[], lead: string): number[][] | undefined {
  if (lead.length > LEAD_CACHED_LENGTH) return undefined;
  let m = leadRows.get(table);
  if (!m) leadRows.set(table, (m = new Map()));
  let row = m.get(lead);
  if (!row) {
    row = [[], [], []];
    for (let i = 0; i < table.length; i++) {
      const c = table[i];
      if (c.lead && !c.lead.test(lead)) continue;
      if (c.notLead && c.notLead.test(lead)) continue;
      row[c.p.fraction ? 2 : c.p.percent ? 1 : 0].push(i);
    }
    if (m.size >= LEAD_CACHE_MAX) m.clear();
    m.set(lead, row);
  }
  return row;
}

/**
 * For a list of candidate patterns: one regular expression that matches where any of their
 * `after` tests would (their sources as alternatives), and the candidates without an `after`.
 * Cached with the list (the lists of a lead are kept); no gate when a source cannot be combined (back-references, named groups).
 */
const gates = new WeakMap<number[], { gate?: RegExp; ungated: number[] }>();

function gateOf(table: Compiled[], list: number[]): { gate?: RegExp; ungated: number[] } {
  let g = gates.get(list);
  if (!g) {
    const gated = list.filter((i) => table[i].after);
    const ungated = list.filter((i) => !table[i].after);
    let gate: RegExp | undefined;
    const sources = gated.map((i) => table[i].p.after!);
    if (gated.length > 1 && sources.every((x) => !/\\[1-9k]|\(\?</.test(x))) {
      try {
        gate = new RegExp(sources.map((x) => "(?:" + x + ")").join("|"), "iu");
      } catch {
        gate = undefined;
      }
    }
    g = { gate, ungated: gate ? ungated : list };
    gates.set(list, g);
  }
  return g;
}

/** Does a pattern apply to a figure? `leadChecked`: its lead and notLead were tested already. */
function applies(c: Compiled, f: Figure, ctx: FigureContext, memo?: SentenceMemo, leadChecked = false): boolean {
  const p = c.p;
  if (!!p.percent !== f.percent) return false;
  if (!!p.fraction !== !!f.fraction) return false;
  if (!leadChecked && c.lead && !c.lead.test(ctx.lead)) return false;
  if (c.after && !c.after.test(ctx.after)) return false;
  if (c.clause && !c.clause.test(ctx.clause)) return false;
  if (c.sentence && !testSentence(c.sentence, ctx, memo)) return false;
  if (!leadChecked && c.notLead && c.notLead.test(ctx.lead)) return false;
  if (c.notAfter && c.notAfter.test(ctx.after)) return false;
  if (c.notClause && c.notClause.test(ctx.clause)) return false;
  if (c.notSentence && testSentence(c.notSentence, ctx, memo)) return false;
  return true;
}

const otherCache = new WeakMap<OtherThings, { after?: RegExp; before?: RegExp; clause?: RegExp }>();

function alt(list: string[] | undefined, anchor: string): RegExp | undefined {
  return list && list.length ? new RegExp(anchor + "(?:" + list.join("|") + ")", "iu") : undefined;
}

function otherRegexps(other: OtherThings): { after?: RegExp; before?: RegExp; clause?: RegExp } {
  let c = otherCache.get(other);
  if (!c) {
    c = { after: alt(other.after, "^\\s*"), before: alt(other.before, ""), clause: alt(other.clause, "") };
    otherCache.set(other, c);
  }
  return c;
}

/**
 * Is the figure about another thing than the appendix ("169 cuộc tiếp dân", "nhận 122 đơn" of
 * mediation)? `clauseHit`, when given, is the answer of the clause test computed beforehand.
 */
export function aboutOtherThing(other: OtherThings | undefined, ctx: FigureContext, clauseHit?: boolean): boolean {
  if (!other) return false;
  const c = otherRegexps(other);
  if (c.after && c.after.test(ctx.after)) return true;
  const lastBreak = Math.max(ctx.lead.lastIndexOf(","), ctx.lead.lastIndexOf(":"));
  if (c.before && c.before.test(ctx.lead.slice(lastBreak + 1))) return true;
  if (clauseHit !== undefined) return clauseHit;
  if (c.clause && c.clause.test(ctx.clause)) return true;
  return false;
}

/**
 * The clause test of the other things, for the figures of one clause in order, in one pass
 * over the clause (not a scan of the words before each figure): the matches of the clause's
 * words, then for a figure whether one lies in [windowStart, figure). Only for patterns
 * without anchors or look-arounds (their matches do not depend on where the scan starts);
 * undefined otherwise, and the test is made figure by figure.
 */
class ClauseHits {
  private starts: number[] = [];
  private ends: number[] = [];
  private k = 0;
  constructor(re: RegExp, text: string, start: number, end: number) {
    const g = new RegExp(re.source, "giu");
    const part = text.slice(start, end);
    let m: RegExpExecArray | null;
    while ((m = g.exec(part))) {
      if (m[0].length === 0) {
        g.lastIndex++;
        continue;
      }
      this.starts.push(start + m.index);
      this.ends.push(start + m.index + m[0].length);
    }
  }
  /** Is there a match inside [from, to)? Calls come with `from` never decreasing. */
  within(from: number, to: number): boolean {
    while (this.k < this.starts.length && this.starts[this.k] < from) this.k++;
    return this.k < this.starts.length && this.ends[this.k] <= to;
  }
  static usable(re: RegExp): boolean {
    return !/[\^$]|\\[bBk1-9]|\(\?<?[=!]/.test(re.source);
  }
}

/** Which indicator(s) a figure states, by the first pattern that applies; undefined when none. */
export function classify(patterns: DraftPatterns, f: Figure, ctx: FigureContext, memo?: SentenceMemo): FigurePattern | undefined {
  const table = compilePatterns(patterns).figures;
  const row = leadCandidates(table, ctx.lead);
  if (row) {
    const list = row[kindOf(f)];
    // One test of all the candidates' `after` words: when none can match, only those without one are tried.
    const g = gateOf(table, list);
    const tried = g.gate && !g.gate.test(ctx.after) ? g.ungated : list;
    for (const i of tried) if (applies(table[i], f, ctx, memo, true)) return table[i].p;
    return undefined;
  }
  for (const c of table) if (applies(c, f, ctx, memo)) return c.p;
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

/**
 * The findings cap of one check: a checker builds at most `cap` findings (in the order of
 * the text) and only counts the others in `more`, so that a draft of 100 000 contradictions
 * costs counting, not 100 000 messages and excerpts.
 */
export interface Tally {
  cap: number;
  more: { error: number; warning: number; info: number };
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

/** More cells than this on a line: no table row of an appendix; its figures are not read. */
const MAX_ROW_CELLS = 40;

interface Row {
  text: string;
  lineStart: number;
  cells: Cell[];
  /** For each cell: does it look like a figure cell ("12", "12 văn bản", "88,9%")? */
  figureCell: boolean[];
  /** The longest text cell of the row above, when that row is a row of the same table, and "; ". */
  above: string;
}

/**
 * The last row read (the figures of a row come one after another): one reading per line.
 * Kept for one check only (`forgetRows`): the text of one check is one string, compared by
 * reference; two checks of texts equal in content would compare them character by character.
 */
let lastRow: Row | undefined;

/** Drops the row read last and the sentences' figures (called before and after each check; frees the draft's text). */
export function forgetRows(): void {
  lastRow = undefined;
  classifiedCache.clear();
}

function isFigureCellText(t: string): boolean {
  return /^\d/.test(t) && /^\d[\d.,]*\s*%?(?:\s+[\p{L}]+){0,2}$/u.test(t);
}

function rowOf(text: string, at: number): Row {
  const lineStart = text.lastIndexOf("\n", at - 1) + 1;
  if (lastRow && lastRow.text === text && lastRow.lineStart === lineStart) return lastRow;
  let lineEnd = text.indexOf("\n", lineStart);
  if (lineEnd < 0) lineEnd = text.length;
  let tabs = 0;
  for (let k = text.indexOf("\t", lineStart); k >= 0 && k < lineEnd && tabs <= MAX_ROW_CELLS; k = text.indexOf("\t", k + 1)) tabs++;
  const cells = tabs < MAX_ROW_CELLS ? cellsOf(text, lineStart, lineEnd) : [];
  let above = "";
  if (lineStart > 0 && cells.length) {
    const prevStart = text.lastIndexOf("\n", lineStart - 2) + 1;
    const prev = text.slice(prevStart, lineStart - 1);
    if (prev.includes("\t") && prev.length < 20_000) {
      const pc = prev.split("\t").map((x) => x.trim()).filter((x) => /\p{L}/u.test(x));
      if (pc.length) above = pc.reduce((a, x) => (x.length > a.length ? x : a)) + "; ";
    }
  }
  lastRow = { text, lineStart, cells, figureCell: cells.map((c) => isFigureCellText(c.text)), above };
  return lastRow;
}

/** Index of the cell holding `pos`, -1 when none (cells are in order). */
function cellAt(cells: Cell[], pos: number): number {
  let lo = 0;
  let hi = cells.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cells[mid].end <= pos) lo = mid + 1;
    else if (cells[mid].start > pos) hi = mid - 1;
    else return pos < cells[mid].end ? mid : -1;
  }
  return -1;
}

/**
 * A figure in a row of a table (cells separated by tabs: a Word table, read row by row, or
 * a table pasted from Word). A figure alone in its cell is read as "<label>: <figure> <unit>",
 * the label being the row's longest text cell before it and the unit a short text cell (the
 * label of the row above is the sentence's context, for sub-rows such as "Cấp ủy").
 * null: the row holds several figure cells (years, plan and result…), or more cells than a
 * table of an appendix has, so it is not read; undefined: the figure is inside running text
 * of a cell, read as usual. `figureCells`: how many of the row's cells (but the first) hold
 * a figure of the sentence.
 */
function tableRowContext(text: string, row: Row, f: Figure, figureCells: number): FigureContext | null | undefined {
  const cells = row.cells;
  if (!cells.length) return null;
  const k = cellAt(cells, f.start);
  if (k < 0) return undefined;
  const own = cells[k];
  const shown = text.slice(f.start, f.afterStart).trim();
  if (!own.text.startsWith(shown) || !row.figureCell[k]) return undefined;
  // The row's number ("1", "2.") in its first cell is no figure.
  if (k === 0 && cells.length > 1) return null;
  // Several figure cells (figures of several columns): which one is the year's? Say nothing.
  if (figureCells > 1) return null;
  const textCells = cells.slice(0, k).filter((c, i) => /\p{L}/u.test(c.text) && !row.figureCell[i]);
  if (!textCells.length) return undefined;
  const label = textCells.reduce((a, c) => (c.text.length > a.text.length ? c : a)).text.replace(/^[-–•+*]\s*/, "").replace(/[\s:]+$/, "");
  const unitCell = cells.find((c, i) => i !== k && c.text !== label && UNIT_CELL.test(c.text) && c.text.length <= 20 && !textCells.some((t) => t.text === c.text && t.text.length > 20));
  const ownRest = own.text.slice(shown.length).trim();
  const unit = ownRest || (unitCell && unitCell.text !== label ? unitCell.text : "");
  const lead = label + ": ";
  return { lead, after: unit ? " " + unit : "", clause: lead, sentence: row.above + lead + shown + (unit ? " " + unit : "") };
}

/** How many cells of a row (but the first) that look like figure cells hold a figure of the sentence. */
function figureCellsOf(row: Row, figs: Figure[]): number {
  const seen = new Set<number>();
  for (const g of figs) {
    const i = cellAt(row.cells, g.start);
    if (i > 0 && row.figureCell[i]) seen.add(i);
    if (seen.size > 1) break;
  }
  return seen.size;
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
  // The figures, the marks and the internal check all ask for a sentence's figures: read once.
  // Kept for one check (`forgetRows`), and only for sentences with figures: a Map, not a WeakMap
  // (a million sentences in a WeakMap cost more to the garbage collector than reading them twice).
  const known = classifiedCache.get(s);
  if (known && known.text === text && known.patterns === patterns && known.other === other) return known.out;
  const out = classify1(text, s, patterns, other);
  if (out.length) classifiedCache.set(s, { text, patterns, other, out });
  return out;
}

const classifiedCache = new Map<Sentence, { text: string; patterns: DraftPatterns; other?: OtherThings; out: Classified[] }>();

function classify1(text: string, s: Sentence, patterns: DraftPatterns, other?: OtherThings): Classified[] {
  const out: Classified[] = [];
  const figs = figuresIn(text, s);
  if (!figs.length) return out;
  const otherClause = other ? otherRegexps(other).clause : undefined;
  const fastClause = !!otherClause && ClauseHits.usable(otherClause);
  let hits: ClauseHits | undefined;
  let hitsOf: Range | undefined;
  const sentence = text.slice(s.start, s.end);
  const row = sentence.includes("\t");
  let rowInfo: Row | undefined;
  let rowFigureCells = 0;
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
      if (!rowInfo) {
        rowInfo = rowOf(text, s.start);
        rowFigureCells = figureCellsOf(rowInfo, figs);
      }
      const r = tableRowContext(text, rowInfo, f, rowFigureCells);
      if (r === null) continue;
      if (r) {
        ctx = r;
        rowMemo = undefined; // the row's context is its own sentence
      }
    }
    let clauseHit: boolean | undefined;
    if (fastClause && ctx.clause.length && !row) {
      if (hitsOf !== clause) {
        hits = new ClauseHits(otherClause!, text, clause.start, clause.end);
        hitsOf = clause;
      }
      clauseHit = hits!.within(Math.max(clause.start, f.start - CONTEXT_BACK), f.start);
    }
    if (aboutOtherThing(other, ctx, clauseHit)) continue;
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
  tally?: Tally,
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
        const key = code + "|" + s.start + "|" + value;
        if (seen.has(key)) continue;
        seen.add(key);
        if (tally && out.length >= tally.cap) {
          tally.more.error++;
          continue;
        }
        const info = sentenceInfo(t, s, f.start, f.afterStart);
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
export function checkNegations(t: NormText, sentences: Sentence[], data: ReportData, template: TemplateDef, patterns: DraftPatterns, lang: Lang, scope?: boolean[], tally?: Tally): Finding[] {
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
        if (tally && out.length >= tally.cap) {
          tally.more.error++;
          continue;
        }
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
