/**
 * The one normaliser of report data (used by `export`, `init --data` and the JSON reader).
 *
 * Normal form (spec "Data exchange format"):
 * - `template`: a known template id (else InputError);
 * - `report`: strings NFC-trimmed, `date` ISO yyyy-mm-dd (kept as typed when unreadable),
 *   `year` a number, `level` a level id ("Cấp tỉnh" → "tinh"), `number` a string,
 *   `recipients` a list (a multi-line string is split, "- " and ";" dropped);
 * - `values`: every indicator of the template in template order, each by `normalizeValue`
 *   (blank → null); codes the template does not know are KEPT after them (NFC text) so
 *   that `check` reports them (`workbook.unknown-code`);
 * - `previous`: likewise, only when present in the input;
 * - `registers`: every register of the template (empty ones as []), rows in order, rows
 *   with every field blank dropped; each field normalised by its type (dates ISO with no
 *   time-zone shift, booleans true/false, enums as option codes, symbols NFC with "Ð" → "Đ",
 *   text NFC with single spaces); blank fields are left out; `issuer` filled in from the
 *   symbol when absent and derivable. Values that cannot be read are kept as typed so
 *   that `check` reports them. Registers the template does not know are kept (NFC).
 * - `sections`, `rules`, `overrides`: NFC-trimmed; blank entries dropped; severities in
 *   lower case; `overrides` may also be given as a list of { rule, severity, reason }.
 * normalizeReport(normalizeReport(x)) deep-equals normalizeReport(x).
 */
import type { ReportData, ReportInfo, RawValue, RegisterRow, RegisterDef, RegisterFieldDef, TemplateDef, Section, UserRule, Override, ConsolidationEntry } from "./types";
import { getTemplate, listTemplates } from "./templates/index";
import { normalizeValue, cleanText } from "./values";
import { nfc, parseDate } from "./vn";
import { issuerFromSymbol } from "./symbol";
import { cleanInput, setInputNotes } from "./input-clean";

