/**
 * The appendix "PHỤ LỤC SỐ LIỆU" as the seed prints it: each group's heading (the
 * template's, placeholders filled), then its lines. How a group's lines read is DATA
 * (each template's `appendix`, by group id); a group without lines prints "- label: value".
 */
import type { AppendixLine, ReportData, TemplateDef, IndicatorDef } from "../types";
import { byTemplate } from "../templates/built-in";
import { formatValue, readValue } from "../values";
import { formatDate } from "../vn";
import { groupApplies } from "../template-info";
import type { Block } from "../doc/model";

/** Printed where a value is blank. */
export const NO_DATA = "chưa có số liệu";

export type { AppendixLine };

/** The appendix lines of the built-in templates by template id (each template's `appendix`). */
export const APPENDIX_LAYOUTS: Record<string, Record<string, AppendixLine[]>> = byTemplate("appendix");

export interface AppendixOptions {
  pad?: boolean;
}

/** Report symbol in full: "538/BC-SKHCN". */
export function fullSymbol(data: ReportData): string {
  const n = String(data.report?.number ?? "").trim();
  const s = String(data.report?.symbol ?? "").trim();
  if (n && s) return n + "/" + s;
  return n || s;
}

function levelLabel(data: ReportData, t: TemplateDef): string {
  const lv = String(data.report?.level ?? "").trim();
  const found = t.levels.find((l) => l.id === lv || l.label.vi.toLowerCase() === lv.toLowerCase());
  return found ? found.label.vi : lv || t.levels[0]?.label.vi || "";
}

/** Fills {code}, {label:code}, {unit:code}, {level}. A blank value prints NO_DATA (never a number). */
export function fillAppendixText(text: string, data: ReportData, t: TemplateDef, opts: AppendixOptions = {}): string {
  const byCode = new Map<string, IndicatorDef>(t.indicators.map((i) => [i.code, i]));
  return text.replace(/\{([a-zA-Z0-9_:]+)\}/g, (m, name: string, at: number) => {
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
    if (r.status === "blank") return NO_DATA;
    // The two sides of a fraction ("4/4 đơn vị") are printed as figures, never padded.
    const fraction = text[at - 1] === "/" || text[at + m.length] === "/";
    return formatValue(raw, ind.kind, { pad: opts.pad !== false && !fraction });
  });
}

/** The appendix: title, "(Kèm theo …)", the groups. Starts on a new page. */
export function appendixBlocks(data: ReportData, t: TemplateDef, opts: AppendixOptions = {}): Block[] {
  const out: Block[] = [];
  const sym = fullSymbol(data);
  const date = data.report?.date ? formatDate(String(data.report.date)) : "";
  const agency = String(data.report?.agency ?? "").trim();
  let attach = "(Kèm theo Báo cáo";
  if (sym) attach += " số " + sym;
  if (date) attach += " ngày " + date;
  if (agency) attach += " của " + agency;
  attach += ")";
  out.push({
    type: "paragraph",
    runs: [{ text: "PHỤ LỤC SỐ LIỆU", bold: true }],
    align: "center",
    indent: false,
    pageBreakBefore: true,
    spaceAfter: 0,
  });
  out.push({ type: "paragraph", runs: [{ text: attach, italic: true }], align: "center", indent: false, spaceAfter: 12 });
  const layout = t.appendix;
  const inHeading = new Set<string>();
  for (const g of t.groups) for (const m of g.heading.vi.matchAll(/\{([a-z0-9_]+)\}/g)) inHeading.add(m[1]);
  let n = 0;
  for (const g of t.groups) {
    // A group that does not apply at the report's level is not printed.
    if (!groupApplies(t, g.id, data.report?.level ? String(data.report.level) : undefined)) continue;
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
    out.push({
      type: "paragraph",
      runs: [{ text: n + ". " + fillAppendixText(g.heading.vi, data, t, opts), bold: true }],
      keepNext: true,
    });
    for (const l of lines) {
      const text = fillAppendixText(l.text, data, t, opts);
      out.push({ type: "paragraph", runs: [{ text: (l.dash === false ? "" : "- ") + text }] });
    }
  }
  return out;
}
