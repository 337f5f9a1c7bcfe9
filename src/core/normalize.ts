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
import type { ReportData, ReportInfo, RawValue, RegisterRow, RegisterDef, RegisterFieldDef, TemplateDef, Section, UserRule, Override } from "./types";
import { getTemplate, listTemplates } from "./templates/index";
import { normalizeValue, cleanText } from "./values";
import { nfc, parseDate } from "./vn";
import { issuerFromSymbol } from "./symbol";

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
      const y = normalizeYear(v);
      if (y !== undefined) info.year = y;
    } else if (k === "level") {
      const l = normalizeLevel(v, t);
      if (l !== undefined) info.level = l;
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

const TRUE_WORDS = new Set(["true", "có", "co", "x", "yes", "y", "1", "đã", "đã tổ chức", "rồi", "✓", "✔"]);
const FALSE_WORDS = new Set(["false", "không", "khong", "no", "n", "0", "chưa", "chưa tổ chức", "không tổ chức"]);

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
};

/** A severity word in lower case ("Lỗi" → "error"); unknown words kept (lower case) for check to report. */
export function normalizeSeverity(x: unknown): string | undefined {
  const s = text(x);
  if (s === undefined) return undefined;
  const low = s.toLowerCase();
  return SEVERITY_WORDS[low] ?? low;
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

/** The normal form of a report (see the module comment). Throws InputError. */
export function normalizeReport(input: unknown): ReportData {
  const t = templateOf(input);
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
