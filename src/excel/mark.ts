/**
 * Marks on the sheet: the cells a check finds wrong get a fill (and, where ExcelApi 1.18
 * offers notes and the caller asks, a note), in at most two `context.sync()` calls.
 *
 * - Only cells of the add-in's own sheets are marked (the caller passes their names, from
 *   the marker); a finding pointing elsewhere is skipped.
 * - What we marked is remembered in our very hidden marker sheet (`_phuluc`, columns D:G:
 *   sheet, address, the fill the cell had before, whether we added a note), so the next
 *   check takes the old marks off — restoring each cell's own fill — before putting new
 *   ones on. No other cell is written: the user's formatting elsewhere stays as it is,
 *   and the status column keeps its formulas.
 *
 * Sync 1 loads the sheet names, the list of old marks and the fill of every cell to mark;
 * sync 2 writes the fills, notes and the new list.
 */
import type { Finding, Severity } from "../core/types";
import { MARKER } from "../core/layout";
import { parseRange, rectA1 } from "./a1";
import { syncWithTimeout } from "./sync";

export const MARK_FILL: Record<Severity, string> = { error: "#FFC7CE", warning: "#FFEB9C", info: "#DDEBF7" };

/** Where the list of marks lives in the marker sheet: header cell and columns. */
export const MARKS_AREA = { header: "phuluc-marks", col: "D", lastCol: "G", firstCol0: 3, cols: 4 } as const;

/** At most this many ranges are marked in one check (the rest are in the panel). */
export const MAX_MARKS = 400;

export interface MarkTarget {
  sheet: string;
  /** A1 address without the sheet ("E14", "A5:E5"). */
  address: string;
  severity: Severity;
  rule: string;
  message: string;
}

export interface OldMark {
  sheet: string;
  address: string;
  /** The fill the cell had before we marked it; "" = no fill. */
  fill: string;
  note: boolean;
}

export interface MarkOptions {
  /** Names of the add-in's own sheets (the only ones marked). */
  ownSheets: string[];
  /** Name of the marker sheet (default `_phuluc`). */
  markerSheet?: string;
  /** Which severities get a fill (default errors and warnings). */
  severities?: Severity[];
  /** Add a note with the message (ExcelApi 1.18 only; default false). */
  notes?: boolean;
  /** ms for each sync (default 15 s). */
  timeoutMs?: number;
}

export interface MarkResult {
  marked: number;
  removed: number;
  skipped: number;
  syncs: number;
}

/** "'Phụ lục'!E14" → { sheet: "Phụ lục", address: "E14" }; undefined when not an A1 reference. */
export function splitRef(ref: string): { sheet: string; address: string } | undefined {
  const m = /^(?:'((?:[^']|'')+)'|([^'!][^!]*))!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)$/.exec(ref.trim());
  if (!m) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  try {
    return { sheet, address: rectA1(parseRange(m[3].replace(/\$/g, ""))) };
  } catch {
    return undefined;
  }
}

const SEV_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The cells to mark for these findings: own sheets only, most severe mark wins, at most MAX_MARKS. */
export function markTargets(findings: Finding[], opts: Pick<MarkOptions, "ownSheets" | "severities">): { targets: MarkTarget[]; skipped: number } {
  const own = new Set(opts.ownSheets);
  const sev = new Set(opts.severities ?? ["error", "warning"]);
  const byKey = new Map<string, MarkTarget>();
  let skipped = 0;
  for (const f of findings) {
    if (!sev.has(f.severity)) continue;
    // An indicator rule names its cells in the order to look at them: mark the first one
    // (the status column gives the reason); structural and register findings mark all theirs.
    const refs = f.cells ?? [];
    for (const ref of f.indicators && f.indicators.length ? refs.slice(0, 1) : refs) {
      const p = splitRef(ref);
      if (!p || !own.has(p.sheet)) {
        skipped++;
        continue;
      }
      const key = p.sheet + "!" + p.address;
      const old = byKey.get(key);
      if (!old) byKey.set(key, { ...p, severity: f.severity, rule: f.rule, message: f.message });
      else if (SEV_ORDER[f.severity] < SEV_ORDER[old.severity]) byKey.set(key, { ...p, severity: f.severity, rule: f.rule, message: f.message });
      else if (f.severity === old.severity && !old.message.includes(f.message)) old.message += "\n" + f.message;
    }
  }
  const targets = [...byKey.values()].sort((a, b) => SEV_ORDER[a.severity] - SEV_ORDER[b.severity]);
  if (targets.length > MAX_MARKS) skipped += targets.length - MAX_MARKS;
  return { targets: targets.slice(0, MAX_MARKS), skipped };
}

/** The old marks from the marker sheet's used range values (rows from A1). */
export function parseMarks(values: unknown[][] | undefined, rowIndex = 0, columnIndex = 0): OldMark[] {
  if (!values) return [];
  const out: OldMark[] = [];
  const c0 = MARKS_AREA.firstCol0 - columnIndex;
  if (c0 < 0) return out;
  let inList = false;
  for (let i = 0; i < values.length; i++) {
    const row = values[i] || [];
    const a = row[c0];
    if (rowIndex + i === 0) {
      inList = a === MARKS_AREA.header;
      continue;
    }
    if (!inList) break;
    if (typeof a !== "string" || a === "") continue;
    const address = String(row[c0 + 1] ?? "");
    if (!address) continue;
    out.push({ sheet: a, address, fill: String(row[c0 + 2] ?? ""), note: row[c0 + 3] === 1 || row[c0 + 3] === "1" || row[c0 + 3] === true });
  }
  return out;
}

