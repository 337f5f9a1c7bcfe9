/**
 * The add-in's one workbook reader: the structured part of the open workbook as a
 * `WorkbookSnapshot` (src/core/workbook-model.ts), for set-up, import, export, the report
 * and the check, in as few `context.sync()` calls as the size allows:
 *
 * - up to Excel on the web's 5 MB request/response limit: exactly 2 syncs whatever the
 *   row count — (1) sheets, names, tables; (2) the used range of each sheet that can be
 *   ours, with table ranges;
 * - beyond it: the sheets' sizes first, then the rows in the fewest chunks that each stay
 *   under the budget (one sync per chunk).
 *
 * What is loaded per cell (`detail`): "full" (default; set-up, import, export, report) —
 * values, value types, formulas and number formats everywhere, because set-up keeps formats
 * and register formulas; "check" — formulas and formats only on the figures and details
 * sheets (where percents and formulas matter), values and value types on the lists.
 *
 * The size is estimated from the previous read of the same sheet (kept per sheet name and
 * detail, with the bytes per cell actually seen); with no history the first read is
 * attempted in one go, and a "payload too large" answer from Excel falls back to chunks.
 * Every sync goes through `syncWithTimeout`.
 */
import type { CellSnapshot, SheetSnapshot, WorkbookSnapshot } from "../core/workbook-model";
import { MARKER, buildLayout } from "../core/layout";
import { listTemplates } from "../core/templates/index";
import { syncWithTimeout } from "./sync";
import { stripSheet, rectA1 } from "./a1";

/** Excel on the web refuses a request or response over 5 MB. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** What we allow ourselves per sync (JSON framing and our estimate's error take the rest). */
export const DEFAULT_BUDGET = Math.floor(PAYLOAD_LIMIT * 0.8);

/**
 * Bytes per cell in Excel's JSON answer, before any measurement: a value (a register
 * title is ~100 UTF-8 bytes, a date serial 5, most cells a few) and its value type
 * ("String", "Double", "Empty": ~9 bytes); the full load adds the formula (≈ the value
 * again) and the number format (~10 bytes).
 */
export const DEFAULT_BYTES_PER_CELL = { values: 48, full: 100 } as const;

export interface ReadOptions {
  /** Our layout's sheet names (default: the template's). */
  names?: string[];
  /** "full" (default): formulas and formats on every sheet; "check": on the figures and details sheets only. */
  detail?: "full" | "check";
  /** Bytes allowed per sync (default 80% of 5 MB). */
  budgetBytes?: number;
  timeoutMs?: number;
}

export interface ReadStats {
  syncs: number;
  /** Row chunks loaded after the first two syncs (0 when everything fitted). */
  chunks: number;
  cells: number;
  /** Estimated bytes of cell data read. */
  bytes: number;
}

interface SizeHint {
  rows: number;
  cols: number;
  bytesPerCell: number;
}

/** Per detail and sheet name: the size and bytes per cell seen at the last read. */
const hintsByDetail = new Map<string, Map<string, SizeHint>>();
function hintsFor(detail: string): Map<string, SizeHint> {
  let h = hintsByDetail.get(detail);
  if (!h) hintsByDetail.set(detail, (h = new Map()));
  return h;
}

export function resetReadHints(): void {
  hintsByDetail.clear();
}

/** Our sheet names under every known template (the marker has not been read yet). */
function defaultNames(): string[] {
  return Array.from(new Set(listTemplates().flatMap((t) => buildLayout(t).sheets.map((s) => s.name))));
}

/** Sheets that can be ours: the marker, the layout names (or "<name> (phuluc…)"), any sheet holding a table. */
export function wantedSheet(name: string, names: string[], tableSheets: Set<string>): boolean {
  if (name === MARKER.sheet || tableSheets.has(name)) return true;
  const n = name.normalize("NFC").toLowerCase();
  return names.some((x) => {
    const base = x.normalize("NFC").toLowerCase();
    return n === base || n.startsWith(base + " (phuluc");
  });
}

