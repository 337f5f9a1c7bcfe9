/**
 * From a `WorkbookSnapshot` (what an adapter read) to report data, a cell map and the
 * `workbook.*` findings about the workbook's structure.
 *
 * Our sheets are found through the ownership marker (the very hidden sheet `_phuluc`,
 * which records the actual name of each of our sheets), never by name alone. Columns are
 * matched by their header text, so moved columns still read. Nothing here throws: odd
 * input becomes a finding with a clear message.
 * Pure: no Office, no DOM, no Node.
 */
import type { TemplateDef, ReportData, RawValue, CellMap, Finding, Lang, ReportInfo, RegisterRow, RegisterFieldDef, Section, UserRule, Override, Severity } from "./types";
import type { WorkbookSnapshot, SheetSnapshot, CellSnapshot } from "./workbook-model";
import { buildLayout, derivedFormulas, valueAddress, colLetter, quoteSheet, LAYOUT_VERSION, MARKER, BOOLEAN_LABELS, infoFieldOf, type SheetDef, type WorkbookLayout } from "./layout";
import { formatPercent, looksLikeYear, nfc, serialToIso } from "./vn";
import { normalizeReport, normalizeRow } from "./normalize";
import { setCellResolver, cellOf, type CellResolver } from "./cells";
import { getTemplate, listTemplates, registerTemplate } from "./templates/index";
import { percentDecimals } from "./number-format";
import { embeddedTemplateText, parseTemplateText, EMBED } from "./designer/json";
import { ownsSheet, freeSheetName, type OwnedShape } from "./ownership";

export interface ReadOptions {
  /** Language of the findings' messages (default Vietnamese). */
  lang?: Lang;
}

export interface ReadResult {
  /** Undefined when the workbook is not ours or names a template this program does not know. */
  template?: TemplateDef;
  data: ReportData;
  /**
   * JSON path → cell, for the fixed paths (values, report, sections, rules, overrides and
   * each register's header "registers.x"). Register rows and their fields are resolved by
   * `cellOf` (and by `check`, given these `cells`), not stored: see cells.ts.
   */
  cells: CellMap;
  findings: Finding[];
  /** The cell of any JSON path, register rows and fields included ("registers.van_ban[3].date"). */
  cellOf(path: string): string | undefined;
}

type Msg = { vi: string; en: string };

/** Compare header texts and labels: NFC, "Ð" → "Đ", case, spaces and a trailing colon ignored. */
export function headerKey(s: unknown): string {
  if (s === null || s === undefined) return "";
  return nfc(String(s))
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/[:：]\s*$/, "")
    .trim();
}

function emptyData(template = ""): ReportData {
  return { template, report: {}, values: {}, registers: {} };
}

export { percentDecimals };

interface Found {
  def: SheetDef;
  sheet: SheetSnapshot;
  /** 0-based header row. */
  headerRow: number;
  /** layout column key → 0-based column. */
  cols: Map<string, number>;
}

class Reader {
  findings: Finding[] = [];
  cells: CellMap = {};
  /** Our own derived formulas by value-cell address (no sheet): blank by construction while their inputs are blank. */
  derived = new Map<string, string>();
  /** Formula cells with no computed result (never opened and saved in Excel), with their indicator. */
  uncalculated: { addr: string; indicator?: string }[] = [];
  constructor(public lang: Lang) {}

  t(m: Msg): string {
    return this.lang === "en" ? m.en : m.vi;
  }

  add(rule: string, m: Msg, extra: Partial<Finding> = {}): void {
    this.findings.push({ rule, severity: "error", message: this.t(m), indicators: [], ...extra });
  }
}

function cellAt(s: SheetSnapshot, r: number, c: number): CellSnapshot | undefined {
  const row = s.rows[r];
  return row ? row[c] : undefined;
}

function isBlank(c: CellSnapshot | undefined): boolean {
  if (!c) return true;
  if (c.error) return false;
  return c.v === null || c.v === undefined || (typeof c.v === "string" && c.v.trim() === "");
}

const quoted = new Map<string, string>();
const letters: string[] = [];
function ref(sheet: string, r0: number, c0: number): string {
  let q = quoted.get(sheet);
  if (q === undefined) {
    q = quoteSheet(sheet) + "!";
    if (quoted.size > 1000) quoted.clear();
    quoted.set(sheet, q);
  }
  const L = letters[c0] || (letters[c0] = colLetter(c0 + 1));
  return q + L + (r0 + 1);
}

function text(c: CellSnapshot | undefined): string {
  if (!c || c.v === null || c.v === undefined) return "";
  return String(c.v);
}

