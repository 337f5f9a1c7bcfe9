/**
 * What "Tạo sổ nhập liệu" (set up) and "Nhập từ JSON" (import) will do to a workbook, worked
 * out from a snapshot and the layout's `WorkbookPlan` before anything is written (Office
 * cannot undo an add-in's changes, so the pane shows this first).
 *
 * Pure: no Office.js here. The result is a list of write operations (`WriteOp`) that
 * `apply.ts` turns into one Office.js batch.
 *
 * Guarantees:
 * - only our sheets are written (the marker's sheets, sheets holding our tables, sheets we
 *   create); a user's own sheet that merely has one of our names is never touched;
 * - set-up writes only blank cells of our sheets: it never overwrites a value;
 * - import writes values into the data columns only, and counts the typed values it replaces.
 */
import type { Text, TemplateDef } from "../core/types";
import type { CellPlan, CellSnapshot, SheetPlan, SheetSnapshot, WorkbookPlan, WorkbookSnapshot, PrintPlan } from "../core/workbook-model";
import { printFor, spanHeight } from "../core/workbook-model";
import { LAYOUT_VERSION, MARKER, infoFieldOf, type SheetRole, type ValidationDef } from "../core/layout";
import { readMarker } from "../core/sheet-read";
import type { ExcelCaps } from "./caps";
import { cellA1, parseRange, type Rect } from "./a1";
import { renameSheetRefs } from "../core/sheet-plan";
import { sheetIsOurs } from "./ownership";
import { addinPlan } from "./plan";
import { fixedRows, planKeyColumn, rowKeyOf, sheetKeyColumn, userColumns } from "../core/user-columns";
import { freeSheetName } from "../core/ownership";
import type { UpgradePlan } from "../core/upgrade";

/** One write, in the order given. Rows/columns 0-based. */
export type WriteOp =
  | { kind: "addSheet"; sheet: string }
  | { kind: "cells"; sheet: string; row: number; col: number; values: (string | number | boolean)[][]; formats: string[][] }
  | { kind: "clear"; sheet: string; rect: Rect }
  | { kind: "bold"; sheet: string; rect: Rect }
  | { kind: "wrap"; sheet: string; rect: Rect }
  | { kind: "width"; sheet: string; col: number; points: number }
  | { kind: "validation"; sheet: string; rect: Rect; def: ValidationDef }
  /** Remove the data validation of a range (an upgrade moved what the column holds). */
  | { kind: "noValidation"; sheet: string; rect: Rect }
  | { kind: "table"; sheet: string; rect: Rect; name: string }
  | { kind: "tableRows"; table: string; count: number; cols: number }
  | { kind: "tableColumn"; table: string; header: string }
  | { kind: "freeze"; sheet: string; rows: number }
  | { kind: "veryHidden"; sheet: string }
  | { kind: "name"; name: string; sheet: string; cell: string }
  | { kind: "activate"; sheet: string; cell: string }
  /** Rows above a table: cells merged across, wrapped, the row as tall as the text needs. */
  | { kind: "merge"; sheet: string; rect: Rect; height: number }
  /** Cells the workbook computes (formulas): shaded, grey italic, unlike cells to type in. */
  | { kind: "computed"; sheet: string; rect: Rect }
  /** A cell to type in again (a value replaced our formula): the computed shading taken off. */
  | { kind: "plain"; sheet: string; rect: Rect }
  /** Conditional formats (ExcelApi 1.6): a cell containing `text` shown in its tone. */
  | { kind: "highlight"; sheet: string; rect: Rect; rules: { text: string; tone: "error" | "warning" }[]; replace?: boolean }
  /** Page layout (ExcelApi 1.9): A4, fitted to the page width, the header row (1-based) repeated. */
  | { kind: "print"; sheet: string; print: PrintPlan; titleRow: number };

export type SheetStatus = "create" | "existing";

export interface SheetAnalysis {
  role: SheetRole | "designer";
  register?: string;
  table: string;
  /** The layout's name for it. */
  layoutName: string;
  /** The name it has (existing) or will have (create). */
  name: string;
  status: SheetStatus;
  /** A user's sheet with the layout name, left alone (ours then has another name). */
  userSheetKept?: string;
  /** Structure cells that were blank and will be restored (existing sheets). */
  restored: number;
  /** Import: cells written in this sheet, and typed values among them that change. */
  written?: number;
  replaced?: number;
}

export interface Analysis {
  template: string;
  layoutVersion: number;
  marker: { found: boolean; version?: number; upgradeFrom?: number; write: boolean };
  /** An upgrade in place (an older layout, or a newer version of the workbook's template). */
  upgrade?: { fromLayout: number; toLayout: number; template: string; fromVersion: number; toVersion: number };
  sheets: SheetAnalysis[];
  ops: WriteOp[];
  /** Human-readable list of what will be done, Vietnamese and English. */
  actions: Text[];
  /** Things skipped because this Excel lacks an API set. */
  notes: Text[];
  /** Import only: typed (non-formula, non-blank) values that would be replaced. */
  replaced: number;
  /** Import only: cells that will be written. */
  written: number;
  nothingToDo: boolean;
}