/** The figures and details sheets (small) are read with formulas and formats; lists with values only. */
function fullLoad(name: string, names: string[]): boolean {
  const n = name.normalize("NFC").toLowerCase();
  const small = names.slice(0, 2).map((x) => x.normalize("NFC").toLowerCase());
  return name === MARKER.sheet || small.some((b) => n === b || n.startsWith(b + " (phuluc"));
}

/** UTF-8 length of a JSON text (what Excel sends). */
export function jsonBytes(x: unknown): number {
  const s = JSON.stringify(x) ?? "";
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}

export interface ChunkPlan {
  sheet: string;
  /** 0-based first row of the chunk within the used range, and how many rows. */
  row: number;
  rows: number;
}

/**
 * Rows of big sheets in the fewest chunks whose estimated bytes stay under `budget`;
 * several small slices share one sync. Returns the syncs' contents, in order.
 */
export function planChunks(sheets: { name: string; rows: number; cols: number; bytesPerCell: number }[], budget: number): ChunkPlan[][] {
  const out: ChunkPlan[][] = [];
  let current: ChunkPlan[] = [];
  let room = budget;
  for (const s of sheets) {
    const rowBytes = Math.max(1, s.cols * s.bytesPerCell);
    let row = 0;
    while (row < s.rows) {
      let fit = Math.floor(room / rowBytes);
      if (fit < 1) {
        if (current.length) out.push(current);
        current = [];
        room = budget;
        fit = Math.max(1, Math.floor(room / rowBytes));
      }
      const n = Math.min(fit, s.rows - row);
      current.push({ sheet: s.name, row, rows: n });
      room -= n * rowBytes;
      row += n;
    }
  }
  if (current.length) out.push(current);
  return out;
}

function toCell(v: unknown, formula: unknown, fmt: unknown, type: unknown): CellSnapshot {
  const cell: CellSnapshot = { v: null };
  if (type === "Error") cell.error = String(v);
  else if (typeof v === "number" || typeof v === "boolean") cell.v = v;
  else if (typeof v === "string" && v !== "") cell.v = v;
  if (typeof formula === "string" && formula.startsWith("=")) cell.formula = formula;
  if (typeof fmt === "string" && fmt !== "" && fmt !== "General") cell.format = fmt;
  return cell;
}

interface Block {
  row0: number;
  col0: number;
  values: unknown[][];
  formulas?: unknown[][];
  formats?: unknown[][];
  types?: unknown[][];
}

function grid(blocks: Block[]): CellSnapshot[][] {
  const rows: CellSnapshot[][] = [];
  for (const b of blocks) {
    for (let i = 0; i < b.values.length; i++) {
      const r = b.row0 + i;
      while (rows.length < r) rows.push([]);
      const row: CellSnapshot[] = [];
      for (let j = 0; j < b.col0; j++) row.push({ v: null });
      for (let j = 0; j < b.values[i].length; j++) row.push(toCell(b.values[i][j], b.formulas?.[i]?.[j], b.formats?.[i]?.[j], b.types?.[i]?.[j]));
      while (row.length && row[row.length - 1].v === null && !row[row.length - 1].formula && !row[row.length - 1].error && !row[row.length - 1].format) row.pop();
      rows[r] = row;
    }
  }
  for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
  while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: string } | undefined)?.code ?? "";
  const msg = String((e as { message?: string } | undefined)?.message ?? "");
  return /PayloadSizeLimitExceeded|PayloadTooLarge/i.test(code) || /payload size/i.test(msg);
}

const PROPS_FULL = "address,rowIndex,columnIndex,rowCount,columnCount,values,formulas,numberFormat,valueTypes";
const PROPS_VALUES = "address,rowIndex,columnIndex,rowCount,columnCount,values,valueTypes";