/** "A3:E10" → 0-based top row and left column. */
function rangeTopLeft(range: string): { r: number; c: number } | undefined {
  const m = /^(?:.*!)?\$?([A-Za-z]{1,3})\$?(\d+)/.exec(range.trim());
  if (!m) return undefined;
  let c = 0;
  for (const ch of m[1].toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return { r: parseInt(m[2], 10) - 1, c: c - 1 };
}

/** Match the layout's columns in one row; returns the matches. */
function matchHeader(s: SheetSnapshot, def: SheetDef, r: number, fromCol = 0): Map<string, number> {
  const cols = new Map<string, number>();
  const row = s.rows[r] || [];
  const wanted = new Map<string, string>();
  for (const c of def.columns) {
    wanted.set(headerKey(c.header.vi), c.key);
    if (!wanted.has(headerKey(c.header.en))) wanted.set(headerKey(c.header.en), c.key);
  }
  for (let c = fromCol; c < row.length; c++) {
    const cell = row[c];
    if (!cell || typeof cell.v !== "string") continue;
    const key = wanted.get(headerKey(cell.v));
    if (key !== undefined && !cols.has(key)) cols.set(key, c);
  }
  return cols;
}

/** Where this sheet's header is: the Excel table if the snapshot lists it, else the best matching row near the top. */
function findHeader(s: SheetSnapshot, def: SheetDef): { headerRow: number; cols: Map<string, number> } | undefined {
  const table = (s.tables || []).find((x) => x.name.toLowerCase() === def.table.toLowerCase());
  if (table) {
    const tl = rangeTopLeft(table.range);
    if (tl) {
      const cols = matchHeader(s, def, tl.r, tl.c);
      if (cols.size > 0) return { headerRow: tl.r, cols };
    }
  }
  let best: { headerRow: number; cols: Map<string, number> } | undefined;
  const limit = Math.min(s.rows.length, 60);
  for (let r = 0; r < limit; r++) {
    const cols = matchHeader(s, def, r);
    if (cols.size === 0) continue;
    const better = !best || cols.size > best.cols.size || (cols.size === best.cols.size && r === def.headerRow - 1);
    if (better) best = { headerRow: r, cols };
  }
  return best;
}

/** Enough of the header to say "this is that sheet" when its name is not the recorded one. */
function looksLike(def: SheetDef, h: { cols: Map<string, number> } | undefined): boolean {
  if (!h) return false;
  const need = Math.max(2, Math.ceil(def.columns.length / 2));
  if (def.role === "indicators" && !h.cols.has("code")) return false;
  if (def.role === "info" && !h.cols.has("key")) return false;
  return h.cols.size >= Math.min(need, def.columns.length);
}

/** Columns that carry data: a missing one is reported. */
function dataColumns(def: SheetDef): string[] {
  if (def.role === "indicators") return ["code", "value", "previous"];
  if (def.role === "info") return ["key", "value"];
  return def.columns.map((c) => c.key);
}

interface Marker {
  sheet: SheetSnapshot;
  version: unknown;
  templateId: string;
  /** table name → sheet name */
  names: Map<string, string>;
}

function findMarker(snap: WorkbookSnapshot): Marker | undefined {
  const sheets = snap.sheets || [];
  const isMarker = (s: SheetSnapshot) => headerKey(text(cellAt(s, 0, 0))) === MARKER.magic;
  let sheet = sheets.find((s) => s.name === MARKER.sheet && isMarker(s));
  if (!sheet) {
    // The defined name says where the marker is, should the sheet have been renamed.
    const name = snap.names ? snap.names[MARKER.name] : undefined;
    if (name) {
      const m = /^'?((?:[^']|'')+?)'?!/.exec(name.replace(/^=/, ""));
      const target = m ? m[1].replace(/''/g, "'") : undefined;
      sheet = sheets.find((s) => s.name === target && isMarker(s));
    }
  }
  if (!sheet) sheet = sheets.find((s) => s.name.toLowerCase() === MARKER.sheet && isMarker(s));
  if (!sheet) return undefined;
  const names = new Map<string, string>();
  for (let r = MARKER.firstRoleRow - 1; r < sheet.rows.length; r++) {
    const k = text(cellAt(sheet, r, 0)).trim();
    const v = text(cellAt(sheet, r, 1));
    if (k && v) names.set(k.toLowerCase(), v);
  }
  let templateId = "";
  for (let r = 0; r < Math.min(sheet.rows.length, MARKER.firstRoleRow); r++) {
    if (headerKey(text(cellAt(sheet, r, 0))) === "template") templateId = text(cellAt(sheet, r, 1)).trim();
  }
  return { sheet, version: cellAt(sheet, 0, 1)?.v, templateId, names };
}

/** What the ownership marker of a workbook says (the one reader, for the check and for set-up). */
export interface MarkerInfo {
  found: boolean;
  /** The layout version it was written with (0 when unreadable). */
  version?: number;
  /** The template the workbook was set up with. */
  template?: string;
  /** Table name, lower-cased → the actual name of its sheet. */
  roles: Map<string, string>;
  /** The marker sheet. */
  sheet?: SheetSnapshot;
}

export function readMarker(snap: WorkbookSnapshot): MarkerInfo {
  const m = findMarker(snap);
  if (!m) return { found: false, roles: new Map() };
  const v = typeof m.version === "number" ? m.version : Number(m.version);
  return { found: true, version: Number.isFinite(v) ? v : 0, template: m.templateId || undefined, roles: m.names, sheet: m.sheet };
}

const SHEET_KIND: Record<string, Msg> = {
  indicators: { vi: "trang số liệu", en: "the figures sheet" },
  info: { vi: "trang thông tin báo cáo", en: "the report details sheet" },
  register: { vi: "trang sổ", en: "the register sheet" },
  sections: { vi: "trang nội dung báo cáo", en: "the report text sheet" },
  rules: { vi: "trang quy tắc riêng", en: "the own rules sheet" },
  overrides: { vi: "trang ngoại lệ", en: "the overrides sheet" },
};

/**
 * What ownership compares for a sheet of the layout (src/core/ownership.ts, the predicate the
 * add-in applies before writing): only the figures sheet is tested, by its table, headers and
 * indicator codes; the other sheets hold no fixed keys of their own.
 */
export function ownedShape(def: SheetDef, t: TemplateDef): OwnedShape | undefined {
  if (def.role !== "indicators") return undefined;
  return { table: def.table, headerRow: def.headerRow, header: def.columns.map((c) => c.header.vi), keys: t.indicators.map((d) => d.code) };
}