function noteText(t: MarkTarget): string {
  const head = t.severity === "error" ? "phuluc — lỗi" : t.severity === "warning" ? "phuluc — cảnh báo" : "phuluc — ghi chú";
  return (head + " (" + t.rule + "): " + t.message).slice(0, 1000);
}

function notesSupported(): boolean {
  try {
    return typeof Office !== "undefined" && !!Office.context?.requirements?.isSetSupported("ExcelApi", "1.18");
  } catch {
    return false;
  }
}

/**
 * Takes the old marks off and puts marks on `targets`, in at most 2 syncs.
 * `targets` must come from `markTargets` (own sheets only); they are filtered again here.
 */
export async function applyMarks(context: Excel.RequestContext, targets: MarkTarget[], opts: MarkOptions): Promise<MarkResult> {
  const timeout = opts.timeoutMs ?? 15000;
  const markerName = opts.markerSheet ?? MARKER.sheet;
  const own = new Set(opts.ownSheets);
  const wb = context.workbook;
  const useNotes = !!opts.notes && notesSupported();

  // Sync 1: sheets, the old marks, the fill (and note) of every cell to mark.
  wb.worksheets.load("items/name");
  const marker = wb.worksheets.getItemOrNullObject(markerName);
  const used = marker.getUsedRangeOrNullObject(true);
  used.load("values,rowIndex,columnIndex");
  const wanted = targets.filter((t) => own.has(t.sheet));
  const fills = wanted.map((t) => {
    const f = wb.worksheets.getItem(t.sheet).getRange(t.address).format.fill;
    f.load("color");
    return f;
  });
  const existingNotes = useNotes
    ? wanted.map((t) => {
        const n = (wb.worksheets.getItem(t.sheet) as Excel.Worksheet & { notes: Excel.NoteCollection }).notes.getItemOrNullObject(t.address.split(":")[0]);
        n.load("isNullObject");
        return n;
      })
    : [];
  await syncWithTimeout(context, timeout);
  let syncs = 1;

  const sheetNames = new Set(wb.worksheets.items.map((s) => s.name));
  const markerExists = !marker.isNullObject && sheetNames.has(markerName);
  const old = markerExists && !used.isNullObject ? parseMarks(used.values as unknown[][], used.rowIndex, used.columnIndex) : [];
  const oldByKey = new Map(old.map((m) => [m.sheet + "!" + m.address, m]));
  // Without our marker sheet we could not take the marks off again: mark nothing.
  if (!markerExists) return { marked: 0, removed: 0, skipped: targets.length, syncs };

  // Sync 2: old marks off (their own fill back), new marks on, the list rewritten.
  let removed = 0;
  for (const m of old) {
    if (!sheetNames.has(m.sheet) || !own.has(m.sheet)) continue; // deleted or no longer ours: nothing to restore
    const ws = wb.worksheets.getItem(m.sheet);
    const r = ws.getRange(m.address);
    if (m.fill) r.format.fill.color = m.fill;
    else r.format.fill.clear();
    if (m.note && useNotes) {
      const n = (ws as Excel.Worksheet & { notes: Excel.NoteCollection }).notes.getItemOrNullObject(m.address.split(":")[0]);
      n.delete();
    }
    removed++;
  }
  const rows: (string | number)[][] = [];
  wanted.forEach((t, i) => {
    const key = t.sheet + "!" + t.address;
    const before = oldByKey.get(key);
    // A cell still marked from last time carries our fill now: keep the fill recorded then.
    const color = fills[i].color;
    const original = before ? before.fill : typeof color === "string" && color.toUpperCase() !== "#FFFFFF" ? color : "";
    const ws = wb.worksheets.getItem(t.sheet);
    ws.getRange(t.address).format.fill.color = MARK_FILL[t.severity];
    let note = false;
    if (useNotes) {
      const had = existingNotes[i] && !existingNotes[i].isNullObject;
      if (!had || (before && before.note)) {
        if (!(before && before.note)) (ws as Excel.Worksheet & { notes: Excel.NoteCollection }).notes.add(t.address.split(":")[0], noteText(t));
        note = true;
      }
    }
    rows.push([t.sheet, t.address, original, note ? 1 : 0]);
  });
  {
    const ws = wb.worksheets.getItem(markerName);
    const oldRows = old.length + 1;
    const newRows = rows.length + 1;
    if (oldRows > newRows) ws.getRange(`${MARKS_AREA.col}${newRows + 1}:${MARKS_AREA.lastCol}${oldRows}`).clear("Contents" as Excel.ClearApplyTo);
    const values: (string | number)[][] = [[MARKS_AREA.header, rows.length, "", ""], ...rows];
    const range = ws.getRange(`${MARKS_AREA.col}1:${MARKS_AREA.lastCol}${newRows}`);
    range.numberFormat = values.map((r) => r.map(() => "@"));
    range.values = values;
  }
  await syncWithTimeout(context, timeout);
  syncs++;
  return { marked: wanted.length, removed, skipped: targets.length - wanted.length, syncs };
}