/** Reads the snapshot inside an existing batch: 2 syncs up to the budget, then one per chunk. */
export async function readBook(context: Excel.RequestContext, opts: ReadOptions = {}): Promise<{ snapshot: WorkbookSnapshot; stats: ReadStats }> {
  const timeout = opts.timeoutMs ?? 15000;
  const budget = opts.budgetBytes ?? DEFAULT_BUDGET;
  const names = opts.names ?? defaultNames();
  const detail = opts.detail ?? "full";
  const hints = hintsFor(detail);
  const stats: ReadStats = { syncs: 0, chunks: 0, cells: 0, bytes: 0 };
  const sync = async () => {
    await syncWithTimeout(context, timeout);
    stats.syncs++;
  };
  const wb = context.workbook;

  // Sync 1: sheets, names, tables.
  const sheets = wb.worksheets;
  sheets.load("items/name,items/visibility,items/position");
  const nameItems = wb.names;
  nameItems.load("items/name,items/type,items/value");
  const tables = wb.tables;
  tables.load("items/name,items/worksheet/name");
  await sync();

  const tableSheets = new Set(tables.items.map((t) => t.worksheet.name));
  const ours = sheets.items.filter((ws) => wantedSheet(ws.name, names, tableSheets));
  const full = (n: string) => detail === "full" || fullLoad(n, names);
  const estimate = (n: string) => {
    const h = hints.get(n);
    return h ? h.rows * h.cols * h.bytesPerCell : 0;
  };
  const known = ours.every((ws) => hints.has(ws.name));
  const tooBig = known && ours.reduce((s, ws) => s + estimate(ws.name), 0) > budget;

  const blocks = new Map<string, Block[]>();
  const tableRanges: { name: string; sheet: string; range: Excel.Range }[] = [];
  const loadTables = () => {
    for (const t of tables.items) {
      const r = t.getRange();
      r.load("address");
      tableRanges.push({ name: t.name, sheet: t.worksheet.name, range: r });
    }
  };
  const record = (name: string, r: Excel.Range, isFull: boolean, row0?: number) => {
    const b: Block = {
      row0: row0 ?? r.rowIndex,
      col0: r.columnIndex,
      values: r.values ?? [],
      types: r.valueTypes as unknown[][],
    };
    if (isFull) {
      b.formulas = r.formulas;
      b.formats = r.numberFormat;
    }
    const cells = (r.values ?? []).reduce((s, row) => s + row.length, 0);
    const bytes = jsonBytes(b.values) + jsonBytes(b.types) + (isFull ? jsonBytes(b.formulas) + jsonBytes(b.formats) : 0);
    stats.cells += cells;
    stats.bytes += bytes;
    if (!blocks.has(name)) blocks.set(name, []);
    blocks.get(name)!.push(b);
    return { cells, bytes };
  };

  let chunked = tooBig;
  if (!chunked) {
    // Sync 2: everything in one go.
    const used = new Map<string, Excel.Range>();
    for (const ws of ours) {
      const r = ws.getUsedRangeOrNullObject(false);
      r.load(full(ws.name) ? PROPS_FULL : PROPS_VALUES);
      used.set(ws.name, r);
    }
    loadTables();
    try {
      await sync();
      for (const [name, r] of used) {
        if (r.isNullObject) {
          hints.set(name, { rows: 0, cols: 0, bytesPerCell: DEFAULT_BYTES_PER_CELL.values });
          continue;
        }
        const { cells, bytes } = record(name, r, full(name));
        hints.set(name, { rows: r.rowCount, cols: r.columnCount, bytesPerCell: cells ? Math.max(4, bytes / cells) : DEFAULT_BYTES_PER_CELL.values });
      }
    } catch (e) {
      if (!isPayloadError(e)) throw e;
      stats.syncs++; // the refused sync still went to Excel
      chunked = true;
      tableRanges.length = 0;
      blocks.clear();
      stats.cells = 0;
      stats.bytes = 0;
    }
  }

  if (chunked) {
    // Sync 2: sizes only (and table ranges).
    const dims = new Map<string, Excel.Range>();
    for (const ws of ours) {
      const r = ws.getUsedRangeOrNullObject(false);
      r.load("address,rowIndex,columnIndex,rowCount,columnCount");
      dims.set(ws.name, r);
    }
    loadTables();
    await sync();
    const sizes: { name: string; rows: number; cols: number; bytesPerCell: number; row0: number; col0: number }[] = [];
    for (const [name, r] of dims) {
      if (r.isNullObject) continue;
      const h = hints.get(name);
      const bpc = h?.bytesPerCell ?? (full(name) ? DEFAULT_BYTES_PER_CELL.full : DEFAULT_BYTES_PER_CELL.values);
      sizes.push({ name, rows: r.rowCount, cols: r.columnCount, bytesPerCell: bpc, row0: r.rowIndex, col0: r.columnIndex });
    }
    const plan = planChunks(sizes, budget);
    for (const syncPlan of plan) {
      const loaded: { chunk: ChunkPlan; range: Excel.Range }[] = [];
      for (const c of syncPlan) {
        const s = sizes.find((x) => x.name === c.sheet)!;
        // getRange with an A1 address (ExcelApi 1.1; getRangeByIndexes needs 1.7).
        const range = sheets.items.find((w) => w.name === c.sheet)!.getRange(rectA1({ row: s.row0 + c.row, col: s.col0, rows: c.rows, cols: s.cols }));
        range.load(full(c.sheet) ? PROPS_FULL : PROPS_VALUES);
        loaded.push({ chunk: c, range });
      }
      await sync();
      stats.chunks++;
      for (const { chunk, range } of loaded) {
        const s = sizes.find((x) => x.name === chunk.sheet)!;
        record(chunk.sheet, range, full(chunk.sheet), s.row0 + chunk.row);
      }
    }
    for (const s of sizes) {
      const got = blocks.get(s.name) ?? [];
      const cells = got.reduce((n, b) => n + b.values.reduce((m, row) => m + row.length, 0), 0);
      const bytes = got.reduce((n, b) => n + jsonBytes(b.values) + jsonBytes(b.types) + (b.formulas ? jsonBytes(b.formulas) + jsonBytes(b.formats) : 0), 0);
      hints.set(s.name, { rows: s.rows, cols: s.cols, bytesPerCell: cells ? Math.max(4, bytes / cells) : s.bytesPerCell });
    }
  }

  // Our sheets the marker records but the first reads left out (no table, a name of a template
  // this pane did not know before reading the marker, e.g. a register of a province's template
  // carried in the workbook): one more sync, only then.
  const markerBlocks = blocks.get(MARKER.sheet);
  if (markerBlocks) {
    const recorded = new Set<string>();
    for (const row of grid(markerBlocks).slice(MARKER.firstRoleRow - 1)) if (row[1] && typeof row[1].v === "string") recorded.add(row[1].v);
    const missed = sheets.items.filter((ws) => recorded.has(ws.name) && !blocks.has(ws.name) && !ours.includes(ws));
    if (missed.length) {
      const used = new Map<string, Excel.Range>();
      for (const ws of missed) {
        const r = ws.getUsedRangeOrNullObject(false);
        r.load(PROPS_FULL);
        used.set(ws.name, r);
      }
      await sync();
      for (const [name, r] of used) if (!r.isNullObject) record(name, r, true);
    }
  }

  const out: SheetSnapshot[] = [];
  for (const ws of [...sheets.items].sort((a, b) => a.position - b.position)) {
    const sheet: SheetSnapshot = { name: ws.name, visibility: String(ws.visibility), rows: [] };
    const bs = blocks.get(ws.name);
    if (bs) sheet.rows = grid(bs.sort((a, b) => a.row0 - b.row0));
    const ts = tableRanges.filter((t) => t.sheet === ws.name).map((t) => ({ name: t.name, range: stripSheet(t.range.address) }));
    if (ts.length) sheet.tables = ts;
    out.push(sheet);
  }
  const nameMap: Record<string, string> = {};
  for (const n of nameItems.items) {
    const v = typeof n.value === "string" ? n.value : String(n.value);
    nameMap[n.name] = v.startsWith("=") ? v.slice(1) : v;
  }
  return { snapshot: { sheets: out, names: nameMap }, stats };
}

/** The snapshot inside an existing batch (2 syncs up to the budget). */
export async function readSnapshot(context: Excel.RequestContext, opts: ReadOptions = {}): Promise<WorkbookSnapshot> {
  return (await readBook(context, opts)).snapshot;
}
