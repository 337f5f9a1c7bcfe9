/**
 * Plain text of a document, to paste anywhere: one paragraph per line, a blank line
 * between paragraphs (as the agency's own text files), list items with their marker,
 * layout tables cell by cell, short lines left out.
 */
import type { Block, DocModel } from "../doc/model";
import { cleanText, runsText } from "../doc/model";

export interface TextOptions {
  /** A blank line between paragraphs (default true). */
  blankLines?: boolean;
}

function lines(bs: Block[], out: string[]): void {
  for (const b of bs) {
    if (b.type === "paragraph") {
      const t = cleanText(runsText(b.runs));
      if (t.trim() !== "") out.push(t);
    } else if (b.type === "list") {
      for (const it of b.items) out.push(cleanText(b.marker + runsText(it)));
    } else if (b.type === "table") {
      for (const row of b.rows) for (const cell of row) lines(cell.blocks, out);
    }
  }
}

export function renderText(doc: DocModel | Block[], opts: TextOptions = {}): string {
  const out: string[] = [];
  lines(Array.isArray(doc) ? doc : doc.blocks, out);
  const sep = opts.blankLines === false ? "\n" : "\n\n";
  return out.join(sep) + "\n";
}