/* ---------- small helpers ---------- */

function nfcLower(s: string): string {
  return s.normalize("NFC").trim().toLowerCase();
}

function sameName(a: string, b: string): boolean {
  return nfcLower(a) === nfcLower(b);
}

function cellAt(sheet: SheetSnapshot | undefined, row: number, col: number): CellSnapshot | undefined {
  return sheet?.rows[row]?.[col];
}

export function blank(c: CellSnapshot | undefined): boolean {
  return !c || ((c.v === null || c.v === "") && !c.formula && !c.error);
}

function planBlank(c: CellPlan | undefined): boolean {
  return !c || ((c.v === undefined || c.v === null || c.v === "") && !c.formula);
}

/** What to put in a cell through `Range.formulas`: formula text, or the value (text that would read as a formula gets a leading apostrophe). */
export function cellContent(c: CellPlan | undefined): string | number | boolean {
  if (!c) return "";
  if (c.formula) return c.formula.startsWith("=") ? c.formula : "=" + c.formula;
  const v = c.v;
  if (v === undefined || v === null) return "";
  if (typeof v === "string" && /^[=+\-@]/.test(v) && !/^[-+]?\d/.test(v)) return "'" + v;
  return v;
}

function text(s: string): string {
  return s.normalize("NFC").trim();
}

/** Does the workbook cell already hold what the plan would write? */
export function sameContent(existing: CellSnapshot | undefined, planned: CellPlan | undefined): boolean {
  if (planBlank(planned)) return blank(existing);
  if (!existing) return false;
  if (planned!.formula) {
    const f = planned!.formula.startsWith("=") ? planned!.formula : "=" + planned!.formula;
    return !!existing.formula && existing.formula.replace(/\s+/g, "") === f.replace(/\s+/g, "");
  }
  if (existing.formula) return false;
  const a = existing.v;
  const b = planned!.v;
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  if (typeof a === "number" && typeof b === "string" && b.trim() !== "" && Number(b) === a) return true;
  if (typeof a === "string" && typeof b === "string") return text(a) === text(b);
  if (typeof a === "boolean" || typeof b === "boolean") return a === b;
  return String(a ?? "") === String(b ?? "");
}

/** Excel column width in characters → points (Office.js `columnWidth`). */
export function widthPoints(chars: number): number {
  return Math.round((Math.trunc(chars * 7 + 5) * 0.75) * 100) / 100;
}

/** The rows of a plan sheet from the header down, as the sheet will hold them. */
function tableRows(p: SheetPlan): CellPlan[][] {
  return [p.table.header.map((h) => ({ v: h, bold: true }) as CellPlan), ...p.table.rows];
}

/** Columns whose cells the user types into (import writes them; set-up never restores them). */
function dataColumns(p: SheetPlan): Set<number> {
  const keys: Record<string, string[]> = { indicators: ["Giá trị", "Năm trước"], info: ["Nội dung"] };
  const k = keys[p.role];
  const out = new Set<number>();
  p.table.header.forEach((h, i) => {
    if (!k || k.some((x) => sameName(x, h))) out.add(i);
  });
  return out;
}


/* ---------- ownership ---------- */

/** The marker, read as the check reads it (src/core/sheet-read.ts). */
export { readMarker };

/** The template a workbook was set up with (marker), if any. */
export function markerTemplate(snap: WorkbookSnapshot): string | undefined {
  return readMarker(snap).template;
}

function tableSheet(snap: WorkbookSnapshot, table: string): SheetSnapshot | undefined {
  return snap.sheets.find((s) => (s.tables ?? []).some((t) => t.name.toLowerCase() === table.toLowerCase()));
}

function tableRect(sheet: SheetSnapshot | undefined, table: string): Rect | undefined {
  const t = (sheet?.tables ?? []).find((x) => x.name.toLowerCase() === table.toLowerCase());
  return t ? parseRange(t.range) : undefined;
}

const freeName = freeSheetName;

/* ---------- the analysis ---------- */

export interface AnalyseOptions {
  /** Import: write the plan's data into the data columns of existing sheets. */
  importData?: boolean;
  /**
   * Upgrade in place (src/core/upgrade.ts): the plan holds the workbook's data under the new
   * layout/template; each existing sheet of ours has its table rewritten from it.
   */
  upgrade?: UpgradePlan;
  caps: ExcelCaps;
}

