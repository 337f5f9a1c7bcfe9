/**
 * The .docx writer: the document model (src/core/doc) to a Word file with the `docx`
 * library. Works in Node and in the browser (Packer.pack to a Uint8Array needs neither
 * Buffer nor Blob). This module is the ONLY import of `docx` in the project, so that the
 * add-in loads the library on demand as its own chunk.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  NoBreakHyphen,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { Block, DocModel, PageSettings, ParagraphBlock, Run, Align, ListBlock, TableBlock } from "../core/doc/model";
import { cleanText } from "../core/doc/model";

const TWIP_PER_MM = 1440 / 25.4;
const mm = (v: number) => Math.round(v * TWIP_PER_MM);
const cm = (v: number) => Math.round(v * 10 * TWIP_PER_MM);
const pt = (v: number) => Math.round(v * 20);
/** Word's default left and right cell margins (0.19 cm). */
const CELL_MARGIN = 108;

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

/**
 * A line of text as run contents: a hyphen inside a word or symbol ("Covid-19", "538/BC-SKHCN",
 * "2021-2025") becomes Word's non-breaking hyphen (w:noBreakHyphen), so the word never
 * breaks across lines; a spaced dash ("Độc lập - Tự do") stays a plain hyphen.
 */
export function hyphenSafe(line: string): (string | NoBreakHyphen)[] {
  const out: (string | NoBreakHyphen)[] = [];
  let last = 0;
  const re = /[\p{L}\p{N}/)](-)(?=[\p{L}\p{N}(])/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) {
    const at = m.index + m[0].length - 1;
    if (at > last) out.push(line.slice(last, at));
    out.push(new NoBreakHyphen());
    last = at + 1;
    re.lastIndex = at + 1;
  }
  if (last < line.length) out.push(line.slice(last));
  return out;
}

function textRuns(runs: Run[], size: number | undefined): TextRun[] {
  const out: TextRun[] = [];
  for (const r of runs) {
    const lines = cleanText(r.text).split("\n");
    const s = r.size ?? size;
    lines.forEach((line, i) => {
      const children = hyphenSafe(line);
      out.push(
        new TextRun({
          ...(children.length === 1 && typeof children[0] === "string" ? { text: children[0] } : { children }),
          break: i > 0 ? 1 : undefined,
          bold: r.bold || undefined,
          italics: r.italic || undefined,
          underline: r.underline ? {} : undefined,
          highlight: r.highlight ? "yellow" : undefined,
          size: s ? s * 2 : undefined,
        }),
      );
    });
  }
  return out;
}

interface Ctx {
  page: PageSettings;
  /** Width available here, twips. */
  width: number;
  /** Inside a table cell: no first-line indent by default. */
  inCell: boolean;
}

function paragraph(b: ParagraphBlock, ctx: Ctx): Paragraph {
  const indent = b.indent ?? !ctx.inCell;
  const after = b.spaceAfter ?? (ctx.inCell ? 0 : ctx.page.paragraphAfter);
  return new Paragraph({
    children: textRuns(b.runs, b.size),
    alignment: ALIGN[b.align ?? "justify"],
    indent: indent ? { firstLine: cm(ctx.page.firstLineIndentCm) } : undefined,
    spacing: {
      before: pt(b.spaceBefore ?? 0),
      after: pt(after),
      line: Math.round(240 * ctx.page.lineSpacing),
      lineRule: LineRuleType.AUTO,
    },
    pageBreakBefore: b.pageBreakBefore || undefined,
    keepNext: b.keepNext || undefined,
    run: b.size ? { size: b.size * 2 } : undefined,
  });
}

function list(b: ListBlock, ctx: Ctx): Paragraph[] {
  return b.items.map((item) =>
    paragraph(
      {
        type: "paragraph",
        runs: [{ text: b.marker }, ...item],
        size: b.size,
        indent: b.indent,
        align: b.align,
        spaceAfter: b.spaceAfter,
      },
      ctx,
    ),
  );
}

