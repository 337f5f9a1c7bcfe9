/**
 * A workbook snapshot from the XML parts of an .xlsx file (already unzipped by the caller),
 * for the pane, where exceljs is not loaded: sheet names and visibility, defined names,
 * cell values (shared and inline strings, numbers, booleans, formulas' cached results) and
 * number formats (a percent is known by its format). Enough for `readWorkbook` to read a
 * phuluc workbook's figures; tables and merged cells are left out. Pure: no DOM, no Node.
 */
import type { CellSnapshot, SheetSnapshot, WorkbookSnapshot } from "./workbook-model";

/** A part's text by its path inside the zip ("xl/workbook.xml"); undefined when absent. */
export type XlsxParts = (path: string) => string | undefined;

const ENT: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (m, e: string) => {
    if (e[0] === "#") {
      const cp = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return isFinite(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : "";
    }
    return ENT[e] ?? m;
  });
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp("(?:^|\\s)" + name.replace(":", "\\:") + '="([^"]*)"').exec(tag);
  return m ? unescapeXml(m[1]) : undefined;
}

/** The text of every <t> inside a fragment (rich text runs joined; phonetic runs left out). */
function texts(xml: string): string {
  let out = "";
  const clean = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
  for (const m of clean.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)) out += m[1] !== undefined ? unescapeXml(m[1]) : "";
  return out;
}

const BUILT_IN_FORMATS: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  14: "mm-dd-yy",
  22: "m/d/yy h:mm",
  49: "@",
};

function resolvePath(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/");
  parts.pop();
  for (const p of target.split("/")) {
    if (p === "..") parts.pop();
    else if (p !== ".") parts.push(p);
  }
  return parts.join("/");
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Reads a snapshot; throws an Error when the parts are not a workbook. */
export function snapshotFromXlsx(parts: XlsxParts): WorkbookSnapshot {
  const wbXml = parts("xl/workbook.xml");
  if (wbXml === undefined) throw new Error("no xl/workbook.xml");
  const rels = new Map<string, string>();
  for (const m of (parts("xl/_rels/workbook.xml.rels") ?? "").matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], "Id");
    const target = attr(m[0], "Target");
    if (id && target) rels.set(id, resolvePath("xl/workbook.xml", target));
  }
  const shared: string[] = [];
  for (const m of (parts("xl/sharedStrings.xml") ?? "").matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) shared.push(m[1] !== undefined ? texts(m[1]) : "");
  // Number formats of the cell styles.
  const stylesXml = parts("xl/styles.xml") ?? "";
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<numFmt\b[^>]*>/g)) {
    const id = attr(m[0], "numFmtId");
    const code = attr(m[0], "formatCode");
    if (id !== undefined && code !== undefined) custom.set(+id, code);
  }
  const xfFormats: string[] = [];
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml);
  if (xfs) {
    for (const m of xfs[1].matchAll(/<xf\b[^>]*>/g)) {
      const id = +(attr(m[0], "numFmtId") ?? "0");
      xfFormats.push(custom.get(id) ?? BUILT_IN_FORMATS[id] ?? "General");
    }
  }
  const names: Record<string, string> = {};
  for (const m of wbXml.matchAll(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g)) {
    const name = attr(m[1], "name");
    if (name && attr(m[1], "localSheetId") === undefined) names[name] = unescapeXml(m[2]);
  }
  const sheets: SheetSnapshot[] = [];
  for (const m of wbXml.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attr(m[0], "name") ?? "";
    const state = attr(m[0], "state");
    const rid = attr(m[0], "r:id");
    const path = rid ? rels.get(rid) : undefined;
    const xml = path ? parts(path) : undefined;
    const rows: CellSnapshot[][] = [];
    if (xml) {
      for (const c of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const ref = attr(c[1], "r");
        if (!ref) continue;
        const rm = /^([A-Z]+)(\d+)$/.exec(ref);
        if (!rm) continue;
        const r = +rm[2] - 1;
        const col = colIndex(rm[1]);
        const t = attr(c[1], "t");
        const s = attr(c[1], "s");
        const body = c[2] ?? "";
        const vm = /<v>([\s\S]*?)<\/v>/.exec(body);
        const fm = /<f\b[^>]*>([\s\S]*?)<\/f>/.exec(body);
        const cell: CellSnapshot = { v: null };
        if (t === "s") cell.v = vm ? shared[+vm[1]] ?? "" : null;
        else if (t === "inlineStr") cell.v = texts(body);
        else if (t === "str") cell.v = vm ? unescapeXml(vm[1]) : "";
        else if (t === "b") cell.v = vm ? vm[1] === "1" : null;
        else if (t === "e") {
          cell.v = null;
          cell.error = vm ? unescapeXml(vm[1]) : "#VALUE!";
        } else cell.v = vm ? +vm[1] : null;
        if (fm) cell.formula = "=" + unescapeXml(fm[1]);
        if (s !== undefined && xfFormats[+s] !== undefined) cell.format = xfFormats[+s];
        while (rows.length <= r) rows.push([]);
        const row = rows[r];
        while (row.length < col) row.push({ v: null });
        row[col] = cell;
      }
    }
    const sh: SheetSnapshot = { name, rows };
    if (state) sh.visibility = state;
    sheets.push(sh);
  }
  return { sheets, names };
}
