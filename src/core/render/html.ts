/**
 * HTML of a document for the clipboard (pastes into Word with its formatting) and for a
 * preview. Inline styles only (Word ignores style sheets on paste), no scripts, no
 * attributes from user text: every text is escaped.
 */
import type { Block, DocModel, PageSettings, Run, ParagraphBlock } from "../doc/model";
import { cleanText } from "../doc/model";

export function escapeHtml(s: string): string {
  return cleanText(s)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/**
 * Words with a hyphen inside ("Covid-19", "538/BC-SKHCN") kept on one line: wrapped in a
 * no-wrap span (the hyphen itself stays a plain "-", so copied text reads the same).
 */
export function hyphenWordsHtml(escaped: string): string {
  return escaped.replace(/[^\s<>]*[\p{L}\p{N}/)]-[\p{L}\p{N}(][^\s<>]*/gu, (w) => `<span style="white-space:nowrap">${w}</span>`);
}

function runHtml(r: Run, size?: number): string {
  let h = hyphenWordsHtml(escapeHtml(r.text)).replace(/\n/g, "<br>");
  const s = r.size ?? size;
  if (s) h = `<span style="font-size:${s}pt">${h}</span>`;
  if (r.underline) h = `<u>${h}</u>`;
  if (r.italic) h = `<i>${h}</i>`;
  if (r.bold) h = `<b>${h}</b>`;
  if (r.highlight) h = `<mark style="background:#ffff00;color:#000">${h}</mark>`;
  return h;
}

function pStyle(b: Pick<ParagraphBlock, "align" | "indent" | "spaceBefore" | "spaceAfter" | "pageBreakBefore" | "size" | "keepOnOneLine">, page: PageSettings, inCell: boolean): string {
  const indent = b.indent ?? !inCell;
  const after = b.spaceAfter ?? (inCell ? 0 : page.paragraphAfter);
  const parts = [
    `margin:${b.spaceBefore ?? 0}pt 0 ${after}pt 0`,
    `text-align:${b.align ?? "justify"}`,
    `text-indent:${indent ? page.firstLineIndentCm : 0}cm`,
    `line-height:${Math.round(page.lineSpacing * 115)}%`,
  ];
  if (b.size) parts.push(`font-size:${b.size}pt`);
  if (b.pageBreakBefore) parts.push("page-break-before:always");
  if (b.keepOnOneLine) parts.push("white-space:nowrap");
  return parts.join(";");
}

function blocksHtml(bs: Block[], page: PageSettings, inCell: boolean): string {
  let h = "";
  for (const b of bs) {
    if (b.type === "paragraph") {
      const inner = b.runs.map((r) => runHtml(r, b.size)).join("") || "&nbsp;";
      h += `<p style="${pStyle(b, page, inCell)}">${inner}</p>`;
    } else if (b.type === "list") {
      for (const it of b.items) {
        const inner = [{ text: b.marker }, ...it].map((r) => runHtml(r, b.size)).join("");
        h += `<p style="${pStyle({ ...b, pageBreakBefore: false }, page, inCell)}">${inner}</p>`;
      }
    } else if (b.type === "rule") {
      const margin = b.align === "left" ? "0 auto 4pt 0" : "0 auto 4pt auto";
      h += `<hr align="${b.align === "left" ? "left" : "center"}" size="1" noshade style="width:${b.widthCm}cm;height:0;border:none;border-top:1px solid #000;margin:${margin}">`;
    } else if (b.type === "table") {
      const border = b.borders ? "1px solid #000" : "none";
      h += `<table style="width:100%;border-collapse:collapse;border:${border}" cellspacing="0" cellpadding="0">`;
      for (const row of b.rows) {
        h += "<tr>";
        let col = 0;
        for (const cell of row) {
          const span = cell.colSpan ?? 1;
          const w = b.widths.slice(col, col + span).reduce((a, x) => a + x, 0);
          col += span;
          const spanAttr = span > 1 ? ` colspan="${span}"` : "";
          h += `<td${spanAttr} style="width:${Math.round(w * 1000) / 10}%;vertical-align:top;border:${border};padding:0 4pt">${blocksHtml(cell.blocks, page, true)}</td>`;
        }
        h += "</tr>";
      }
      h += "</table>";
    }
  }
  return h;
}

export interface HtmlOptions {
  /** A whole HTML document (for the clipboard), not only a fragment. */
  fullDocument?: boolean;
}

export function renderHtml(doc: DocModel, opts: HtmlOptions = {}): string {
  const page = doc.page;
  const body = `<div style="font-family:'${page.font}',serif;font-size:${page.fontSize}pt;color:#000">${blocksHtml(doc.blocks, page, false)}</div>`;
  if (!opts.fullDocument) return body;
  const title = doc.title ? `<title>${escapeHtml(doc.title)}</title>` : "";
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">${title}</head><body>${body}</body></html>`;
}
