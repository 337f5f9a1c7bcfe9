/**
 * lint.*: document symbols and dates in a draft against the conventions
 * (vn-document-conventions.md). Warnings only, each with a suggestion.
 * - lint.symbol: a symbol not in its form ("04/2015/NĐCP", "01/HD/BDVTW", a Party
 *   document in the state form "05/CT-TW");
 * - lint.date: a date written with dots in running text ("17.11.2015"); the date line's
 *   padding is checked in header.ts;
 * - lint.agency-abbr: the same agency abbreviated several ways ("KH-KHCN", "KH-SKHCN", "KH-SKH-CN");
 * - lint.same-document: one document written two ways ("05/CT-TW" and "05-CT/TW").
 */
import type { Finding, Lang, ReportData } from "../types";
import { cleanSymbol, TYPE_CODES } from "../symbol";
import { parseDate } from "../vn";
import type { NormText, Sentence } from "./text";
import { sentenceInfo } from "./figures";
import { msg } from "./messages";

/** Party bodies: a symbol ending in one of these is a Party document (NUMBER-TYPE/BODY). */
export const PARTY_BODIES = new Set([
  "TW", "TƯ", "TU", "HU", "QU", "TXU", "TPU", "ĐU", "ĐUK", "BCHTW", "BCT", "BBT", "VPTW", "BTCTW", "BDVTW", "BTGTW", "BTGDVTW",
  "UBKTTW", "BNCTW", "VPTU", "BTCTU", "BDVTU", "BTGTU", "BTGDVTU", "UBKTTU", "BDVHU", "BTGHU", "VPHU",
]);

export type SymbolForm = "party" | "state" | "cv" | "fused" | "mixed" | "unknown";

export interface ParsedSymbol {
  symbol: string;
  num: string;
  year?: string;
  type?: string;
  body?: string;
  form: SymbolForm;
  /** The correct form where it can be told. */
  fixed?: string;
}

const W = "[\\p{L}\\p{N}&]+";

/** Splits a symbol into its parts and tells its form. */
export function parseSymbol(raw: string): ParsedSymbol {
  const s = cleanSymbol(raw);
  let m = new RegExp(`^(\\d+[a-z]?)-(${W})\\/(${W}(?:-${W})*)$`, "u").exec(s);
  if (m) return { symbol: s, num: m[1], type: m[2], body: m[3], form: "party" };
  m = new RegExp(`^(\\d+[a-z]?)\\/(\\d{4})\\/(${W})(?:-(${W}(?:-${W})*))?$`, "u").exec(s);
  if (m) {
    if (m[4] !== undefined) return { symbol: s, num: m[1], year: m[2], type: m[3], body: m[4], form: "state" };
    // "04/2015/NĐCP": the type fused with the agency.
    const fused = m[3];
    let best = "";
    for (const tc of TYPE_CODES) if (fused.startsWith(tc) && tc.length > best.length && fused.length > tc.length) best = tc;
    if (best) {
      const body = fused.slice(best.length);
      return { symbol: s, num: m[1], year: m[2], type: best, body, form: "fused", fixed: `${m[1]}/${m[2]}/${best}-${body}` };
    }
    return { symbol: s, num: m[1], year: m[2], form: "unknown" };
  }
  m = new RegExp(`^(\\d+[a-z]?)\\/(${W})\\/(${W}(?:-${W})*)$`, "u").exec(s);
  if (m && TYPE_CODES.has(m[2]) && !/^\d+$/.test(m[3])) {
    return { symbol: s, num: m[1], type: m[2], body: m[3], form: "mixed", fixed: `${m[1]}-${m[2]}/${m[3]}` };
  }
  m = new RegExp(`^(\\d+[a-z]?)\\/(${W})-(${W}(?:-${W})*)$`, "u").exec(s);
  if (m) {
    if (TYPE_CODES.has(m[2])) {
      const p: ParsedSymbol = { symbol: s, num: m[1], type: m[2], body: m[3], form: "state" };
      if (PARTY_BODIES.has(m[3])) p.fixed = `${m[1]}-${m[2]}/${m[3]}`;
      return p;
    }
    return { symbol: s, num: m[1], body: m[2] + "-" + m[3], form: "cv" };
  }
  return { symbol: s, num: (/^\d+/.exec(s) ?? [""])[0], form: "unknown" };
}

