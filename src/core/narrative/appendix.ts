/**
 * The appendix "PHỤ LỤC SỐ LIỆU" as the seed prints it: each group's heading (the
 * template's, placeholders filled), then its lines. How a group's lines read is DATA
 * (each template's `appendix`, by group id); a group without lines prints "- label: value".
 */
import type { AppendixLine, Finding, ReportData, TemplateDef, IndicatorDef } from "../types";
import { byTemplate } from "../templates/built-in";
import { formatValue, readValue } from "../values";
import { formatDate } from "../vn";
import { isPartyReport } from "../symbol";
import { groupApplies, notApplicableGroups } from "../template-info";
import type { Block } from "../doc/model";
import { markedRuns, markReason } from "./marks";
import { coverageLine } from "../merge/coverage";

/**
 * Printed where a value is blank: a space to fill in, as on a printed form. A report never
 * says "chưa có số liệu" (a clerk would send it as is); the report's warnings name the blanks.
 */
export const NO_DATA = "…";

/**
 * The appendix's own title, under the word "Phụ lục" (Nghị định 30/2020: "Phụ lục" on its own
 * line, then the title in capitals, then "(Kèm theo …)"). [ … ] is left out without a year;
 * {year} is the report's year. DATA, per template (to move into the template's files); a
 * template without one gets DEFAULT_APPENDIX_TITLE.
 */
export const APPENDIX_TITLES: Record<string, string> = {
  "qcdc-2021": "Số liệu kết quả thực hiện quy chế dân chủ ở cơ sở[ năm {year}]",
};
const DEFAULT_APPENDIX_TITLE = "Số liệu kết quả thực hiện[ năm {year}]";

export type { AppendixLine };

/** The appendix lines of the built-in templates by template id (each template's `appendix`). */
export const APPENDIX_LAYOUTS: Record<string, Record<string, AppendixLine[]>> = byTemplate("appendix");

export interface AppendixOptions {
  pad?: boolean;
  /** Findings of the data: a line whose figures an error touches is marked "[cần kiểm tra: …]". */
  findings?: Finding[];
  /** A consolidated report's expected units that sent nothing (MergeResult.missingUnits): named in the coverage line. */
  missingUnits?: readonly string[];
}

/**
 * The report's number as the conventions print it: a number below 10 takes a leading zero
 * ("05/BC-…"); anything else as typed.
 */
export function padNumber(n: string): string {
  return /^[1-9]$/.test(n) ? "0" + n : n;
}

/** Report symbol in full: "538/BC-SKHCN", "05/BC-UBND". */
export function fullSymbol(data: ReportData): string {
  const n = padNumber(String(data.report?.number ?? "").trim());
  const s = String(data.report?.symbol ?? "").trim();
  // A Party body's document: NUMBER-TYPE/BODY ("15-BC/ĐU"), Hướng dẫn 36-HD/VPTW.
  if (n && s) return n + (isPartyReport(data.report) ? "-" : "/") + s;
  return n || s;
}

function levelLabel(data: ReportData, t: TemplateDef): string {
  const lv = String(data.report?.level ?? "").trim();
  const found = t.levels.find((l) => l.id === lv || l.label.vi.toLowerCase() === lv.toLowerCase());
  return found ? found.label.vi : lv || t.levels[0]?.label.vi || "";
}

/** Fills {code}, {label:code}, {unit:code}, {level}. A blank value prints NO_DATA (never a number). */
export function fillAppendixText(text: string, data: ReportData, t: TemplateDef, opts: AppendixOptions = {}): string {
  return fillAppendix(text, data, t, opts).text;
}

/** The same, with the codes whose values it printed (`codes`) and those left blank (`blank`). */
export function fillAppendix(text: string, data: ReportData, t: TemplateDef, opts: AppendixOptions = {}): { text: string; codes: string[]; blank: string[] } {
  const byCode = new Map<string, IndicatorDef>(t.indicators.map((i) => [i.code, i]));
  const codes: string[] = [];
  const blank: string[] = [];
  const out = text.replace(/\{([a-zA-Z0-9_:]+)\}/g, (m, name: string, at: number) => {
    if (name === "level") return levelLabel(data, t);
    const [a, b] = name.split(":");
    if (b !== undefined) {
      const ind = byCode.get(b);
      if (!ind) return m;
      return a === "label" ? ind.label.vi : a === "unit" ? ind.unit.vi : m;
    }
    const ind = byCode.get(a);
    if (!ind) return m;
    const raw = data.values?.[a];
    const r = readValue(raw, ind.kind);
    if (r.status === "blank") {
      blank.push(a);
      return NO_DATA;
    }
    codes.push(a);
    // The two sides of a fraction ("4/4 đơn vị") are printed as figures, never padded.
    const fraction = text[at - 1] === "/" || text[at + m.length] === "/";
    return formatValue(raw, ind.kind, { pad: opts.pad !== false && !fraction });
  });
  return { text: out, codes, blank };
}

function fillOptional(text: string, data: ReportData): string {
  const y = data.report?.year ? String(data.report.year) : "";
  return text.replace(/\[([^\]]*)\]/g, (_m, inner: string) => (inner.includes("{year}") && !y ? "" : inner)).replace(/\{year\}/g, y);
}

