/**
 * Vietnamese text, number and date formatting (spec: vn-document-conventions.md).
 * Pure functions: no Office, no DOM, no Node.
 */

const NEEDS_NFC = /[\u0300-\u036F\u0340-\u0344\u00D0\u00F0\u2126\u212A\u212B\u1100-\u11FF\uFB00-\uFB4F]/;

/** NFC, and the look-alike "Ð" (U+00D0) / "ð" (U+00F0) read as "Đ" (U+0110) / "đ" (U+0111). */
export function nfc(s: string): string {
  // Fast path: text with no combining mark or look-alike is already in the form we want.
  if (!NEEDS_NFC.test(s)) return s;
  let out = s.normalize("NFC");
  if (out.indexOf("\u00D0") >= 0 || out.indexOf("\u00F0") >= 0) {
    out = out.replace(/\u00D0/g, "\u0110").replace(/\u00F0/g, "\u0111");
  }
  return out;
}

/** Group the digits of a non-negative integer string by thousands with ".". */
function groupThousands(digits: string): string {
  if (digits.length <= 3) return digits;
  let out = "";
  let i = digits.length % 3;
  if (i > 0) out = digits.slice(0, i);
  for (; i < digits.length; i += 3) out += (out ? "." : "") + digits.slice(i, i + 3);
  return out;
}

/** Round half away from zero to `decimals` places, on the decimal form (1.005 → 1.01, not 1.00). */
export function roundTo(n: number, decimals: number): number {
  if (!isFinite(n)) return n;
  const d = Math.max(0, Math.floor(decimals));
  if (Number.isInteger(n) || d >= decimalsOf(n)) return n;
  const sign = n < 0 ? -1 : 1;
  const a = Math.abs(n);
  const s = String(a);
  if (s.indexOf("e") >= 0) {
    const p = Math.pow(10, d);
    return (sign * Math.round(a * p)) / p;
  }
  return sign * Number(Math.round(Number(s + "e" + d)) + "e-" + d);
}

/** 10424000 → "10.424.000"; (88.9, 1) → "88,9"; (-5) → "-5". */
export function formatNumber(n: number, decimals = 0): string {
  if (!isFinite(n)) return String(n);
  if (decimals === 0 && Number.isSafeInteger(n)) return (n < 0 ? "-" : "") + groupThousands(String(Math.abs(n)));
  const d = Math.max(0, Math.min(20, Math.floor(decimals)));
  if (d > 0 && d <= 15 && n > -1e15 && n < 1e15) {
    // Fast path: a number with at most d decimals (88.9 with 1) is printed as it is; toFixed
    // then changes nothing, which the round trip shows. Otherwise round on the decimal form.
    const fixed = n.toFixed(d);
    if (+fixed === n) {
      const neg = fixed.charCodeAt(0) === 45;
      const dot = fixed.indexOf(".");
      return (neg ? "-" : "") + groupThousands(fixed.slice(neg ? 1 : 0, dot)) + "," + fixed.slice(dot + 1);
    }
  }
  const r = roundTo(n, d);
  const neg = r < 0 && r !== 0;
  const fixed = Math.abs(r).toFixed(d);
  const dot = fixed.indexOf(".");
  const int = dot < 0 ? fixed : fixed.slice(0, dot);
  const frac = dot < 0 ? "" : fixed.slice(dot + 1);
  return (neg ? "-" : "") + groupThousands(int) + (frac ? "," + frac : "");
}

/** Number of decimals a number is written with in its shortest form (88.9 → 1, 100 → 0). */
export function decimalsOf(n: number): number {
  if (!isFinite(n) || Number.isInteger(n)) return 0;
  const s = String(Math.abs(n));
  const e = s.indexOf("e");
  if (e >= 0) {
    const mant = s.slice(0, e);
    const exp = parseInt(s.slice(e + 1), 10);
    const dot = mant.indexOf(".");
    const fracLen = dot >= 0 ? mant.length - dot - 1 : 0;
    return Math.max(0, fracLen - exp);
  }
  const dot = s.indexOf(".");
  return dot >= 0 ? s.length - dot - 1 : 0;
}

/**
 * A count as printed: padded with a leading zero below 10 ("08", "01"), 0 stays "0";
 * `pad: false` gives "8". A fractional count prints with its decimals ("1,5").
 */
export function formatCount(n: number, opts?: { pad?: boolean }): string {
  const pad = opts?.pad !== false;
  if (!Number.isInteger(n)) return formatNumber(n, decimalsOf(n));
  if (pad && n > 0 && n < 10) return "0" + n;
  return formatNumber(n, 0);
}