export function analyse(t: TemplateDef, plan: WorkbookPlan, snap: WorkbookSnapshot, opts: AnalyseOptions): Analysis {
  const marker = readMarker(snap);
  const ops: WriteOp[] = [];
  const actions: Text[] = [];
  const notes: Text[] = [];
  const sheets: SheetAnalysis[] = [];
  const names = new Set(snap.sheets.map((s) => nfcLower(s.name)));
  const claimed = new Set<string>();
  const taken = (n: string) => names.has(nfcLower(n)) || claimed.has(nfcLower(n));
  let replacedTotal = 0;
  let writtenTotal = 0;

  // Which existing sheet is ours, for each plan sheet.
  for (const p of plan.sheets) {
    const recorded = marker.roles.get(p.table.name.toLowerCase());
    const byTable = tableSheet(snap, p.table.name);
    let existing: SheetSnapshot | undefined = byTable;
    if (!existing && recorded) {
      const s = snap.sheets.find((x) => sameName(x.name, recorded));
      // A sheet the marker names but that lost our table is still ours only if nothing else claims
      // it and its header and code column are as the layout wrote them (ownership.ts): a user's
      // own sheet made under our old name is left alone, and ours is made again beside it.
      if (s && !(s.tables ?? []).some((x) => !x.name.toUpperCase().startsWith("PL_")) && sheetIsOurs(s, p)) existing = s;
    }
    if (existing && !claimed.has(nfcLower(existing.name))) {
      claimed.add(nfcLower(existing.name));
      sheets.push({ role: p.role, register: p.register, table: p.table.name, layoutName: p.name, name: existing.name, status: "existing", restored: 0 });
    } else {
      let name = recorded && !taken(recorded) ? recorded : p.name;
      let kept: string | undefined;
      if (taken(name)) {
        kept = snap.sheets.find((x) => sameName(x.name, name))?.name ?? name;
        name = freeName(p.name, taken);
      }
      claimed.add(nfcLower(name));
      sheets.push({ role: p.role, register: p.register, table: p.table.name, layoutName: p.name, name, status: "create", userSheetKept: kept, restored: 0 });
    }
  }

  const upgradeFrom = marker.found && (marker.version ?? 0) < LAYOUT_VERSION ? marker.version ?? 0 : undefined;
  if (opts.upgrade) {
    actions.push(...opts.upgrade.lines);
  } else if (upgradeFrom !== undefined) {
    actions.push({
      vi: `Nâng cấp bố cục sổ từ phiên bản ${upgradeFrom} lên ${LAYOUT_VERSION}: bổ sung phần còn thiếu, giữ nguyên mọi giá trị.`,
      en: `Upgrade the layout from version ${upgradeFrom} to ${LAYOUT_VERSION}: add what is missing, keep every value.`,
    });
  }

  // Formulas that name our sheets (the register counts) follow the names the sheets actually have.
  plan = renameSheetRefs(plan, Object.fromEntries(sheets.map((a) => [a.layoutName, a.name])));

  let firstCreated: string | undefined;
  plan.sheets.forEach((p, i) => {
    const a = sheets[i];
    if (a.status === "create") {
      createSheetOps(p, a.name, opts.caps, ops);
      firstCreated = firstCreated ?? a.name;
      const what = p.role === "indicators" ? ` (${p.table.rows.length} chỉ tiêu)` : "";
      const whatEn = p.role === "indicators" ? ` (${p.table.rows.length} indicators)` : "";
      actions.push({ vi: `Tạo trang "${a.name}" với bảng ${p.table.name}${what}.`, en: `Create sheet "${a.name}" with table ${p.table.name}${whatEn}.` });
      if (a.userSheetKept)
        actions.push({
          vi: `Trang "${a.userSheetKept}" đang có là của bạn: giữ nguyên, không ghi vào; trang của phuluc mang tên "${a.name}".`,
          en: `Sheet "${a.userSheetKept}" is yours: it is left untouched; phuluc's sheet is named "${a.name}".`,
        });
      if (opts.importData) {
        const n = p.table.rows.reduce((k, r) => k + r.filter((c) => !planBlank(c)).length, 0);
        a.written = n;
        writtenTotal += n;
      }
    } else {
      const s = snap.sheets.find((x) => x.name === a.name)!;
      const before = ops.length;
      if (opts.upgrade) {
        // The old template's headers are ours too (a register column the new version dropped is kept under its own header).
        const prevHeader = addinPlan(opts.upgrade.prev).sheets.find((x) => x.table.name.toLowerCase() === p.table.name.toLowerCase())?.table.header ?? [];
        const w = rewriteOps(p, s, a.name, opts.caps, ops, prevHeader);
        actions.push({
          vi: `Trang "${a.name}": viết lại bảng ${p.table.name} theo ${opts.upgrade.layoutOlder ? "bố cục" : "mẫu"} mới, giữ mọi giá trị.`,
          en: `Sheet "${a.name}": table ${p.table.name} rewritten to the new ${opts.upgrade.layoutOlder ? "layout" : "template"}, every value kept.`,
        });
        if (w.theirs.length)
          actions.push({
            vi: `Trang "${a.name}": cột bạn thêm vào bảng (${w.theirs.join(", ")}) được giữ, chuyển sang bên phải bảng.`,
            en: `Sheet "${a.name}": the columns you added to the table (${w.theirs.join(", ")}) are kept, moved to the right of the table.`,
          });
        return;
      }
      a.restored = restoreOps(p, s, a.name, snap, ops, notes);
      if (opts.importData) {
        const r = importOps(p, s, a.name, ops);
        a.written = r.written;
        a.replaced = r.replaced;
        writtenTotal += r.written;
        replacedTotal += r.replaced;
      }
      if (a.name !== p.name && !sameName(a.name, marker.roles.get(p.table.name.toLowerCase()) ?? p.name)) {
        actions.push({ vi: `Trang "${a.name}" (bảng ${p.table.name}) là của phuluc dù đã đổi tên: ghi nhận tên mới.`, en: `Sheet "${a.name}" (table ${p.table.name}) is phuluc's although renamed: its new name is recorded.` });
      }
      if (a.restored > 0)
        actions.push({
          vi: `Trang "${a.name}" đã có: bổ sung ${a.restored} ô tiêu đề/mã/công thức còn trống; giữ nguyên mọi giá trị.`,
          en: `Sheet "${a.name}" exists: fill in ${a.restored} blank heading/code/formula cells; every value is kept.`,
        });
      else if (ops.length === before && !opts.importData)
        actions.push({ vi: `Trang "${a.name}" đã có và đầy đủ: không thay đổi.`, en: `Sheet "${a.name}" exists and is complete: no change.` });
      if (opts.importData && (a.written ?? 0) > 0)
        actions.push({
          vi: `Trang "${a.name}": ghi ${a.written} ô số liệu` + ((a.replaced ?? 0) > 0 ? `, trong đó ${a.replaced} ô đang có giá trị sẽ bị thay.` : "."),
          en: `Sheet "${a.name}": write ${a.written} cells` + ((a.replaced ?? 0) > 0 ? `, replacing ${a.replaced} cells that hold values.` : "."),
        });
    }
  });

  // The marker: very hidden sheet + defined name.
  const markerRows = markerContent(plan, sheets);
  const markerSheet = snap.sheets.find((x) => x.name === MARKER.sheet);
  const markerCells = markerSheet ? markerSheet.rows : [];
  const markerSame =
    marker.found &&
    markerRows.every((row, r) => row.every((v, c) => sameContent(markerCells[r]?.[c], { v }))) &&
    markerCells.length <= markerRows.length;
  let markerWrite = false;
  if (!markerSheet) {
    ops.push({ kind: "addSheet", sheet: MARKER.sheet });
    markerWrite = true;
  }
  if (!markerSame) {
    if (markerSheet && markerCells.length > markerRows.length)
      ops.push({ kind: "clear", sheet: MARKER.sheet, rect: { row: 0, col: 0, rows: markerCells.length, cols: Math.max(2, ...markerCells.map((r) => r.length)) } });
    const width = Math.max(...markerRows.map((r) => r.length));
    ops.push({
      kind: "cells",
      sheet: MARKER.sheet,
      row: 0,
      col: 0,
      values: markerRows.map((r) => Array.from({ length: width }, (_x, c) => (r[c] === undefined ? "" : r[c]))),
      formats: markerRows.map(() => Array.from({ length: width }, () => "General")),
    });
    markerWrite = true;
  }
  if (!markerSheet || markerSheet.visibility !== "VeryHidden") {
    ops.push({ kind: "veryHidden", sheet: MARKER.sheet });
    markerWrite = true;
  }
  const names2 = snap.names ?? {};
  if (!Object.keys(names2).some((n) => n.toUpperCase() === plan.marker.name.toUpperCase())) {
    ops.push({ kind: "name", name: plan.marker.name, sheet: MARKER.sheet, cell: "B1" });
    markerWrite = true;
  }
  if (markerWrite)
    actions.push({
      vi: marker.found
        ? `Cập nhật dấu nhận biết sổ của phuluc (trang ẩn ${MARKER.sheet}, tên ${plan.marker.name}).`
        : `Tạo dấu nhận biết sổ của phuluc: trang ẩn ${MARKER.sheet} và tên ${plan.marker.name}.`,
      en: marker.found
        ? `Update phuluc's marker (very hidden sheet ${MARKER.sheet}, name ${plan.marker.name}).`
        : `Create phuluc's marker: very hidden sheet ${MARKER.sheet} and name ${plan.marker.name}.`,
    });

  if (firstCreated) {
    const p = plan.sheets.find((x, i) => sheets[i].name === firstCreated)!;
    ops.push({ kind: "activate", sheet: firstCreated, cell: cellA1(p.table.headerRow, 0) });
  }
  if (ops.some((o) => o.kind === "addSheet" && o.sheet !== MARKER.sheet)) {
    if (!opts.caps.validation)
      notes.push({
        vi: "Bỏ qua kiểm tra dữ liệu nhập (danh sách chọn, số nguyên ≥ 0): Excel này chưa có ExcelApi 1.8.",
        en: "Data validation (lists, whole ≥ 0) skipped: this Excel lacks ExcelApi 1.8.",
      });
    if (!opts.caps.freeze)
      notes.push({ vi: "Bỏ qua cố định dòng tiêu đề: Excel này chưa có ExcelApi 1.7.", en: "Frozen headers skipped: this Excel lacks ExcelApi 1.7." });
  }

  // The print set-up and the colours last (apply.ts): should this Excel refuse one, the rest is written.
  const last = (o: WriteOp) => o.kind === "print" || o.kind === "highlight";
  ops.splice(0, ops.length, ...ops.filter((o) => !last(o)), ...ops.filter(last));

  const nothingToDo = ops.length === 0;
  if (nothingToDo && !opts.importData)
    actions.splice(0, actions.length, { vi: "Sổ nhập liệu đã đầy đủ: không cần thay đổi gì.", en: "The workbook is already set up: nothing to change." });
  return {
    template: t.id,
    layoutVersion: LAYOUT_VERSION,
    marker: { found: marker.found, version: marker.version, upgradeFrom, write: markerWrite },
    upgrade: opts.upgrade
      ? { fromLayout: opts.upgrade.fromLayout, toLayout: opts.upgrade.toLayout, template: t.id, fromVersion: opts.upgrade.prev.version ?? 1, toVersion: opts.upgrade.next.version ?? 1 }
      : undefined,
    sheets,
    ops,
    actions,
    notes,
    replaced: replacedTotal,
    written: writtenTotal,
    nothingToDo,
  };
}

