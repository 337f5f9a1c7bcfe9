/**
 * A template as a JSON file (`"format": "phuluc-template/1"`), and a template carried inside
 * a data workbook (JSON text in chunks, in the very hidden marker sheet). Pure.
 */
import type { Finding, Lang, TemplateDef } from "../types";
import type { WorkbookSnapshot } from "../workbook-model";
import { MARKER } from "../layout";
import { TEMPLATE_FORMAT } from "../types";
import { checkTemplate } from "../template-check";

export { TEMPLATE_FORMAT };

/** The JSON object of a template: format and version first, then the template. */
export function templateToJson(t: TemplateDef): Record<string, unknown> {
  const { version, format: _f, ...rest } = t;
  void _f;
  return { format: TEMPLATE_FORMAT, version: version ?? 1, ...rest };
}

export function templateJsonText(t: TemplateDef): string {
  return JSON.stringify(templateToJson(t), null, 2) + "\n";
}

export interface ParsedTemplate {
  /** The template, when it has no error. */
  template?: TemplateDef;
  /** What is read even with errors (for the designer's messages). */
  raw?: TemplateDef;
  findings: Finding[];
}

/** Offset of the first character where JSON text goes wrong (a small scanner: the engine's message gives no position). */
export function jsonErrorOffset(s: string): number {
  let i = 0;
  const ws = () => {
    while (i < s.length && " \t\r\n".includes(s[i])) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const str = () => {
    if (s[i] !== '"') fail();
    i++;
    while (i < s.length && s[i] !== '"') {
      if (s[i] === "\\") i++;
      else if (s[i] < " ") fail();
      i++;
    }
    if (i >= s.length) fail();
    i++;
  };
  const value = (): void => {
    ws();
    const c = s[i];
    if (c === "{") {
      i++;
      ws();
      if (s[i] === "}") return void i++;
      for (;;) {
        ws();
        str();
        ws();
        if (s[i] !== ":") fail();
        i++;
        value();
        ws();
        if (s[i] === ",") i++;
        else if (s[i] === "}") return void i++;
        else fail();
      }
    }
    if (c === "[") {
      i++;
      ws();
      if (s[i] === "]") return void i++;
      for (;;) {
        value();
        ws();
        if (s[i] === ",") i++;
        else if (s[i] === "]") return void i++;
        else fail();
      }
    }
    if (c === '"') return str();
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(s.slice(i, i + 400));
    if (!m) fail();
    i += m![0].length;
  };
  try {
    value();
    ws();
    return i < s.length ? i : s.length;
  } catch (e) {
    return typeof e === "number" ? e : 0;
  }
}

/** Line and column (1-based) of a character offset. */
function lineCol(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, col: offset - before.lastIndexOf("\n") };
}

/** A template from JSON text: syntax, format, then the validator's findings (with JSON paths). */
export function parseTemplateText(text: string, lang: Lang = "vi"): ParsedTemplate {
  const err = (rule: string, vi: string, en: string, path = ""): ParsedTemplate => ({ findings: [{ rule: "template." + rule, severity: "error", message: lang === "en" ? en : vi, indicators: [], path }] });
  let obj: unknown;
  try {
    obj = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    const src = text.replace(/^\uFEFF/, "");
    const off = jsonErrorOffset(src);
    const at = lineCol(src, off);
    const tok = off < src.length ? src[off] : "";
    const what = tok ? { vi: `không hiểu "${tok}"`, en: `unexpected "${tok}"` } : { vi: "tệp kết thúc khi còn thiếu một phần", en: "the file ends too early" };
    return err("json", `Tệp mẫu không phải JSON hợp lệ (dòng ${at.line}, cột ${at.col}): ${what.vi}.`, `The template file is not valid JSON (line ${at.line}, column ${at.col}): ${what.en}.`);
  }
  if (!obj || typeof obj !== "object" || Array.isArray(obj)) return err("json", "Tệp mẫu phải là một đối tượng JSON { … }.", "A template file must be a JSON object { … }.");
  const o = obj as Record<string, unknown>;
  if (o.format !== TEMPLATE_FORMAT) {
    const isData = typeof o.template === "string" && o.values && typeof o.values === "object";
    return err(
      "format",
      isData
        ? `Đây là tệp số liệu (mẫu ${o.template}), không phải tệp mẫu báo cáo. Tệp mẫu có "format": "${TEMPLATE_FORMAT}"; lấy một tệp mẫu bằng: phuluc template export ${o.template} -o mau.json`
        : `Tệp không ghi "format": "${TEMPLATE_FORMAT}" nên không phải tệp mẫu báo cáo của phuluc (ghi: ${JSON.stringify(o.format ?? null)}).`,
      isData
        ? `This is a data file (template ${o.template}), not a template. A template has "format": "${TEMPLATE_FORMAT}"; get one with: phuluc template export ${o.template} -o template.json`
        : `The file does not say "format": "${TEMPLATE_FORMAT}", so it is not a phuluc template (it says: ${JSON.stringify(o.format ?? null)}).`,
      "format",
    );
  }
  const t = o as unknown as TemplateDef;
  const findings = checkTemplate(t, { lang });
  return findings.some((f) => f.severity === "error") ? { raw: t, findings } : { template: t, raw: t, findings };
}

/* ---------- inside a data workbook ---------- */

/** Marker-sheet column (0-based; K, clear of the marks in D:G) holding the template: a label, then chunks below it. */
export const EMBED = { col: 10, label: "template-json", chunk: 30000, prefix: "~" } as const;

/**
 * The template's JSON as marker cells: the values to write from row 1 of column K.
 * Each chunk stays under Excel's 32,767-character cell limit and starts with "~" so that
 * no chunk reads as a formula, a number or a date when written through Office.js.
 */
export function embedTemplate(t: TemplateDef): string[] {
  const json = JSON.stringify(templateToJson(t));
  const out: string[] = [EMBED.label];
  for (let i = 0; i < json.length; i += EMBED.chunk) out.push(EMBED.prefix + json.slice(i, i + EMBED.chunk));
  return out;
}

/** The JSON text of a template embedded in marker rows (column K), if any. */
export function embeddedTemplateText(rows: { v?: unknown }[][]): string | undefined {
  const cell = (r: number) => rows[r]?.[EMBED.col]?.v;
  let start = -1;
  for (let r = 0; r < rows.length; r++) {
    if (cell(r) === EMBED.label) {
      start = r + 1;
      break;
    }
  }
  if (start < 0) return undefined;
  let text = "";
  for (let r = start; r < rows.length; r++) {
    const v = cell(r);
    if (typeof v !== "string" || !v.startsWith(EMBED.prefix)) break;
    text += v.slice(EMBED.prefix.length);
  }
  return text || undefined;
}

/**
 * The template a data workbook carries in its marker sheet (set up with a province's own
 * template), when it is there and sound; `id` must match the marker's template when given.
 */
export function carriedTemplate(snap: WorkbookSnapshot, id?: string): TemplateDef | undefined {
  const m = (snap.sheets || []).find((s) => s.name === MARKER.sheet);
  const text = m ? embeddedTemplateText(m.rows) : undefined;
  if (!text) return undefined;
  const p = parseTemplateText(text);
  return p.template && (id === undefined || p.template.id === id) ? p.template : undefined;
}