/** (88.9, 1) → "88,9%"; 100 → "100%" (no space before "%"). */
export function formatPercent(p: number, decimals = 0): string {
  return formatNumber(p, decimals) + "%";
}

/** The parts of an ISO date that exists (2021-02-30 and 2021-13-45 do not: undefined). */
function isoParts(iso: string): { y: number; m: number; d: number } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return undefined;
  const p = { y: +m[1], m: +m[2], d: +m[3] };
  return validYmd(p.y, p.m, p.d) ? p : undefined;
}

/** True for a string "yyyy-mm-dd" naming a day that exists. */
export function isIsoDate(v: unknown): v is string {
  return typeof v === "string" && v.length === 10 && ISO_DATE.test(v) && isoParts(v) !== undefined;
}

/** Padding rule for dates: day below 10, and months 1 and 2, take a leading zero. */
function padDay(d: number): string {
  return d < 10 ? "0" + d : String(d);
}
function padMonth(m: number): string {
  return m <= 2 ? "0" + m : String(m);
}

/** "2021-03-30" → "30/3/2021"; "2021-01-11" → "11/01/2021"; "2021-05-04" → "04/5/2021". Not ISO → returned as is. */
/** "30/3/2021"; a date that cannot be read or does not exist ("2021-02-30") gives "" (never printed as typed). */
export function formatDate(iso: string): string {
  const p = isoParts(iso);
  if (!p) return "";
  return padDay(p.d) + "/" + padMonth(p.m) + "/" + p.y;
}

/** "Sơn La, ngày 14 tháng 11 năm 2021"; "…, ngày 05 tháng 9 năm 2026"; "…, ngày 15 tháng 02 năm 2026". */
export function formatDateLine(place: string, iso: string): string {
  const p = isoParts(iso);
  const prefix = place && place.trim() ? place.trim() + ", " : "";
  // A date that cannot be read or does not exist: the blank form, for the clerk to fill in.
  if (!p) return prefix + "ngày … tháng … năm …";
  return prefix + "ngày " + padDay(p.d) + " tháng " + padMonth(p.m) + " năm " + p.y;
}

/** ["A"] → "A"; ["A", "B"] → "A và B"; ["A", "B", "C"] → "A, B và C". */
export function joinVi(items: string[]): string {
  return joinWith(items, " và ");
}

function joinWith(items: string[], last: string): string {
  let out = "";
  let prev: string | undefined;
  for (let i = 0; i < items.length; i++) {
    const x = items[i];
    if (x === "") continue;
    if (prev !== undefined) out += (out ? ", " : "") + prev;
    prev = x;
  }
  if (prev === undefined) return "";
  return out ? out + last + prev : prev;
}

/** ["A", "B", "C"] → "A, B and C" (English counterpart of joinVi). */
export function joinEn(items: string[]): string {
  return joinWith(items, " and ");
}

/**
 * First letter in lower case ("Triển khai …" → "triển khai …"). A first word written in
 * capitals (an abbreviation such as "UBND", "QCDC") is kept as is.
 */
export function lowerFirst(s: string): string {
  if (!s) return s;
  // Keep a first word written in capitals (an abbreviation): "UBND", "QCDC", "HĐND".
  let letters = 0;
  let allUpper = true;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === " " || ch === "," || ch === "." || ch === ";" || ch === ":" || ch === "(" || ch === ")") break;
    const lo = ch.toLowerCase();
    const up = ch.toUpperCase();
    if (lo === up) continue; // not a letter (digit, mark, sign)
    letters++;
    if (ch !== up) {
      allUpper = false;
      break;
    }
  }
  if (letters > 1 && allUpper) return s;
  const cp = s.codePointAt(0)!;
  const ch = String.fromCodePoint(cp);
  return ch.toLowerCase() + s.slice(ch.length);
}

/** First letter in upper case. */
export function upperFirst(s: string): string {
  if (!s) return s;
  const c0 = s.charCodeAt(0);
  if (c0 < 0xd800 || c0 > 0xdfff) {
    const c = s[0];
    const u = c.toUpperCase();
    return u === c ? s : u + s.slice(1);
  }
  const ch = String.fromCodePoint(s.codePointAt(0)!);
  return ch.toUpperCase() + s.slice(ch.length);
}

const DAY_MS = 86400000;
const EPOCH_1899_12_30 = Date.UTC(1899, 11, 30);

