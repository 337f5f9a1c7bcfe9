/**
 * The one reader of a .docx's text (word/document.xml), for every use: last year's report
 * (`import-previous`, the pane's "Năm trước"), and a draft checked against the figures
 * (`phuluc draft`). One walk over the XML gives the body in order: paragraphs, and tables
 * as rows of cells, each cell its own paragraphs and nested tables. Two views of it:
 *
 * - `docxContent`: paragraphs outside tables, and each table's cells as text (a cell's
 *   paragraphs joined with "\n", a nested table's rows as "a | b" lines);
 * - `docxPlainText`: the paragraphs as lines of text; a table row whose cells hold one
 *   paragraph each (an appendix laid out as a Word table: "1 | Tổng số văn bản … | văn bản
 *   | 08") is one line, its cells separated by tabs, so that a figure is read with its row's
 *   label; a row with several paragraphs in a cell (the two-column header, the signature
 *   block) gives its paragraphs cell by cell, one a line.
 *
 * Pure TypeScript, linear in the XML's length (a tag never holds "<", so an unclosed tag
 * costs one scan to the next "<"). Unzipping and its size limits belong to the callers
 * (src/cli/zip.ts, the pane's reader).
 */

export type DocxBlock = string | DocxTable;

export interface DocxTable {
  /** row → cell → the cell's blocks in order (paragraphs, nested tables). */
  rows: DocxBlock[][][];
}

/** The text of a .docx: body paragraphs (outside tables) and the tables' cells. */
export interface DocxContent {
  paragraphs: string[];
  /** table → row → cell text (a cell's paragraphs joined with "\n"). */
  tables: string[][][];
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** XML character references and the five named entities decoded (word/document.xml text). */
export function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (m, e: string) => {
    if (e[0] === "#") {
      const cp = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return isFinite(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : "";
    }
    return ENTITIES[e] ?? m;
  });
}

/** The body of word/document.xml in order: paragraphs (text, with "\t" for tabs and "\n" for breaks) and tables. */
export function readDocxBody(xml: string): DocxBlock[] {
  const body: DocxBlock[] = [];
  // Open tables (innermost last), each with its open row and cell.
  const stack: { table: DocxTable; row: DocxBlock[][] | null; cell: DocxBlock[] | null; outer: DocxBlock[] }[] = [];
  /** Where a block ends up: the innermost open cell, else the body (or the cell around a table). */
  const container = (): DocxBlock[] => {
    const top = stack[stack.length - 1];
    return !top ? body : top.cell ?? top.outer;
  };
  let cur = "";
  let inText = false;
  const re = /<(\/?)(w:[A-Za-z]+)\b[^<>]*?(\/?)>|([^<]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    if (m[4] !== undefined) {
      if (inText) cur += decodeXml(m[4]);
      continue;
    }
    const closing = m[1] === "/";
    const self = m[3] === "/";
    const top = stack.length ? stack[stack.length - 1] : undefined;
    switch (m[2]) {
      case "w:t":
        inText = !closing && !self;
        break;
      case "w:tab":
        if (!closing) cur += "\t";
        break;
      case "w:br":
      case "w:cr":
        if (!closing) cur += "\n";
        break;
      case "w:noBreakHyphen":
        if (!closing) cur += "-";
        break;
      case "w:p":
        if (closing || self) {
          container().push(cur);
          cur = "";
          inText = false;
        }
        break;
      case "w:tbl":
        if (!closing && !self) {
          const outer = container();
          const table: DocxTable = { rows: [] };
          outer.push(table);
          stack.push({ table, row: null, cell: null, outer });
        } else if (closing && top) stack.pop();
        break;
      case "w:tr":
        if (top && !closing && !self) top.row = [];
        else if (top && closing && top.row) {
          top.table.rows.push(top.row);
          top.row = null;
        }
        break;
      case "w:tc":
        if (top && !closing && !self) top.cell = [];
        else if (top && closing && top.cell) {
          (top.row ?? (top.row = [])).push(top.cell);
          top.cell = null;
        }
        break;
      default:
        break;
    }
  }
  if (cur) container().push(cur);
  return body;
}

/** A cell's text: its paragraphs joined with "\n", a nested table's rows as "a | b". */
function cellText(cell: DocxBlock[]): string {
  const out: string[] = [];
  for (const b of cell) {
    if (typeof b === "string") out.push(b);
    else for (const r of b.rows) out.push(r.map(cellText).join(" | "));
  }
  return out.join("\n");
}

/** Paragraphs outside tables, and the tables (nested tables flattened into their cell). */
export function docxContent(xml: string): DocxContent {
  const paragraphs: string[] = [];
  const tables: string[][][] = [];
  for (const b of readDocxBody(xml)) {
    if (typeof b === "string") paragraphs.push(b);
    else tables.push(b.rows.map((r) => r.map(cellText)));
  }
  return { paragraphs, tables };
}

/** The lines a cell gives (its paragraphs, tabs as spaces; a nested table's rows as lines). */
function cellLines(cell: DocxBlock[]): string[] {
  const out: string[] = [];
  for (const b of cell) {
    if (typeof b === "string") out.push(b.replace(/\t/g, " "));
    else for (const l of tableLines(b)) out.push(l.replace(/\t/g, " "));
  }
  return out;
}

function tableLines(t: DocxTable): string[] {
  const out: string[] = [];
  for (const row of t.rows) {
    const filled = row.map((c) => cellLines(c).filter((p) => p.trim() !== ""));
    if (filled.every((c) => c.length <= 1) && filled.filter((c) => c.length).length > 1) out.push(filled.map((c) => (c[0] ?? "").replace(/\n/g, " ").trim()).join("\t"));
    else for (const c of filled) out.push(...c);
  }
  return out;
}

/** The text of word/document.xml, one paragraph a line (a table row of one paragraph a cell: one line, cells separated by tabs). */
export function docxPlainText(xml: string): string {
  const lines: string[] = [];
  for (const b of readDocxBody(xml)) {
    if (typeof b === "string") lines.push(b);
    else for (const l of tableLines(b)) lines.push(l);
  }
  return lines.join("\n");
}
