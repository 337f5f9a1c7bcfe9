/**
 * Reads the structured part of the open workbook into a `WorkbookSnapshot`
 * (src/core/workbook-model.ts) in exactly two `context.sync()` calls, whatever the
 * number of rows: (1) sheets, names, tables; (2) the used ranges of the sheets that can
 * be ours, with values, formulas, number formats and value types, plus table ranges.
 */
import type { CellSnapshot, SheetSnapshot, WorkbookSnapshot } from "../core/workbook-model";
import { MARKER, buildLayout } from "../core/layout";
import { qcdc2021 } from "../core/templates/qcdc-2021";
import { syncWithTimeout, runExcel } from "./sync";
import { parseRange, stripSheet } from "./a1";

export interface SnapshotOptions {
  /** Sheet names (layout names) whose cells are wanted even without a marker entry. */
  names?: string[];
}

/** Default: the layout's sheet names (our sheets are these, or "<name> (phuluc…)", or hold our tables). */
function defaultNames(): string[] {
  return buildLayout(qcdc2021).sheets.map((s) => s.name);
}

function wanted(name: string, names: string[], tableSheets: Set<string>): boolean {
  if (name === MARKER.sheet || tableSheets.has(name)) return true;
  const n = name.normalize("NFC").toLowerCase();
  return names.some((x) => {
    const base = x.normalize("NFC").toLowerCase();
    return n === base || n.startsWith(base + " (phuluc");
  });
}

function toCell(v: unknown, formula: unknown, fmt: unknown, type: unknown): CellSnapshot {
  const cell: CellSnapshot = { v: null };
  if (type === "Error") {
    cell.error = String(v);
  } else if (typeof v === "number" || typeof v === "boolean") {
    cell.v = v;
  } else if (typeof v === "string" && v !== "") {
    cell.v = v;
  }
  if (typeof formula === "string" && formula.startsWith("=")) cell.formula = formula;
  if (typeof fmt === "string" && fmt !== "" && fmt !== "General") cell.format = fmt;
  return cell;
}

/** Reads the snapshot inside an existing batch (2 syncs). */
export async function readSnapshot(context: Excel.RequestContext, opts: SnapshotOptions = {}): Promise<WorkbookSnapshot> {
  const wb = context.workbook;
  const sheets = wb.worksheets;
  sheets.load("items/name,items/visibility,items/position");
  const names = wb.names;
  names.load("items/name,items/type,items/value");
  const tables = wb.tables;
  tables.load("items/name,items/worksheet/name");
  await syncWithTimeout(context);

  const tableSheets = new Set(tables.items.map((t) => t.worksheet.name));
  const wantedNames = opts.names ?? defaultNames();
  const ranges = new Map<string, Excel.Range>();
  for (const ws of sheets.items) {
    if (!wanted(ws.name, wantedNames, tableSheets)) continue;
    const used = ws.getUsedRange(false);
    used.load("address,rowIndex,columnIndex,values,formulas,numberFormat,valueTypes");
    ranges.set(ws.name, used);
  }
  const tableRanges = tables.items.map((t) => {
    const r = t.getRange();
    r.load("address");
    return { name: t.name, sheet: t.worksheet.name, range: r };
  });
  await syncWithTimeout(context);

  const out: SheetSnapshot[] = [];
  for (const ws of [...sheets.items].sort((a, b) => a.position - b.position)) {
    const sheet: SheetSnapshot = { name: ws.name, visibility: String(ws.visibility), rows: [] };
    const used = ranges.get(ws.name);
    if (used) sheet.rows = gridFromRange(used);
    const ts = tableRanges.filter((t) => t.sheet === ws.name).map((t) => ({ name: t.name, range: stripSheet(t.range.address) }));
    if (ts.length) sheet.tables = ts;
    out.push(sheet);
  }
  const nameMap: Record<string, string> = {};
  for (const n of names.items) {
    const v = typeof n.value === "string" ? n.value : String(n.value);
    nameMap[n.name] = v.startsWith("=") ? v.slice(1) : v;
  }
  return { sheets: out, names: nameMap };
}

/** Cells from A1 of a loaded used range (padded above and to the left). */
function gridFromRange(used: Excel.Range): CellSnapshot[][] {
  const values = used.values ?? [];
  const formulas = used.formulas ?? [];
  const formats = used.numberFormat ?? [];
  const types = used.valueTypes ?? [];
  const r0 = typeof used.rowIndex === "number" ? used.rowIndex : parseRange(used.address).row;
  const c0 = typeof used.columnIndex === "number" ? used.columnIndex : parseRange(used.address).col;
  const rows: CellSnapshot[][] = [];
  for (let i = 0; i < r0; i++) rows.push([]);
  for (let i = 0; i < values.length; i++) {
    const row: CellSnapshot[] = [];
    for (let j = 0; j < c0; j++) row.push({ v: null });
    for (let j = 0; j < values[i].length; j++) {
      row.push(toCell(values[i][j], formulas[i]?.[j], formats[i]?.[j], types[i]?.[j]));
    }
    while (row.length && isBlank(row[row.length - 1]) && !row[row.length - 1].format) row.pop();
    rows.push(row);
  }
  while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

export function isBlank(c: CellSnapshot | undefined): boolean {
  return !c || ((c.v === null || c.v === "") && !c.formula && !c.error);
}

/** The snapshot in its own batch (2 syncs). */
export function takeSnapshot(opts?: SnapshotOptions): Promise<WorkbookSnapshot> {
  return runExcel((ctx) => readSnapshot(ctx, opts));
}