function locateSheets(rd: Reader, snap: WorkbookSnapshot, t: TemplateDef, layout: WorkbookLayout, marker: Marker): Map<SheetDef, Found> {
  const out = new Map<SheetDef, Found>();
  const claimed = new Set<SheetSnapshot>([marker.sheet]);
  const sheets = snap.sheets || [];
  const pending: SheetDef[] = [];
  /** Sheets under one of our names that are no longer ours (a user's replacement), by the def they replaced. */
  const replaced = new Map<SheetDef, SheetSnapshot>();
  const ours = (s: SheetSnapshot, def: SheetDef) => {
    const shape = ownedShape(def, t);
    return !shape || ownsSheet(s, shape);
  };
  // First pass: the names the marker records.
  for (const def of layout.sheets) {
    const name = marker.names.get(def.table.toLowerCase()) ?? def.name;
    const s = sheets.find((x) => x.name === name && !claimed.has(x)) ?? sheets.find((x) => x.name.toLowerCase() === name.toLowerCase() && !claimed.has(x));
    if (s && !ours(s, def)) {
      replaced.set(def, s);
      pending.push(def);
    } else if (s) {
      const h = findHeader(s, def);
      claimed.add(s);
      out.set(def, { def, sheet: s, headerRow: h ? h.headerRow : def.headerRow - 1, cols: h ? h.cols : new Map() });
    } else {
      pending.push(def);
    }
  }
  // Second pass: a sheet of ours renamed by the user is recognised by its table or header.
  for (const def of pending) {
    const recorded = marker.names.get(def.table.toLowerCase()) ?? def.name;
    let found: Found | undefined;
    for (const s of sheets) {
      if (claimed.has(s) || !ours(s, def)) continue;
      const h = findHeader(s, def);
      const hasTable = (s.tables || []).some((x) => x.name.toLowerCase() === def.table.toLowerCase());
      if (h && (hasTable || looksLike(def, h))) {
        found = { def, sheet: s, headerRow: h.headerRow, cols: h.cols };
        break;
      }
    }
    if (found) {
      claimed.add(found.sheet);
      out.set(def, found);
      rd.add("workbook.renamed-sheet", {
        vi: `Không thấy trang "${recorded}" (${SHEET_KIND[def.role].vi}${def.register ? " " + def.name : ""}); trang "${found.sheet.name}" có đúng bảng của nó nên phuluc đã đọc trang này. Nên đổi tên trang về "${recorded}".`,
        en: `Sheet "${recorded}" (${SHEET_KIND[def.role].en}${def.register ? " " + def.name : ""}) is missing; sheet "${found.sheet.name}" holds its table, so phuluc read that one. Renaming it back to "${recorded}" is advised.`,
      }, { cells: [ref(found.sheet.name, found.headerRow, 0)] });
    } else if (replaced.has(def)) {
      const theirs = replaced.get(def)!;
      const taken = (n: string) => sheets.some((x) => x.name.toLowerCase() === n.toLowerCase());
      const next = freeSheetName(def.name, taken);
      rd.add("workbook.replaced-sheet", {
        vi: `Trang "${theirs.name}" không còn là ${SHEET_KIND[def.role].vi} của phuluc: không có bảng ${def.table}, tiêu đề cột và các mã chỉ tiêu không còn như phuluc đã tạo (có lẽ trang của phuluc đã bị xóa và một trang khác được đặt cùng tên). phuluc không đọc số liệu từ trang này và không ghi gì vào đó; số liệu phụ lục coi như để trống. Bấm "Tạo sổ nhập liệu" trong add-in phuluc để tạo lại ${SHEET_KIND[def.role].vi} với tên "${next}", bên cạnh trang "${theirs.name}" của bạn (trang của bạn được giữ nguyên), rồi nhập số liệu vào đó.`,
        en: `Sheet "${theirs.name}" is no longer phuluc's ${SHEET_KIND[def.role].en.replace(/^the /, "")}: table ${def.table} is gone and its headers and indicator codes are not as phuluc wrote them (phuluc's sheet was probably deleted and another one given its name). phuluc reads no figures from it and writes nothing to it; the appendix's figures are taken as blank. Click "Set up the workbook" in the phuluc add-in to make ${SHEET_KIND[def.role].en} again, named "${next}", beside your sheet "${theirs.name}" (yours is kept as it is), and type the figures there.`,
      }, { suggestion: rd.t({ vi: `Bấm "Tạo sổ nhập liệu" để tạo lại trang "${next}".`, en: `Click "Set up the workbook" to make sheet "${next}".` }) });
    } else {
      rd.add("workbook.missing-sheet", {
        vi: `Thiếu trang "${recorded}" (${SHEET_KIND[def.role].vi}${def.register ? " " + def.name : ""}): trang đã bị xóa hoặc đổi tên và không tìm thấy bảng ${def.table} ở trang nào khác. Số liệu của trang này coi như để trống. Hãy khôi phục trang (tạo sổ mới bằng phuluc init rồi chép số liệu sang).`,
        en: `Sheet "${recorded}" (${SHEET_KIND[def.role].en}${def.register ? " " + def.name : ""}) is missing: it was deleted or renamed and table ${def.table} is on no other sheet. Its data is taken as blank. Restore the sheet (make a new workbook with phuluc init and copy the data over).`,
      });
    }
  }
  // Missing columns and merged cells, for every sheet found.
  for (const f of out.values()) {
    for (const key of dataColumns(f.def)) {
      if (f.cols.has(key)) continue;
      const col = f.def.columns.find((c) => c.key === key)!;
      rd.add("workbook.missing-column", {
        vi: `Trang "${f.sheet.name}" thiếu cột "${col.header.vi}" (hàng tiêu đề ${f.headerRow + 1}): cột đã bị xóa hoặc tiêu đề bị sửa. Dữ liệu của cột này coi như để trống. Hãy khôi phục tiêu đề "${col.header.vi}".`,
        en: `Sheet "${f.sheet.name}" has no column "${col.header.vi}" (${col.header.en}) in header row ${f.headerRow + 1}: it was deleted or its header edited. Its data is taken as blank. Restore the header "${col.header.vi}".`,
      }, { cells: [ref(f.sheet.name, f.headerRow, 0)] });
    }
    mergedCells(rd, f);
  }
  return out;
}

