/**
 * Last year's figures for the "Năm trước" column (`previous` in the JSON), from last year's
 * report: its workbook or JSON (values by code), or its .docx (the appendix's lines, its
 * tables and its sentences, read with the draft check's phrase patterns). Pure functions:
 * the command line (`phuluc import-previous`) and the pane unzip the files and write the
 * cells; this module says what to write.
 *
 * Rules: a typed value in the "Năm trước" column is never overwritten (it is listed as
 * kept); from another template only the same code with the same kind and unit is copied
 * (the rest is listed); from a .docx, what is read two different ways, or cannot be read,
 * is left blank and listed.
 */
import type { IndicatorDef, Lang, RawValue, ReportData, TemplateDef } from "./types";
import { readValue, normalizeValue, formatValue, cleanText } from "./values";
import { getTemplate } from "./templates/index";
import { nfc, formatPercent } from "./vn";
import { NO_DATA } from "./narrative/appendix";
import { normalizeText, splitSentences, figuresIn } from "./draft/text";
import { MARK_RE } from "./narrative/marks";
import { classify, aboutOtherThing, type FigureContext } from "./draft/figures";
import { draftPhrasesOf } from "./draft/derived";
import { otherThingsOf } from "./draft/other-things";
import { inScope } from "./draft/scope";
import { docxContent, type DocxContent } from "./doc/docx-text";

export { decodeXml, type DocxContent } from "./doc/docx-text";

/** A value found and where (for the plan shown to the user). */
export interface Found {
  code: string;
  /** Normal form (numbers, "88,9%", "Không có"). */
  value: number | string;
  from: string;
}

export interface Unsure {
  code?: string;
  /** What was found and why it is left blank. */
  text: string;
}

export interface ReadPrevious {
  /** The source's template when known. */
  template?: string;
  found: Found[];
  unsure: Unsure[];
  /** Codes of the source not copied (another template: missing here, or another kind or unit). */
  skipped: { code: string; value: string; reason: string }[];
}

/** Reads word/document.xml: paragraphs outside tables, and the tables (the one .docx reader, src/core/doc/docx-text.ts). */
export const readDocumentXml: (xml: string) => DocxContent = docxContent;

/** Values of a report (its workbook read, or its JSON) for this template. */
export function previousFromReport(t: TemplateDef, src: ReportData, lang: Lang = "vi"): ReadPrevious {
  const out: ReadPrevious = { template: src.template, found: [], unsure: [], skipped: [] };
  const st = getTemplate(src.template);
  const values = (src.values ?? {}) as Record<string, RawValue>;
  const here = new Map(t.indicators.map((d) => [d.code, d] as const));
  const L = (vi: string, en: string) => (lang === "en" ? en : vi);
  const sameTemplate = src.template === t.id;
  for (const code of Object.keys(values)) {
    const raw = values[code];
    if (raw === null || raw === undefined || (typeof raw === "string" && cleanText(raw) === "")) continue;
    const d = here.get(code);
    const sd = st?.indicators.find((x) => x.code === code);
    const shownRaw = typeof raw === "string" ? cleanText(raw) : String(raw);
    if (!d) {
      out.skipped.push({ code, value: shownRaw, reason: L(`mẫu ${t.id} không có chỉ tiêu này`, `template ${t.id} has no such indicator`) });
      continue;
    }
    if (!sameTemplate) {
      if (!sd) {
        out.skipped.push({ code, value: shownRaw, reason: L(`mẫu ${src.template} không có chỉ tiêu này`, `template ${src.template} has no such indicator`) });
        continue;
      }
      if (sd.kind !== d.kind) {
        out.skipped.push({ code, value: shownRaw, reason: L(`khác loại số liệu (${sd.kind} / ${d.kind})`, `another kind (${sd.kind} / ${d.kind})`) });
        continue;
      }
      if (nfc(sd.unit.vi).toLowerCase() !== nfc(d.unit.vi).toLowerCase()) {
        out.skipped.push({ code, value: shownRaw, reason: L(`khác đơn vị tính ("${sd.unit.vi}" / "${d.unit.vi}")`, `another unit ("${sd.unit.en}" / "${d.unit.en}")`) });
        continue;
      }
    }
    const r = readValue(raw, d.kind);
    if (r.status === "number" || r.status === "na") {
      out.found.push({ code, value: normalizeValue(r.status === "number" && !r.note ? raw : r.status === "na" ? "Không có" : r.value, d.kind)!, from: L("mã ", "code ") + code });
    } else if (r.status === "invalid") {
      out.unsure.push({ code, text: L(`${code}: không đọc được "${shownRaw}"`, `${code}: "${shownRaw}" cannot be read`) });
    }
  }
  return out;
}