/** The marker's rows with the actual names of our sheets. */
function markerContent(plan: WorkbookPlan, sheets: SheetAnalysis[]): (string | number)[][] {
  const rows = plan.marker.rows.map((r) => [...r]);
  while (rows.length < MARKER.firstRoleRow - 1) rows.push([]);
  if (rows[0]?.[0] !== MARKER.magic) rows[0] = [MARKER.magic, plan.layoutVersion];
  for (const a of sheets) {
    const i = rows.findIndex((r, k) => k >= MARKER.firstRoleRow - 1 && r[0] === a.table);
    if (i >= 0) rows[i] = [a.table, a.name, ...rows[i].slice(2)];
    else rows.push([a.table, a.name]);
  }
  return rows;
}

/* ---------- a new sheet ---------- */

function formatOf(c: CellPlan | undefined, colFormat: string | undefined): string {
  return c?.format ?? colFormat ?? "General";
}

/** Group vertically adjacent cells of one column with the same validation. */
function pushValidations(sheet: string, firstRow: number, rows: CellPlan[][], ops: WriteOp[]): void {
  const width = Math.max(0, ...rows.map((r) => r.length));
  for (let c = 0; c < width; c++) {
    let start = -1;
    let key = "";
    const flush = (end: number) => {
      if (start >= 0) {
        const def = rows[start][c].validation!;
        ops.push({ kind: "validation", sheet, rect: { row: firstRow + start, col: c, rows: end - start, cols: 1 }, def });
      }
      start = -1;
      key = "";
    };
    for (let r = 0; r <= rows.length; r++) {
      const v = r < rows.length ? rows[r][c]?.validation : undefined;
      const k = v ? JSON.stringify(v) : "";
      if (k !== key) {
        flush(r);
        if (v) {
          start = r;
          key = k;
        }
      }
    }
  }
}