export interface SymbolHit {
  symbol: ParsedSymbol;
  /** As written (normalised text). */
  written: string;
  start: number;
}

/** Document symbols in a text: a number then "/" or "-" parts, each starting with a capital. */
export function findSymbols(text: string): SymbolHit[] {
  const out: SymbolHit[] = [];
  const re = /\d{1,5}[a-z]?(?:[/\-][\p{L}\p{N}&]+)+/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const a = m.index;
    const c0 = a > 0 ? text[a - 1] : "";
    if (/[\p{L}\p{N}/\-.,_]/u.test(c0)) continue;
    const written = m[0];
    const parts = written.split(/[/\-]/).slice(1);
    const wordParts = parts.filter((p) => /\p{L}/u.test(p));
    if (!wordParts.length) continue;
    if (!wordParts.every((p) => /^\p{Lu}/u.test(p))) continue;
    // A year part then nothing with letters is a date or a range; "Covid-19" never starts with a digit.
    out.push({ symbol: parseSymbol(written), written, start: a });
  }
  return out;
}

function sentenceAt(sentences: Sentence[], pos: number): Sentence | undefined {
  return sentences.find((s) => pos >= s.start && pos < s.end);
}

function where(t: NormText, sentences: Sentence[], pos: number, fallback: string): { quote: string; offset: number } {
  const s = sentenceAt(sentences, pos);
  return s ? sentenceInfo(t, s) : { quote: fallback, offset: t.map[pos] };
}

function warning(rule: string, message: string, suggestion: string, w: { quote: string; offset: number }): Finding {
  return { rule, severity: "warning", message, indicators: [], quote: w.quote, offset: w.offset, suggestion };
}

/** One key per document, whatever way its symbol is written (number, year, type, body without hyphens). */
export function sameKey(p: ParsedSymbol): string | undefined {
  if (!p.type || !p.body || p.form === "cv" || p.form === "unknown") return undefined;
  return [parseInt(p.num, 10), p.year ?? "", p.type.toUpperCase(), p.body.replace(/-/g, "").toUpperCase()].join("|");
}

export function replaceLast(s: string, a: string, b: string): string {
  const i = s.lastIndexOf(a);
  return i < 0 ? s : s.slice(0, i) + b + s.slice(i + a.length);
}

function agencyKey(s: string): string {
  return s.replace(/-/g, "").toUpperCase();
}

/** The agency abbreviations a state symbol may carry ("49/KH-KHCN" → KHCN; "320/SKHCN-VP" → SKHCN, SKHCN-VP). */
function agencyCandidates(p: ParsedSymbol): string[] {
  if (p.form === "state" && p.body && !p.year && !p.fixed) return [p.body];
  if (p.form === "cv" && p.body) {
    const i = p.body.indexOf("-");
    return i > 0 ? [p.body.slice(0, i), p.body] : [p.body];
  }
  return [];
}