/** Lower case, NFC, single spaces, without list marks, numbering and a trailing colon or dot. */
function norm(s: string): string {
  return nfc(s)
    .replace(/[\s\u00A0]+/g, " ")
    .trim()
    .replace(/^(?:[-+•*]\s*|\(?(?:\d{1,2}|[IVX]{1,4}|[a-zđ])[.)]\s+)+/iu, "")
    .replace(/[\s:.;,]+$/u, "")
    .toLowerCase();
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

interface LineMatcher {
  re: RegExp;
  codes: string[];
  line: string;
}

/** The appendix's lines of a template as matchers: `{code}` captures a figure, `{level}` anything. */
function appendixMatchers(t: TemplateDef): LineMatcher[] {
  const out: LineMatcher[] = [];
  const byCode = new Map(t.indicators.map((d) => [d.code, d] as const));
  const lines: string[] = [];
  const inHeading = new Set<string>();
  for (const g of t.groups) {
    lines.push(g.heading.vi);
    for (const mm of g.heading.vi.matchAll(/\{([a-z0-9_]+)\}/g)) inHeading.add(mm[1]);
  }
  const layout = t.appendix;
  for (const g of t.groups) {
    const own = layout ? layout[String(g.id)] : undefined;
    if (own) for (const l of own) lines.push(l.text);
    else for (const i of t.indicators) if (i.group === g.id && i.printed !== false && !inHeading.has(i.code)) lines.push("{label:" + i.code + "}: {" + i.code + "}" + (i.kind === "money" ? " " + i.unit.vi : ""));
  }
  for (const line of lines) {
    const codes: string[] = [];
    let src = "";
    let last = 0;
    for (const mm of line.matchAll(/\{([a-zA-Z0-9_:]+)\}/g)) {
      src += escapeRe(line.slice(last, mm.index)).replace(/\s+/g, "\\s*");
      const [a, b] = mm[1].split(":");
      if (a === "level") src += ".*?";
      else if (b !== undefined) {
        const d = byCode.get(b);
        src += d ? escapeRe(a === "label" ? d.label.vi : d.unit.vi) : ".*?";
      } else if (byCode.has(a)) {
        src += "(.+?)";
        codes.push(a);
      } else src += ".*?";
      last = mm.index! + mm[0].length;
    }
    if (!codes.length) continue;
    src += escapeRe(line.slice(last)).replace(/\s+/g, "\\s*");
    src = src.replace(/(?:\\\.|;|:)?$/, "");
    out.push({ re: new RegExp("^" + src + "[\\s.;:]*$", "iu"), codes, line });
  }
  return out;
}

function stripMarks(p: string): string {
  return nfc(p)
    // phuluc's marks for the author ("[cần kiểm tra: …]") are not part of the line
    .replace(new RegExp("\\s?" + MARK_RE.source, "giu"), "")
    .replace(/[\s\u00A0]+/g, " ")
    .trim()
    .replace(/^(?:[-+•*]\s*|\d{1,2}\.\s+)+/u, "");
}

function readFound(d: IndicatorDef, text: string): { value?: number | string; invalid?: boolean } {
  const s = text.trim();
  if (!s || s.toLowerCase() === NO_DATA) return {};
  const r = readValue(s, d.kind);
  if (r.status === "number") return { value: d.kind === "percent" ? formatPercent(r.value, r.decimals) : r.value };
  if (r.status === "na") return { value: "Không có" };
  if (r.status === "blank") return {};
  return { invalid: true };
}

export interface DocxReadOptions {
  lang?: Lang;
  /** The year the document reports on (last year): sentences naming another year are left out. */
  year?: number;
}

/**
 * Last year's figures from last year's report as a .docx: its appendix lines (as phuluc
 * prints them), rows of its tables whose first text is an indicator's label, and its
 * sentences (the draft check's phrase patterns). A code read two different ways, or whose
 * figure cannot be read, is left out and listed.
 */
export function previousFromDocx(t: TemplateDef, doc: DocxContent, opts: DocxReadOptions = {}): ReadPrevious {
  const lang: Lang = opts.lang === "en" ? "en" : "vi";
  const L = (vi: string, en: string) => (lang === "en" ? en : vi);
  const byCode = new Map(t.indicators.map((d) => [d.code, d] as const));
  const cands = new Map<string, { value: number | string; from: string }[]>();
  const unsure: Unsure[] = [];
  const add = (code: string, value: number | string, from: string) => {
    const l = cands.get(code) ?? [];
    l.push({ value, from });
    cands.set(code, l);
  };
  const short = (s: string) => (s.length > 90 ? s.slice(0, 89).trimEnd() + "…" : s);

  // 1. The appendix's lines.
  const matchers = appendixMatchers(t);
  const rest: string[] = [];
  for (const p of doc.paragraphs) {
    const line = stripMarks(p);
    let matched = false;
    if (line) {
      for (const mt of matchers) {
        const mm = mt.re.exec(line);
        if (!mm) continue;
        matched = true;
        mt.codes.forEach((code, i) => {
          const d = byCode.get(code)!;
          const got = readFound(d, mm[i + 1]);
          if (got.value !== undefined) add(code, got.value, L("phụ lục: ", "appendix: ") + "“" + short(line) + "”");
          else if (got.invalid) unsure.push({ code, text: L(`${code}: không đọc được "${mm[i + 1].trim()}" trong “${short(line)}”`, `${code}: "${mm[i + 1].trim()}" cannot be read in “${short(line)}”`) });
        });
        break;
      }
    }
    rest.push(matched ? "" : p);
  }

  // 2. Tables: a row whose label cell is an indicator's label (or short label), then a figure.
  const labels = new Map<string, string>();
  for (const d of t.indicators) {
    labels.set(norm(d.label.vi), d.code);
    if (d.short) labels.set(norm(d.short.vi), d.code);
  }
  for (const table of doc.tables) {
    for (const row of table) {
      let code: string | undefined;
      let at = -1;
      for (let i = 0; i < row.length && !code; i++) {
        const c = labels.get(norm(row[i]));
        if (c) {
          code = c;
          at = i;
        }
      }
      if (!code) continue;
      const d = byCode.get(code)!;
      const from = L("bảng: ", "table: ") + "“" + short(row.map((c) => c.replace(/\s+/g, " ").trim()).filter(Boolean).join(" | ")) + "”";
      let got: { value?: number | string; invalid?: boolean } = {};
      let unitOther: string | undefined;
      for (let i = row.length - 1; i > at; i--) {
        const cell = row[i].replace(/\s+/g, " ").trim();
        if (!cell) continue;
        if (norm(cell) === norm(d.unit.vi)) continue;
        const g = readFound(d, cell);
        if (g.value !== undefined || g.invalid) {
          got = g;
          break;
        }
        if (!/\d/.test(cell) && cell.length <= 20) unitOther = cell;
      }
      if (unitOther && d.kind !== "percent") {
        unsure.push({ code, text: L(`${code}: đơn vị tính "${unitOther}" khác "${d.unit.vi}" (${from})`, `${code}: unit "${unitOther}" is not "${d.unit.en}" (${from})`) });
        continue;
      }
      if (got.value !== undefined) add(code, got.value, from);
      else if (got.invalid) unsure.push({ code, text: L(`${code}: không đọc được số liệu (${from})`, `${code}: the figure cannot be read (${from})`) });
    }
  }

  // 3. Sentences, with the draft check's phrase patterns (outside the appendix's lines): the
  // template's own, or those made from its labels; numbers about other things are left alone.
  const patterns = draftPhrasesOf(t);
  const other = otherThingsOf(t);
  if (patterns) {
    const nt = normalizeText(rest.join("\n"));
    const text = nt.text;
    const sentences = splitSentences(text);
    const scope = inScope(text, sentences, { template: t.id, report: opts.year ? { year: opts.year } : {}, values: {}, registers: {} });
    sentences.forEach((s, si) => {
      if (!scope[si]) return;
      const sentence = text.slice(s.start, s.end);
      let prevEnd = -1;
      for (const f of figuresIn(text, s)) {
        if (f.excluded) continue;
        const clause = s.clauses.find((c) => f.start >= c.start && f.start <= c.end) ?? s;
        const leadStart = Math.max(clause.start, prevEnd);
        prevEnd = f.end;
        if (f.skip) continue;
        const ctx: FigureContext = {
          lead: text.slice(leadStart, f.start),
          after: text.slice(f.afterStart, Math.min(s.end, f.afterStart + 120)),
          clause: text.slice(clause.start, f.start),
          sentence,
        };
        if (aboutOtherThing(other, ctx)) continue;
        const p = classify(patterns, f, ctx);
        if (!p) continue;
        // "10,4 triệu đồng" is a rounded figure, not last year's exact one.
        if (f.multiplier !== 1) continue;
        const parts: [string, number, number][] = p.fraction ? [[p.fraction[0], f.value, 0], [p.fraction[1], f.fraction!.value, 0]] : [[p.code, f.value, f.decimals]];
        for (const [code, value, decimals] of parts) {
          const d = byCode.get(code);
          if (!d) continue;
          if (d.kind !== "percent" && decimals > 0) continue;
          const v = d.kind === "percent" ? formatPercent(value, decimals) : value;
          add(code, v, L("câu: ", "sentence: ") + "“" + short(sentence) + "”");
        }
      }
    });
  }

  // 4. One value per code; two different values: left blank and listed.
  const found: Found[] = [];
  const unsureCodes = new Set(unsure.map((u) => u.code));
  for (const d of t.indicators) {
    const l = cands.get(d.code);
    if (!l) continue;
    const distinct = [...new Set(l.map((c) => String(c.value)))];
    if (distinct.length === 1 && !unsureCodes.has(d.code)) {
      found.push({ code: d.code, value: l[0].value, from: l[0].from });
    } else {
      const ways = l.map((c) => formatValue(c.value as RawValue, d.kind) + " (" + c.from + ")").join("; ");
      if (distinct.length > 1) unsure.push({ code: d.code, text: L(`${d.code}: đọc được nhiều số khác nhau: ${ways}`, `${d.code}: read as different figures: ${ways}`) });
    }
  }
  return { found, unsure, skipped: [] };
}

/** What `import-previous` will do. */
export interface PreviousPlan {
  template: string;
  /** Cells to fill (the "Năm trước" column is blank there). */
  writes: Found[];
  /** A value typed already: kept, with what the source says (when it differs). */
  kept: { code: string; typed: string; incoming: string }[];
  unsure: Unsure[];
  skipped: ReadPrevious["skipped"];
}

/** The plan: fill only blank "Năm trước" cells; a typed one is kept. */
export function planPrevious(t: TemplateDef, current: Record<string, RawValue> | undefined, read: ReadPrevious): PreviousPlan {
  const plan: PreviousPlan = { template: t.id, writes: [], kept: [], unsure: read.unsure, skipped: read.skipped };
  const cur = current ?? {};
  for (const f of read.found) {
    const d = t.indicators.find((x) => x.code === f.code);
    if (!d) continue;
    const typed = cur[f.code];
    const blank = typed === null || typed === undefined || (typeof typed === "string" && cleanText(typed) === "");
    if (blank) plan.writes.push(f);
    else {
      const a = formatValue(typed, d.kind);
      const b = formatValue(f.value as RawValue, d.kind);
      if (a !== b) plan.kept.push({ code: f.code, typed: a, incoming: b });
    }
  }
  return plan;
}

/** The plan as lines for the user (command line and pane). */
export function describePlan(t: TemplateDef, plan: PreviousPlan, lang: Lang = "vi"): { title: string; lines: string[] }[] {
  const L = (vi: string, en: string) => (lang === "en" ? en : vi);
  const label = (code: string) => t.indicators.find((d) => d.code === code)?.label[lang] ?? code;
  const kindOf = (code: string) => t.indicators.find((d) => d.code === code)?.kind ?? "count";
  const out: { title: string; lines: string[] }[] = [];
  out.push({
    title: L(`Sẽ ghi vào cột "Năm trước" (${plan.writes.length} ô)`, `Will fill the "Năm trước" column (${plan.writes.length} cells)`),
    lines: plan.writes.map((w) => `${w.code} = ${formatValue(w.value as RawValue, kindOf(w.code))} — ${label(w.code)} [${w.from}]`),
  });
  if (plan.kept.length)
    out.push({
      title: L(`Giữ nguyên số đã nhập (${plan.kept.length})`, `Kept as typed (${plan.kept.length})`),
      lines: plan.kept.map((k) => L(`${k.code}: giữ ${k.typed} (tệp năm trước ghi ${k.incoming})`, `${k.code}: keeps ${k.typed} (last year's file says ${k.incoming})`)),
    });
  if (plan.unsure.length) out.push({ title: L(`Chưa chắc chắn, để trống (${plan.unsure.length})`, `Unsure, left blank (${plan.unsure.length})`), lines: plan.unsure.map((u) => u.text) });
  if (plan.skipped.length)
    out.push({
      title: L(`Không chép (${plan.skipped.length})`, `Not copied (${plan.skipped.length})`),
      lines: plan.skipped.map((s) => `${s.code} = ${s.value}: ${s.reason}`),
    });
  return out;
}