export function createSheetOps(p: SheetPlan, name: string, caps: ExcelCaps, ops: WriteOp[]): void {
  ops.push({ kind: "addSheet", sheet: name });
  const cols = p.table.columns;
  const width = Math.max(p.table.header.length, ...p.preamble.map((r) => r.length));
  const h = p.table.headerRow - 1; // 0-based header row
  // Column formats, wrapping and validation over the rows users fill in.
  cols.forEach((c, j) => {
    const rect = { row: h + 1, col: j, rows: Math.max(p.table.formatRows, p.table.rows.length), cols: 1 };
    if (c.format) ops.push({ kind: "cells", sheet: name, row: rect.row, col: j, values: [], formats: Array.from({ length: rect.rows }, () => [c.format!]) });
    if (c.wrap) ops.push({ kind: "wrap", sheet: name, rect });
    if (c.validation && caps.validation) ops.push({ kind: "validation", sheet: name, rect, def: c.validation });
    ops.push({ kind: "width", sheet: name, col: j, points: widthPoints(c.width) });
  });
  // Title and help above the table.
  if (p.preamble.length) {
    ops.push({
      kind: "cells",
      sheet: name,
      row: 0,
      col: 0,
      values: p.preamble.map((r) => Array.from({ length: width }, (_x, j) => cellContent(r[j]))),
      formats: p.preamble.map((r) => Array.from({ length: width }, (_x, j) => formatOf(r[j], undefined))),
    });
    p.preamble.forEach((r, i) =>
      r.forEach((c, j) => {
        if (c?.bold) ops.push({ kind: "bold", sheet: name, rect: { row: i, col: j, rows: 1, cols: 1 } });
        if (c?.span && c.span > 1) {
          const w = cols.slice(j, j + c.span).reduce((n, x) => n + x.width, 0);
          ops.push({ kind: "merge", sheet: name, rect: { row: i, col: j, rows: 1, cols: c.span }, height: spanHeight(String(c.v ?? "").length, w) });
        }
      }),
    );
  }
  // Header and rows, then the table over them.
  const rows = tableRows(p);
  const tw = p.table.header.length;
  ops.push({
    kind: "cells",
    sheet: name,
    row: h,
    col: 0,
    values: rows.map((r) => Array.from({ length: tw }, (_x, j) => cellContent(r[j]))),
    formats: rows.map((r, i) => Array.from({ length: tw }, (_x, j) => formatOf(r[j], i === 0 ? undefined : cols[j]?.format))),
  });
  ops.push({ kind: "table", sheet: name, rect: { row: h, col: 0, rows: rows.length, cols: tw }, name: p.table.name });
  ops.push({ kind: "bold", sheet: name, rect: { row: h, col: 0, rows: 1, cols: tw } });
  p.table.rows.forEach((r, i) =>
    r.forEach((c, j) => {
      if (c?.bold) ops.push({ kind: "bold", sheet: name, rect: { row: h + 1 + i, col: j, rows: 1, cols: 1 } });
      if (c?.wrap && !cols[j]?.wrap) ops.push({ kind: "wrap", sheet: name, rect: { row: h + 1 + i, col: j, rows: 1, cols: 1 } });
    }),
  );
  if (caps.validation) pushValidations(name, h + 1, p.table.rows, ops);
  if (caps.freeze && p.freezeRows > 0) ops.push({ kind: "freeze", sheet: name, rows: p.freezeRows });
  // Cells the workbook computes look different from cells to type in (as the command line writes them).
  for (const rect of formulaRuns(p.table.rows, h + 1)) ops.push({ kind: "computed", sheet: name, rect });
  // ✗ red and ⚠ amber, and the print set-up: only where this Excel has the API (else left out, silently).
  if (p.highlight && p.table.rows.length && caps.conditionalFormats)
    ops.push({ kind: "highlight", sheet: name, rect: { row: h + 1, col: p.highlight.column - 1, rows: p.table.rows.length, cols: 1 }, rules: p.highlight.rules });
  if (caps.pageLayout) ops.push({ kind: "print", sheet: name, print: printFor(p), titleRow: p.table.headerRow });
}

