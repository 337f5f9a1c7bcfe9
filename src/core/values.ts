/**
 * Reading indicator values as people type them (spec qcdc-2021: "Reading values as people
 * type them"). The indicator's kind decides the reading.
 *
 * - count / money: "." groups thousands ("10.424.000"), "," is the decimal comma ("1,5" is
 *   1.5, a fractional count: invalid). "Không" / "Không có" are 0.
 * - percent: percent units; "88,9%", "88,9", "88.9" and 88.9 all read 88.9 with 1 decimal
 *   "as written". "Không có" (and "Không") mean not applicable.
 * - Blank: null, undefined, "", "-", "x", "–".
 * - A unit or other words around the one figure ("04 cuộc", "10.424.000 đồng",
 *   "Tổng: 8") are read with a note giving the clean form (a `value.read` info);
 *   "10 triệu đồng" is read as 10.000.000 with a note.
 * - Approximate figures ("hơn 500", "khoảng 20", "gần", "hầu hết", "trên", "dưới",
 *   "xấp xỉ", "ước", "~") are invalid, as are two figures in one cell and words alone.
 */
import type { IndicatorKind, RawValue } from "./types";
import { nfc, formatNumber, formatCount, formatPercent, decimalsOf, roundTo } from "./vn";

const MAX_PCT_DECIMALS = 15;

export type InvalidReason = "negative" | "fractional" | "over100" | "approximate" | "text";

export type Reading =
  | { status: "blank" }
  | { status: "number"; value: number; decimals: number; note?: { clean: string } }
  | { status: "na" }
  | { status: "invalid"; reason: InvalidReason };

const BLANK: Reading = { status: "blank" };
const NA: Reading = { status: "na" };

/**
 * The words people type for a blank, a zero and "not applicable", as written (the one list:
 * the reader below compares them lower-cased, the ✓/✗ formulas compare them in Excel).
 */
export const BLANK_TEXTS: readonly string[] = ["", "-", "x", "–", "—", "--"];
export const ZERO_TEXTS: readonly string[] = ["Không", "Không có", "khong", "khong co"].map((s) => s.normalize("NFC"));
export const NA_TEXTS: readonly string[] = ["Không có", "Không", "khong co", "khong", "Không áp dụng", "n/a", "k/c"].map((s) => s.normalize("NFC"));
const lowerSet = (xs: readonly string[]) => new Set(xs.map((x) => x.toLowerCase()));
const BLANK_WORDS = lowerSet(BLANK_TEXTS);
const ZERO_WORDS = lowerSet(ZERO_TEXTS);
const NA_WORDS = lowerSet(NA_TEXTS);

/** Words or signs that make a figure approximate when they come before it. */
const APPROX_PREFIX = [
  "hơn",
  "khoảng",
  "gần",
  "hầu hết",
  "trên",
  "dưới",
  "xấp xỉ",
  "ước",
  "ước tính",
  "ước khoảng",
  "tầm",
  "chừng",
  "khoảng chừng",
  "trên dưới",
  "ngót",
  "không dưới",
  "không quá",
  "tối thiểu",
  "tối đa",
  "ít nhất",
  "nhiều hơn",
  "ít hơn",
  "gần như",
  "về cơ bản",
];
/** Anywhere in the text, these make it approximate. */
const APPROX_ANYWHERE = ["hầu hết", "~", "≈", "xấp xỉ", "khoảng", "trở lên", "trở xuống", "gần như", "đa số"];

const MULTIPLIERS: Record<string, number> = { nghìn: 1e3, ngàn: 1e3, triệu: 1e6, tỷ: 1e9, tỉ: 1e9 };

const PLAIN_INT = /^\d{1,15}$/;
const GROUPED_INT = /^\d{1,3}(?:\.\d{3}){1,4}$/;
const PLAIN_PCT = /^(\d{1,3})(?:[.,](\d{1,10}))?%?$/;

function invalid(reason: InvalidReason): Reading {
  return { status: "invalid", reason };
}

/** Clean, NFC, trimmed text with single spaces (NBSP and thin spaces count as spaces). */
const NEEDS_CLEAN = /[\u00A0\u2007\u2009\u202F\u200B\t\r\n]| {2}/;

export function cleanText(s: string): string {
  if (s.length > 0 && s.charCodeAt(0) !== 32 && s.charCodeAt(s.length - 1) !== 32 && !NEEDS_CLEAN.test(s)) return nfc(s);
  return nfc(s)
    .replace(/[\u00A0\u2007\u2009\u202F\u200B\t\r\n]+/g, " ")
    .replace(/ {2,}/g, " ")
    .trim();
}

function startsWithWord(text: string, word: string): boolean {
  if (!text.startsWith(word)) return false;
  const next = text.charAt(word.length);
  return next === "" || !/[\p{L}]/u.test(next);
}

