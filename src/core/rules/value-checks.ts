/**
 * Built-in checks of every value: `value.kind` (a value not of its kind), `value.read`
 * (read, but it needed interpretation: the finding gives the clean form), unknown codes
 * (`workbook.unknown-code`), and register rows (required fields, unreadable dates,
 * enums, booleans, an issuer that follows from no symbol) as `value.kind` with paths
 * like "registers.van_ban[3].date".
 */
import type { Finding, RawValue, Severity } from "../types";
import { shortLabel, type Ctx } from "./context";
import { readValue, cleanText } from "../values";
import { tr, trUpper } from "../i18n";
import { isIsoDate, upperFirst } from "../vn";

function rawText(raw: RawValue): string {
  if (typeof raw === "string") return cleanText(raw);
  return raw === null || raw === undefined ? "" : String(raw);
}

function plainValue(raw: RawValue): number | string | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === "number" || typeof raw === "string") return typeof raw === "string" ? cleanText(raw) : raw;
  return String(raw);
}

/** value.kind / value.read for `values` and `previous`; unknown codes. */
export function checkValues(ctx: Ctx): Finding[] {
  const out: Finding[] = [];
  const lang = ctx.lang;
  const sets: { key: "values" | "previous"; src: Record<string, unknown> | undefined }[] = [
    { key: "values", src: ctx.data.values as Record<string, unknown> | undefined },
    { key: "previous", src: ctx.data.previous as Record<string, unknown> | undefined },
  ];
  for (const { key, src } of sets) {
    if (!src || typeof src !== "object") continue;
    for (const d of ctx.t.indicators) {
      const v = src[d.code];
      const raw: RawValue = v === null || v === undefined || typeof v === "number" || typeof v === "string" || typeof v === "boolean" ? v : String(v);
      const r = key === "values" ? ctx.reading(d.code) : readValue(raw, d.kind);
      if (r.status !== "invalid" && !(r.status === "number" && r.note)) continue;
      const label = key === "values" ? shortLabel(d, lang) : tr(lang, "value.previous", { label: shortLabel(d, lang) });
      const path = key + "." + d.code;
      if (r.status === "invalid") {
        const example = tr(lang, "value.example." + d.kind);
        out.push({
          rule: "value.kind",
          severity: "error",
          message: trUpper(lang, "value." + r.reason, { label, raw: rawText(raw), example }),
          indicators: [d.code],
          values: { [d.code]: plainValue(raw) },
          path,
        });
      } else if (r.status === "number" && r.note) {
        out.push({
          rule: "value.read",
          severity: "info",
          message: trUpper(lang, "value.read", { label, raw: rawText(raw), clean: r.note.clean }),
          indicators: [d.code],
          values: { [d.code]: r.value },
          expected: r.value,
          path,
          suggestion: r.note.clean,
        });
      }
    }
    for (const code in src) {
      if (!Object.prototype.hasOwnProperty.call(src, code) || ctx.ix.ind.has(code)) continue;
      const v = src[code];
      if (v === null || v === undefined || (typeof v === "string" && cleanText(v) === "")) continue;
      const raw = typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : String(v);
      out.push({
        rule: "workbook.unknown-code",
        severity: "error",
        message: upperFirst(tr(lang, "value.unknownCode", { code, template: ctx.t.id, raw: rawText(raw) })),
        indicators: [],
        values: { [code]: plainValue(raw) },
        path: key + "." + code,
      });
    }
  }
  return out;
}


