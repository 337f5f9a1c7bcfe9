/**
 * The one document model of the narrative: what the report is, independent of where it
 * goes (plain text, clipboard HTML, a worksheet, a .docx). Pure data; renderers in
 * src/core/render/ and src/docx/ interpret it.
 *
 * Units: font sizes in points, spacing in points, margins in millimetres, indents in
 * centimetres, table column widths as fractions of the available width.
 */

export interface RunStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** Font size in points; the paragraph's, then the page's, when absent. */
  size?: number;
}

export interface Run extends RunStyle {
  text: string;
}

export type Align = "left" | "center" | "right" | "justify";

export interface ParagraphBlock {
  type: "paragraph";
  runs: Run[];
  /** Default "justify". */
  align?: Align;
  /** First-line indent (the page's). Default true. */
  indent?: boolean;
  /** Default size of the paragraph's runs, in points. */
  size?: number;
  /** Points; default 0. */
  spaceBefore?: number;
  /** Points; default the page's paragraph spacing. */
  spaceAfter?: number;
  pageBreakBefore?: boolean;
  keepNext?: boolean;
  /** A heading of the document (1 = the document type / appendix title, 2 = sections, 3 = subsections). */
  heading?: 1 | 2 | 3;
}

/** A short solid horizontal line (under the agency name, the motto, the title). */
export interface RuleBlock {
  type: "rule";
  /** Width of the line in centimetres. */
  widthCm: number;
  align?: "center" | "left";
}

/** A list whose items start with a marker ("- "), as Vietnamese documents write them. */
export interface ListBlock {
  type: "list";
  marker: string;
  items: Run[][];
  size?: number;
  /** First-line indent. Default true. */
  indent?: boolean;
  align?: Align;
  spaceAfter?: number;
}

export interface TableCell {
  blocks: Block[];
  colSpan?: number;
}

export interface TableBlock {
  type: "table";
  /** false for layout tables (the two-column header, the signature block). */
  borders: boolean;
  /** Column widths as fractions of the available width (sum 1). */
  widths: number[];
  rows: TableCell[][];
  /** What the table is for (renderers that flatten tables may use it). */
  role?: "header" | "closing" | "data";
}

export type Block = ParagraphBlock | RuleBlock | ListBlock | TableBlock;

export interface PageSettings {
  /** Paper size in millimetres (A4: 210 × 297). */
  widthMm: number;
  heightMm: number;
  margins: { top: number; bottom: number; left: number; right: number };
  /** Distance of the page-number header from the top edge, in millimetres. */
  headerMm: number;
  font: string;
  /** Body size, points. */
  fontSize: number;
  firstLineIndentCm: number;
  /** Space after each paragraph, points. */
  paragraphAfter: number;
  /** Line spacing in lines (1 = single). */
  lineSpacing: number;
  pageNumbers: { position: "top-center"; firstPage: boolean; size: number };
}

export interface DocModel {
  page: PageSettings;
  blocks: Block[];
  /** Document properties (title of the file). */
  title?: string;
}

/** Nghị định 30/2020/NĐ-CP, Phụ lục I, as the project applies it. */
export const A4_ND30: PageSettings = {
  widthMm: 210,
  heightMm: 297,
  margins: { top: 20, bottom: 20, left: 30, right: 15 },
  headerMm: 10,
  font: "Times New Roman",
  fontSize: 14,
  firstLineIndentCm: 1.27,
  paragraphAfter: 6,
  lineSpacing: 1,
  pageNumbers: { position: "top-center", firstPage: false, size: 14 },
};

/** Width available for text, in centimetres. */
export function textWidthCm(page: PageSettings): number {
  return (page.widthMm - page.margins.left - page.margins.right) / 10;
}

// ---- small builders ----

export function run(text: string, style?: RunStyle): Run {
  return style ? { text, ...style } : { text };
}

export function para(runs: Run[] | string, opts: Omit<ParagraphBlock, "type" | "runs"> = {}): ParagraphBlock {
  return { type: "paragraph", runs: typeof runs === "string" ? [{ text: runs }] : runs, ...opts };
}

/** A centred paragraph without indent (header lines, titles). */
export function centred(runs: Run[] | string, opts: Omit<ParagraphBlock, "type" | "runs"> = {}): ParagraphBlock {
  return para(runs, { align: "center", indent: false, ...opts });
}

export function rule(widthCm: number, align: "center" | "left" = "center"): RuleBlock {
  return { type: "rule", widthCm, align };
}

/** All text of a list of runs. */
export function runsText(runs: Run[]): string {
  return runs.map((r) => r.text).join("");
}

/** Every paragraph-level text of a document, in order (tables cell by cell): for tests and search. */
export function blockTexts(blocks: Block[]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.type === "paragraph") out.push(runsText(b.runs));
    else if (b.type === "list") for (const it of b.items) out.push(b.marker + runsText(it));
    else if (b.type === "table") for (const row of b.rows) for (const c of row) for (const x of blockTexts(c.blocks)) out.push(x);
  }
  return out;
}

/**
 * Removes characters that no document format can hold (C0 controls other than tab and
 * line feed, lone surrogates, U+FFFE/U+FFFF) and normalises line ends. Used by every
 * renderer on user text.
 */
export function cleanText(s: string): string {
  const t = String(s)
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g, "");
  // Lone surrogates (no regex lookbehind: old Office webviews lack it).
  let out = "";
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = i + 1 < t.length ? t.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) {
        out += t[i] + t[i + 1];
        i++;
      }
    } else if (c < 0xdc00 || c > 0xdfff) out += t[i];
  }
  return out;
}