/** The blank indicators the appendix prints as a space to fill in, in template order. */
export function appendixBlanks(data: ReportData, t: TemplateDef): string[] {
  const out: string[] = [];
  for (const b of appendixLines(data, t, {})) for (const c of b.blank) if (!out.includes(c)) out.push(c);
  return out;
}

interface Line {
  text: string;
  codes: string[];
  blank: string[];
  heading: boolean;
  dash: boolean;
}

function appendixLines(data: ReportData, t: TemplateDef, opts: AppendixOptions): Line[] {
  const out: Line[] = [];
  const layout = t.appendix;
  const inHeading = new Set<string>();
  for (const g of t.groups) for (const m of g.heading.vi.matchAll(/\{([a-z0-9_]+)\}/g)) inHeading.add(m[1]);
  let n = 0;
  const byCode = new Map(t.indicators.map((i) => [i.code, i] as const));
  const na = notApplicableGroups(t, (c) => readValue(data.values ? data.values[c] : undefined, byCode.get(c)!.kind).status === "blank");
  for (const g of t.groups) {
    // A group that does not apply at the report's level is not printed, nor one left wholly blank when the template says it is then not applicable.
    if (!groupApplies(t, g.id, data.report?.level ? String(data.report.level) : undefined)) continue;
    if (na.has(g.id)) continue;
    const own = layout ? layout[String(g.id)] : undefined;
    let lines: AppendixLine[];
    if (own) lines = own;
    else {
      // Lines made from the labels: a blank figure is left out, a group wholly blank is not printed.
      const given = t.indicators.filter(
        (i) => i.group === g.id && i.printed !== false && !inHeading.has(i.code) && readValue(data.values?.[i.code], i.kind).status !== "blank",
      );
      const headingCodes = Array.from(g.heading.vi.matchAll(/\{([a-z0-9_]+)\}/g), (m) => m[1]).filter((c) => t.indicators.some((i) => i.code === c));
      const headingGiven = headingCodes.some((c) => readValue(data.values?.[c], t.indicators.find((i) => i.code === c)!.kind).status !== "blank");
      if (!given.length && !headingGiven) continue;
      lines = given.map((i) => ({ text: "{label:" + i.code + "}: {" + i.code + "}" + (i.kind === "money" ? " " + i.unit.vi : "") }));
    }
    n++;
    const h = fillAppendix(g.heading.vi, data, t, opts);
    out.push({ text: n + ". " + h.text, codes: h.codes, blank: h.blank, heading: true, dash: false });
    for (const l of lines) {
      const f = fillAppendix(l.text, data, t, opts);
      out.push({ text: f.text, codes: f.codes, blank: f.blank, heading: false, dash: l.dash !== false });
    }
  }
  return out;
}

/**
 * The appendix as a separate part (Nghị định 30/2020, Phụ lục I): a new page with its own page
 * numbering, "Phụ lục" on its own line, its title in capitals, "(Kèm theo Báo cáo số … ngày …
 * của …)", then the groups. A line whose figures an error touches is marked for the author.
 */
export function appendixBlocks(data: ReportData, t: TemplateDef, opts: AppendixOptions = {}): Block[] {
  const out: Block[] = [];
  const sym = fullSymbol(data);
  const date = data.report?.date ? formatDate(String(data.report.date)) : "";
  const agency = String(data.report?.agency ?? "").trim();
  let attach = "(Kèm theo Báo cáo";
  attach += " số " + (sym || "…");
  attach += " ngày " + (date || "…");
  if (agency) attach += " của " + agency;
  attach += ")";
  const title = fillOptional(APPENDIX_TITLES[t.id] ?? DEFAULT_APPENDIX_TITLE, data).toLocaleUpperCase("vi");
  out.push({
    type: "paragraph",
    runs: [{ text: "Phụ lục", bold: true }],
    align: "center",
    indent: false,
    pageBreakBefore: true,
    newPart: true,
    spaceAfter: 0,
    keepNext: true,
    heading: 1,
  });
  out.push({ type: "paragraph", runs: [{ text: title, bold: true }], align: "center", indent: false, spaceAfter: 0, keepNext: true });
  const cover = coverageLine(data, "vi", opts.missingUnits);
  out.push({ type: "paragraph", runs: [{ text: attach, italic: true }], align: "center", indent: false, spaceAfter: cover ? 0 : 12, keepNext: true });
  // A consolidated report says how many units it was consolidated from (phuluc merge).
  if (cover) out.push({ type: "paragraph", runs: [{ text: "(" + cover + ")", italic: true }], align: "center", indent: false, spaceAfter: 12, keepNext: true });
  const errors = (opts.findings ?? []).filter((f) => f.severity === "error");
  for (const l of appendixLines(data, t, opts)) {
    const reason = markReason(l.codes, errors, t);
    const text = (l.dash ? "- " : "") + l.text;
    out.push(
      l.heading
        ? { type: "paragraph", runs: markedRuns(text, reason, { bold: true }), keepNext: true }
        : { type: "paragraph", runs: markedRuns(text, reason) },
    );
  }
  return out;
}
