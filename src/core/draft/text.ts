/**
 * A draft's text prepared for matching: NFC ("Ð" read as "Đ"), spaces unified, with a map
 * back to the original offsets (NFD input is shorter once composed); sentences, clauses and
 * the figures in them, read the Vietnamese way ("08" = 8, "10.424.000", "88,9%").
 * Pure functions: no Node, no DOM. No regex lookbehind (old Office webviews lack it).
 */
import { nfc } from "../vn";

export interface NormText {
  /** The original text. */
  orig: string;
  /** Normalised text: NFC, "Ð"→"Đ", every space-like character but the tab a plain space, "\r" → "\n". Tabs separate table cells. */
  text: string;
  /** map[i] = offset in `orig` of normalised character i; map[text.length] = orig.length. */
  map: number[];
}

const COMBINING = /[\u0300-\u036F\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\uFE20-\uFE2F]/;
const SPACES = /[\u00A0\u2007\u2009\u200A\u202F\u2002\u2003\f\v]/;
const DROP = /[\u200B\u200C\u200D\uFEFF\u00AD]/;

function isMark(c: number): boolean {
  return (c >= 0x300 && c < 0x370) || (c >= 0x1ab0 && c < 0x1b00) || (c >= 0x1dc0 && c < 0x1e00) || (c >= 0x20d0 && c < 0x2100) || (c >= 0xfe20 && c < 0xfe30);
}

/** A character that normalisation leaves as it is (a tab separates the cells of a table row). */
function plain(c: number): boolean {
  if (c === 10 || c === 9) return true;
  if (c < 0x20) return false;
  if (c < 0x80) return true;
  if (c === 0xa0 || c === 0xad || c === 0xd0 || c === 0xf0) return false;
  if (isMark(c)) return false;
  if (c >= 0x2000 && c <= 0x200f) return false;
  if (c === 0x202f || c === 0xfeff || c === 0x2126 || c === 0x212a || c === 0x212b) return false;
  if (c >= 0xd800 && c <= 0xdfff) return false;
  if (c >= 0x1100 && c < 0x1200) return false;
  if (c >= 0xf900 && c < 0xfb50) return false;
  return true;
}

/** Normalises a text and keeps, for each character, where it came from. */
export function normalizeText(orig: string): NormText {
  const parts: string[] = [];
  const map: number[] = [];
  let i = 0;
  while (i < orig.length) {
    const start = i;
    const c = orig.charCodeAt(i);
    // Fast path: a character that stays as it is (no mark after it).
    const next = i + 1 < orig.length ? orig.charCodeAt(i + 1) : 0;
    if (plain(c) && !isMark(next)) {
      parts.push(orig[i]);
      map.push(i);
      i++;
      continue;
    }
    let group = orig[i];
    i++;
    if (c >= 0xd800 && c <= 0xdbff && i < orig.length) {
      group += orig[i];
      i++;
    }
    while (i < orig.length && COMBINING.test(orig[i])) {
      group += orig[i];
      i++;
    }
    if (DROP.test(group)) continue;
    let n: string;
    if (group === "\r") n = orig[i] === "\n" ? "" : "\n";
    else if (SPACES.test(group)) n = " ";
    else n = group.length === 1 && !/[\u00D0\u00F0]/.test(group) ? group : nfc(group);
    for (let k = 0; k < n.length; k++) {
      parts.push(n[k]);
      map.push(start);
    }
  }
  map.push(orig.length);
  return { orig, text: parts.join(""), map };
}

/** The original text between two normalised offsets, composed (NFC), spaces collapsed. */
export function quoteOf(t: NormText, start: number, end: number): string {
  return nfc(t.orig.slice(t.map[start], t.map[end]))
    .replace(/[\s\u00A0]+/g, " ")
    .trim();
}

export interface Range {
  start: number;
  end: number;
}

export interface Sentence extends Range {
  /** Index of the line (paragraph) it is in, 0-based, counting non-empty lines. */
  line: number;
  /** Clauses: parts between ";" (ranges in the normalised text). */
  clauses: Range[];
}

const LETTER = /\p{L}/u;

/** One character: a letter? (ASCII at once, the rest through \p{L}.) */
function isLetter(ch: string): boolean {
  if (ch === "") return false;
  const c = ch.charCodeAt(0);
  if (c < 0x80) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER.test(ch);
}

function isDigit(ch: string): boolean {
  return ch.length > 0 && ch.charCodeAt(0) >= 48 && ch.charCodeAt(0) <= 57;
}