export function lintText(t: NormText, sentences: Sentence[], data?: ReportData, lang: Lang = "vi"): Finding[] {
  const out: Finding[] = [];
  const text = t.text;
  const hits = findSymbols(text);

  // lint.symbol: one finding per spelling.
  const flagged = new Set<string>();
  for (const h of hits) {
    const p = h.symbol;
    if (!p.fixed || flagged.has(p.symbol)) continue;
    flagged.add(p.symbol);
    const key = p.form === "fused" ? "symbol.fused" : p.form === "mixed" ? "symbol.mixed" : "symbol.party";
    out.push(
      warning(
        "lint.symbol",
        msg(lang, key, { symbol: h.written, body: p.body ?? "" }),
        msg(lang, "symbol.suggestion", { fixed: p.fixed }),
        where(t, sentences, h.start, h.written),
      ),
    );
  }

  // lint.same-document.
  const groups = new Map<string, SymbolHit[]>();
  for (const h of hits) {
    const k = sameKey(h.symbol);
    if (!k) continue;
    const g = groups.get(k) ?? [];
    g.push(h);
    groups.set(k, g);
  }
  for (const g of groups.values()) {
    const spellings: string[] = [];
    for (const h of g) if (!spellings.includes(h.symbol.symbol)) spellings.push(h.symbol.symbol);
    if (spellings.length < 2) continue;
    const ps = g.map((h) => h.symbol);
    const body = (ps[0].body ?? "").replace(/-/g, "");
    const party = ps.find((p) => p.form === "party");
    const state = ps.find((p) => p.form === "state" && !p.fixed);
    const preferred = (PARTY_BODIES.has(body) || !state ? party?.symbol : state.symbol) ?? ps.find((p) => p.fixed)?.fixed ?? spellings[0];
    // Quote the first place written otherwise than the preferred form.
    const odd = g.find((h) => h.symbol.symbol !== preferred) ?? g[1];
    out.push(
      warning(
        "lint.same-document",
        msg(lang, "same.message", { count: spellings.length, spellings: spellings.map((s) => "\"" + s + "\"").join(lang === "en" ? " and " : " và ") }),
        msg(lang, "same.suggestion", { preferred }),
        where(t, sentences, odd.start, odd.written),
      ),
    );
  }

  // lint.agency-abbr.
  let own: string | undefined;
  const ownSym = String(data?.report?.symbol ?? "").trim();
  if (ownSym) {
    const p = parseSymbol((String(data?.report?.number ?? "").trim() || "1") + "/" + ownSym);
    own = agencyCandidates(p)[0];
  }
  const variants = new Map<string, SymbolHit[]>();
  const addVariant = (v: string, h: SymbolHit) => {
    const list = variants.get(v) ?? [];
    if (!list.some((x) => x.symbol.symbol === h.symbol.symbol)) list.push(h);
    variants.set(v, list);
  };
  if (own) {
    const ownKey = agencyKey(own);
    const same = (k: string) => k === ownKey || "S" + k === ownKey || k === "S" + ownKey;
    for (const h of hits) {
      const c = agencyCandidates(h.symbol).find((x) => same(agencyKey(x)));
      if (c && c.toUpperCase() !== own.toUpperCase()) addVariant(c, h);
    }
    for (const [variant, hs] of variants) {
      const example = replaceLast(hs[0].symbol.symbol, variant, own);
      out.push(
        warning(
          "lint.agency-abbr",
          msg(lang, "abbr.message", { variant, own, symbols: hs.map((h) => h.symbol.symbol).join(", ") }),
          msg(lang, "abbr.suggestion", { own, example }),
          where(t, sentences, hs[0].start, hs[0].written),
        ),
      );
    }
  } else {
    // Without the report's own symbol: spellings of one key (hyphens aside); the most used wins.
    const byKey = new Map<string, Map<string, SymbolHit[]>>();
    for (const h of hits) {
      const c = agencyCandidates(h.symbol)[0];
      if (!c) continue;
      const k = agencyKey(c);
      const m = byKey.get(k) ?? new Map<string, SymbolHit[]>();
      const l = m.get(c) ?? [];
      l.push(h);
      m.set(c, l);
      byKey.set(k, m);
    }
    for (const m of byKey.values()) {
      if (m.size < 2) continue;
      const sorted = [...m.entries()].sort((a, b) => b[1].length - a[1].length);
      const main = sorted[0][0];
      for (const [variant, hs] of sorted.slice(1)) {
        out.push(
          warning(
            "lint.agency-abbr",
            msg(lang, "abbr.message", { variant, own: main, symbols: hs.map((h) => h.symbol.symbol).join(", ") }),
            msg(lang, "abbr.suggestion", { own: main, example: replaceLast(hs[0].symbol.symbol, variant, main) }),
            where(t, sentences, hs[0].start, hs[0].written),
          ),
        );
      }
    }
  }

  // lint.date: dates with dots in running text.
  const dre = /(\d{1,2})\.(\d{1,2})\.(\d{4})/g;
  let m: RegExpExecArray | null;
  while ((m = dre.exec(text))) {
    const a = m.index;
    const c0 = a > 0 ? text[a - 1] : "";
    const c1 = text[a + m[0].length] ?? "";
    if (/[\p{L}\p{N}.,/]/u.test(c0) || /[\p{N}]/u.test(c1) || (c1 === "." && /\d/.test(text[a + m[0].length + 1] ?? ""))) continue;
    if (!parseDate(`${m[1]}/${m[2]}/${m[3]}`)) continue;
    const fixed = `${m[1]}/${m[2]}/${m[3]}`;
    out.push(warning("lint.date", msg(lang, "dots.message", { date: m[0] }), msg(lang, "dots.suggestion", { fixed }), where(t, sentences, a, m[0])));
  }
  return out;
}