function mergedCells(rd: Reader, f: Found): void {
  const colSet = [...f.cols.values()];
  if (!colSet.length) return;
  const lo = Math.min(...colSet);
  const hi = Math.max(...colSet);
  // Merged ranges touching the table, by their top-left cell ("C20" → bottom-right seen).
  const ranges = new Map<string, { r: number; c: number }>();
  for (let r = f.headerRow; r < f.sheet.rows.length; r++) {
    const row = f.sheet.rows[r];
    if (!row) continue;
    for (let c = lo; c <= Math.min(hi, row.length - 1); c++) {
      const cell = row[c];
      if (!cell || !cell.mergedInto) continue;
      const m = cell.mergedInto.replace(/\$/g, "").replace(/^.*!/, "");
      const prev = ranges.get(m);
      ranges.set(m, { r: Math.max(prev ? prev.r : 0, r), c: Math.max(prev ? prev.c : 0, c) });
    }
  }
  if (!ranges.size) return;
  const list = [...ranges.entries()].map(([m, br]) => quoteSheet(f.sheet.name) + "!" + m + ":" + colLetter(br.c + 1) + (br.r + 1));
  const shown = list.slice(0, 5).join(", ") + (list.length > 5 ? ", …" : "");
  rd.add("workbook.merged-cells", {
    vi: `Trang "${f.sheet.name}" có ô bị gộp trong bảng (${shown}): chỉ ô đầu của vùng gộp giữ giá trị, các ô còn lại coi như để trống. Hãy bỏ gộp ô (Trang đầu → Gộp và căn giữa → Bỏ gộp ô).`,
    en: `Sheet "${f.sheet.name}" has merged cells inside its table (${shown}): only the first cell of a merged range keeps its value, the others are read as blank. Unmerge them (Home → Merge & Center → Unmerge Cells).`,
  }, { cells: list.slice(0, 50) });
}

const squash = (x: string) => x.replace(/^=/, "").replace(/\s+/g, "").toUpperCase();

/**
 * A formula with no cached result that is one of our derived totals or ratios, all of whose
 * inputs are blank: it shows "" in Excel (a workbook `init` wrote and nobody opened yet).
 */
function blankByConstruction(rd: Reader, f: Found, r: number, c: number, formula: string): boolean {
  const mine = rd.derived.get(colLetter(c + 1) + (r + 1));
  if (!mine || squash(mine) !== squash(formula)) return false;
  for (const m of formula.matchAll(/\$?([A-Z]{1,3})\$?(\d+)/g)) {
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    if (!isBlank(cellAt(f.sheet, +m[2] - 1, col - 1))) return false;
  }
  return true;
}

/** The value of a cell as typed: a formula's cached result, a percent number as "88,9%", errors reported. */
function cellValue(rd: Reader, f: Found, r: number, c: number, percent: boolean, indicator?: string): RawValue {
  const cell = cellAt(f.sheet, r, c);
  if (!cell) return null;
  if (cell.error) {
    const addr = ref(f.sheet.name, r, c);
    rd.add("workbook.cell-error", {
      vi: `Ô ${addr}${indicator ? " (" + indicator + ")" : ""} có lỗi ${cell.error}${cell.formula ? " trong công thức =" + cell.formula.replace(/^=/, "") : ""}: không đọc được giá trị, coi như để trống. Hãy sửa công thức hoặc nhập lại số liệu.`,
      en: `Cell ${addr}${indicator ? " (" + indicator + ")" : ""} holds the error ${cell.error}${cell.formula ? " from the formula =" + cell.formula.replace(/^=/, "") : ""}: its value cannot be read and is taken as blank. Fix the formula or type the figure again.`,
    }, { indicators: indicator ? [indicator] : [], values: indicator ? { [indicator]: cell.error } : undefined, cells: [addr] });
    return null;
  }
  const v = cell.v;
  if ((v === null || v === undefined) && cell.formula && !blankByConstruction(rd, f, r, c, cell.formula)) {
    rd.uncalculated.push({ addr: ref(f.sheet.name, r, c), indicator });
    return null;
  }
  if (v === null || v === undefined) return null;
  if (percent && typeof v === "number") {
    const d = percentDecimals(cell.format);
    if (d !== undefined) return formatPercent(v * 100, d);
  }
  return v;
}