/** One character: white space as \s reads it? */
function isSpace(ch: string): boolean {
  if (ch === "") return false;
  const c = ch.charCodeAt(0);
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
  return /\s/.test(ch);
}
const UPPER = /\p{Lu}/u;

function isListNumber(s: string): boolean {
  return /^\s*(?:[-+•*]\s*)?(?:\d{1,3}|[IVXLC]{1,6}|[a-zđ])$/u.test(s);
}

/** Known abbreviations that end with a dot inside a sentence. */
const ABBREV = /(?:^|[\s(])(?:TP|Tp|KT|TM|TL|TS|ThS|PGS|GS|TT|Q|P|St|v\.v|Th\.S|CN)$/;

/**
 * Sentences of a text: lines are paragraphs; within a line a sentence ends at ".", "!", "?"
 * or "…" followed by a space and an upper-case letter, a digit, a list mark or an opening
 * quote or bracket. A list number ("1.", "a)") does not end a sentence. Leading list marks
 * ("- ", "+ ") are left out of the sentence.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let lineNo = 0;
  let pos = 0;
  while (pos <= text.length) {
    let eol = text.indexOf("\n", pos);
    if (eol < 0) eol = text.length;
    const line = text.slice(pos, eol);
    if (line.trim() !== "") {
      let s = 0;
      for (let k = 0; k < line.length; k++) {
        const ch = line[k];
        if (ch !== "." && ch !== "!" && ch !== "?" && ch !== "…") continue;
        // Run of closing punctuation ("./.", "...", ".”", ".)").
        let e = k + 1;
        while (e < line.length && /[.!?…/”"’)*\]]/.test(line[e])) e++;
        if (e >= line.length || line[e] !== " ") {
          k = e - 1;
          continue;
        }
        let n = e;
        while (n < line.length && line[n] === " ") n++;
        if (n >= line.length) break;
        const next = line[n];
        const startsNew = UPPER.test(next) || /[\d\-+•“"‘(*[]/.test(next);
        const before = line.slice(Math.max(s, k - 12), k);
        if (!startsNew || (k - s <= 12 && isListNumber(line.slice(s, k))) || (ch === "." && ABBREV.test(before))) {
          k = e - 1;
          continue;
        }
        push(pos + s, pos + e);
        s = n;
        k = n - 1;
      }
      push(pos + s, pos + line.length);
      lineNo++;
    }
    pos = eol + 1;
  }
  return out;

  function push(a: number, b: number): void {
    // Trim spaces and leading list marks.
    while (a < b && /[\s]/.test(text[a])) a++;
    while (a < b && /[-+•*]/.test(text[a]) && a + 1 < b && text[a + 1] === " ") {
      a += 2;
      while (a < b && text[a] === " ") a++;
    }
    while (b > a && /\s/.test(text[b - 1])) b--;
    if (b <= a) return;
    const clauses: Range[] = [];
    let c = a;
    for (let k = a; k < b; k++) {
      if (text[k] === ";") {
        clauses.push({ start: c, end: k });
        c = k + 1;
      }
    }
    clauses.push({ start: c, end: b });
    out.push({ start: a, end: b, line: lineNo, clauses });
  }
}

/**
 * Index of the first sentence that ends after `pos` (sentences are in order and do not
 * overlap): the sentence holding `pos` when there is one, else the next. Binary search.
 */
export function sentenceIndexAt(sentences: Sentence[], pos: number): number {
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A figure in a sentence. */
export interface Figure extends Range {
  /** The figure as written ("08", "10.424.000", "88,9", "04/04"). */
  raw: string;
  /** Its value (for a fraction: the numerator). */
  value: number;
  /** Decimals written (after a multiplier word, of the figure before it). */
  decimals: number;
  /** Multiplier word after the figure ("triệu" → 1e6), 1 when none. */
  multiplier: number;
  percent: boolean;
  /** "N/M" (both parts). */
  fraction?: { value: number; raw: string };
  /** Not a figure of anything: part of a date, a symbol, a list number, "mức độ 3", "năm 2021", … */
  excluded: boolean;
  /** Approximate ("khoảng 20") or a difference ("tăng 02"): never compared. */
  skip: boolean;
  /** Where the text after the figure (and its "%" or multiplier) starts. */
  afterStart: number;
}

/** Words after which a number is not a figure (a date, a term, a level, an article…). */
const NOT_A_FIGURE_BEFORE =
  /(?:^|[^\p{L}])(?:ngày|tháng|năm|khóa|khoá|nhiệm kỳ|kỳ|kì|lần|lần thứ|thứ|điều|khoản|điểm|mục|chương|phụ lục|quý|tuần|giai đoạn|mức|mức độ|cấp độ|trung ương|giờ|phút|đợt|phần|bước|tiết|khu|xóm|thôn|tiểu khu|phường|quận|số hiệu|covid)\s*$/iu;
const LEVEL_LIST = /mức(?:\s+độ)?\s*(?:\d+\s*(?:,|và|hoặc)\s*)+$/iu;
const APPROX_BEFORE =
  /(?:^|[^\p{L}])(?:khoảng|hơn|gần|trên|dưới|xấp xỉ|ước|ước tính|tầm|chừng|ngót|hàng|gần như|tối thiểu|tối đa|ít nhất|không dưới|không quá)\s*$/iu;
const DIFF_BEFORE = /(?:^|[^\p{L}])(?:tăng|giảm|thêm|bớt|chênh lệch|vượt|hụt|tăng thêm|giảm đi|hơn so với)\s*$/iu;
const MULTIPLIER = /^\s*(nghìn|ngàn|triệu|tỷ|tỉ)(?![\p{L}])/iu;
const MULTIPLIERS: Record<string, number> = { nghìn: 1e3, ngàn: 1e3, triệu: 1e6, tỷ: 1e9, tỉ: 1e9 };

/** Reads a figure token the Vietnamese way; undefined when it is not one number ("17.11.2015"). */
export function readFigure(tok: string, percent: boolean): { value: number; decimals: number } | undefined {
  let m = /^(\d{1,3}(?:\.\d{3})+)(?:,(\d+))?$/.exec(tok);
  if (m) return { value: parseFloat(m[1].replace(/\./g, "") + (m[2] ? "." + m[2] : "")), decimals: m[2] ? m[2].length : 0 };
  m = /^(\d+)(?:,(\d+))?$/.exec(tok);
  if (m) return { value: parseFloat(m[1] + (m[2] ? "." + m[2] : "")), decimals: m[2] ? m[2].length : 0 };
  // "88.9%": a decimal point in a percent.
  m = /^(\d{1,3})\.(\d{1,2})$/.exec(tok);
  if (m && percent) return { value: parseFloat(m[1] + "." + m[2]), decimals: m[2].length };
  return undefined;
}

/** Only spaces and at most one list mark ("-", "+", "•", "*") between the line's start and `a` (looks back a few characters only). */
function atLineStart(text: string, a: number): boolean {
  let mark = false;
  for (let i = a - 1, n = 0; i >= 0; i--, n++) {
    const c = text[i];
    if (c === "\n") return true;
    if (n > 40) return false;
    if (/\s/.test(c)) continue;
    if (!mark && /[-+•*]/.test(c)) {
      mark = true;
      continue;
    }
    return false;
  }
  return true;
}

/** The figures of one sentence, in order. */
export function figuresIn(text: string, s: Range): Figure[] {
  const out: Figure[] = [];
  const re = /\d+(?:[.,]\d+)*/g;
  // The search runs over the text up to the sentence's end only (a cheap slice in V8):
  // searching the whole text from each sentence would be quadratic in the draft's length.
  const upTo = text.slice(0, s.end);
  re.lastIndex = s.start;
  let m: RegExpExecArray | null;
  while ((m = re.exec(upTo)) && m.index < s.end) {
    const a = m.index;
    let b = a + m[0].length;
    if (b > s.end) break;
    const raw = m[0];
    const c0 = a > 0 ? text[a - 1] : "";
    const c00 = a > 1 ? text[a - 2] : "";
    const c1 = text[b] ?? "";
    const c2 = text[b + 1] ?? "";
    // The words before the figure, within its table cell (a tab separates cells).
    const leadAll = text.slice(Math.max(s.start, a - 40), a);
    const lead = leadAll.slice(leadAll.lastIndexOf("\t") + 1);
    let excluded = false;
    let fraction: Figure["fraction"];
    // Inside a word, a symbol, a date or a range.
    if (isLetter(c0) || c0 === "/" || c0 === "_" || (c0 === "-" && (isLetter(c00) || isDigit(c00) || c00 === " "))) excluded = true;
    if (isLetter(c1) || c1 === "_") excluded = true;
    if (c1 === "-" && (isLetter(c2) || isDigit(c2))) excluded = true;
    if (c1 === "/") {
      const fm = /^\/(\d+)(?![\d/.\-\p{L}])/u.exec(text.slice(b, Math.min(s.end + 1, b + 40)));
      if (fm && !excluded && !/ngày\s*$/iu.test(lead)) {
        fraction = { value: parseInt(fm[1], 10), raw: fm[1] };
        b += fm[0].length;
        re.lastIndex = b;
      } else excluded = true;
    }
    if ((c1 === "." || c1 === ",") && isDigit(c2)) excluded = true;
    let percent = false;
    let multiplier = 1;
    let after = b;
    const pm = c1 === "%" || (c2 === "%" && isSpace(c1)) ? /^\s?%/.exec(text.slice(b, b + 2)) : null;
    if (pm && !fraction) {
      percent = true;
      after = b + pm[0].length;
    }
    let value = 0;
    let decimals = 0;
    if (!excluded) {
      const f = readFigure(fraction ? raw : raw, percent);
      if (!f) excluded = true;
      else {
        value = f.value;
        decimals = f.decimals;
      }
    }
    if (!excluded && !percent && !fraction) {
      // A multiplier word starts with a letter after the spaces: no word, no test.
      let w = b;
      while (w < b + 12 && isSpace(text[w] ?? "")) w++;
      const mm = isLetter(text[w] ?? "") ? MULTIPLIER.exec(text.slice(b, b + 12)) : null;
      if (mm) {
        multiplier = MULTIPLIERS[mm[1].toLowerCase()] ?? 1;
        after = b + mm[0].length;
      }
    }
    // A list number at the start of a line ("1.", "2)").
    if (!excluded && /^[.)]/.test(c1) && !percent && atLineStart(text, a)) excluded = true;
    // The four word tests below all need a letter before the figure: skipped when there is none.
    const leadWords = LETTER.test(lead);
    if (!excluded && leadWords && NOT_A_FIGURE_BEFORE.test(lead)) excluded = true;
    // "mức độ 3, 4": levels, unless a noun follows ("mức độ 3 và 19 dịch vụ công …").
    if (!excluded && leadWords && LEVEL_LIST.test(lead) && !/^\s*(?:dịch vụ|dvc|thủ tục|hồ sơ)/iu.test(text.slice(after, after + 12))) excluded = true;
    let skip = false;
    if (!excluded) {
      if (leadWords && (APPROX_BEFORE.test(lead) || DIFF_BEFORE.test(lead))) skip = true;
      const tail = text.slice(after, Math.min(s.end, after + 60));
      const cut = tail.search(/[,;.:()]/);
      const upToPunct = cut < 0 ? tail : tail.slice(0, cut);
      if (/(?:^|\s)so với(?:\s|$)/iu.test(upToPunct)) skip = true;
      if (/^\s*(?:trở lên|trở xuống|\+)/iu.test(tail)) skip = true;
    }
    out.push({ start: a, end: b, raw: fraction ? raw + "/" + fraction.raw : raw, value, decimals, multiplier, percent, fraction, excluded, skip, afterStart: after });
  }
  return out;
}

/**
 * A finding's quote as shown to a person: "…" where the excerpt starts or ends inside a
 * sentence of the text (quotes are centred on what they point at, so long sentences are cut).
 */
export function quoteShown(text: string, offset: number, quote: string): string {
  // Looks a bounded way around the quote: a 5 MB line is not scanned once per finding.
  const from = Math.max(0, offset - QUOTE_LOOK);
  const lineStart = Math.max(from, text.lastIndexOf("\n", offset - 1) + 1);
  const before = text.slice(lineStart, offset).trim();
  const cutBefore = before !== "" && !/[.!?…:;]["”’)]*$/.test(before) && !/^(?:[-+•*]|\d{1,3}[.)]|[a-zđ]\))$/u.test(before);
  const end = Math.min(text.length, offset + quote.length);
  const rest = text.slice(end, end + QUOTE_LOOK);
  const eol = rest.indexOf("\n");
  const after = (eol < 0 ? rest : rest.slice(0, eol)).trim();
  const cutAfter = after !== "" && !/[.!?…;:]["”’)]*$/.test(quote) && !/^[.!?…;:]/.test(after);
  return (cutBefore ? "…" : "") + quote + (cutAfter ? "…" : "");
}

const QUOTE_LOOK = 2000;