function containsWord(text: string, word: string): boolean {
  if (!/\p{L}/u.test(word)) return text.indexOf(word) >= 0;
  let i = text.indexOf(word);
  while (i >= 0) {
    const before = i === 0 ? "" : text.charAt(i - 1);
    const after = text.charAt(i + word.length);
    if (!/\p{L}/u.test(before) && !/\p{L}/u.test(after)) return true;
    i = text.indexOf(word, i + 1);
  }
  return false;
}

function isApproximate(lower: string, prefix: string): boolean {
  const p = prefix.trim();
  for (const w of APPROX_PREFIX) if (startsWithWord(p, w)) return true;
  for (const w of APPROX_ANYWHERE) if (containsWord(lower, w)) return true;
  if (/\d\s*\+\s*$/.test(lower) || /^\s*[<>≤≥]/.test(lower)) return true;
  return false;
}

/**
 * A figure token ("10.424.000", "1,5", "88.9") as a number for a kind, with the decimals
 * written; undefined when it cannot be read unambiguously ("1,234.5", "1.23.4").
 */
function parseFigure(tok: string, kind: IndicatorKind): { value: number; decimals: number } | undefined {
  const dots = (tok.match(/\./g) || []).length;
  const commas = (tok.match(/,/g) || []).length;
  let intPart = tok;
  let fracPart = "";
  if (dots === 0 && commas === 0) {
    // plain digits
  } else if (commas === 0) {
    // Dots only: thousands groups when every group after the first has 3 digits.
    const groups = tok.split(".");
    const grouped = groups.length >= 2 && groups[0].length >= 1 && groups[0].length <= 3 && groups.slice(1).every((g) => g.length === 3);
    if (kind === "percent" && dots === 1) {
      [intPart, fracPart] = groups;
    } else if (grouped) {
      intPart = groups.join("");
    } else if (dots === 1) {
      [intPart, fracPart] = groups; // "1.5": a decimal point
    } else {
      return undefined;
    }
  } else if (dots === 0) {
    if (commas > 1) return undefined;
    [intPart, fracPart] = tok.split(",");
    // "1,000" in a count could be an English thousands separator: do not guess.
    if (kind !== "percent" && fracPart.length === 3 && intPart.length <= 3) return undefined;
  } else {
    // Both: Vietnamese "1.234,5" only (dots before the one comma, groups of 3).
    if (commas > 1 || tok.lastIndexOf(".") > tok.indexOf(",")) return undefined;
    const [i, f] = tok.split(",");
    const groups = i.split(".");
    if (!(groups[0].length >= 1 && groups[0].length <= 3 && groups.slice(1).every((g) => g.length === 3))) return undefined;
    intPart = groups.join("");
    fracPart = f;
  }
  if (!/^\d+$/.test(intPart) || (fracPart !== "" && !/^\d+$/.test(fracPart))) return undefined;
  const value = parseFloat(intPart + (fracPart ? "." + fracPart : ""));
  return { value, decimals: fracPart.length };
}

function checkNumber(value: number, decimals: number, kind: IndicatorKind, note?: { clean: string }): Reading {
  if (value < 0) return invalid("negative");
  if (kind === "percent") {
    if (value > 100) return invalid("over100");
  } else if (!Number.isInteger(value)) {
    return invalid("fractional");
  }
  const value0 = value === 0 ? 0 : value; // no -0
  const r: Reading = { status: "number", value: value0, decimals: kind === "percent" ? decimals : 0 };
  if (note) r.note = note;
  return r;
}