function pad2(n: number): string {
  return n < 10 ? "0" + n : String(n);
}

function isoFromUtcMs(ms: number): string {
  const dt = new Date(ms);
  const y = dt.getUTCFullYear();
  const ys = y >= 0 && y < 10000 ? String(y).padStart(4, "0") : String(y);
  return ys + "-" + pad2(dt.getUTCMonth() + 1) + "-" + pad2(dt.getUTCDate());
}

/**
 * Excel (1900 date system) serial → ISO date. Serial 1 is 1900-01-01; Excel's phantom
 * 1900-02-29 (serial 60) is read as 1900-02-28; the time of day is dropped.
 */
export function serialToIso(serial: number): string {
  const s = Math.floor(serial);
  if (s >= 61) return isoFromUtcMs(EPOCH_1899_12_30 + s * DAY_MS);
  if (s === 60) return "1900-02-28";
  return isoFromUtcMs(EPOCH_1899_12_30 + (s + 1) * DAY_MS);
}

/** ISO date → Excel (1900 date system) serial. */
export function isoToSerial(iso: string): number {
  const p = isoParts(iso);
  if (!p) return NaN;
  const ms = Date.UTC(p.y, p.m - 1, p.d);
  const days = Math.round((ms - EPOCH_1899_12_30) / DAY_MS);
  return days >= 61 ? days : days - 1;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validYmd(y: number, m: number, d: number): boolean {
  if (!(y >= 1000 && y <= 9999 && m >= 1 && m <= 12 && d >= 1)) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const dim = m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1];
  return d <= dim;
}

function ymd(y: number, m: number, d: number): string | undefined {
  return validYmd(y, m, d) ? y + "-" + pad2(m) + "-" + pad2(d) : undefined;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Smallest and largest serial we take for a date (1900-01-01 … 9999-12-31). */
const MAX_SERIAL = 2958465;

/**
 * An ISO date (yyyy-mm-dd) from a date as people and spreadsheets give it: "2021-03-30",
 * "2021-03-30T00:00:00.000Z" (the date part, no time-zone shift), "30/3/2021",
 * "30.3.2021", "30-3-2021", "ngày 30/3/2021", "ngày 30 tháng 3 năm 2021", an Excel serial
 * number (44285) or a Date. Anything else → undefined.
 */
/**
 * A whole number from 1900 to 2100 in a date cell is a year someone typed ("2021"), not the
 * Excel serial it would also be (a day in 1905): it is not read as a date.
 */
export function looksLikeYear(n: number): boolean {
  return Number.isInteger(n) && n >= 1900 && n <= 2100;
}

export function parseDate(raw: unknown): string | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw === "number") {
    if (!isFinite(raw) || raw < 1 || raw > MAX_SERIAL || looksLikeYear(raw)) return undefined;
    return serialToIso(raw);
  }
  if (raw instanceof Date) {
    const t = raw.getTime();
    if (isNaN(t)) return undefined;
    // A date at UTC midnight (exceljs, JSON) is taken in UTC; otherwise its local calendar day.
    if (raw.getUTCHours() === 0 && raw.getUTCMinutes() === 0 && raw.getUTCSeconds() === 0) {
      return ymd(raw.getUTCFullYear(), raw.getUTCMonth() + 1, raw.getUTCDate());
    }
    return ymd(raw.getFullYear(), raw.getMonth() + 1, raw.getDate());
  }
  if (typeof raw !== "string") return undefined;
  if (raw.length === 10 && ISO_DATE.test(raw)) return ymd(+raw.slice(0, 4), +raw.slice(5, 7), +raw.slice(8, 10));
  let s = nfc(raw).trim().toLowerCase();
  if (!s) return undefined;
  s = s.replace(/^ngày\s+/, "").replace(/\s+/g, " ");
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})\s*([/.\-])\s*(\d{1,2})\s*\2\s*(\d{4})$/.exec(s);
  if (m) return ymd(+m[4], +m[3], +m[1]);
  m = /^(\d{1,2}) tháng (\d{1,2}) năm (\d{4})$/.exec(s);
  if (m) return ymd(+m[3], +m[2], +m[1]);
  if (/^\d{1,7}(\.0+)?$/.test(s)) {
    const n = parseFloat(s);
    // As for a number: a year ("2021") is not a serial date, so that text and number read alike.
    if (n >= 1 && n <= MAX_SERIAL && !looksLikeYear(n)) return serialToIso(n);
  }
  return undefined;
}
