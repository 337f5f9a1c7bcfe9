/**
 * Columns the user added inside one of our tables (a "Ghi chú" column typed into the register
 * table or the "Phụ lục" table): the one definition, used by the pane's upgrade
 * (src/excel/setup-plan.ts `rewriteOps`) and by the command line's (src/cli/main.ts, through
 * `withUserColumns`). A column is the user's when its header, inside the old table, is none of
 * ours (the new plan's headers, and any other header the caller knows as ours, e.g. the old
 * template's). Its cells follow their rows: on "Phụ lục" and "Thông tin" by the row's key
 * (code), elsewhere in order of the old table's non-empty rows. Pure: no Office, no Node.
 */
import type { CellPlan, CellSnapshot, SheetPlan, SheetSnapshot, WorkbookPlan, WorkbookSnapshot } from "./workbook-model";
import { infoFieldOf } from "./layout";
import { headerKey } from "./sheet-read";

export interface UserColumns {
  /** The old sheet's 0-based columns the user added inside the table, with their header text. */
  columns: { col: number; header: string }[];
  /**
   * Where each old row's cells go: old row offset below the header (1 = first data row) →
   * new row offset below the header in the plan's table.
   */
  target: Map<number, number>;
  /** The old table's extent from its header row (rows including the header, columns). */
  oldRows: number;
  oldCols: number;
  /** The old sheet's Excel table sits at the plan's header row, column A (its rect, 0-based). */
  rect?: { row: number; col: number; rows: number; cols: number };
  atHeader: boolean;
}

const cellAt = (s: SheetSnapshot | undefined, row: number, col: number): CellSnapshot | undefined => s?.rows[row]?.[col];

function blank(c: CellSnapshot | undefined): boolean {
  return !c || ((c.v === null || c.v === "") && !c.formula && !c.error);
}

/** The plan's key column ("code" on "Phụ lục", "key" on "Thông tin"), by the layout's column key, never by header text. */
export function planKeyColumn(p: SheetPlan): number {
  const keys = p.table.keys ?? [];
  const i = keys.findIndex((k) => k === "code" || k === "key");
  return i >= 0 ? i : p.table.header.findIndex((x) => String(x).normalize("NFC").trim().toLowerCase() === "mã");
}

/** Sheets whose rows are fixed by the layout (one per indicator / info field). */
export function fixedRows(p: SheetPlan): boolean {
  return p.role === "indicators" || p.role === "info";
}

/** A fixed row's key as text: an info row's Vietnamese name or the spec's key an older workbook holds are one key. */
export function rowKeyOf(p: SheetPlan): (k: unknown) => string | undefined {
  return (k) => (typeof k !== "string" || !k ? undefined : p.role === "info" ? infoFieldOf(k)?.key ?? k : k);
}

/** The column of the sheet that holds the most of the plan's keys below the header (any layout version). */
export function sheetKeyColumn(s: SheetSnapshot, h: number, p: SheetPlan, planKey: number, keyOf: (k: unknown) => string | undefined = (k) => (typeof k === "string" && k ? k : undefined)): number {
  const want = new Set(p.table.rows.map((r) => keyOf(r[planKey]?.v)).filter((v): v is string => !!v));
  let best = planKey;
  let most = 0;
  const width = Math.min(30, Math.max(0, ...s.rows.slice(h + 1, h + 1 + p.table.rows.length + 50).map((r) => (r ? r.length : 0))));
  for (let c = 0; c < width; c++) {
    let n = 0;
    for (let r = h + 1; r < Math.min(s.rows.length, h + 1 + p.table.rows.length + 50); r++) {
      const v = keyOf(cellAt(s, r, c)?.v);
      if (v && want.has(v)) n++;
    }
    if (n > most) {
      most = n;
      best = c;
    }
  }
  return best;
}

function lastDataRow(s: SheetSnapshot, h: number, tw: number): number {
  let last = h + 1;
  for (let r = h + 1; r < s.rows.length; r++) {
    for (let j = 0; j < tw; j++) if (!blank(cellAt(s, r, j))) last = r;
  }
  return last;
}

function colNumber(letters: string): number {
  let c = 0;
  for (const ch of letters.toUpperCase()) c = c * 26 + ch.charCodeAt(0) - 64;
  return c - 1;
}