/** Register rows: required fields, dates, enums, booleans, derived issuer. */
export function checkRows(ctx: Ctx): Finding[] {
  const out: Finding[] = [];
  const lang = ctx.lang;
  const err = (message: string, path: string, field: string, raw: RawValue, severity: Severity = "error"): Finding => ({
    rule: "value.kind",
    severity,
    message: upperFirst(message),
    indicators: [],
    values: { [field]: plainValue(raw) },
    path,
  });
  for (const reg of ctx.t.registers) {
    const rows = ctx.rows(reg.id);
    if (!rows.length) continue;
    const register = reg.label[lang];
    for (const { index, row } of rows) {
      const base = "registers." + reg.id + "[" + index + "]";
      const rowNo = ctx.rowNo(reg.id, index);
      for (const f of reg.fields) {
        const v = row[f.id];
        const field = f.label[lang];
        const path = base + "." + f.id;
        if (v === undefined || v === null) {
          if (f.derivedFrom) {
            const srcV = row[f.derivedFrom];
            if (srcV !== undefined && srcV !== null) {
              out.push(err(tr(lang, "row.issuer", { register, row: rowNo, symbol: rawText(srcV) }), path, f.id, null));
            }
          } else if (f.required) {
            out.push(err(tr(lang, "row.required", { register, row: rowNo, field: field.toLowerCase() }), path, f.id, null));
          }
          continue;
        }
        if (f.type === "date" && !isIsoDate(v)) {
          out.push(err(tr(lang, "row.date", { register, row: rowNo, field: field.toLowerCase(), raw: rawText(v) }), path, f.id, v));
        } else if (f.type === "enum" && !(f.options ?? []).some((o) => o.value === v)) {
          const options = (f.options ?? []).map((o) => o.label[lang]).join(", ");
          out.push(err(tr(lang, "row.enum", { register, row: rowNo, field: field.toLowerCase(), raw: rawText(v), options }), path, f.id, v));
        } else if (f.type === "boolean" && typeof v !== "boolean") {
          out.push(err(tr(lang, "row.boolean", { register, row: rowNo, field: field.toLowerCase(), raw: rawText(v) }), path, f.id, v));
        }
      }
    }
  }
  return out;
}

/**
 * The report details that are printed in the report's header: a date that is not a date
 * ("32/13/2021") and a level that is none of the template's (`value.kind`, path "report.date").
 */
export function checkReport(ctx: Ctx): Finding[] {
  const out: Finding[] = [];
  const r = ctx.data.report as Record<string, unknown> | undefined;
  if (!r || typeof r !== "object") return out;
  const lang = ctx.lang;
  const date = r.date;
  if (date !== undefined && date !== null && !(isIsoDate(date) || (typeof date === "string" && cleanText(date) === ""))) {
    const raw = rawText(date as RawValue);
    out.push({ rule: "value.kind", severity: "error", message: trUpper(lang, "report.date", { raw }), indicators: [], values: { date: plainValue(date as RawValue) }, path: "report.date" });
  }
  const year = r.year;
  if (year !== undefined && year !== null && !(typeof year === "number" && Number.isInteger(year)) && !(typeof year === "string" && cleanText(year) === "")) {
    out.push({ rule: "value.kind", severity: "error", message: trUpper(lang, "report.year", { raw: rawText(year as RawValue) }), indicators: [], values: { year: plainValue(year as RawValue) }, path: "report.year", suggestion: tr(lang, "report.year.suggestion") });
  }
  const level = r.level;
  if (typeof level === "string" && cleanText(level) !== "") {
    const known = ctx.t.levels.find((l) => l.id === level);
    const values = { level: plainValue(level) };
    if (!known) {
      const low = cleanText(level).toLowerCase();
      const ended = (ctx.t.endedLevels ?? []).find((l) => l.id === low || l.label.vi.toLowerCase() === low || l.label.en.toLowerCase() === low || l.label.vi.toLowerCase().replace(/^cấp\s+/, "") === low);
      if (ended) {
        out.push({ rule: "value.kind", severity: "error", message: trUpper(lang, "report.levelEnded", { raw: rawText(level), message: ended.message[lang] }), indicators: [], values, path: "report.level" });
      } else {
        const options = ctx.t.levels.map((l) => l.label[lang]).join(", ");
        out.push({ rule: "value.kind", severity: "error", message: trUpper(lang, "report.level", { raw: rawText(level), options }), indicators: [], values, path: "report.level" });
      }
    } else if (known.until && typeof date === "string" && isIsoDate(date) && date > known.until) {
      const message = known.untilMessage ? known.untilMessage[lang] : known.label[lang];
      out.push({ rule: "value.kind", severity: "warning", message: trUpper(lang, "report.levelEnded", { raw: rawText(level), message }), indicators: [], values, path: "report.level" });
    }
  }
  return out;
}