function readIndicators(rd: Reader, t: TemplateDef, f: Found | undefined, values: Record<string, RawValue>, previous: Record<string, RawValue>): void {
  for (const d of t.indicators) values[d.code] = null;
  if (!f) {
    return;
  }
  const cCode = f.cols.get("code");
  const cValue = f.cols.get("value");
  const cPrev = f.cols.get("previous");
  const byKey = new Map<string, (typeof t.indicators)[number]>();
  for (const d of t.indicators) byKey.set(d.code.toLowerCase(), d);
  const seen = new Map<string, number>();
  const seenUnknown = new Set<string>();
  if (cCode === undefined) {
    return;
  }
  for (let r = f.headerRow + 1; r < f.sheet.rows.length; r++) {
    const codeCell = cellAt(f.sheet, r, cCode);
    const raw = text(codeCell);
    const key = nfc(raw).trim().replace(/\s+/g, "").toLowerCase();
    if (!key) continue;
    const d = byKey.get(key);
    if (!d) {
      // Kept in the data (as the normaliser keeps unknown codes of a JSON file), reported here with its cell.
      const code = nfc(raw).trim();
      if (seenUnknown.has(code.toLowerCase())) continue;
      seenUnknown.add(code.toLowerCase());
      const v = cValue !== undefined ? cellValue(rd, f, r, cValue, false, code) : null;
      values[code] = v;
      if (cValue !== undefined) rd.cells["values." + code] = ref(f.sheet.name, r, cValue);
      if (cPrev !== undefined) {
        const p = cellValue(rd, f, r, cPrev, false, code);
        if (p !== null && !(typeof p === "string" && p.trim() === "")) previous[code] = p;
        rd.cells["previous." + code] = ref(f.sheet.name, r, cPrev);
      }
      rd.add("workbook.unknown-code", {
        vi: `Mã chỉ tiêu "${code}" ở ô ${ref(f.sheet.name, r, cCode)} không có trong mẫu ${t.id}: số liệu của dòng này không được kiểm tra. Hãy sửa lại mã cho đúng (cột "Mã" không được sửa) hoặc xóa dòng.`,
        en: `Indicator code "${code}" in ${ref(f.sheet.name, r, cCode)} is not in template ${t.id}: the figures on this row are not checked. Put the right code back (the "Mã" column must not be edited) or delete the row.`,
      }, { cells: [ref(f.sheet.name, r, cCode)], path: "values." + code, values: { [code]: typeof v === "boolean" ? String(v) : v ?? null } });
      continue;
    }
    const first = seen.get(d.code);
    if (first !== undefined) {
      rd.add("workbook.duplicate-code", {
        vi: `Mã chỉ tiêu ${d.code} xuất hiện hai lần (${ref(f.sheet.name, first, cCode)} và ${ref(f.sheet.name, r, cCode)}): phuluc đọc dòng ${first + 1} và bỏ qua dòng ${r + 1}. Hãy xóa dòng thừa.`,
        en: `Indicator code ${d.code} appears twice (${ref(f.sheet.name, first, cCode)} and ${ref(f.sheet.name, r, cCode)}): phuluc reads row ${first + 1} and ignores row ${r + 1}. Delete the extra row.`,
      }, { indicators: [d.code], cells: [ref(f.sheet.name, first, cCode), ref(f.sheet.name, r, cCode)] });
      continue;
    }
    seen.set(d.code, r);
    const pct = d.kind === "percent";
    if (cValue !== undefined) {
      values[d.code] = cellValue(rd, f, r, cValue, pct, d.code);
      rd.cells["values." + d.code] = ref(f.sheet.name, r, cValue);
    }
    if (cPrev !== undefined) {
      const p = cellValue(rd, f, r, cPrev, pct, d.code);
      if (p !== null && !(typeof p === "string" && p.trim() === "")) previous[d.code] = p;
      rd.cells["previous." + d.code] = ref(f.sheet.name, r, cPrev);
    }
  }
  for (const d of t.indicators) {
    if (seen.has(d.code)) continue;
    rd.add("workbook.missing-code", {
      vi: `Không thấy dòng của chỉ tiêu ${d.code} ("${d.label.vi}") trên trang "${f.sheet.name}": dòng đã bị xóa hoặc mã bị sửa. Giá trị coi như để trống. Hãy khôi phục dòng với mã ${d.code} ở cột "Mã".`,
      en: `The row of indicator ${d.code} ("${d.label.en}") is not on sheet "${f.sheet.name}": it was deleted or its code edited. Its value is taken as blank. Restore a row with code ${d.code} in the "Mã" column.`,
    }, { indicators: [d.code] });
  }
}

/** Reads a label (vi or en) or code back to its code; anything else is kept as typed. */
function labelReader(options: { value: string; label: { vi: string; en: string } }[]): (v: RawValue) => RawValue {
  const map = new Map<string, string>();
  for (const o of options) {
    for (const k of [o.label.en, o.label.vi, o.value]) map.set(headerKey(k), o.value);
  }
  return (v) => {
    if (typeof v !== "string") return v;
    const hit = map.get(headerKey(v));
    return hit === undefined ? v : hit;
  };
}

const BOOLEAN_READER = (() => {
  const map = new Map<string, boolean>();
  for (const k of [BOOLEAN_LABELS.true.vi, BOOLEAN_LABELS.true.en, "true", "đã tổ chức"]) map.set(headerKey(k), true);
  for (const k of [BOOLEAN_LABELS.false.vi, BOOLEAN_LABELS.false.en, "false", "chưa tổ chức"]) map.set(headerKey(k), false);
  return (v: RawValue): RawValue => {
    if (typeof v !== "string") return v;
    const hit = map.get(headerKey(v));
    return hit === undefined ? v : hit;
  };
})();

function serialDate(v: RawValue): RawValue {
  if (typeof v === "number" && isFinite(v) && v >= 1 && v < 2958466 && !looksLikeYear(v)) return serialToIso(v);
  return v;
}