/** The 0-based rectangle of the sheet's Excel table `table` (its range as the snapshot lists it). */
export function tableRectOf(s: SheetSnapshot | undefined, table: string): UserColumns["rect"] {
  const t = (s?.tables ?? []).find((x) => x.name.toLowerCase() === table.toLowerCase());
  if (!t) return undefined;
  const bare = t.range.includes("!") ? t.range.slice(t.range.lastIndexOf("!") + 1) : t.range;
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(bare);
  if (!m) return undefined;
  const r1 = parseInt(m[2], 10) - 1;
  const c1 = colNumber(m[1]);
  const r2 = m[4] ? parseInt(m[4], 10) - 1 : r1;
  const c2 = m[3] ? colNumber(m[3]) : c1;
  return { row: Math.min(r1, r2), col: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
}

/**
 * The user's columns inside the old sheet `s`'s table, whose new shape is plan sheet `p`;
 * `alsoOurs`: other headers that are ours (e.g. the old template's plan of this sheet: a
 * register column the new version dropped is kept by the upgrade under its own header).
 */
export function userColumns(p: SheetPlan, s: SheetSnapshot, alsoOurs: string[] = []): UserColumns {
  const h = p.table.headerRow - 1;
  const tw = p.table.header.length;
  const rect = tableRectOf(s, p.table.name);
  const atHeader = !!rect && rect.row === h && rect.col === 0;
  const oldCols = atHeader ? rect!.cols : Math.max(0, ...(s.rows[h] ?? []).map((c, j) => (blank(c) ? 0 : j + 1)));
  const oldRows = atHeader ? rect!.rows : lastDataRow(s, h, Math.max(oldCols, tw)) - h + 1;
  const known = new Set([...p.table.header, ...alsoOurs].map((x) => headerKey(x)));
  const headerCells = s.rows[h] ?? [];
  const columns: UserColumns["columns"] = [];
  for (let j = 0; j < oldCols; j++) {
    const c = headerCells[j];
    if (!blank(c) && typeof c!.v === "string" && !known.has(headerKey(c!.v))) columns.push({ col: j, header: c!.v });
  }
  const theirs = columns.map((c) => c.col);
  const target = theirs.length ? rowTargets(p, s, theirs, oldRows, oldCols, true) : new Map<number, number>();
  return { columns, target, oldRows, oldCols, rect, atHeader };
}

/**
 * Where the old table's rows go in the plan's table (offsets below the header): fixed rows by
 * their key, register rows in order of the old table's non-empty rows. `theirs`: the user's
 * columns; with `onlyTheirs`, only rows with a cell in them are placed (rows whose key the new
 * plan lacks go below the plan's rows); otherwise every row the new plan holds.
 */
function rowTargets(p: SheetPlan, s: SheetSnapshot, theirs: number[], oldRows: number, oldCols: number, onlyTheirs: boolean): Map<number, number> {
  const h = p.table.headerRow - 1;
  const tw = p.table.header.length;
  const planRows = p.table.rows.length + 1;
  const target = new Map<number, number>();
  {
    if (fixedRows(p)) {
      const newKey = planKeyColumn(p);
      const keyOf = rowKeyOf(p);
      const oldKey = newKey >= 0 ? sheetKeyColumn(s, h, p, newKey, keyOf) : -1;
      const newRowOf = new Map<string, number>();
      if (newKey >= 0)
        p.table.rows.forEach((r, i) => {
          const k = keyOf(r[newKey]?.v);
          if (k) newRowOf.set(k, i + 1);
        });
      let extra = planRows;
      for (let i = 1; i < oldRows; i++) {
        const k = oldKey >= 0 ? keyOf(cellAt(s, h + i, oldKey)?.v) : undefined;
        const to = k ? newRowOf.get(k) : undefined;
        if (!onlyTheirs) {
          if (to) target.set(i, to);
          continue;
        }
        if (!theirs.some((j) => !blank(cellAt(s, h + i, j)))) continue;
        target.set(i, to ?? extra++);
      }
    } else {
      // Register rows: the plan holds the old table's non-empty rows in order (the reader skips empty ones).
      const ours = Array.from({ length: oldCols }, (_x, j) => j).filter((j) => !theirs.includes(j));
      let next = 1;
      for (let i = 1; i < oldRows; i++) if ((ours.length ? ours : [...Array(tw).keys()]).some((j) => !blank(cellAt(s, h + i, j)))) target.set(i, next++);
      let extra = Math.max(planRows, next);
      if (onlyTheirs) {
        for (const [i] of target) if (!theirs.some((j) => !blank(cellAt(s, h + i, j)))) target.delete(i);
        for (let i = 1; i < oldRows; i++) if (!target.has(i) && theirs.some((j) => !blank(cellAt(s, h + i, j)))) target.set(i, extra++);
      }
    }
  }
  return target;
}

/**
 * Where each cell of the old table's data rows goes in the rewritten table (`p`: the new plan
 * sheet, the user's columns already appended): 0-based old (row, col) → new (row, col), matched
 * by row (key or order) and by column header. For a writer that carries the user's cell styles.
 */
export function cellMoves(p: SheetPlan, s: SheetSnapshot): { from: [number, number]; to: [number, number] }[] {
  const h = p.table.headerRow - 1;
  const rect = tableRectOf(s, p.table.name);
  const atHeader = !!rect && rect.row === h && rect.col === 0;
  const oldCols = atHeader ? rect!.cols : Math.max(0, ...(s.rows[h] ?? []).map((c, j) => (blank(c) ? 0 : j + 1)));
  const oldRows = atHeader ? rect!.rows : lastDataRow(s, h, Math.max(oldCols, p.table.header.length)) - h + 1;
  const newCol = new Map(p.table.header.map((x, j) => [headerKey(x), j]));
  const cols: [number, number][] = [];
  for (let j = 0; j < oldCols; j++) {
    const to = newCol.get(headerKey(cellAt(s, h, j)?.v));
    if (to !== undefined) cols.push([j, to]);
  }
  const out: { from: [number, number]; to: [number, number] }[] = [];
  for (const [i, r] of rowTargets(p, s, [], oldRows, oldCols, false)) for (const [j, c] of cols) out.push({ from: [h + i, j], to: [h + r, c] });
  return out;
}

/** A user's cell as the plan writes it: its value or formula, its number format. */
function planCell(c: CellSnapshot | undefined): CellPlan {
  if (!c) return { v: null };
  const out: CellPlan = c.formula ? { formula: c.formula, result: c.v } : { v: c.v };
  if (c.format && c.format !== "General") out.format = c.format;
  return out;
}

export interface KeptUserColumns {
  /** The new sheet (layout name) and the old sheet's name. */
  sheet: string;
  oldSheet: string;
  headers: string[];
  /** Non-empty cells kept, all columns together. */
  cells: number;
}

/**
 * The plan of a rewritten workbook with the user's own table columns of the old workbook
 * appended to the right of each table (header, cells by row as `userColumns` places them), for
 * a writer that rewrites the whole file (the command line's upgrade). `oldSheetOf(table)`: the
 * old sheet of ours holding that table, if any; `prevPlan`: the old template's plan, whose
 * headers are ours too.
 */
export function withUserColumns(plan: WorkbookPlan, snap: WorkbookSnapshot, oldSheetOf: (table: string) => string | undefined, prevPlan?: WorkbookPlan): { plan: WorkbookPlan; kept: KeptUserColumns[] } {
  const kept: KeptUserColumns[] = [];
  const sheets = plan.sheets.map((p) => {
    const name = oldSheetOf(p.table.name);
    const s = name ? snap.sheets.find((x) => x.name === name) : undefined;
    if (!s) return p;
    const prev = prevPlan?.sheets.find((x) => x.table.name.toLowerCase() === p.table.name.toLowerCase());
    const u = userColumns(p, s, prev ? prev.table.header : []);
    if (!u.columns.length) return p;
    const h = p.table.headerRow - 1;
    const tw = p.table.header.length;
    const n = Math.max(p.table.rows.length, ...[...u.target.values()]);
    const rows: CellPlan[][] = Array.from({ length: n }, (_r, i) => [...(p.table.rows[i] ?? Array.from({ length: tw }, () => ({ v: null }))), ...u.columns.map(() => ({ v: null }) as CellPlan)]);
    let cells = 0;
    u.columns.forEach((c, k) => {
      for (const [from, to] of u.target) {
        const cell = cellAt(s, h + from, c.col);
        if (blank(cell)) continue;
        rows[to - 1][tw + k] = planCell(cell);
        cells++;
      }
    });
    kept.push({ sheet: p.name, oldSheet: s.name, headers: u.columns.map((c) => c.header), cells });
    return {
      ...p,
      table: {
        ...p.table,
        header: [...p.table.header, ...u.columns.map((c) => c.header)],
        keys: [...(p.table.keys ?? p.table.header.map(() => undefined)), ...u.columns.map(() => undefined)],
        rows,
        columns: [...p.table.columns, ...u.columns.map(() => ({ width: 20, wrap: true }))],
        formatRows: Math.max(p.table.formatRows, rows.length),
      },
    };
  });
  return { plan: { ...plan, sheets }, kept };
}