/** Read one value as typed, for an indicator of this kind. */
export function readValue(raw: RawValue, kind: IndicatorKind): Reading {
  if (raw === null || raw === undefined) return BLANK;
  if (typeof raw === "number") {
    if (!isFinite(raw)) return invalid("text");
    if (kind !== "percent") return checkNumber(raw, 0, kind);
    // A percent's decimals "as written" are the number's own, at most 15 (binary noise beyond).
    const d = decimalsOf(raw);
    return d > MAX_PCT_DECIMALS ? checkNumber(roundTo(raw, MAX_PCT_DECIMALS), MAX_PCT_DECIMALS, kind) : checkNumber(raw, d, kind);
  }
  if (typeof raw === "boolean") return invalid("text");
  if (typeof raw !== "string") return invalid("text");
  // Fast paths for plain figures: "08", "10.424.000", "100%", "88,9%".
  if (kind !== "percent") {
    if (PLAIN_INT.test(raw)) return { status: "number", value: parseInt(raw, 10), decimals: 0 };
    if (GROUPED_INT.test(raw)) return { status: "number", value: parseInt(raw.replace(/\./g, ""), 10), decimals: 0 };
  } else {
    const pm = PLAIN_PCT.exec(raw);
    if (pm) {
      const value = parseFloat(pm[1] + (pm[2] ? "." + pm[2] : ""));
      if (value <= 100) return { status: "number", value, decimals: pm[2] ? pm[2].length : 0 };
    }
  }
  const s = cleanText(raw);
  const lower = s.toLowerCase();
  if (BLANK_WORDS.has(lower)) return BLANK;
  if (kind === "percent") {
    if (NA_WORDS.has(lower)) return NA;
  } else if (ZERO_WORDS.has(lower)) {
    return { status: "number", value: 0, decimals: 0 };
  }

  // One figure, possibly signed, possibly followed by "%", with text around it.
  const figures = lower.match(/\d[\d.,]*\d|\d/g);
  if (!figures) {
    if (isApproximate(lower, lower)) return invalid("approximate");
    return invalid("text");
  }
  const m = /^(.*?)([-−–]\s*)?(\d[\d.,]*\d|\d)(\s*%)?(.*)$/.exec(lower)!;
  const prefix = m[1];
  const negative = !!m[2];
  const tok = m[3];
  const pct = !!m[4];
  let rest = m[5].trim();
  if (isApproximate(lower, prefix)) return invalid("approximate");
  if (figures.length > 1) return invalid("text");
  if (pct && kind !== "percent") return invalid("text");

  const fig = parseFigure(tok, kind);
  if (!fig) return invalid("text");
  let { value, decimals } = fig;

  // A multiplier word right after the figure: "10 triệu đồng", "1,5 tỷ".
  let multiplied = false;
  if (kind !== "percent" && !pct) {
    const mw = /^(nghìn|ngàn|triệu|tỷ|tỉ)(?![\p{L}])/u.exec(rest);
    if (mw) {
      const f = MULTIPLIERS[mw[1]];
      const exact = value * f;
      const rounded = Math.round(exact);
      value = Math.abs(exact - rounded) < 1e-6 * Math.max(1, f) ? rounded : exact;
      decimals = 0;
      multiplied = true;
      rest = rest.slice(mw[1].length).trim();
    }
  }
  if (negative) return value === 0 ? checkNumber(0, decimals, kind) : invalid("negative");

  const hasText = prefix.trim() !== "" || rest !== "" || multiplied;
  if (!hasText) return checkNumber(value, decimals, kind);
  // Words around the figure: read it, with the clean form in a note.
  const tokOriginal = multiplied ? undefined : s.slice(s.toLowerCase().indexOf(tok), s.toLowerCase().indexOf(tok) + tok.length);
  let clean: string;
  if (kind === "percent") clean = formatPercent(value, decimals);
  else if (multiplied || tokOriginal === undefined) clean = formatNumber(value, 0);
  else clean = tokOriginal;
  return checkNumber(value, decimals, kind, { clean });
}

/**
 * The normal form of a value (spec "Data exchange format"): numbers as numbers, percents as
 * "88,9%" strings, "Không có" kept, blanks null; anything that needed interpretation or
 * cannot be read is kept as typed (NFC, trimmed). Idempotent.
 */
export function normalizeValue(raw: RawValue, kind: IndicatorKind): number | string | null {
  const r = readValue(raw, kind);
  switch (r.status) {
    case "blank":
      return null;
    case "na":
      return "Không có";
    case "number":
      if (r.note) return typeof raw === "string" ? cleanText(raw) : (raw as number);
      return kind === "percent" ? formatPercent(r.value, r.decimals) : r.value;
    case "invalid":
      if (typeof raw === "string") return cleanText(raw);
      if (typeof raw === "number") return raw;
      return String(raw);
  }
}

/**
 * A value as the appendix prints it: counts padded ("08"; `pad: false` → "8"), money
 * grouped ("10.424.000"), percents with the decimals written ("88,9%", "100%"),
 * "Không có", "" for blank; an unreadable value as typed.
 */
export function formatValue(raw: RawValue, kind: IndicatorKind, opts?: { pad?: boolean }): string {
  return formatReading(readValue(raw, kind), kind, opts, raw);
}

/** Format a reading (the engine reads once and formats many times). */
export function formatReading(r: Reading, kind: IndicatorKind, opts?: { pad?: boolean }, raw?: RawValue): string {
  switch (r.status) {
    case "blank":
      return "";
    case "na":
      return "Không có";
    case "number":
      if (kind === "percent") return formatPercent(r.value, r.decimals);
      if (kind === "money") return formatNumber(r.value, 0);
      return formatCount(r.value, opts);
    case "invalid":
      if (typeof raw === "string") return cleanText(raw);
      return raw === null || raw === undefined ? "" : String(raw);
  }
}

/** Plain numeric value of a reading, or undefined. */
export function numberOf(r: Reading): number | undefined {
  return r.status === "number" ? r.value : undefined;
}
