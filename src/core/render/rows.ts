/**
 * Worksheet rows of a document, for the "Báo cáo" sheet: an array of rows of cells with
 * simple styles. Two columns: a paragraph spans both (merged, wrapped, with a row height
 * estimated from its length since Excel does not fit merged rows); a borderless two-column
 * table (the header, the closing) puts its columns side by side, line by line.
 */
import type { Align, Block, DocModel, Run } from "../doc/model";
import { cleanText, runsText } from "../doc/model";

export interface SheetCell {
  v: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** Points. */
  size?: number;
  align?: Align;
  wrap?: boolean;
  /** Number of columns this cell spans (merged), 1 by default. */
  span?: number;
  /** Indent level of the first line (Excel's indent, about 3 characters each). */
  indent?: number;
  /** A line under the cell (the short lines of the header). */
  borderBottom?: boolean;
}

export interface SheetRow {
  cells: SheetCell[];
  /** Row height in points, where it has to be set (merged, wrapped cells). */
  height?: number;
}

export interface SheetRows {
  /** Column widths in characters. */
  columnWidths: number[];
  font: string;
  fontSize: number;
  rows: SheetRow[];
}

const COLS = [48, 48];
const TOTAL_CHARS = COLS[0] + COLS[1];

function style(runs: Run[], size: number | undefined): Omit<SheetCell, "v"> {
  const visible = runs.filter((r) => r.text.trim() !== "");
  const all = (k: "bold" | "italic" | "underline") => visible.length > 0 && visible.every((r) => r[k]);
  const s: Omit<SheetCell, "v"> = {};
  if (all("bold")) s.bold = true;
  if (all("italic")) s.italic = true;
  if (all("underline")) s.underline = true;
  const sz = visible.find((r) => r.size)?.size ?? size;
  if (sz) s.size = sz;
  return s;
}

function heightFor(text: string, chars: number, size: number): number {
  const perLine = Math.max(10, Math.floor((chars * 11) / size));
  const lines = text.split("\n").reduce((n, l) => n + Math.max(1, Math.ceil(l.length / perLine)), 0);
  return Math.round(lines * size * 1.35 * 10) / 10;
}

/** Cells of blocks as a column of lines (for layout tables). */
function column(bs: Block[], fontSize: number): SheetCell[] {
  const out: SheetCell[] = [];
  for (const b of bs) {
    if (b.type === "paragraph") out.push({ v: cleanText(runsText(b.runs)), ...style(b.runs, b.size), align: b.align ?? "left", wrap: true });
    else if (b.type === "list") for (const it of b.items) out.push({ v: cleanText(b.marker + runsText(it)), ...style(it, b.size), align: "left", wrap: true });
    else if (b.type === "rule" && out.length) out[out.length - 1].borderBottom = true;
    else if (b.type === "table") for (const row of b.rows) for (const c of row) for (const x of column(c.blocks, fontSize)) out.push(x);
  }
  return out;
}

export function renderRows(doc: DocModel): SheetRows {
  const fontSize = doc.page.fontSize;
  const rows: SheetRow[] = [];
  const add = (bs: Block[]) => {
    for (const b of bs) {
      if (b.type === "paragraph" || b.type === "list") {
        const items = b.type === "paragraph" ? [b.runs] : b.items.map((it) => [{ text: b.marker }, ...it]);
        for (const runs of items) {
          const v = cleanText(runsText(runs));
          const size = (b.size ?? fontSize) as number;
          const indent = (b.indent ?? true) && (b.align ?? "justify") !== "center" ? 1 : 0;
          rows.push({
            cells: [{ v, ...style(runs, b.size), align: b.align ?? "justify", wrap: true, span: 2, indent: indent || undefined }],
            height: heightFor(v, TOTAL_CHARS, size),
          });
          if (b.type === "paragraph" && b.pageBreakBefore && rows.length > 1) rows.splice(rows.length - 1, 0, { cells: [] });
        }
      } else if (b.type === "rule") {
        const last = rows[rows.length - 1];
        if (last && last.cells.length === 1) last.cells[0].borderBottom = true;
      } else if (b.type === "table") {
        if (b.borders || b.widths.length !== 2) {
          for (const row of b.rows) rows.push({ cells: row.map((c) => ({ v: column(c.blocks, fontSize).map((x) => x.v).join("\n"), wrap: true })) });
        } else {
          for (const row of b.rows) {
            const cols = row.map((c) => column(c.blocks, fontSize));
            const n = Math.max(0, ...cols.map((c) => c.length));
            for (let i = 0; i < n; i++) {
              const cells = [cols[0]?.[i] ?? { v: "" }, cols[1]?.[i] ?? { v: "" }];
              const h = Math.max(...cells.map((c, k) => (c.v ? heightFor(c.v, COLS[k], c.size ?? fontSize) : 0)));
              rows.push({ cells, height: h || undefined });
            }
          }
        }
      }
    }
  };
  add(doc.blocks);
  return { columnWidths: COLS.slice(), font: doc.page.font, fontSize, rows };
}