function asText(v: RawValue): RawValue {
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return v;
}

function readInfo(rd: Reader, t: TemplateDef, f: Found | undefined): ReportInfo {
  const info: Record<string, unknown> = {};
  if (!f) return info;
  const cKey = f.cols.get("key");
  const cValue = f.cols.get("value");
  if (cKey === undefined || cValue === undefined) return info;
  for (let r = f.headerRow + 1; r < f.sheet.rows.length; r++) {
    // The Vietnamese name ("Cơ quan báo cáo") or, in a workbook written before it, the spec's key ("agency").
    const field = infoFieldOf(text(cellAt(f.sheet, r, cKey)));
    if (!field) continue;
    rd.cells["report." + field.key] = ref(f.sheet.name, r, cValue);
    const v = cellValue(rd, f, r, cValue, false);
    if (v === null || (typeof v === "string" && v.trim() === "")) continue;
    switch (field.type) {
      case "lines":
        info[field.key] = String(v)
          .split(/\r\n|\r|\n/)
          .map((x) => x.trim())
          .filter((x) => x !== "");
        break;
      case "date":
        info[field.key] = serialDate(v);
        break;
      case "year": {
        const n = typeof v === "number" ? v : /^\s*\d{4}\s*$/.test(String(v)) ? parseInt(String(v), 10) : v;
        info[field.key] = n;
        // A year that is not one ("năm nay") is kept as typed: check reports it (value.kind, report.year) at this cell.
        break;
      }
      case "level":
        info[field.key] = labelReader(t.levels.map((l) => ({ value: l.id, label: l.label })))(v);
        break;
      default:
        info[field.key] = asText(v);
    }
  }
  return info as ReportInfo;
}

function rowRange(f: Found, r: number): string {
  let lo = Infinity;
  let hi = -Infinity;
  for (const c of f.cols.values()) {
    if (c < lo) lo = c;
    if (c > hi) hi = c;
  }
  return ref(f.sheet.name, r, lo) + (hi > lo ? ":" + colLetter(hi + 1) + (r + 1) : "");
}

/** Reads the rows of a list sheet: for each non-blank row, the values by column key. */
function readRows(f: Found | undefined, each: (r: number, get: (key: string) => CellSnapshot | undefined) => void): void {
  if (!f || f.cols.size === 0) return;
  const cs = [...f.cols.entries()];
  for (let r = f.headerRow + 1; r < f.sheet.rows.length; r++) {
    const row = f.sheet.rows[r];
    if (!row) continue;
    let blank = true;
    for (const [, c] of cs) {
      if (!isBlank(row[c])) {
        blank = false;
        break;
      }
    }
    if (blank) continue;
    each(r, (key) => {
      const c = f.cols.get(key);
      return c === undefined ? undefined : row[c];
    });
  }
}

/** Where each register's rows are on the sheet, for the cell resolver (see cells.ts). */
interface RegisterPlace {
  name: string;
  /** "'Văn bản'!" */
  sheet: string;
  /** field id → 0-based column. */
  cols: Map<string, number>;
  /** Row range's first and last column letters. */
  lo: string;
  hi: string;
  /** 0-based sheet row of each row of the normalised register, by its index. */
  rows: number[];
}

function readRegister(rd: Reader, t: TemplateDef, regId: string, f: Found | undefined, places: Map<string, RegisterPlace>): RegisterRow[] {
  const reg = t.registers.find((r) => r.id === regId);
  const rows: RegisterRow[] = [];
  // A sheet with none of the register's columns (its header cleared, or not read) has no rows to read.
  if (!reg || !f || f.cols.size === 0) return rows;
  rd.cells["registers." + regId] = quoteSheet(f.sheet.name) + "!" + colLetter(1) + (f.headerRow + 1);
  const readers = new Map(reg.fields.filter((x) => x.type === "enum").map((x) => [x.id, labelReader(x.options ?? [])]));
  const fields = reg.fields.map((field) => ({ field, c: f.cols.get(field.id) })).filter((x) => x.c !== undefined) as { field: RegisterFieldDef; c: number }[];
  let lo = Infinity;
  let hi = -Infinity;
  for (const c of f.cols.values()) {
    if (c < lo) lo = c;
    if (c > hi) hi = c;
  }
  const place: RegisterPlace = { name: f.sheet.name, sheet: quoteSheet(f.sheet.name) + "!", cols: new Map(fields.map((x) => [x.field.id, x.c])), lo: colLetter(lo + 1), hi: hi > lo ? colLetter(hi + 1) : "", rows: [] };
  places.set(regId, place);
  readRows(f, (r) => {
    const out: RegisterRow = {};
    for (const { field, c } of fields) {
      let v = cellValue(rd, f, r, c, false);
      if (v === null || (typeof v === "string" && v.trim() === "")) continue;
      switch (field.type) {
        case "date":
          v = serialDate(v);
          break;
        case "enum":
          v = readers.get(field.id)!(v);
          break;
        case "boolean":
          v = BOOLEAN_READER(v);
          break;
        default:
          v = asText(v);
      }
      out[field.id] = v;
    }
    // Normalised here, once (normalizeReport is given no register rows): a row that
    // normalises to nothing is dropped, and the indices of the cell map follow the rows kept.
    const n = normalizeRow(out, reg);
    if (!n) return;
    place.rows.push(r);
    rows.push(n);
  });
  return rows;
}

const REGISTER_PATH = /^registers\.([^.[\]]+)\[(\d+)\](?:\.([^.[\]]+))?$/;