/** A short line: an empty, tiny paragraph with a bottom border, indented to the line's width. */
function ruleParagraph(widthCm: number, align: "center" | "left" | undefined, ctx: Ctx): Paragraph {
  const w = Math.min(cm(widthCm), ctx.width);
  const free = Math.max(0, ctx.width - w);
  const left = align === "left" ? 0 : Math.floor(free / 2);
  const right = free - left;
  return new Paragraph({
    children: [],
    indent: { left, right, firstLine: 0 },
    spacing: { before: 0, after: pt(4), line: 40, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    run: { size: 2 },
  });
}

const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" } as const;
const LINE = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;

function table(b: TableBlock, ctx: Ctx): Table {
  const total = ctx.width;
  const widths = b.widths.map((f) => Math.round(f * total));
  const edge = b.borders ? LINE : NONE;
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: edge, bottom: edge, left: edge, right: edge, insideHorizontal: edge, insideVertical: edge },
    rows: b.rows.map(
      (row) =>
        new TableRow({
          cantSplit: !b.borders,
          children: (() => {
            let col = 0;
            return row.map((cell) => {
              const span = cell.colSpan ?? 1;
              const w = widths.slice(col, col + span).reduce((a, x) => a + x, 0);
              col += span;
              const inner: Ctx = { page: ctx.page, width: Math.max(200, w - 2 * CELL_MARGIN), inCell: true };
              const children = blocks(cell.blocks, inner);
              return new TableCell({
                width: { size: w, type: WidthType.DXA },
                columnSpan: span > 1 ? span : undefined,
                children: children.length ? children : [new Paragraph({ children: [] })],
              });
            });
          })(),
        }),
    ),
  });
}

function blocks(bs: Block[], ctx: Ctx): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const b of bs) {
    switch (b.type) {
      case "paragraph":
        out.push(paragraph(b, ctx));
        break;
      case "list":
        out.push(...list(b, ctx));
        break;
      case "rule":
        out.push(ruleParagraph(b.widthCm, b.align, ctx));
        break;
      case "table":
        out.push(table(b, ctx));
        // Word needs a paragraph between two tables and after a table ending a cell.
        if (ctx.inCell) out.push(new Paragraph({ children: [], spacing: { after: 0 } }));
        break;
    }
  }
  return out;
}

/** Builds the docx library's Document from the model (exported for tests that inspect XML). */
export function buildDocxDocument(doc: DocModel): Document {
  const page = doc.page;
  const textWidth = mm(page.widthMm - page.margins.left - page.margins.right);
  const numberHeader = new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], size: page.pageNumbers.size * 2 })],
      }),
    ],
  });
  const firstHeader = page.pageNumbers.firstPage ? numberHeader : new Header({ children: [new Paragraph({ children: [] })] });
  // Parts: a block marked `newPart` (the appendix) starts a section whose page numbers restart at 1.
  const parts: Block[][] = [[]];
  for (const b of doc.blocks) {
    if (b.type === "paragraph" && b.newPart && parts[parts.length - 1].length) parts.push([]);
    parts[parts.length - 1].push(b);
  }
  const properties = (restart: boolean) => ({
    titlePage: !page.pageNumbers.firstPage,
    page: {
      size: { width: mm(page.widthMm), height: mm(page.heightMm) },
      margin: {
        top: mm(page.margins.top),
        bottom: mm(page.margins.bottom),
        left: mm(page.margins.left),
        right: mm(page.margins.right),
        header: mm(page.headerMm),
        footer: mm(page.headerMm),
      },
      pageNumbers: restart ? { start: 1 } : undefined,
    },
  });
  return new Document({
    title: doc.title ? cleanText(doc.title) : undefined,
    creator: "phuluc",
    styles: {
      default: {
        document: {
          run: { font: page.font, size: page.fontSize * 2, language: { value: "vi-VN" } },
          paragraph: { spacing: { after: pt(page.paragraphAfter), line: Math.round(240 * page.lineSpacing) } },
        },
      },
    },
    sections: parts.map((bs, i) => ({
      properties: properties(i > 0),
      headers: { default: numberHeader, first: firstHeader },
      // The new section starts a new page itself: the part's page break is not repeated.
      children: blocks(
        i > 0 ? bs.map((b, k) => (k === 0 && b.type === "paragraph" ? { ...b, pageBreakBefore: false } : b)) : bs,
        { page, width: textWidth, inCell: false },
      ),
    })),
  });
}

/** The .docx file of a document, as bytes (Node and browser). */
export async function renderDocx(doc: DocModel): Promise<Uint8Array> {
  return Packer.pack(buildDocxDocument(doc), "uint8array");
}