/** Vertical runs of formula cells, column by column: the rectangles to shade. */
function formulaRuns(rows: CellPlan[][], firstRow: number): Rect[] {
  const out: Rect[] = [];
  const width = Math.max(0, ...rows.map((r) => r.length));
  for (let c = 0; c < width; c++) {
    let start = -1;
    for (let r = 0; r <= rows.length; r++) {
      const f = r < rows.length && !!rows[r][c]?.formula;
      if (f && start < 0) start = r;
      if (!f && start >= 0) {
        out.push({ row: firstRow + start, col: c, rows: r - start, cols: 1 });
        start = -1;
      }
    }
  }
  return out;
}

/* ---------- an existing sheet of ours: fill in what is missing ---------- */

function restoreOps(p: SheetPlan, s: SheetSnapshot, name: string, snap: WorkbookSnapshot, ops: WriteOp[], notes: Text[]): number {
  let restored = 0;
  const put = (row: number, col: number, c: CellPlan, colFormat?: string) => {
    ops.push({ kind: "cells", sheet: name, row, col, values: [[cellContent(c)]], formats: [[formatOf(c, colFormat)]] });
    if (c.bold) ops.push({ kind: "bold", sheet: name, rect: { row, col, rows: 1, cols: 1 } });
    restored++;
  };
  p.preamble.forEach((r, i) =>
    r.forEach((c, j) => {
      if (!planBlank(c) && blank(cellAt(s, i, j))) put(i, j, c);
    }),
  );
  const h = p.table.headerRow - 1;
  const tw = p.table.header.length;
  const rect = tableRect(s, p.table.name);
  // Header cells.
  p.table.header.forEach((hd, j) => {
    if (blank(cellAt(s, h, j))) put(h, j, { v: hd, bold: true });
  });
  if (!rect) {
    // Our sheet lost its table: put it back over the header and the fixed rows, unless it would overlap another table.
    const want: Rect = { row: h, col: 0, rows: 1 + Math.max(1, fixedRows(p) ? p.table.rows.length : lastDataRow(s, h, tw) - h), cols: tw };
    const overlaps = (s.tables ?? []).some((t) => intersects(parseRange(t.range), want));
    if (!overlaps) {
      ops.push({ kind: "table", sheet: name, rect: want, name: p.table.name });
      restored++;
    } else
      notes.push({
        vi: `Không tạo lại được bảng ${p.table.name} trên trang "${name}" vì chồng lên một bảng khác.`,
        en: `Table ${p.table.name} on "${name}" could not be recreated: it would overlap another table.`,
      });
  } else if (rect.cols < tw && rect.row === h && rect.col === 0) {
    // An older layout with fewer columns: add the missing ones at the end of the table.
    for (let j = rect.cols; j < tw; j++) {
      ops.push({ kind: "tableColumn", table: p.table.name, header: p.table.header[j] });
      restored++;
    }
  }
  if (!fixedRows(p)) return restored;
  // Fixed rows (indicators, info): restore blank structure cells; a wholly blank row gets the plan's row.
  const data = dataColumns(p);
  const rowsNeeded = p.table.rows.length;
  if (rect && rect.row === h && rect.rows - 1 < rowsNeeded) {
    ops.push({ kind: "tableRows", table: p.table.name, count: rowsNeeded - (rect.rows - 1), cols: Math.max(rect.cols, tw) });
  }
  p.table.rows.forEach((r, i) => {
    const row = h + 1 + i;
    const wholeBlank = Array.from({ length: tw }, (_x, j) => blank(cellAt(s, row, j))).every(Boolean);
    r.forEach((c, j) => {
      if (planBlank(c)) return;
      if (!wholeBlank && data.has(j)) return;
      if (blank(cellAt(s, row, j))) put(row, j, c, p.table.columns[j]?.format);
    });
  });
  void snap;
  return restored;
}