/** The resolver of register paths: "registers.x[i].field" → its cell, "registers.x[i]" → its row. */
function registerResolver(places: Map<string, RegisterPlace>): CellResolver {
  return (path) => {
    if (path.charCodeAt(0) !== 114 /* r */) return undefined;
    const m = REGISTER_PATH.exec(path);
    if (!m) return undefined;
    const p = places.get(m[1]);
    if (!p) return undefined;
    const r = p.rows[+m[2]];
    if (r === undefined) return undefined;
    if (m[3] === undefined) return p.sheet + p.lo + (r + 1) + (p.hi ? ":" + p.hi + (r + 1) : "");
    const c = p.cols.get(m[3]);
    return c === undefined ? undefined : ref(p.name, r, c);
  };
}

function str(c: CellSnapshot | undefined): string {
  if (!c || c.error || c.v === null || c.v === undefined) return "";
  return String(c.v);
}

function inner(snap: WorkbookSnapshot, rd: Reader): Omit<ReadResult, "cellOf"> {
  const marker = findMarker(snap);
  if (!marker) {
    const names = (snap.sheets || []).map((s) => s.name);
    rd.add("workbook.not-phuluc", {
      vi: `Sổ tính này không do phuluc tạo ra (không có trang ẩn "${MARKER.sheet}" đánh dấu bố cục${names.length ? "; các trang: " + names.slice(0, 8).join(", ") : "; sổ không có trang nào"}), nên phuluc không biết số liệu nằm ở đâu. Hãy tạo sổ tính bằng lệnh: phuluc init bao-cao.xlsx (hoặc phuluc init bao-cao.xlsx --data bao-cao.json để điền sẵn số liệu), hoặc bằng nút thiết lập của add-in phuluc, rồi nhập số liệu vào trang "Phụ lục".`,
      en: `This workbook was not made by phuluc (it has no hidden "${MARKER.sheet}" layout sheet${names.length ? "; sheets: " + names.slice(0, 8).join(", ") : "; it has no sheets at all"}), so phuluc cannot tell where the figures are. Create one with: phuluc init report.xlsx (or phuluc init report.xlsx --data report.json to fill it in), or with the phuluc add-in's setup button, then type the figures in the "Phụ lục" sheet.`,
    });
    return { data: emptyData(), cells: rd.cells, findings: rd.findings };
  }
  const version = typeof marker.version === "number" ? marker.version : parseFloat(String(marker.version));
  if (isFinite(version) && version > LAYOUT_VERSION) {
    rd.add("workbook.layout-version", {
      vi: `Sổ tính này dùng bố cục phiên bản ${version}, mới hơn phiên bản ${LAYOUT_VERSION} mà chương trình phuluc này hiểu. Kết quả đọc có thể thiếu sót; hãy cập nhật phuluc lên bản mới.`,
      en: `This workbook uses layout version ${version}, newer than version ${LAYOUT_VERSION} that this phuluc understands. What is read may be incomplete; update phuluc.`,
    }, { cells: [ref(marker.sheet.name, 0, 1)] });
  }
  // A template carried inside the workbook (set up with a province's own template) wins:
  // registered, so that check, the narrative and the draft check find it by its id.
  let t = getTemplate(marker.templateId);
  const carried = embeddedTemplateText(marker.sheet.rows);
  if (carried) {
    const p = parseTemplateText(carried, rd.lang);
    if (p.template && p.template.id === marker.templateId) {
      t = p.template;
      registerTemplate(t);
    } else {
      const why = p.template ? (rd.lang === "en" ? `it is template "${p.template.id}"` : `đó là mẫu "${p.template.id}"`) : p.findings.slice(0, 3).map((f) => f.message).join(" ");
      rd.add("workbook.template-invalid", {
        vi: `Mẫu báo cáo lưu trong sổ tính (trang ẩn "${marker.sheet.name}") không dùng được: ${why}${t ? ` Dùng mẫu có sẵn "${t.id}".` : ""}`,
        en: `The template stored in the workbook (hidden sheet "${marker.sheet.name}") cannot be used: ${why}${t ? ` Using the built-in "${t.id}".` : ""}`,
      }, { cells: [ref(marker.sheet.name, 0, EMBED.col)] });
    }
  }
  if (!t) {
    rd.add("workbook.unknown-template", {
      vi: `Sổ tính ghi mẫu báo cáo "${marker.templateId}", mẫu này phuluc không biết (mẫu đã biết: ${listTemplates().map((x) => x.id).join(", ")}). Hãy cập nhật phuluc hoặc tạo lại sổ tính bằng phuluc init.`,
      en: `The workbook names template "${marker.templateId}", which phuluc does not know (known: ${listTemplates().map((x) => x.id).join(", ")}). Update phuluc or make the workbook again with phuluc init.`,
    }, { cells: [ref(marker.sheet.name, 1, 1)] });
    return { data: emptyData(marker.templateId), cells: rd.cells, findings: rd.findings };
  }
  const layout = buildLayout(t);
  for (const [code, formula] of Object.entries(derivedFormulas(t, layout))) rd.derived.set(valueAddress(t, layout, code), formula);
  const found = locateSheets(rd, snap, t, layout, marker);
  const get = (role: string, register?: string) => {
    for (const [def, f] of found) if (def.role === role && (register === undefined || def.register === register)) return f;
    return undefined;
  };
  const values: Record<string, RawValue> = {};
  const previous: Record<string, RawValue> = {};
  readIndicators(rd, t, get("indicators"), values, previous);
  const report = readInfo(rd, t, get("info"));
  // Excel and LibreOffice compute every formula when they save, but an empty text result may be
  // read back as no result (exceljs): the workbook counts as never computed only when no formula
  // cell anywhere holds a result.
  const computedSomewhere = snap.sheets.some((sh) => sh.rows.some((row) => row && row.some((c) => c && c.formula && c.v !== null && c.v !== undefined)));
  if (rd.uncalculated.length && !computedSomewhere) {
    const list = rd.uncalculated.map((u) => u.addr);
    const shown = list.slice(0, 5).join(", ") + (list.length > 5 ? ", …" : "");
    const codes = rd.uncalculated.map((u) => u.indicator).filter((x): x is string => !!x);
    rd.add("workbook.not-calculated", {
      vi: `${list.length} ô có công thức chưa được tính (${shown}): sổ chưa từng được mở và lưu trong Excel, nên không biết giá trị. Hãy mở sổ bằng Excel, lưu lại rồi kiểm tra lại.`,
      en: `${list.length === 1 ? "1 formula cell has" : list.length + " formula cells have"} no computed value (${shown}): the workbook was never opened and saved in Excel, so the value is unknown. Open it in Excel, save it and check again.`,
    }, { indicators: [...new Set(codes)], cells: list.slice(0, 50), suggestion: rd.t({ vi: "Mở sổ bằng Excel, bấm Lưu, rồi kiểm tra lại.", en: "Open the workbook in Excel, save it, then check again." }) });
  }
  const registers: Record<string, RegisterRow[]> = {};
  const places = new Map<string, RegisterPlace>();
  for (const r of t.registers) registers[r.id] = readRegister(rd, t, r.id, get("register", r.id), places);
  setCellResolver(rd.cells, registerResolver(places));

  // The registers are normalised already (readRegister): normalizeReport gets none.
  const raw: ReportData = { template: t.id, report, values, registers: {} };
  if (Object.keys(previous).length) raw.previous = previous;

  const sections: Section[] = [];
  const fs = get("sections");
  readRows(fs, (r, cell) => {
    const i = sections.length;
    if (fs!.cols.has("heading")) rd.cells[`sections[${i}].heading`] = ref(fs!.sheet.name, r, fs!.cols.get("heading")!);
    if (fs!.cols.has("text")) rd.cells[`sections[${i}].text`] = ref(fs!.sheet.name, r, fs!.cols.get("text")!);
    rd.cells[`sections[${i}]`] = rowRange(fs!, r);
    sections.push({ heading: str(cell("heading")), text: str(cell("text")) });
  });
  if (sections.length) raw.sections = sections;

  const rules: UserRule[] = [];
  const fr = get("rules");
  readRows(fr, (r, cell) => {
    const i = rules.length;
    for (const k of ["id", "expression", "severity", "message"]) {
      if (fr!.cols.has(k)) rd.cells[`rules[${i}].${k}`] = ref(fr!.sheet.name, r, fr!.cols.get(k)!);
    }
    rd.cells[`rules[${i}]`] = rowRange(fr!, r);
    const rule: UserRule = { id: str(cell("id")).trim(), expression: str(cell("expression")), severity: str(cell("severity")).trim() as Severity };
    const m = str(cell("message"));
    if (m) rule.message = m;
    rules.push(rule);
  });
  if (rules.length) raw.rules = rules;

  const overrides: Record<string, Override> = {};
  const fo = get("overrides");
  readRows(fo, (r, cell) => {
    const rule = str(cell("rule")).trim();
    if (!rule) return;
    rd.cells[`overrides.${rule}`] = rowRange(fo!, r);
    if (fo!.cols.has("severity")) rd.cells[`overrides.${rule}.severity`] = ref(fo!.sheet.name, r, fo!.cols.get("severity")!);
    if (fo!.cols.has("reason")) rd.cells[`overrides.${rule}.reason`] = ref(fo!.sheet.name, r, fo!.cols.get("reason")!);
    overrides[rule] = { severity: str(cell("severity")).trim() as Override["severity"], reason: str(cell("reason")) };
  });
  if (Object.keys(overrides).length) raw.overrides = overrides;

  let data: ReportData = { ...raw, registers };
  try {
    data = normalizeReport(raw);
    data.registers = { ...data.registers, ...registers };
  } catch (e) {
    const err = e as { vi?: string; en?: string; message?: string };
    rd.add("workbook.unreadable", {
      vi: "Không chuẩn hóa được số liệu đọc từ sổ tính: " + (err.vi || err.message || String(e)),
      en: "The data read from the workbook could not be normalised: " + (err.en || err.message || String(e)),
    });
  }
  return { template: t, data, cells: rd.cells, findings: rd.findings };
}

/** Reads our sheets of a workbook snapshot. Never throws. */
export function readWorkbook(snap: WorkbookSnapshot, opts: ReadOptions = {}): ReadResult {
  const rd = new Reader(opts.lang === "en" ? "en" : "vi");
  let r: Omit<ReadResult, "cellOf">;
  try {
    r = inner(snap && Array.isArray(snap.sheets) ? snap : { sheets: [] }, rd);
  } catch (e) {
    rd.add("workbook.unreadable", {
      vi: "Không đọc được sổ tính: " + ((e as Error) && (e as Error).message ? (e as Error).message : String(e)),
      en: "The workbook could not be read: " + ((e as Error) && (e as Error).message ? (e as Error).message : String(e)),
    });
    r = { data: emptyData(), cells: rd.cells, findings: rd.findings };
  }
  const cells = r.cells;
  return { ...r, cellOf: (path: string) => cellOf(cells, path) };
}
