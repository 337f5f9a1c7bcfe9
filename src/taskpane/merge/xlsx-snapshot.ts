/**
 * The pane's .xlsx reader: a units' workbook (bytes from a file picker) into the core's
 * `WorkbookSnapshot`, which `readWorkbook` reads as the command line does. Unzipped with
 * jszip (~28 kB gzip; exceljs's browser build is ~260 kB), the sheets' XML parsed with the
 * browser's DOMParser. Loaded on demand (its own chunk), only when a workbook is read.
 * Reads what the snapshot needs: values (shared, inline, formula results), number formats,
 * formulas, merged cells, sheet visibility, defined names.
 */
import JSZip from "jszip";
import type { CellSnapshot, SheetSnapshot, WorkbookSnapshot } from "../../core/workbook-model";

/** Excel's built-in number formats the reader needs (percent, dates, text, grouped numbers). */
const BUILTIN_FORMATS: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  14: "m/d/yyyy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  22: "m/d/yyyy h:mm",
  49: "@",
};

export class XlsxReadError extends Error {}

function parseXml(text: string): Document {
  const doc = new DOMParser().parseFromString(text, "application/xml");
  if (doc.getElementsByTagName("parsererror").length) throw new XlsxReadError("XML");
  return doc;
}

/** Children by local name (namespaces vary between Excel, LibreOffice and exceljs). */
function all(el: Document | Element, name: string): Element[] {
  const out: Element[] = [];
  const list = el.getElementsByTagNameNS("*", name);
  for (let i = 0; i < list.length; i++) out.push(list[i]);
  return out;
}

function first(el: Element, name: string): Element | undefined {
  return all(el, name)[0];
}

/** The text of a string item: its <t>, or its runs' <t>s (phonetic runs left out). */
function stringItem(si: Element): string {
  let s = "";
  for (let i = 0; i < si.childNodes.length; i++) {
    const n = si.childNodes[i] as Element;
    if (n.localName === "t") s += n.textContent ?? "";
    else if (n.localName === "r") {
      const t = first(n, "t");
      if (t) s += t.textContent ?? "";
    }
  }
  return s;
}

function colIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}

function parseRef(ref: string): { r: number; c: number } | undefined {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref.toUpperCase());
  return m ? { r: parseInt(m[2], 10) - 1, c: colIndex(m[1]) } : undefined;
}

function resolveTarget(target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = ("xl/" + target).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== ".") out.push(p);
  }
  return out.join("/");
}

async function text(zip: JSZip, path: string): Promise<string | undefined> {
  const f = zip.file(path);
  return f ? f.async("string") : undefined;
}

/** Reads an .xlsx file's bytes into a snapshot. Throws XlsxReadError when it is no workbook. */
export async function readXlsxSnapshot(bytes: ArrayBuffer | Uint8Array): Promise<WorkbookSnapshot> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new XlsxReadError("zip");
  }
  const wbXml = await text(zip, "xl/workbook.xml");
  if (!wbXml) throw new XlsxReadError("workbook");
  const wb = parseXml(wbXml);
  const rels = new Map<string, string>();
  const relsXml = await text(zip, "xl/_rels/workbook.xml.rels");
  if (relsXml) for (const r of all(parseXml(relsXml), "Relationship")) rels.set(r.getAttribute("Id") ?? "", resolveTarget(r.getAttribute("Target") ?? ""));

  const shared: string[] = [];
  const ssXml = await text(zip, "xl/sharedStrings.xml");
  if (ssXml) for (const si of all(parseXml(ssXml), "si")) shared.push(stringItem(si));

  const xfFormats: string[] = [];
  const stXml = await text(zip, "xl/styles.xml");
  if (stXml) {
    const st = parseXml(stXml);
    const custom = new Map<number, string>();
    for (const f of all(st, "numFmt")) custom.set(parseInt(f.getAttribute("numFmtId") ?? "0", 10), f.getAttribute("formatCode") ?? "General");
    const cellXfs = all(st, "cellXfs")[0];
    if (cellXfs) {
      for (const xf of all(cellXfs, "xf")) {
        const id = parseInt(xf.getAttribute("numFmtId") ?? "0", 10);
        xfFormats.push(custom.get(id) ?? BUILTIN_FORMATS[id] ?? "General");
      }
    }
  }

  const names: Record<string, string> = {};
  for (const d of all(wb, "definedName")) {
    const n = d.getAttribute("name");
    if (n && !d.hasAttribute("localSheetId")) names[n] = d.textContent ?? "";
  }

  const sheets: SheetSnapshot[] = [];
  for (const s of all(wb, "sheet")) {
    const name = s.getAttribute("name") ?? "";
    const rid = s.getAttributeNS("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "id") ?? s.getAttribute("r:id") ?? "";
    const target = rels.get(rid);
    const xml = target ? await text(zip, target) : undefined;
    const rows: CellSnapshot[][] = [];
    if (xml) {
      const doc = parseXml(xml);
      for (const row of all(doc, "row")) {
        let rIndex = parseInt(row.getAttribute("r") ?? "0", 10) - 1;
        if (rIndex < 0) rIndex = rows.length;
        const out: CellSnapshot[] = [];
        let next = 0;
        for (const c of all(row, "c")) {
          const ref = c.getAttribute("r");
          const pos = ref ? parseRef(ref) : undefined;
          const ci = pos ? pos.c : next;
          next = ci + 1;
          const cell: CellSnapshot = { v: null };
          const type = c.getAttribute("t") ?? "n";
          const v = first(c, "v");
          const raw = v ? (v.textContent ?? "") : undefined;
          const f = first(c, "f");
          if (f && f.textContent) cell.formula = "=" + f.textContent;
          if (type === "s" && raw !== undefined) cell.v = shared[parseInt(raw, 10)] ?? null;
          else if (type === "inlineStr") {
            const is = first(c, "is");
            cell.v = is ? stringItem(is) : null;
          } else if (type === "str") cell.v = raw ?? null;
          else if (type === "b") cell.v = raw === "1";
          else if (type === "e") {
            cell.v = null;
            if (raw) cell.error = raw;
          } else if (raw !== undefined && raw !== "") {
            const n = Number(raw);
            cell.v = isFinite(n) ? n : raw;
          }
          const sIdx = c.getAttribute("s");
          if (sIdx !== null) {
            const fmt = xfFormats[parseInt(sIdx, 10)];
            if (fmt) cell.format = fmt;
          }
          out[ci] = cell;
        }
        rows[rIndex] = out;
      }
      for (const m of all(doc, "mergeCell")) {
        const [a, b] = (m.getAttribute("ref") ?? "").split(":");
        const p = a ? parseRef(a) : undefined;
        const q = b ? parseRef(b) : undefined;
        if (!p || !q) continue;
        const master = a.replace(/\$/g, "");
        for (let r = p.r; r <= q.r; r++) {
          for (let c = p.c; c <= q.c; c++) {
            if (r === p.r && c === p.c) continue;
            const row = rows[r] || (rows[r] = []);
            row[c] = { v: null, mergedInto: master };
          }
        }
      }
    }
    for (let i = 0; i < rows.length; i++) {
      if (!rows[i]) rows[i] = [];
      for (let j = 0; j < rows[i].length; j++) if (!rows[i][j]) rows[i][j] = { v: null };
    }
    sheets.push({ name, visibility: s.getAttribute("state") ?? "visible", rows });
  }
  return { sheets, names };
}