/** Bad input that the user must fix; `message` is the Vietnamese text. */
export class InputError extends Error {
  vi: string;
  en: string;
  constructor(vi: string, en: string) {
    super(vi);
    this.name = "InputError";
    this.vi = vi;
    this.en = en;
    Object.setPrototypeOf(this, InputError.prototype);
  }
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

const NEEDS_TEXT_CLEAN = /[\u00A0\u2007\u2009\u202F\t\r]|\n\n\n| {2}|^\s|\s$|\n | \n/;

/** NFC, trimmed text; multi-line text keeps its line breaks (\r\n → \n), other runs of spaces become one. */
function text(x: unknown): string | undefined {
  if (x === null || x === undefined) return undefined;
  if (typeof x === "number" || typeof x === "boolean") return String(x);
  if (typeof x !== "string") return undefined;
  if (x !== "" && !NEEDS_TEXT_CLEAN.test(x)) return nfc(x);
  const s = nfc(x)
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.replace(/[\u00A0\u2007\u2009\u202F\t]+/g, " ").replace(/ {2,}/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return s === "" ? undefined : s;
}

function isBlankRaw(x: unknown): boolean {
  if (x === null || x === undefined) return true;
  if (typeof x === "string") return cleanText(x) === "";
  return false;
}

const REPORT_TEXT_KEYS = ["parentAgency", "agency", "number", "symbol", "place", "title", "basis", "signerAuthority", "signerTitle", "signerName"] as const;

function normalizeLevel(x: unknown, t: TemplateDef): string | undefined {
  const s = text(x);
  if (s === undefined) return undefined;
  const low = s.toLowerCase();
  for (const l of t.levels) {
    if (low === l.id || low === l.label.vi.toLowerCase() || low === l.label.en.toLowerCase()) return l.id;
    const short = l.label.vi.toLowerCase().replace(/^cấp\s+/, "");
    if (low === short) return l.id;
  }
  return s;
}

function normalizeYear(x: unknown): number | undefined {
  if (typeof x === "number" && isFinite(x)) return Math.trunc(x);
  const s = text(x);
  if (s === undefined) return undefined;
  const m = /(\d{4})/.exec(s);
  return m ? +m[1] : undefined;
}

function normalizeRecipients(x: unknown): string[] | undefined {
  let items: unknown[];
  if (Array.isArray(x)) items = x;
  else if (typeof x === "string") items = x.split(/\r\n?|\n/);
  else return undefined;
  const out: string[] = [];
  for (const it of items) {
    let s = text(it);
    if (s === undefined) continue;
    s = s.replace(/^[-–•+*]\s*(?=[\p{L}\d])/u, "").replace(/[\s;.]+$/, "").trim();
    if (s) out.push(s);
  }
  return out;
}

/**
 * The data cut-off window `{ from, to }`: each date ISO (read as people type dates); a date
 * that cannot be read is kept as typed. Absent or empty: undefined (the report's year).
 */
function normalizePeriod(x: unknown): { from: string; to: string } | undefined {
  if (!isObject(x)) return undefined;
  const one = (v: unknown): string => parseDate(v) ?? text(v) ?? "";
  const from = one(x.from);
  const to = one(x.to);
  if (!from && !to) return undefined;
  return { from, to };
}

function normalizeInfo(x: unknown, t: TemplateDef): ReportInfo {
  const info: ReportInfo = {};
  if (!isObject(x)) return info;
  const out = info as Record<string, unknown>;
  for (const [k0, v] of Object.entries(x)) {
    const k = k0.trim();
    if (k === "date") {
      const iso = parseDate(v);
      const s = iso ?? text(v);
      if (s !== undefined) info.date = s;
    } else if (k === "year") {
      // A year that is not one ("năm nay") is kept as typed, for check to report (value.kind).
      const y = normalizeYear(v);
      if (y !== undefined) info.year = y;
      else {
        const s = typeof v === "boolean" ? String(v) : text(v);
        if (s !== undefined) (info as Record<string, unknown>).year = s;
      }
    } else if (k === "level") {
      const l = normalizeLevel(v, t);
      if (l !== undefined) info.level = l;
    } else if (k === "period") {
      const pd = normalizePeriod(v);
      if (pd) info.period = pd;
    } else if (k === "recipients") {
      const r = normalizeRecipients(v);
      if (r && r.length) info.recipients = r;
    } else if ((REPORT_TEXT_KEYS as readonly string[]).includes(k)) {
      const s = text(v);
      if (s !== undefined) out[k] = s;
    } else if (v !== null && v !== undefined) {
      // A key this version does not know: kept, text NFC.
      const s = typeof v === "string" ? text(v) : v;
      if (s !== undefined) out[k] = s;
    }
  }
  return info;
}

function rawOf(v: unknown): RawValue {
  if (v === null || v === undefined || typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

function normalizeValues(x: unknown, t: TemplateDef): Record<string, RawValue> {
  const src: Record<string, unknown> = {};
  if (isObject(x)) for (const [k, v] of Object.entries(x)) src[nfc(k).trim()] = v;
  const out: Record<string, RawValue> = {};
  const known = new Set<string>();
  for (const d of t.indicators) {
    known.add(d.code);
    out[d.code] = normalizeValue(rawOf(src[d.code]), d.kind);
  }
  for (const [k, v] of Object.entries(src)) {
    if (known.has(k) || k === "") continue;
    const r = rawOf(v);
    out[k] = typeof r === "string" ? (cleanText(r) === "" ? null : cleanText(r)) : r === undefined ? null : r;
  }
  return out;
}

/** Words read as a yes / a no in a boolean field (any case); the status formulas count with them too. */
export const TRUE_WORDS: ReadonlySet<string> = new Set(["true", "có", "co", "x", "yes", "y", "1", "đã", "đã tổ chức", "rồi", "✓", "✔"]);
export const FALSE_WORDS: ReadonlySet<string> = new Set(["false", "không", "khong", "no", "n", "0", "chưa", "chưa tổ chức", "không tổ chức"]);

/** A boolean from true/false, "Có"/"Không", "x", 1/0; undefined when not readable. */
export function parseBoolean(v: unknown): boolean | undefined {
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v === 1 ? true : v === 0 ? false : undefined;
  if (typeof v !== "string") return undefined;
  const s = cleanText(v).toLowerCase();
  if (TRUE_WORDS.has(s)) return true;
  if (FALSE_WORDS.has(s)) return false;
  return undefined;
}

/** An enum option code from its code or its label (vi or en, any case); undefined when none matches. */
export function parseEnum(v: unknown, f: RegisterFieldDef): string | undefined {
  if (typeof v !== "string") return undefined;
  const s = cleanText(v);
  const low = s.toLowerCase();
  for (const o of f.options ?? []) {
    if (s === o.value || low === o.value.toLowerCase() || low === o.label.vi.toLowerCase() || low === o.label.en.toLowerCase()) return o.value;
  }
  return undefined;
}

function asText(v: unknown): RawValue {
  return typeof v === "string" ? cleanText(v) : typeof v === "number" || typeof v === "boolean" ? v : String(v);
}

/** One field's normal form; undefined when blank. Unreadable values are kept as typed (NFC text). */
export function normalizeField(v: unknown, f: RegisterFieldDef): RawValue | undefined {
  if (isBlankRaw(v)) return undefined;
  switch (f.type) {
    case "date": {
      const iso = parseDate(v);
      return iso ?? asText(v);
    }
    case "boolean": {
      const b = parseBoolean(v);
      return b ?? asText(v);
    }
    case "enum": {
      const e = parseEnum(v, f);
      return e ?? asText(v);
    }
    case "symbol":
      return typeof v === "string" ? cleanText(v) : String(v);
    default:
      return typeof v === "string" ? text(v) : String(v);
  }
}

/** A register row's normal form, fields in template order then unknown fields; undefined for a blank row. */
/**
 * Rows this module made (already in normal form): the engine need not normalise them again.
 * A WeakSet, so nothing is added to the rows themselves.
 */
const normalRows = new WeakSet<object>();

/** True for a row object that normalizeRow returned (and is thus in normal form). */
export function isNormalRow(row: unknown): boolean {
  return typeof row === "object" && row !== null && normalRows.has(row);
}

/**
 * Symbols as the user wrote them, where the normal form differs ("Ð" read as "Đ"): kept
 * per normalised row, for the register lint (lint.symbol). A WeakMap: rows are unchanged.
 */
const writtenForms = new WeakMap<object, Record<string, string>>();

/** A symbol field as written before normalisation, when it differed from the normal form. */
export function writtenAs(row: RegisterRow, field: string): string | undefined {
  return writtenForms.get(row)?.[field];
}

export function normalizeRow(row: unknown, reg: RegisterDef): RegisterRow | undefined {
  if (!isObject(row)) return undefined;
  let src: Record<string, unknown> = row;
  for (const k in row) {
    if (!CLEAN_KEY.test(k)) {
      src = {};
      for (const [k2, v] of Object.entries(row)) src[nfc(k2).trim()] = v;
      break;
    }
  }
  const out: RegisterRow = {};
  let any = false;
  for (const f of reg.fields) {
    const raw = src[f.id];
    if (raw === undefined || raw === null) {
      if (f.derivedFrom && f.id === "issuer") {
        const from = src[f.derivedFrom];
        const iss = typeof from === "string" ? issuerFromSymbol(from) : undefined;
        if (iss) out[f.id] = iss;
      }
      continue;
    }
    const v = normalizeField(raw, f);
    if (v !== undefined) {
      out[f.id] = v;
      any = true;
      if (f.type === "symbol" && typeof raw === "string" && raw.trim() !== v) {
        const w = writtenForms.get(out) ?? {};
        w[f.id] = raw.trim();
        writtenForms.set(out, w);
      }
    } else if (f.derivedFrom && f.id === "issuer") {
      const from = src[f.derivedFrom];
      const iss = typeof from === "string" ? issuerFromSymbol(from) : undefined;
      if (iss) out[f.id] = iss;
    }
  }
  const fieldIds = fieldIdsOf(reg);
  for (const k in src) {
    if (k === "" || fieldIds.has(k)) continue;
    const v = src[k];
    if (isBlankRaw(v)) continue;
    out[k] = typeof v === "string" ? cleanText(v) : rawOf(v);
    any = true;
  }
  if (!any) return undefined;
  // Normalising a normal row again keeps what the user first wrote.
  const before = writtenForms.get(row as object);
  if (before && !writtenForms.has(out)) writtenForms.set(out, { ...before });
  normalRows.add(out);
  return out;
}

const CLEAN_KEY = /^[A-Za-z0-9_]+$/;

const fieldIdCache = new WeakMap<RegisterDef, Set<string>>();

function fieldIdsOf(reg: RegisterDef): Set<string> {
  let s = fieldIdCache.get(reg);
  if (!s) {
    s = new Set(reg.fields.map((f) => f.id));
    fieldIdCache.set(reg, s);
  }
  return s;
}

function normalizeRegisters(x: unknown, t: TemplateDef): Record<string, RegisterRow[]> {
  const src: Record<string, unknown> = {};
  if (isObject(x)) for (const [k, v] of Object.entries(x)) src[nfc(k).trim()] = v;
  const out: Record<string, RegisterRow[]> = {};
  for (const reg of t.registers) {
    const rows = src[reg.id];
    const list: RegisterRow[] = [];
    if (Array.isArray(rows)) {
      for (const r of rows) {
        const n = normalizeRow(r, reg);
        if (n) list.push(n);
      }
    }
    out[reg.id] = list;
  }
  for (const [k, rows] of Object.entries(src)) {
    if (out[k] !== undefined || !Array.isArray(rows)) continue;
    const generic: RegisterDef = { id: k, label: { vi: k, en: k }, rowNoun: { vi: k, en: k }, fields: [] };
    out[k] = rows.map((r) => normalizeRow(r, generic)).filter((r): r is RegisterRow => !!r);
  }
  return out;
}

function normalizeSections(x: unknown): Section[] | undefined {
  if (!Array.isArray(x)) return undefined;
  const out: Section[] = [];
  for (const s of x) {
    if (!isObject(s)) continue;
    const heading = text(s.heading) ?? "";
    const body = text(s.text) ?? "";
    if (heading || body) out.push({ heading, text: body });
  }
  return out;
}

const SEVERITY_WORDS: Record<string, string> = {
  error: "error",
  warning: "warning",
  info: "info",
  off: "off",
  lỗi: "error",
  "cảnh báo": "warning",
  "thông tin": "info",
  "lưu ý": "info",
  tắt: "off",
  // Typed without the Vietnamese keyboard.
  loi: "error",
  "canh bao": "warning",
  "thong tin": "info",
  tat: "off",
};

/** A severity word in lower case ("Lỗi" → "error"); unknown words kept (lower case) for check to report. */
export function normalizeSeverity(x: unknown): string | undefined {
  const s = text(x);
  if (s === undefined) return undefined;
  const low = s.toLowerCase();
  return SEVERITY_WORDS[low] ?? SEVERITY_WORDS[low.normalize("NFC").replace(/\s+/g, " ").trim()] ?? low;
}

function normalizeRules(x: unknown): UserRule[] | undefined {
  if (!Array.isArray(x)) return undefined;
  const out: UserRule[] = [];
  for (const r of x) {
    if (!isObject(r)) continue;
    const id = text(r.id);
    const expression = text(r.expression);
    const severity = normalizeSeverity(r.severity);
    const message = text(r.message);
    if (id === undefined && expression === undefined && message === undefined) continue;
    const u = { id: id ?? "", expression: expression ?? "", severity: (severity ?? "warning") } as UserRule;
    if (message !== undefined) u.message = message;
    out.push(u);
  }
  return out;
}

function normalizeOverrides(x: unknown): Record<string, Override> | undefined {
  const entries: [string, unknown, unknown][] = [];
  if (Array.isArray(x)) {
    for (const o of x) if (isObject(o)) entries.push([text(o.rule) ?? "", o.severity, o.reason]);
  } else if (isObject(x)) {
    for (const [k, o] of Object.entries(x)) {
      if (isObject(o)) entries.push([text(k) ?? "", o.severity, o.reason]);
      else if (typeof o === "string") entries.push([text(k) ?? "", o, undefined]);
    }
  } else return undefined;
  const out: Record<string, Override> = {};
  for (const [rule, sev, reason] of entries) {
    if (!rule) continue;
    out[rule] = { severity: (normalizeSeverity(sev) ?? "") as Override["severity"], reason: text(reason) ?? "" };
  }
  return out;
}

/** A consolidated report's per-indicator coverage: whole counts kept, anything else dropped. */
function normalizeConsolidation(x: unknown): Record<string, ConsolidationEntry> | undefined {
  if (!isObject(x)) return undefined;
  const out: Record<string, ConsolidationEntry> = {};
  const whole = (v: unknown) => (typeof v === "number" && Number.isInteger(v) && v >= 0 ? v : undefined);
  for (const [k, e] of Object.entries(x)) {
    if (!isObject(e)) continue;
    const reported = whole(e.reported);
    const expected = whole(e.expected);
    if (reported === undefined || expected === undefined) continue;
    const entry: ConsolidationEntry = { reported, expected };
    const yes = whole(e.yes);
    const answered = whole(e.answered);
    if (yes !== undefined) entry.yes = yes;
    if (answered !== undefined) entry.answered = answered;
    out[nfc(k).trim()] = entry;
  }
  return Object.keys(out).length ? out : undefined;
}

/** Names of the templates known, for messages. */
function knownTemplates(): string {
  return listTemplates()
    .map((t) => t.id)
    .join(", ");
}

/** The template of a report, or an InputError in both languages. */
export function templateOf(input: unknown): TemplateDef {
  if (!isObject(input)) {
    throw new InputError(
      "Dữ liệu báo cáo phải là một đối tượng JSON dạng { \"template\": \"qcdc-2021\", \"report\": …, \"values\": … }.",
      "The report data must be a JSON object such as { \"template\": \"qcdc-2021\", \"report\": …, \"values\": … }.",
    );
  }
  const id = text(input.template);
  if (id === undefined) {
    throw new InputError(
      `Thiếu mục "template" (mẫu báo cáo). Hãy ghi, ví dụ: "template": "qcdc-2021". Các mẫu có: ${knownTemplates()}.`,
      `The "template" field is missing. Add, e.g., "template": "qcdc-2021". Known templates: ${knownTemplates()}.`,
    );
  }
  const t = getTemplate(id);
  if (!t) {
    throw new InputError(
      `Không có mẫu báo cáo "${id}". Các mẫu có: ${knownTemplates()}.`,
      `Unknown template "${id}". Known templates: ${knownTemplates()}.`,
    );
  }
  return t;
}

/** The top-level keys of the report format. */
const TOP_KEYS = ["template", "report", "values", "previous", "registers", "sections", "rules", "overrides", "consolidation"];
/** Keys that must hold an object, or a list, when given. */
const OBJECT_KEYS = ["report", "values", "previous", "registers", "consolidation"];
const LIST_KEYS = ["sections", "rules"];

/** Edit distance with transpositions (optimal string alignment), for telling a misspelled key. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2 || a.length > 40 || b.length > 40) return 99;
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) d.push([i]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.length][b.length];
}

/**
 * The report's top-level keys: one written in the wrong case or misspelled ("Values",
 * "registres", "value") and a section of the wrong type ("values": [1, 2]) are input
 * errors naming the key, rather than a report that silently reads as blank.
 */
function checkTopLevel(x: Record<string, unknown>): void {
  for (const k of Object.keys(x)) {
    if (TOP_KEYS.includes(k)) continue;
    const low = k.trim().toLowerCase();
    const near = TOP_KEYS.find((t) => t === low) ?? (low.length >= 4 ? TOP_KEYS.find((t) => editDistance(low, t) <= 2) : undefined);
    if (near && !(near in x)) {
      throw new InputError(
        `Mục "${k}" không đúng tên: phải viết là "${near}" (chữ thường, đúng chính tả), nếu không phuluc không đọc được số liệu trong mục này.`,
        `The key "${k}" is not a key of the format: write it as "${near}" (lower case, spelled so), or phuluc cannot read what it holds.`,
      );
    }
  }
  for (const k of OBJECT_KEYS) {
    const v = x[k];
    if (v !== undefined && v !== null && !isObject(v))
      throw new InputError(
        `Mục "${k}" phải là một đối tượng JSON dạng { "mã": giá trị, … }, không phải ${Array.isArray(v) ? "một danh sách" : "một giá trị đơn"}.`,
        `"${k}" must be a JSON object such as { "code": value, … }, not ${Array.isArray(v) ? "a list" : "a single value"}.`,
      );
  }
  for (const k of LIST_KEYS) {
    const v = x[k];
    if (v !== undefined && v !== null && !Array.isArray(v))
      throw new InputError(`Mục "${k}" phải là một danh sách JSON [ … ].`, `"${k}" must be a JSON list [ … ].`);
  }
}

/** The normal form of a report (see the module comment). Throws InputError. */
export function normalizeReport(input0: unknown): ReportData {
  // Text XML cannot carry, "__proto__" keys, runaway nesting: cleaned first (input-clean.ts).
  const { value: input, notes } = cleanInput(input0);
  const t = templateOf(input);
  checkTopLevel(input as Record<string, unknown>);
  const x = input as Record<string, unknown>;
  const out: ReportData = {
    template: t.id,
    report: normalizeInfo(x.report, t),
    values: normalizeValues(x.values, t),
    registers: normalizeRegisters(x.registers, t),
  };
  if (isObject(x.previous)) out.previous = normalizeValues(x.previous, t);
  const sections = normalizeSections(x.sections);
  if (sections && sections.length) out.sections = sections;
  const rules = normalizeRules(x.rules);
  if (rules && rules.length) out.rules = rules;
  const overrides = normalizeOverrides(x.overrides);
  if (overrides && Object.keys(overrides).length) out.overrides = overrides;
  const consolidation = normalizeConsolidation(x.consolidation);
  if (consolidation) out.consolidation = consolidation;
  setInputNotes(out, notes);
  return out;
}

/** Line and column (1-based) of a character offset. */
function lineCol(textIn: string, offset: number): { line: number; col: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < textIn.length; i++) {
    if (textIn.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, col: offset - last };
}

/** Parse JSON text and normalise it; broken JSON → InputError naming the line and column. */
export function parseReportJson(textIn: string): ReportData {
  const src = textIn.charCodeAt(0) === 0xfeff ? textIn.slice(1) : textIn;
  if (src.trim() === "") {
    throw new InputError("Tệp dữ liệu trống: không có nội dung JSON.", "The data file is empty: no JSON content.");
  }
  let data: unknown;
  try {
    data = JSON.parse(src);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    let line: number | undefined;
    let col: number | undefined;
    const lc = /line (\d+) column (\d+)/.exec(msg);
    const pos = /position (\d+)/.exec(msg);
    if (lc) {
      line = +lc[1];
      col = +lc[2];
    } else if (pos) {
      ({ line, col } = lineCol(src, +pos[1]));
    } else if (/end of (JSON|data)|Unexpected end/i.test(msg)) {
      ({ line, col } = lineCol(src, src.length));
    }
    const where = line !== undefined ? ` ở dòng ${line}, cột ${col}` : "";
    const whereEn = line !== undefined ? ` at line ${line}, column ${col}` : "";
    throw new InputError(
      `Tệp JSON bị lỗi${where}: kiểm tra dấu phẩy, dấu ngoặc và dấu nháy kép quanh chữ. (${msg})`,
      `The JSON is broken${whereEn}: check commas, brackets and the double quotes around text. (${msg})`,
    );
  }
  return normalizeReport(data);
}