function intersects(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

function lastDataRow(s: SheetSnapshot, h: number, tw: number): number {
  let last = h + 1;
  for (let r = h + 1; r < s.rows.length; r++) {
    for (let j = 0; j < tw; j++) if (!blank(cellAt(s, r, j))) last = r;
  }
  return last;
}

/* ---------- the key column (codes, info keys) of a fixed-row sheet ---------- */

/** The column of the sheet that holds the most of the plan's keys below the header (any layout version). */


/* ---------- upgrade: an existing sheet's table rewritten from the plan ---------- */

/**
 * The table of an existing sheet of ours rewritten from the plan (which holds the sheet's data
 * under the new layout/template), in one `cells` write: the plan's columns first, then any
 * column the user added to the table (their header is none of ours), moved to the right with
 * its cells (on "Phụ lục" and "Thông tin" by the row's code, elsewhere row by row). Rows of the
 * old table beyond the new ones are emptied; the table grows to hold everything.
 */
export function rewriteOps(p: SheetPlan, s: SheetSnapshot, name: string, caps: ExcelCaps, ops: WriteOp[], alsoOurs: string[] = []): { theirs: string[] } {
  const h = p.table.headerRow - 1;
  const tw = p.table.header.length;
  // The user's own columns inside the old table, and where their cells go (src/core/user-columns.ts).
  const u = userColumns(p, s, alsoOurs);
  const { oldRows, oldCols, target, atHeader } = u;
  const rect = u.rect;
  const theirs = u.columns.map((c) => c.col);
  const headerCells = s.rows[h] ?? [];
  const planRows = tableRows(p);
  const width = Math.max(oldCols, tw + theirs.length);
  const height = Math.max(oldRows, planRows.length, ...[...target.values()].map((x) => x + 1));
  const values: (string | number | boolean)[][] = [];
  const formats: string[][] = [];
  for (let i = 0; i < height; i++) {
    values.push(Array.from({ length: width }, () => ""));
    formats.push(Array.from({ length: width }, () => "General"));
  }
  for (let i = 0; i < planRows.length; i++)
    for (let j = 0; j < tw; j++) {
      values[i][j] = cellContent(planRows[i][j]);
      formats[i][j] = formatOf(planRows[i][j], i === 0 ? undefined : p.table.columns[j]?.format);
    }
  theirs.forEach((j, k) => {
    const c = headerCells[j];
    values[0][tw + k] = cellContent({ v: c?.v ?? null });
    for (const [from, to] of target) {
      const cell = cellAt(s, h + from, j);
      values[to][tw + k] = cell?.formula ? cell.formula : cellContent({ v: cell?.v ?? null });
      formats[to][tw + k] = cell?.format ?? "General";
    }
  });
  // The table first holds the room (columns, rows), then the cells are written over it.
  if (atHeader) {
    for (let j = rect!.cols; j < width; j++) ops.push({ kind: "tableColumn", table: p.table.name, header: String(values[0][j] || "Cột " + (j + 1)) });
    if (rect!.rows < height) ops.push({ kind: "tableRows", table: p.table.name, count: height - rect!.rows, cols: width });
  }
  ops.push({ kind: "cells", sheet: name, row: h, col: 0, values, formats });
  if (!rect) ops.push({ kind: "table", sheet: name, rect: { row: h, col: 0, rows: height, cols: width }, name: p.table.name });
  // Above the table: blank cells get the plan's text, and our line naming the template and layout version follows.
  p.preamble.forEach((r, i) =>
    r.forEach((c, j) => {
      if (planBlank(c)) return;
      const old = cellAt(s, i, j);
      const ours = !!old && typeof old.v === "string" && /bố cục phiên bản \d+/.test(old.v) && !sameContent(old, c);
      if (blank(old) || ours) ops.push({ kind: "cells", sheet: name, row: i, col: j, values: [[cellContent(c)]], formats: [[formatOf(c, undefined)]] });
    }),
  );
  ops.push({ kind: "bold", sheet: name, rect: { row: h, col: 0, rows: 1, cols: width } });
  // Column widths, wrapping, formats and validation follow the columns' new places.
  p.table.columns.forEach((c, j) => {
    const colRect = { row: h + 1, col: j, rows: Math.max(p.table.formatRows, height - 1), cols: 1 };
    ops.push({ kind: "width", sheet: name, col: j, points: widthPoints(c.width) });
    if (c.wrap) ops.push({ kind: "wrap", sheet: name, rect: colRect });
    if (!caps.validation) return;
    if (c.validation) ops.push({ kind: "validation", sheet: name, rect: colRect, def: c.validation });
    else ops.push({ kind: "noValidation", sheet: name, rect: colRect });
  });
  if (caps.validation) pushValidations(name, h + 1, p.table.rows, ops);
  // The rewritten sheet looks and prints as a new one: formula cells shaded, ✗/⚠ colours (the
  // status column's rules replaced, not added twice), A4 print set-up.
  for (const r of formulaRuns(p.table.rows, h + 1)) ops.push({ kind: "computed", sheet: name, rect: r });
  if (p.highlight && p.table.rows.length && caps.conditionalFormats)
    ops.push({ kind: "highlight", sheet: name, rect: { row: h + 1, col: p.highlight.column - 1, rows: p.table.rows.length, cols: 1 }, rules: p.highlight.rules, replace: true });
  if (caps.pageLayout) ops.push({ kind: "print", sheet: name, print: printFor(p), titleRow: p.table.headerRow });
  return { theirs: theirs.map((j) => String(headerCells[j]!.v)) };
}

/* ---------- import: values into the data columns of an existing sheet ---------- */

function typed(c: CellSnapshot | undefined): boolean {
  return !blank(c) && !c!.formula;
}

function importOps(p: SheetPlan, s: SheetSnapshot, name: string, ops: WriteOp[]): { written: number; replaced: number } {
  const h = p.table.headerRow - 1;
  const tw = p.table.header.length;
  const cols = p.table.columns;
  let written = 0;
  let replaced = 0;
  const put = (row: number, col: number, c: CellPlan | undefined) => {
    ops.push({ kind: "cells", sheet: name, row, col, values: [[cellContent(c)]], formats: [[formatOf(c, cols[col]?.format)]] });
    // A figure written where our formula was (a derived total): no longer shaded as computed.
    if (!c?.formula && cellAt(s, row, col)?.formula) ops.push({ kind: "plain", sheet: name, rect: { row, col, rows: 1, cols: 1 } });
  };
  if (fixedRows(p)) {
    // Rows are found by their key (code, in whichever column of the sheet holds the codes: an
    // older layout had it in another column), in case they were sorted.
    const keyOf = rowKeyOf(p);
    const planKey = Math.max(0, planKeyColumn(p));
    const keyCol = sheetKeyColumn(s, h, p, planKey, keyOf);
    const rowOf = new Map<string, number>();
    for (let r = h + 1; r < s.rows.length; r++) {
      const k = keyOf(cellAt(s, r, keyCol)?.v);
      if (k && !rowOf.has(k)) rowOf.set(k, r);
    }
    const data = dataColumns(p);
    p.table.rows.forEach((r, i) => {
      const key = keyOf(r[planKey]?.v);
      const row = key !== undefined && rowOf.has(key) ? rowOf.get(key)! : h + 1 + i;
      for (const j of data) {
        const existing = cellAt(s, row, j);
        if (sameContent(existing, r[j])) continue;
        if (typed(existing)) replaced++;
        put(row, j, r[j]);
        written++;
      }
      // Our formulas outside the data columns (the ✓/✗ status) follow the data (a percent's
      // decimals change them); a value the user typed there is left alone.
      r.forEach((c, j) => {
        if (data.has(j) || !c || !c.formula) return;
        const existing = cellAt(s, row, j);
        if (sameContent(existing, c) || typed(existing)) return;
        put(row, j, c);
        written++;
      });
    });
    return { written, replaced };
  }
  // Register-like sheets: the table's rows become the plan's rows.
  const rect = tableRect(s, p.table.name);
  const have = rect && rect.row === h ? rect.rows - 1 : 0;
  const planRows = p.table.rows.filter((r, i) => i === 0 || r.some((c) => !planBlank(c)));
  const n = Math.max(1, planRows.length);
  let differs = false;
  for (let i = 0; i < Math.max(n, have); i++) {
    for (let j = 0; j < tw; j++) {
      const existing = cellAt(s, h + 1 + i, j);
      const planned = i < n ? planRows[i]?.[j] : undefined;
      if (sameContent(existing, planned)) continue;
      differs = true;
      if (typed(existing)) replaced++;
      if (!planBlank(planned)) written++;
    }
  }
  if (!differs) return { written: 0, replaced: 0 };
  if (n > have && have > 0) ops.push({ kind: "tableRows", table: p.table.name, count: n - have, cols: rect!.cols });
  ops.push({
    kind: "cells",
    sheet: name,
    row: h + 1,
    col: 0,
    values: Array.from({ length: n }, (_r, i) => Array.from({ length: tw }, (_x, j) => cellContent(planRows[i]?.[j]))),
    formats: Array.from({ length: n }, (_r, i) => Array.from({ length: tw }, (_x, j) => formatOf(planRows[i]?.[j], cols[j]?.format))),
  });
  if (have > n) ops.push({ kind: "clear", sheet: name, rect: { row: h + 1 + n, col: 0, rows: have - n, cols: tw } });
  return { written, replaced };
}
